import { z } from 'astro/zod';
import { checkGovernance, governanceShape, PhaseNumberSchema } from './governance.ts';
import { CHANNEL_IDS } from './vocab.ts';

/** A how-to guide for a task a practitioner does. */
export const PlaybookSchema = z
  .strictObject({
    ...governanceShape,
    /** What the reader will have achieved. */
    goal: z.string({ error: 'Say what the reader will have achieved (goal).' }).trim().min(1),
    /** The situation that calls for this playbook. */
    whenToUse: z.string({ error: 'Say when to use the playbook (whenToUse).' }).trim().min(1),
    /** Honest time estimate, e.g. "2 hours" or "3 weeks, 2 hours a week". */
    timeNeeded: z.string({ error: 'Estimate the time needed (timeNeeded), e.g. "2 hours".' }).trim().min(1),
    /** What must be in place first. */
    prerequisites: z.array(z.string().trim().min(1)).default([]),
    /** Adoption phases the playbook suits. */
    phases: z.array(PhaseNumberSchema).min(1, 'List at least one phase (1 to 4).'),
    /** Channels the playbook applies to. */
    channels: z
      .array(z.enum(CHANNEL_IDS, { error: `Use channels from: ${CHANNEL_IDS.join(', ')}.` }))
      .min(1, 'List at least one channel, or all-channels.'),
  })
  .superRefine(checkGovernance);
export type Playbook = z.output<typeof PlaybookSchema>;
