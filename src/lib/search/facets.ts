/**
 * The facets readers filter search results by: the one list from which the URL state (state.ts),
 * the search page's filter controls and Pagefind's filter names are derived; record.ts derives a
 * page's values for each facet, keyed by this list, so a facet cannot be added without them.
 *
 * A facet value is a stable id (`playbooks`, `phase-3`, `linkedin`, a spoke's file name); its label
 * is for display only. Pagefind indexes the ids and the URL carries them, so renaming a label in
 * `src/schemas/vocab.ts` or a spoke's name never breaks a shared search link.
 *
 * The browser loads this module (the search islands read the keys): it holds no labels.
 */
import type { DocCollection } from '../../schemas/vocab.ts';

/** What a search result is: an entry of a collection, a glossary term, a section's page or a start page. */
export type PageType = DocCollection | 'paths' | 'glossary' | 'page' | 'start';

/** One filter value of a page: the id Pagefind and the URL hold, and the label readers see. */
export interface FacetChoice { value: string; label: string }

/** The facets, in the order the search page shows them. Keys are Pagefind's filter names and the URL's parameters. */
export const FACETS = [
  { key: 'type', label: 'Type' },
  { key: 'phase', label: 'Phase' },
  { key: 'audience', label: 'Audience' },
  { key: 'channel', label: 'Channel' },
  // Only case studies belong to a spoke; the label says so.
  { key: 'spoke', label: 'Spoke (case studies)' },
  { key: 'review', label: 'Review status' },
] as const satisfies readonly { key: string; label: string }[];

export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((f) => f.key);

/** Pages per filter value, by facet key then value id (Pagefind's `filters` shape). */
export type FilterCounts = Record<string, Record<string, number>>;

/** A facet with every value the index holds, labelled, in display order: what the search page lists. */
export interface FacetOption { key: FacetKey; label: string; values: FacetChoice[] }

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
