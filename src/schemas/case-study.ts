import { z } from 'astro/zod';
import { checkGovernance, governanceShape, PhaseNumberSchema } from './governance.ts';
import { refTo } from './refs.ts';

/** A measured result: what a number was before and after the work. */
export const OutcomeSchema = z.strictObject({
  label: z.string().trim().min(1),
  before: z.number({ error: 'Give before as a number.' }),
  after: z.number({ error: 'Give after as a number.' }),
  /** e.g. "%", "hours", "leads per month". */
  unit: z.string().trim().min(1),
});
export type Outcome = z.output<typeof OutcomeSchema>;

/** What a spoke did, what happened, and what others can learn. */
export const CaseStudySchema = z
  .strictObject({
    ...governanceShape,
    /** The spoke the story is about: an id from content/spokes. */
    spoke: refTo('spokes'),
    /** The phase the spoke was in at the time. */
    phase: PhaseNumberSchema,
    /** The starting situation, in a sentence or two. */
    situation: z.string().trim().min(1),
    /** What was done, step by step. */
    actions: z.array(z.string().trim().min(1)).min(1, 'List what was done (actions).'),
    /** Measured outcomes, with numbers. */
    outcomes: z.array(OutcomeSchema).min(1, 'Give at least one measured outcome (label, before, after, unit).'),
    /** What others should take away. */
    lessons: z.array(z.string().trim().min(1)).min(1, 'List at least one lesson.'),
    /** Whether the story includes a failure the spoke recovered from. */
    recovery: z.boolean().default(false),
  })
  .superRefine(checkGovernance);
export type CaseStudy = z.output<typeof CaseStudySchema>;
