import { z } from 'astro/zod';
import { DaySchema } from './dates.ts';
import { PhaseNumberSchema } from './governance.ts';
import { AUDIENCE_IDS, STATUSES } from './vocab.ts';

/** A business unit or function, or the hub itself. */
export const SpokeSchema = z.strictObject({
  name: z.string({ error: 'Add the spoke name.' }).trim().min(1),
  /** The hub runs the centre of excellence; spokes run their own social activity. */
  kind: z.enum(['hub', 'spoke'], { error: 'Set kind to hub or spoke.' }),
  /** Business unit, or a function such as PR or HR. */
  type: z.enum(['business-unit', 'function'], { error: 'Set type to business-unit or function.' }),
  description: z.string().trim().min(1),
  /** The role to contact, never a person's name. */
  contactRole: z.string().trim().min(1),
  /** The adoption phase as last assessed. */
  phase: PhaseNumberSchema.optional(),
  /** When the phase was last assessed. */
  assessedOn: DaySchema.optional(),
  /** Audiences the spoke's people mostly belong to. */
  audiences: z.array(z.enum(AUDIENCE_IDS)).default([]),
  /** draft spokes are not shown; withdrawn spokes keep their page with a banner and leave every list. */
  status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }).default('published'),
  /** Channels the spoke runs. */
  channels: z.array(z.string().trim()).default([]),
});
export type Spoke = z.output<typeof SpokeSchema>;
