/**
 * The searches behind one query: what src/lib/search/query.ts plans, run against Pagefind.
 *
 * 1. The meaningful words, all together, as Pagefind's own query (one search). When that finds
 *    enough pages and every word is known, this is the answer (the aliases and search terms in the
 *    index already find pages by the hub's words; expanding here too cost a first search 23 KB of
 *    index chunks on 2,000 entries and ranked no better on the relevance suite).
 * 2. When it finds little, or a word is marked in none of the top excerpts, the spelling list is
 *    loaded (once) and unknown words are corrected, unless the reader asked for their words as typed.
 *    A word Pagefind highlights in the top results is known, whether the list holds it or not.
 * 3. Each word or known phrase is searched with its alternatives (aliases, US/UK spellings); pages
 *    that hold every part come first, then pages holding most of them. Parts that match nothing
 *    are reported as missing.
 * 4. A query naming an incident puts the protocol for it first.
 */
import {
  correctWords, isKnown, meaningfulWords, mergeBySlots, narrowingWords, namedIncidents, pinFirst, spellingVariants, synonymIndex, toSlots, withWords,
  type Hit, type Lexicon, type Slot, type Vocabulary,
} from '../../lib/search/query.ts';
import { isWeakMatch, markedWords, unconfirmedWords, unmatchedWords } from '../../lib/search/results.ts';
import type { Pagefind, RawResult, SearchResponse } from './pagefind.ts';
import type { PageType } from '../../lib/search/facets.ts';
import type { PagefindFilters } from '../../lib/search/state.ts';

/** Fewer pages than this for the whole query, and search looks further. */
export const ENOUGH = 3;

export interface Answer {
  /** Results in display order. */
  results: RawResult[];
  /** The words searched for, after spelling correction. */
  searched: string;
  /** Set when unknown words were corrected: the query as the reader typed it. */
  correctedFrom?: string;
  /** True when no page holds every part of the query and the closest pages are shown. */
  closest: boolean;
  /** Parts of the query that no page holds. */
  missing: string[];
  /** Facet counts, when they are exact for these results (a single Pagefind search). */
  filters?: SearchResponse['filters'];
  /**
   * The results look right, but a word is not shown as typed in any of them and the spelling list
   * was not loaded yet: ask again once it is, to correct the word (the reader sees results now).
   */
  recheck?: boolean;
}

export interface Sources {
  pf: Pagefind;
  lexicon: () => Promise<Lexicon>;
  vocabulary: () => Promise<Vocabulary>;
  /** The spelling list if it has already loaded, without waiting for it. */
  loadedVocabulary: () => Vocabulary | undefined;
}

export interface AskOptions {
  filters: PagefindFilters;
  sort?: { updated: 'desc' };
  /** Search the words as typed: no spelling correction. */
  exact?: boolean;
  /** A newer query has started: stop at the next step. */
  stale: () => boolean;
}

const hitsOf = (r: SearchResponse | null): Hit[] => (r?.results ?? []).map((x, rank) => ({ id: x.id, score: x.score, rank }));

/** Search one slot: each alternative, the best score per page. */
async function searchSlot(pf: Pagefind, slot: Slot, options: Record<string, unknown>): Promise<{ hits: Hit[]; byId: Map<string, RawResult> }> {
  const byId = new Map<string, RawResult>();
  const best = new Map<string, Hit>();
  for (const alternative of slot.alternatives) {
    const response = await pf.search(alternative, options);
    for (const h of hitsOf(response)) {
      const prior = best.get(h.id);
      if (!prior || h.score > prior.score) best.set(h.id, h);
    }
    for (const r of response?.results ?? []) byId.set(r.id, r);
  }
  return { hits: [...best.values()].sort((a, b) => a.rank - b.rank || b.score - a.score), byId };
}

/** The excerpts of the top results (their text is fetched for display anyway). */
async function topExcerpts(results: RawResult[]): Promise<string[]> {
  return (await Promise.all(results.slice(0, 5).map((r) => r.data()))).map((d) => d.excerpt);
}

/**
 * Answer a query of meaningful words (at least one). Returns undefined when a newer query made
 * this one stale.
 */
export async function ask(sources: Sources, q: string, options: AskOptions): Promise<Answer | undefined> {
  const { pf } = sources;
  const searchOptions = { filters: options.filters, ...(options.sort ? { sort: options.sort } : {}) };
  const lexicon = await sources.lexicon();
  if (options.stale()) return;
  const typed = narrowingWords(meaningfulWords(q), lexicon.common);
  const synonyms = synonymIndex(lexicon);
  const incidents = namedIncidents(toSlots(typed, synonyms), lexicon);

  const whole = await pf.search(typed.join(' '), searchOptions);
  if (options.stale()) return;
  let results = whole?.results ?? [];
  const excerpts = await topExcerpts(results);
  if (options.stale()) return;
  const weak = isWeakMatch(typed.join(' '), excerpts);
  if (weak) results = [];
  const little = results.length < ENOUGH;
  // The spelling list is awaited when the query finds little, or one of its words is marked in
  // none of the top results (Pagefind quietly drops a word it does not hold). When a word is only
  // not shown as typed, the results stand and the list is used if it is there already.
  const unsure = unconfirmedWords(typed.join(' '), excerpts).length > 0;
  const list = little || unmatchedWords(typed.join(' '), excerpts).length ? await sources.vocabulary() : sources.loadedVocabulary();
  if (options.stale()) return;
  const vocabulary = list && withWords(list, markedWords(excerpts));
  const recheck = unsure && !vocabulary && !options.exact;
  const unknown = vocabulary ? typed.filter((w) => !isKnown(w, vocabulary)) : [];
  let answer: Answer = { results, searched: typed.join(' '), closest: false, missing: [], filters: weak ? undefined : whole?.filters, recheck };

  if (little || unknown.length) {
    const corrected = vocabulary && !options.exact ? correctWords(typed, vocabulary) : undefined;
    const words = corrected ?? typed;
    const slots = toSlots(words, synonyms).map((s) => ({
      ...s,
      // US and UK spellings stand for each other without a word to the reader.
      alternatives: [...new Set(s.alternatives.flatMap((a) => [a, ...(vocabulary && !a.includes(' ') ? spellingVariants(a, vocabulary) : [])]))],
    }));
    const perSlot: Hit[][] = [];
    const byId = new Map<string, RawResult>();
    for (const slot of slots) {
      // A word the index does not hold would only match by Pagefind's prefix fallback.
      const searchable = vocabulary ? slot.alternatives.filter((a) => a.split(' ').every((w) => isKnown(w, vocabulary))) : slot.alternatives;
      const found = await searchSlot(pf, { ...slot, alternatives: searchable }, searchOptions);
      if (options.stale()) return;
      perSlot.push(found.hits);
      for (const [id, r] of found.byId) byId.set(id, r);
    }
    const merged = mergeBySlots(perSlot, !!options.sort);
    // The whole query's results stand unless a word was corrected or is unknown: Pagefind found
    // those by a prefix of the unknown word.
    const first = corrected || unknown.length ? [] : results;
    const firstIds = new Set(first.map((r) => r.id));
    const ordered = [...first, ...merged.filter((m) => !firstIds.has(m.id)).map((m) => byId.get(m.id)!)];
    answer = {
      results: ordered,
      searched: words.join(' '),
      correctedFrom: corrected ? typed.join(' ') : undefined,
      closest: slots.length > 1 && ordered.length > 0 && !merged.some((m) => m.slots === slots.length),
      missing: slots.filter((_, i) => perSlot[i]!.length === 0).map((s) => s.text),
      filters: ordered.length === first.length && !corrected ? answer.filters : undefined,
    };
  }

  if (incidents.length && answer.results.length) {
    const pinned = await findPinned(pf, incidents, options.filters);
    if (options.stale()) return;
    answer.results = pinFirst(answer.results, pinned);
  }
  return answer;
}

/** The type filter's value of a protocol (an id, src/lib/search/facets.ts). */
const PROTOCOL: PageType = 'protocols';

/**
 * The protocols for the incidents a query names, as Pagefind results: each incident phrase is
 * searched among protocols only, and the few that come back are matched by URL.
 */
async function findPinned(pf: Pagefind, incidents: { phrase: string; urls: string[] }[], filters: AskOptions['filters']): Promise<RawResult[]> {
  const type = filters.type?.any;
  if (type && !type.includes(PROTOCOL)) return [];
  const wanted = [...new Set(incidents.flatMap((i) => i.urls))];
  const found = new Map<string, RawResult>();
  for (const { phrase } of incidents) {
    if (found.size === wanted.length) break;
    const response = await pf.search(phrase, { filters: { ...filters, type: { any: [PROTOCOL] } } });
    for (const r of (response?.results ?? []).slice(0, 5)) {
      // Result URLs carry the highlight parameter and the site's base path.
      const path = (await r.data()).url.split(/[?#]/)[0]!;
      for (const u of wanted) if (!found.has(u) && (path === u || path.endsWith(u))) found.set(u, r);
    }
  }
  return wanted.flatMap((u) => found.get(u) ?? []);
}
