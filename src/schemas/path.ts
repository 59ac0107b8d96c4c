import { z } from 'astro/zod';
import { checkGovernance, governanceShape } from './governance.ts';
import { AnyRefSchema } from './refs.ts';
import { AUDIENCE_IDS } from './vocab.ts';

export const PathStepSchema = z.strictObject({
  /** The entry to read or do, as collection/id. */
  entry: AnyRefSchema,
  /** Why this step matters, in one sentence. */
  why: z.string({ error: 'Say why the step matters (why).' }).trim().min(1),
  /** Minutes the step takes. */
  minutes: z.number({ error: 'Estimate the step in minutes (minutes: 20).' }).int().min(1).max(600),
});
export type PathStep = z.output<typeof PathStepSchema>;

/** An onboarding path: ordered steps through entries of any collection. */
export const PathSchema = z
  .strictObject({
    ...governanceShape,
    /** The audience the path is for. */
    audience: z.enum(AUDIENCE_IDS),
    /** Ordered steps. */
    steps: z.array(PathStepSchema).min(1, 'A path needs at least one step.'),
  })
  .superRefine(checkGovernance);
export type Path = z.output<typeof PathSchema>;
