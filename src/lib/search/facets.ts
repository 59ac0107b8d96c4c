/**
 * The facets readers filter search results by: the one list from which a page's filter values
 * (record.ts), the search page's filter controls, the URL state (state.ts) and Pagefind's filter
 * names are all derived.
 *
 * A facet value is a stable id (`playbooks`, `phase-3`, `linkedin`, a spoke's file name); its label
 * is for display only. Pagefind indexes the ids and the URL carries them, so renaming a label in
 * `src/schemas/vocab.ts` or a spoke's name never breaks a shared search link.
 */
import { AUDIENCES, CHANNELS, COLLECTION_LABELS, PHASES, type Audience, type Channel, type DocCollection, type PhaseNumber } from '../../schemas/vocab.ts';
import type { ReviewState } from '../review.ts';

/** What a search result is: an entry of a collection, a glossary term, a section's page or a start page. */
export type PageType = DocCollection | 'paths' | 'glossary' | 'page' | 'start';

/** The label of each page type, shown as the result's badge and as the filter's choice. */
export const PAGE_TYPE_LABELS: Record<PageType, string> = {
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
export const REVIEW_FILTER_LABELS: Record<ReviewState, string> = { fresh: 'Fresh', due: 'Due soon', overdue: 'Overdue' };

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

/** One filter value of a page: the id Pagefind and the URL hold, and the label readers see. */
export interface FacetChoice { value: string; label: string }

interface Facet<K extends string> {
  key: K;
  /** The filter's heading on the search page. */
  label: string;
  /** The page's values for this facet, in the order the facts give them. */
  choicesOf: (facts: FacetFacts) => FacetChoice[];
}

const ALL_CHANNELS: Channel = 'all-channels';
const choice = (value: string, label: string): FacetChoice => ({ value, label });
/** The stable id of a phase's filter value. */
export const phaseValue = (n: PhaseNumber): string => `phase-${n}`;

/**
 * A page written for all channels is found under each channel's filter, and "All channels" is
 * never a filter value of its own (it would hide those pages from every specific channel).
 */
function channelChoices(channels: readonly Channel[]): FacetChoice[] {
  const ids = channels.includes(ALL_CHANNELS) ? (Object.keys(CHANNELS) as Channel[]).filter((c) => c !== ALL_CHANNELS) : channels;
  return ids.map((c) => choice(c, CHANNELS[c]));
}

/** The facets, in the order the search page shows them. Keys are Pagefind's filter names and the URL's parameters. */
export const FACETS = [
  { key: 'type', label: 'Type', choicesOf: (f) => [choice(f.type, PAGE_TYPE_LABELS[f.type])] },
  { key: 'phase', label: 'Phase', choicesOf: (f) => (f.phases ?? []).map((n) => choice(phaseValue(n), `Phase ${n}: ${PHASES[n]}`)) },
  { key: 'audience', label: 'Audience', choicesOf: (f) => (f.audiences ?? []).map((a) => choice(a, AUDIENCES[a])) },
  { key: 'channel', label: 'Channel', choicesOf: (f) => channelChoices(f.channels ?? []) },
  // Only case studies belong to a spoke; the label says so.
  { key: 'spoke', label: 'Spoke (case studies)', choicesOf: (f) => (f.spoke ? [choice(f.spoke.id, f.spoke.name)] : []) },
  { key: 'review', label: 'Review status', choicesOf: (f) => (f.review ? [choice(f.review, REVIEW_FILTER_LABELS[f.review])] : []) },
] as const satisfies readonly Facet<string>[];

export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((f) => f.key);

/** Pages per filter value, by facet key then value id (Pagefind's `filters` shape). */
export type FilterCounts = Record<string, Record<string, number>>;

/** A facet with every value the index holds, labelled, in display order: what the search page lists. */
export interface FacetOption { key: FacetKey; label: string; values: FacetChoice[] }

/** A page's filter values, facet by facet, each value once. */
export function facetChoices(facts: FacetFacts): { key: FacetKey; value: string; label: string }[] {
  return FACETS.flatMap((facet) => {
    const seen = new Set<string>();
    return facet.choicesOf(facts).filter((c) => !seen.has(c.value) && seen.add(c.value)).map((c) => ({ key: facet.key, ...c }));
  });
}

/**
 * Every facet with the values some page holds, labelled and sorted by label (the order readers
 * scan); a facet no page has is left out.
 */
export function facetOptions(pages: readonly { filters: readonly { key: FacetKey; value: string; label: string }[] }[]): FacetOption[] {
  const labels = new Map<FacetKey, Map<string, string>>();
  for (const page of pages) for (const f of page.filters) {
    const values = labels.get(f.key) ?? new Map<string, string>();
    values.set(f.value, f.label);
    labels.set(f.key, values);
  }
  return FACETS.flatMap((facet) => {
    const values = labels.get(facet.key);
    if (!values) return [];
    const sorted = [...values].map(([value, label]) => ({ value, label })).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return [{ key: facet.key, label: facet.label, values: sorted }];
  });
}

/** Count pages per facet value, as Pagefind's filters() does over the whole index. */
export function countFacets(pages: readonly { filters: readonly { key: FacetKey; value: string }[] }[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const page of pages) for (const { key, value } of page.filters) {
    const facet = (counts[key] ??= {});
    facet[value] = (facet[value] ?? 0) + 1;
  }
  return counts;
}
