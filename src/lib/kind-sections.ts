import type { TocItem } from './toc.ts';

/** Table-of-contents items for the sections KindPanels.astro renders before an entry's body. */
export function leadingToc(collection: string, opts: { hasTiers?: boolean; bodyHasMatrix?: boolean; phase?: number } = {}): TocItem[] {
  switch (collection) {
    case 'protocols':
      return [
        { depth: 2, slug: 'first-hour', text: 'In the first hour' },
        ...(opts.hasTiers && !opts.bodyHasMatrix ? [{ depth: 2 as const, slug: 'severity-tiers', text: 'Severity tiers and response times' }] : []),
        { depth: 2, slug: 'who-to-call', text: 'Who to call' },
      ];
    case 'playbooks':
    case 'case-studies':
      return [{ depth: 2, slug: 'at-a-glance', text: 'At a glance' }];
    case 'phases':
      return [
        { depth: 2, slug: 'signs', text: 'Signs you are here' },
        { depth: 2, slug: 'next-moves', text: (opts.phase ?? 1) < 4 ? `Moves to phase ${(opts.phase ?? 1) + 1}` : 'Moves that keep you scaling' },
      ];
    default:
      return [];
  }
}
