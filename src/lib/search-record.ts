/**
 * What the search index knows about a page besides its text: filter values, result metadata and
 * the sort key. One function feeds both the attributes Pagefind reads from each page
 * (components/SearchData.astro) and the search page's first view, which is rendered at build
 * time (facet counts over everything, the most recently updated pages) so that opening /search/
 * downloads nothing from the index until a reader searches or filters.
 */
import type { FilterCounts } from '../islands/search/pagefind.ts';

export interface SearchFields {
  type: string;
  phases?: string[];
  audiences?: string[];
  channels?: string[];
  spokes?: string[];
  review?: 'fresh' | 'due' | 'overdue';
  owner?: string;
  /** The span of phases shown as a badge, e.g. "Phases 1–2". */
  phaseBadge?: string;
  updated?: string;
}

const REVIEW_FILTER = { fresh: 'Fresh', due: 'Due soon', overdue: 'Overdue' } as const;

/** Pagefind splits an attribute at the first colon and a list at commas: commas leave values. */
const cleanValue = (v: string) => v.replace(/,/g, ' ');

export function searchFilters(d: SearchFields): [string, string][] {
  const pairs: [string, string][] = [
    ['type', d.type],
    ...(d.phases ?? []).map((v): [string, string] => ['phase', v]),
    ...(d.audiences ?? []).map((v): [string, string] => ['audience', v]),
    ...(d.channels ?? []).map((v): [string, string] => ['channel', v]),
    ...(d.spokes ?? []).map((v): [string, string] => ['spoke', v]),
    ...(d.review ? [['review', REVIEW_FILTER[d.review]] as [string, string]] : []),
  ];
  return pairs.map(([k, v]) => [k, cleanValue(v)]);
}

export function searchMeta(d: SearchFields): [string, string][] {
  const pairs: [string, string][] = [
    ['type', d.type],
    ...(d.owner ? [['owner', d.owner] as [string, string]] : []),
    ...(d.phaseBadge ? [['phase', d.phaseBadge] as [string, string]] : []),
    ...(d.updated ? [['updated', d.updated] as [string, string]] : []),
  ];
  return pairs.map(([k, v]) => [k, cleanValue(v)]);
}

/**
 * The "updated" sort key: the day, then the title, so that pages updated on the same day have
 * one order everywhere (Pagefind compares keys as strings, as `byUpdated` does). Every page needs
 * one: Pagefind leaves pages without the key out of sorted results altogether. Undated pages
 * (glossary terms) get a day before any real one, so they come last.
 */
const UNDATED = '0000-00-00';
export const sortKey = (d: SearchFields, title: string) => `${d.updated ?? UNDATED} ${title}`;

/** Newest first by sort key, as Pagefind's `sort: { updated: 'desc' }`. */
export function byUpdated<T extends { sort: string }>(a: T, b: T): number {
  return a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0;
}

/** Count pages per facet value, as Pagefind's filters() does over the whole index. */
export function countFacets(records: SearchFields[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const r of records) {
    for (const [k, v] of new Map(searchFilters(r).map(([key, value]) => [`${key}\u0000${value}`, [key, value] as const])).values()) {
      const facet = (counts[k] ??= {});
      facet[v] = (facet[v] ?? 0) + 1;
    }
  }
  return counts;
}
