/**
 * The section ids every entry page renders around its body: one table for the panels that write
 * them, the table of contents that lists them, and the link check that accepts `#id` links to them.
 */
import type { DocCollection } from '../schemas/vocab.ts';
import type { TocItem } from './toc.ts';

export const SECTION = {
  /** The page's main region (the layout's skip link target). */
  main: 'main',
  firstHour: 'first-hour',
  severityTiers: 'severity-tiers',
  whoToCall: 'who-to-call',
  atAGlance: 'at-a-glance',
  signs: 'signs',
  nextMoves: 'next-moves',
  related: 'related',
  history: 'history',
  feedback: 'feedback-heading',
} as const;

/** Every id in SECTION: an author may link to any of them on any entry page. */
export const PAGE_SECTION_IDS: readonly string[] = Object.values(SECTION);

/** The heading of a phase guide's "next moves" section: the last phase keeps scaling. */
export const nextMovesTitle = (phase: number): string => (phase < 4 ? `Moves to phase ${phase + 1}` : 'Moves that keep you scaling');

const h2 = (slug: string, text: string): TocItem => ({ depth: 2, slug, text });

/** Table-of-contents items for the sections a kind's panels (src/components/panels/) render before an entry's body. */
export function leadingToc(collection: DocCollection, opts: { hasTiers?: boolean; bodyHasMatrix?: boolean; phase?: number } = {}): TocItem[] {
  switch (collection) {
    case 'protocols':
      return [
        h2(SECTION.firstHour, 'In the first hour'),
        ...(opts.hasTiers && !opts.bodyHasMatrix ? [h2(SECTION.severityTiers, 'Severity tiers and response times')] : []),
        h2(SECTION.whoToCall, 'Who to call'),
      ];
    case 'playbooks':
    case 'case-studies':
      return [h2(SECTION.atAGlance, 'At a glance')];
    case 'phases':
      return [h2(SECTION.signs, 'Signs you are here'), h2(SECTION.nextMoves, nextMovesTitle(opts.phase ?? 1))];
    default:
      return [];
  }
}
