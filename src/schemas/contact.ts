import { z } from 'astro/zod';
import { refTo } from './refs.ts';
import { STATUSES } from './vocab.ts';

/**
 * An international phone number as readers dial it: a leading +, then digits with optional spaces.
 * The `tel:` link is derived from it (see src/lib/contacts.ts), so the two never disagree.
 */
const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+[0-9][0-9 ]{6,20}$/, 'Write the number in international form with spaces only, for example +44 20 7946 0101.');

/**
 * A duty role or a team's line: who to reach and every way to reach them. Protocols name contacts by
 * id (the file name), so a number changes in one place and every protocol shows the new one.
 */
export const ContactSchema = z
  .strictObject({
    /** The role or line as readers know it, e.g. "PR duty officer". Never a person's name. */
    name: z.string({ error: 'Add the role name (name).' }).trim().min(1),
    /** `duty`: a role on a rota, reachable at any hour; `team`: a team's line in working hours. */
    kind: z.enum(['duty', 'team'], { error: 'Set kind to duty or team.' }),
    /** The hub team this line belongs to, if any: an id from content/teams. */
    team: refTo('teams').optional(),
    /** What this role does for a reader, in one or two sentences. */
    description: z.string().trim().min(1),
    /** Phone number in international form; pages link it with tel:. */
    phone: PhoneSchema.optional(),
    /** Mailbox. */
    email: z.email('Give a valid email address.').optional(),
    /** Chat channel or queue, e.g. "#response-desk in the company chat". */
    chat: z.string().trim().min(1).optional(),
    /** When the role answers, e.g. "24 hours, every day" or "Monday to Friday, 08:00–18:00". */
    hours: z.string({ error: 'Say when this contact answers (hours).' }).trim().min(1),
    /** Where to go outside those hours. */
    outOfHours: z.string().trim().min(1).optional(),
    /**
     * True while the phone number is a fictional placeholder: the page says so next to it, so nobody
     * dials it in an incident. Set to false when the real number is in.
     */
    placeholder: z.boolean().default(false),
    /** draft: never shown and not referable from published protocols; withdrawn: off the rota page. */
    status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }).default('published'),
  })
  .superRefine((c, ctx) => {
    if (!c.phone && !c.email && !c.chat) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give at least one way to reach this contact: phone, email or chat.' });
    }
  });
export type Contact = z.output<typeof ContactSchema>;
