/**
 * What the search index knows about a page besides its text: filter values, result metadata and
 * the sort key. `searchRecord` is the one function that writes it, for every kind of page
 * (entries, paths, glossary terms, section and start pages). Its output feeds both the attributes
 * Pagefind reads from each page (components/SearchData.astro) and the search page's first view,
 * which is rendered at build time (facet counts over everything, the most recently updated pages)
 * so that opening /search/ downloads nothing from the index until a reader searches or filters.
 */
import { AUDIENCES, CHANNELS, COLLECTION_LABELS, PHASES, type Audience, type Channel, type PhaseNumber } from '../../schemas/vocab.ts';
import type { ReviewState } from '../review.ts';
import { escapeText } from '../escape.ts';
import { phaseSpan } from '../format.ts';
import { countFacets, facetOptions, FACETS, type FacetChoice, type FacetKey, type FacetOption, type FilterCounts, type PageType } from './facets.ts';

/** The label of each page type, shown as the result's badge and as the filter's choice. */
const PAGE_TYPE_LABELS: Record<PageType, string> = {
  policy: COLLECTION_LABELS.policy.singular,
  phases: COLLECTION_LABELS.phases.singular,
  playbooks: COLLECTION_LABELS.playbooks.singular,
  'case-studies': COLLECTION_LABELS['case-studies'].singular,
  protocols: COLLECTION_LABELS.protocols.singular,
  paths: COLLECTION_LABELS.paths.singular,
  glossary: COLLECTION_LABELS.glossary.singular,
  page: 'Page',
  start: 'Start here',
};

/** The review filter's words: the state of the page's review, not the banner's sentence. */
const REVIEW_FILTER_LABELS: Record<ReviewState, string> = { fresh: 'Fresh', due: 'Due soon', overdue: 'Overdue' };

/** The facts about a page that its filter values come from. */
export interface FacetFacts {
  type: PageType;
  phases?: readonly PhaseNumber[];
  audiences?: readonly Audience[];
  channels?: readonly Channel[];
  /** The spoke of a case study, with its name for display. */
  spoke?: { id: string; name: string };
  review?: ReviewState;
}

const ALL_CHANNELS: Channel = 'all-channels';
const choice = (value: string, label: string): FacetChoice => ({ value, label });

/**
 * A page written for all channels is found under each channel's filter, and "All channels" is
 * never a filter value of its own (it would hide those pages from every specific channel).
 */
function channelChoices(channels: readonly Channel[]): FacetChoice[] {
  const ids = channels.includes(ALL_CHANNELS) ? (Object.keys(CHANNELS) as Channel[]).filter((c) => c !== ALL_CHANNELS) : channels;
  return ids.map((c) => choice(c, CHANNELS[c]));
}

/** A page's values for each facet of FACETS: an id (`phase-3`) with its label ("Phase 3: Integrating"). */
const CHOICES: { [K in FacetKey]: (facts: FacetFacts) => FacetChoice[] } = {
  type: (f) => [choice(f.type, PAGE_TYPE_LABELS[f.type])],
  phase: (f) => (f.phases ?? []).map((n) => choice(`phase-${n}`, `Phase ${n}: ${PHASES[n]}`)),
  audience: (f) => (f.audiences ?? []).map((a) => choice(a, AUDIENCES[a])),
  channel: (f) => channelChoices(f.channels ?? []),
  spoke: (f) => (f.spoke ? [choice(f.spoke.id, f.spoke.name)] : []),
  review: (f) => (f.review ? [choice(f.review, REVIEW_FILTER_LABELS[f.review])] : []),
};

/** A page's filter values, facet by facet in FACETS order, each value once. */
function facetChoices(facts: FacetFacts): { key: FacetKey; value: string; label: string }[] {
  return FACETS.flatMap(({ key }) => {
    const seen = new Set<string>();
    return CHOICES[key](facts).filter((c) => !seen.has(c.value) && seen.add(c.value)).map((c) => ({ key, ...c }));
  });
}

/** The facts about a page that search records. */
export interface SearchInput extends FacetFacts {
  /** The page's path without the site's base, e.g. `/playbooks/run-a-webinar/`. */
  path: string;
  title: string;
  /** The text under the title in the search page's first view (Pagefind writes its own excerpts). */
  summary?: string;
  /** The owning team's name, shown as a badge. */
  owner?: string;
  /** The day of the latest change or review (YYYY-MM-DD); undated pages sort last. */
  updated?: string;
  /** Words search should match that the page does not show as text: tags, search terms, aliases. */
  keywords?: readonly string[];
}

/** A page as the search index holds it. */
export interface SearchRecord {
  path: string;
  title: string;
  summary: string;
  /** Filter values as ids (what Pagefind indexes), with their labels (what readers see). */
  filters: { key: FacetKey; value: string; label: string }[];
  /** Pagefind metadata: shown in results, and matched by query words (the ranking weighs them). */
  meta: [string, string][];
  /** The "updated" sort key. */
  sort: string;
}

/** Pagefind splits an attribute at the first colon and a list at commas: commas leave values. */
const cleanValue = (v: string) => v.replace(/,/g, ' ');

/**
 * The "updated" sort key: the day, then the title, so that pages updated on the same day have
 * one order everywhere (Pagefind compares keys as strings, as `byUpdated` does). Every page needs
 * one: Pagefind leaves pages without the key out of sorted results altogether. Undated pages
 * (glossary terms) get a day before any real one, so they come last.
 */
const UNDATED = '0000-00-00';

/** The search record of any page. */
export function searchRecord(input: SearchInput): SearchRecord {
  const phaseBadge = input.phases?.length ? phaseSpan([...input.phases]) : undefined;
  const meta: [string, string][] = [
    ['type', PAGE_TYPE_LABELS[input.type]],
    ...(input.owner ? [['owner', input.owner] as [string, string]] : []),
    ...(phaseBadge ? [['phase', phaseBadge] as [string, string]] : []),
    ...(input.updated ? [['updated', input.updated] as [string, string]] : []),
    ...(input.keywords?.length ? [['keywords', input.keywords.join(' ')] as [string, string]] : []),
  ];
  return {
    path: input.path,
    title: input.title,
    summary: input.summary ?? '',
    filters: facetChoices(input).map((f) => ({ ...f, value: cleanValue(f.value) })),
    meta: meta.map(([k, v]) => [k, cleanValue(v)]),
    sort: `${input.updated ?? UNDATED} ${input.title}`,
  };
}

/** Newest first by sort key, as Pagefind's `sort: { updated: 'desc' }`. */
export function byUpdated<T extends { sort: string }>(a: T, b: T): number {
  return a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0;
}

/** A result as the search islands show it: Pagefind's result data with its id. */
export interface FirstViewResult {
  id: string;
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

/** The search page before any search: what Pagefind would answer for an empty query, from the records. */
export interface FirstView {
  total: number;
  counts: FilterCounts;
  results: FirstViewResult[];
  /** Every facet value the index holds, with its label. */
  facets: FacetOption[];
}

/** The first view of the search page: facet counts over every record and the newest `size` pages. */
export function firstView(records: readonly SearchRecord[], href: (path: string) => string, size = 10): FirstView {
  return {
    total: records.length,
    counts: countFacets(records),
    facets: facetOptions(records),
    results: [...records].sort(byUpdated).slice(0, size).map((r) => ({
      id: href(r.path),
      url: href(r.path),
      // HTML-escaped, as Pagefind's excerpts are, so the result list renders both the same way.
      excerpt: escapeText(r.summary),
      meta: { title: r.title, ...Object.fromEntries(r.meta) },
      sub_results: [],
    })),
  };
}

/** A page that is not an entry, as search records it: its path, title and the words readers use for it. */
const page = (path: string, title: string, keywords: string[]): SearchInput => ({ path, title, type: 'page', keywords });

/**
 * Pages that are not entries but answer a reader's question themselves ("self assessment",
 * "glossary", "start here"): search indexes their title and introduction, matched also by the
 * words readers use for them. Their lists are left out, or every query would find them.
 */
export const PAGE_SEARCH: readonly SearchInput[] = [
  page('/assessment/', 'Self-assessment: where are we on the adoption curve?', ['self-assessment', 'questionnaire', 'survey', 'maturity', 'quiz', 'score', 'which phase', 'where are we', 'benchmark']),
  page('/glossary/', 'Glossary', ['glossary', 'terms', 'definitions', 'jargon', 'acronyms', 'dictionary', 'A to Z']),
  page('/start/', 'Start here', ['start here', 'onboarding', 'getting started', 'new starter', 'new joiner', 'welcome', 'induction']),
  page('/policy/', 'Social media policy', ['policy', 'rules', 'guidelines', 'code of conduct', 'controlled document']),
  page('/phases/', 'The adoption curve', ['phases', 'maturity model', 'stages']),
  page('/playbooks/', 'Playbooks', ['playbooks', 'how-to guides', 'guides', 'templates']),
  page('/protocols/', 'Protocols', ['protocols', 'procedures', 'runbooks', 'incident response']),
  page('/case-studies/', 'Case studies', ['case studies', 'examples', 'stories', 'lessons learned']),
  page('/paths/', 'Onboarding paths', ['onboarding paths', 'learning paths', 'training', 'reading list', 'curriculum']),
  page('/teams/', 'Teams and owners', ['teams', 'owners', 'who owns', 'org chart']),
  page('/contacts/', 'Duty rota and contacts', ['who to call', 'phone numbers', 'on call', 'rota card', 'out of hours', 'hotline', 'emergency contacts']),
];

/** Every page record beyond the entries (section pages, then a start page per audience): what the index must hold. */
export function pageSearchInputs(starts: readonly { id: string; title: string; audience: Audience }[]): SearchInput[] {
  return [
    ...PAGE_SEARCH,
    // A start-here page is found by its audience's name too ("PR", "HR").
    ...starts.map((a): SearchInput => ({ path: `/start/${a.id}/`, title: `Start here: ${a.title}`, type: 'start', keywords: [AUDIENCES[a.audience], a.audience] })),
  ];
}
