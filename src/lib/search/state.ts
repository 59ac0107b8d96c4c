/**
 * The search page's state and its URL (`?q=crisis&type=protocols&phase=phase-2&sort=updated`),
 * shared by the search islands and their tests. Pure: no DOM, no Pagefind.
 */
import { MAX_QUERY_CHARS } from './query.ts';
import { FACET_KEYS, type FacetKey, type FacetOption } from './facets.ts';

export type SortKey = 'relevance' | 'updated';

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
  sort: SortKey;
  /** Search the words as typed, without correcting their spelling ("Search instead for …"). */
  exact?: boolean;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance' };

/** Read the state from a URL query string (`?q=crisis&type=protocols&sort=updated`; `spelling=as-typed` turns spelling correction off). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FACET_KEYS) {
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[key] = [...new Set(values)].slice(0, 20);
  }
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY_CHARS);
  const state: SearchState = { q, filters, sort: params.get('sort') === 'updated' ? 'updated' : 'relevance' };
  if (params.get('spelling') === 'as-typed' && q.trim()) state.exact = true;
  return state;
}

/** Write the state as a query string, in a stable order so equal states give equal URLs. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) for (const v of [...(state.filters[key] ?? [])].sort()) params.append(key, v);
  if (state.sort === 'updated') params.set('sort', 'updated');
  if (state.exact && state.q.trim()) params.set('spelling', 'as-typed');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Toggle one facet value on or off. */
export function toggleFilter(state: SearchState, key: FacetKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [key]: next };
  if (!next.length) delete filters[key];
  return { ...state, filters };
}

/** How many facet values are chosen, over all facets. */
export function filterCount(state: SearchState): number {
  return Object.values(state.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
}

export function hasFilters(state: SearchState): boolean {
  return filterCount(state) > 0;
}

/** Pagefind's filter object, by facet key. */
export type PagefindFilters = Partial<Record<FacetKey, { any: string[] }>>;

/** Pagefind's filter object: values within a facet are alternatives (any), facets combine (all). */
export function toPagefindFilters(state: SearchState): PagefindFilters {
  const out: PagefindFilters = {};
  for (const key of FACET_KEYS) {
    const values = state.filters[key];
    if (values?.length) out[key] = { any: values };
  }
  return out;
}

/**
 * Filter values by id. Links shared before facet values were ids carry labels
 * (`type=Protocol`, `phase=Phase+2:+Experimenting`): a value that is no id of its facet but is
 * one of its labels (ignoring case) becomes that id, once, as the page loads. Other values are
 * kept; they match nothing, as before.
 */
export function resolveFilterValues(state: SearchState, facets: readonly FacetOption[]): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [key, values] of Object.entries(state.filters) as [FacetKey, string[]][]) {
    const known = facets.find((f) => f.key === key)?.values ?? [];
    const idOf = (v: string) => (known.some((k) => k.value === v) ? v : (known.find((k) => k.label.toLowerCase() === v.toLowerCase())?.value ?? v));
    filters[key] = [...new Set(values.map(idOf))];
  }
  return { ...state, filters };
}
