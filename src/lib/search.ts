/**
 * Search state and helpers shared by the search islands and their tests. Pure: no DOM, no Pagefind.
 */
import { MAX_QUERY_CHARS } from './search-query.ts';

/** The facets readers can filter on, in display order. Keys match data-pagefind-filter names. */
export const FACETS = [
  { key: 'type', label: 'Type' },
  { key: 'phase', label: 'Phase' },
  { key: 'audience', label: 'Audience' },
  { key: 'channel', label: 'Channel' },
  // Only case studies belong to a spoke; the label says so.
  { key: 'spoke', label: 'Spoke (case studies)' },
  { key: 'review', label: 'Review status' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS = FACETS.map((f) => f.key) as FacetKey[];

export type SortKey = 'relevance' | 'updated';

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
  sort: SortKey;
  /** Search the words as typed, without correcting their spelling ("Search instead for …"). */
  exact?: boolean;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance' };

/** Read the state from a URL query string (`spelling=as-typed` turns spelling correction off) (`?q=crisis&type=Protocol&phase=Phase+2&sort=updated`). */
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

/** Pagefind's filter object: values within a facet are alternatives (any), facets combine (all). */
export function toPagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) if (values?.length) out[key] = { any: values };
  return out;
}

/**
 * Pagefind's excerpts are page text, HTML-escaped, with <mark> around matches. Keep only the
 * <mark> tags, so nothing else in an excerpt can ever become markup.
 */
export function safeExcerpt(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/gi, '');
}

/**
 * The words worth searching for while a reader types: a last word of one letter is still being
 * typed ("influencer d"), and Pagefind would fetch every index chunk of words starting with that
 * letter for nothing. Two letters are kept: HR, PR and AI are real queries, and so is a digit
 * ("phase 3").
 */
export function searchableQuery(q: string): string {
  const words = q.slice(0, MAX_QUERY_CHARS).trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (last.length < 2 && !/^\p{N}$/u.test(last)) words.pop();
  return words.join(' ');
}

/** "12 results for “crisis”", for the live region. */
export function describeCount(count: number, q: string, filtered: boolean): string {
  const what = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
  const forQ = q.trim() ? ` for “${q.trim()}”` : '';
  return `${what}${forQ}${filtered ? ' with the chosen filters' : ''}`;
}

/**
 * The words of a query that no highlighted word in the excerpts starts like (the first four
 * letters, or the whole word if shorter). Pagefind drops a word it does not hold, or falls back to
 * a short prefix ("infleuncer" matches "in"), so such a word was probably not found at all.
 */
export function unmatchedWords(query: string, excerpts: string[]): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const marked = excerpts.flatMap((e) => [...e.toLowerCase().matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? ''));
  return words.filter((w) => !marked.some((m) => m.startsWith(w.slice(0, Math.min(4, w.length)))));
}

/**
 * The words of a query that no highlighted word shows as typed (the same word, a longer form of
 * it, or it with an ending): Pagefind's prefix fallback finds "escalation" for "escalaton", so the
 * results look right while the word itself may be misspelt.
 */
export function unconfirmedWords(query: string, excerpts: string[]): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w));
  const marked = new Set(excerpts.flatMap((e) => [...e.toLowerCase().matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? '')));
  return words.filter((w) => ![...marked].some((m) => m.startsWith(w) || (w.startsWith(m) && w.length - m.length <= 3)));
}

/** A result set is weak when none of the query's words is marked in any excerpt. */
export function isWeakMatch(query: string, excerpts: string[]): boolean {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  if (!words.length || !excerpts.length) return false;
  return unmatchedWords(query, excerpts).length === words.length;
}
