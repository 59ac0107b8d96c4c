import { z } from 'astro/zod';
import { DaySchema } from './dates.ts';
import { checkGovernance, governanceShape } from './governance.ts';

/** A chapter of the social media policy, a controlled document. */
export const PolicySchema = z
  .strictObject({
    ...governanceShape,
    /** Position of the chapter in the policy, from 1. */
    order: z.number({ error: 'Give the chapter position as a number (order: 3).' }).int().min(0),
    /** The chapter's current version, e.g. "2.1". */
    version: z.string({ error: 'Give the version, e.g. version: "2.1".' }).trim().regex(/^\d+(\.\d+){0,2}$/, 'Write the version as numbers with dots, e.g. "2.1".'),
    /** The day this version takes effect. */
    effective: DaySchema,
    /** Controlled documents need a named owner, a yearly review and tracked exceptions. */
    controlled: z.boolean().default(true),
  })
  .superRefine(checkGovernance)
  .superRefine((data, ctx) => {
    const major = data.changes.filter((c) => c.type === 'major');
    if (data.controlled && major.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'A controlled document needs at least one major change in its history (the version that made it effective).' });
    }
  });
export type Policy = z.output<typeof PolicySchema>;
