/**
 * Search state and helpers shared by the search islands and their tests. Pure: no DOM, no Pagefind.
 */

/** The facets readers can filter on, in display order. Keys match data-pagefind-filter names. */
export const FACETS = [
  { key: 'type', label: 'Type' },
  { key: 'phase', label: 'Phase' },
  { key: 'audience', label: 'Audience' },
  { key: 'channel', label: 'Channel' },
  { key: 'spoke', label: 'Spoke' },
  { key: 'review', label: 'Review status' },
] as const;
export type FacetKey = (typeof FACETS)[number]['key'];
export const FACET_KEYS = FACETS.map((f) => f.key) as FacetKey[];

export type SortKey = 'relevance' | 'updated';

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
  sort: SortKey;
}

export const EMPTY_STATE: SearchState = { q: '', filters: {}, sort: 'relevance' };

/** Read the state from a URL query string (`?q=crisis&type=Protocol&phase=Phase+2&sort=updated`). */
export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FACET_KEYS) {
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[key] = [...new Set(values)].slice(0, 20);
  }
  const q = (params.get('q') ?? '').slice(0, 200);
  return { q, filters, sort: params.get('sort') === 'updated' ? 'updated' : 'relevance' };
}

/** Write the state as a query string, in a stable order so equal states give equal URLs. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) for (const v of [...(state.filters[key] ?? [])].sort()) params.append(key, v);
  if (state.sort === 'updated') params.set('sort', 'updated');
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

/** Edit distance with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Suggest a correction for each word of a query that is not in the vocabulary but close to a
 * word that is ("escalaton" -> "escalation"). Returns undefined when nothing changes.
 */
export function suggestSpelling(query: string, vocabulary: readonly string[]): string | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const vocab = new Set(vocabulary);
  let changed = false;
  const fixed = words.map((word) => {
    if (vocab.has(word) || word.length < 4) return word;
    const allowed = word.length >= 8 ? 2 : 1;
    let best: { w: string; d: number } | undefined;
    for (const candidate of vocabulary) {
      const d = editDistance(word, candidate, allowed);
      if (d <= allowed && (!best || d < best.d)) best = { w: candidate, d };
    }
    if (best) changed = true;
    return best?.w ?? word;
  });
  return changed ? fixed.join(' ') : undefined;
}

/** Words worth suggesting: from titles, glossary terms and tags, lower-cased, 4 letters or more. */
export function buildVocabulary(texts: string[]): string[] {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []) words.add(w);
  return [...words].sort();
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
 * letter for nothing. Two letters are kept: HR, PR and AI are real queries.
 */
export function searchableQuery(q: string): string {
  const words = q.trim().split(/\s+/).filter(Boolean);
  if ((words.at(-1)?.length ?? 0) < 2) words.pop();
  return words.join(' ');
}

/** "12 results for “crisis”", for the live region. */
export function describeCount(count: number, q: string, filtered: boolean): string {
  const what = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
  const forQ = q.trim() ? ` for “${q.trim()}”` : '';
  return `${what}${forQ}${filtered ? ' with the chosen filters' : ''}`;
}

/**
 * Pagefind falls back to short prefixes when a word is not in the index ("infleuncer" matches
 * "in"). A result set is weak when no highlighted word in the excerpts shares its first four
 * letters (or the whole word, if shorter) with any word of the query.
 */
export function isWeakMatch(query: string, excerpts: string[]): boolean {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  if (!words.length || !excerpts.length) return false;
  const marked = excerpts.flatMap((e) => [...e.toLowerCase().matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? ''));
  return !marked.some((m) => words.some((w) => m.startsWith(w.slice(0, Math.min(4, w.length)))));
}
