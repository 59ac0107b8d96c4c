import { z } from 'astro/zod';
import { AUDIENCE_IDS, STATUSES } from './vocab.ts';
import { refTo } from './refs.ts';
import { nonBlank, PhaseNumberSchema } from './governance.ts';

/**
 * A start-here page for one audience (content/start/<id>.yaml, served at /start/<id>/): its words,
 * the onboarding path written for it and the phase guide it recommends.
 */
export const StartSchema = z.strictObject({
  /** The audience as the page greets it, e.g. "Leading a spoke". */
  title: nonBlank('title'),
  /** Who the page is for: the protocols and playbooks it lists are those for this audience. */
  audience: z.enum(AUDIENCE_IDS, { error: `Use one audience from: ${AUDIENCE_IDS.join(', ')}.` }),
  /** One or two sentences on what the reader gets here, shown on the home page too. */
  pitch: nonBlank('pitch'),
  /** The onboarding path written for this audience: an id from content/paths. */
  path: refTo('paths'),
  /**
   * The phase whose guide the page recommends. When the path has a phase guide step, name the
   * same phase (the content check refuses another), so the two pages never disagree.
   */
  phase: PhaseNumberSchema,
  /** Why that phase guide, in a sentence or two; the page adds the link. */
  phaseWhy: nonBlank('phaseWhy'),
  /** Position on the home page and on /start/ (smallest first). */
  order: z.number().int().min(0),
  status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }).default('published'),
});
export type StartAudienceData = z.output<typeof StartSchema>;
