import { z } from 'astro/zod';

/** A team of the hub that owns entries. */
export const TeamSchema = z
  .strictObject({
    name: z.string({ error: 'Add the team name.' }).trim().min(1),
    /** What the team is responsible for. */
    description: z.string().trim().min(1),
    /** The role that leads the team, e.g. "hub lead". */
    leadRole: z.string().trim().min(1),
    /** Where readers send feedback: a mailbox or an issue tracker URL. */
    contact: z.strictObject({
      email: z.email('Give a valid email address.').optional(),
      url: z.url('Give a full URL, starting with https://').optional(),
    }),
  })
  .superRefine((team, ctx) => {
    if (!team.contact.email && !team.contact.url) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'Give the team a contact: email or url.' });
    }
  });
export type Team = z.output<typeof TeamSchema>;
