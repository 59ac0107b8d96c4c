import { z } from 'astro/zod';
import { STATUSES } from './vocab.ts';

/** A team of the hub that owns entries. */
export const TeamSchema = z
  .strictObject({
    name: z.string({ error: 'Add the team name.' }).trim().min(1),
    /** What the team is responsible for. */
    description: z.string().trim().min(1),
    /** The role that leads the team, e.g. "hub lead". */
    leadRole: z.string().trim().min(1),
    /** Where readers send feedback: a mailbox or an issue tracker URL. */
    /** draft teams are not shown; withdrawn teams keep their page with a banner and own nothing. */
    status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }).default('published'),
    contact: z.strictObject({
      email: z.email('Give a valid email address.').optional(),
      url: z.url({ protocol: /^https?$/, error: 'Give a full URL, starting with https://' }).optional(),
    }),
  })
  .superRefine((team, ctx) => {
    if (!team.contact.email && !team.contact.url) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: 'Give the team a contact: email or url.' });
    }
  });
export type Team = z.output<typeof TeamSchema>;
