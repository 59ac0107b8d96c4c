/**
 * What the search index knows about a page besides its text: filter values, result metadata and
 * the sort key. One function feeds both the attributes Pagefind reads from each page
 * (components/SearchData.astro) and the search page's first view, which is rendered at build
 * time (facet counts over everything, the most recently updated pages) so that opening /search/
 * downloads nothing from the index until a reader searches or filters.
 */
import type { FilterCounts } from '../islands/search/pagefind.ts';
import { AUDIENCES, type Audience } from '../schemas/vocab.ts';

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
  /** Words search should match that the page does not show as text: tags, search terms, aliases. */
  keywords?: string[];
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
    ...(d.keywords?.length ? [['keywords', d.keywords.join(' ')] as [string, string]] : []),
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

/** The record of a glossary term's page: its aliases are matched, never shown as text. */
export const glossaryFields = (aliases: string[]): SearchFields => ({ type: 'Glossary term', keywords: aliases });

/** A page that is not an entry but answers a reader's question itself. */
export interface PageSearch { title: string; fields: SearchFields }

const page = (title: string, keywords: string[], type = 'Page'): PageSearch => ({ title, fields: { type, keywords } });

/**
 * Pages that are not entries but answer a reader's question themselves ("self assessment",
 * "glossary", "start here"): search indexes their title and introduction, matched also by the
 * words readers use for them. Their lists are left out, or every query would find them.
 */
export const PAGE_SEARCH: Record<string, PageSearch> = {
  '/assessment/': page('Self-assessment: where are we on the adoption curve?', ['self-assessment', 'maturity', 'quiz', 'score', 'which phase', 'where are we', 'benchmark']),
  '/glossary/': page('Glossary', ['glossary', 'terms', 'definitions', 'jargon', 'acronyms', 'dictionary', 'A to Z']),
  '/start/': page('Start here', ['start here', 'onboarding', 'getting started', 'new starter', 'new joiner', 'welcome', 'induction']),
  '/policy/': page('Social media policy', ['policy', 'rules', 'guidelines', 'code of conduct', 'controlled document']),
  '/phases/': page('The adoption curve', ['phases', 'maturity model', 'stages']),
  '/playbooks/': page('Playbooks', ['playbooks', 'how-to guides', 'guides', 'templates']),
  '/protocols/': page('Protocols', ['protocols', 'procedures', 'runbooks', 'incident response']),
  '/case-studies/': page('Case studies', ['case studies', 'examples', 'stories', 'lessons learned']),
  '/paths/': page('Onboarding paths', ['onboarding paths', 'learning paths', 'training', 'reading list', 'curriculum']),
  '/teams/': page('Teams and owners', ['teams', 'owners', 'who owns', 'org chart']),
  '/contacts/': page('Duty rota and contacts', ['who to call', 'phone numbers', 'on call', 'rota card', 'out of hours', 'hotline', 'emergency contacts']),
};

/** A start-here page's record: found by its audience's name too ("PR", "HR"). */
export const startPageSearch = (title: string, audienceId: string, audienceName: string): PageSearch =>
  page(`Start here: ${title}`, [audienceName, audienceId], 'Start here');

/** Every page record beyond the entries, by path (without the base): what the index must hold. */
export function pageSearchRecords(starts: readonly { id: string; title: string; audience: Audience }[]): [string, PageSearch][] {
  return [...Object.entries(PAGE_SEARCH), ...starts.map((a): [string, PageSearch] => [`/start/${a.id}/`, startPageSearch(a.title, a.audience, AUDIENCES[a.audience])])];
}
