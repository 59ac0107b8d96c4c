import { z } from 'astro/zod';
import { checkGovernance, governanceShape, PhaseNumberSchema } from './governance.ts';
import { refTo } from './refs.ts';

const points = (what: string) => z.array(z.string().trim().min(1), { error: `List ${what}.` }).min(1, `List at least one of ${what}.`);

/** One of the four adoption-phase guides. */
export const PhaseSchema = z
  .strictObject({
    ...governanceShape,
    /** Which phase of the adoption curve this guide describes. */
    phase: PhaseNumberSchema,
    /** The phase's short name, e.g. "Experimenting". */
    name: z.string().trim().min(1),
    /** Signs an organisation can check to recognise the phase. */
    signs: points('signs'),
    /** Typical risks at this phase. */
    risks: z.array(z.string().trim().min(1)).default([]),
    /** What the hub offers spokes at this phase. */
    hubOffers: z.array(z.string().trim().min(1)).default([]),
    /** The moves that take an organisation to the next phase. */
    nextMoves: points('moves to the next phase'),
    /** Playbooks to start with, as playbook ids. */
    playbooks: z.array(refTo('playbooks')).default([]),
  })
  .superRefine(checkGovernance);
export type Phase = z.output<typeof PhaseSchema>;
