import { useEffect, useRef, useState } from 'react';
import { hasFilters, toPagefindFilters, type SearchState } from '../../lib/search/state.ts';
import { meaningfulWords, searchableQuery } from '../../lib/search/query.ts';
import { loadedVocabulary, loadLexicon, loadPagefind, loadVocabulary, type RawResult, type ResultData } from './pagefind.ts';
import type { FilterCounts } from '../../lib/search/facets.ts';
import type { FirstView } from '../../lib/search/record.ts';
import { ask, type Answer } from './engine.ts';
import type { SearchHelp } from '../../lib/search/lexicon.ts';

export type Status = 'idle' | 'loading' | 'ready' | 'unavailable';
export type Result = ResultData & { id: string };

/** How the answered query was understood (src/islands/search/engine.ts). */
export type Understood = Omit<Answer, 'results' | 'filters'> & {
  /** The query held no word that carries meaning ("how do I"). */
  noWords: boolean;
};

export interface SearchOutcome {
  status: Status;
  error?: string;
  results: Result[];
  total: number;
  /** Counts per facet value for the answered query and filters; undefined while they load. */
  counts?: FilterCounts;
  loadMore: () => void;
  canLoadMore: boolean;
  /** The state these results answer, to avoid announcing stale counts. */
  answered?: SearchState;
  /** How the answered query was read; undefined for an empty query. */
  understood?: Understood;
  /** The protocols and the hub's mailbox, once a query has loaded them: the answer when nothing matches. */
  help?: SearchHelp;
  /** False while the rows shown may still change (a spelling check, the rest of the first page). */
  settled: boolean;
}

/** The first view of the search page, rendered at build time (src/lib/search/record.ts firstView). */
export type InitialView = Pick<FirstView, 'total' | 'counts' | 'results'>;

const PAGE = 10;
/**
 * Results appear once the first few have their text (one fragment fetch each); the rest of the
 * page follows once typing pauses. On 2,000 entries, ten fetches took 35–50 ms against a local
 * server, and searching as the reader types would fetch text for every intermediate query.
 */
const FIRST = 5;
const REST_AFTER_MS = 150;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isEmpty = (s: SearchState) => !s.q.trim() && !hasFilters(s);
/** A result with its text (one fragment fetch). */
const withData = (r: RawResult): Promise<Result> => r.data().then((data) => ({ id: r.id, ...data }));

/**
 * Run a Pagefind search whenever the state changes, on every keystroke: no debounce, because a
 * reader waits for the last keystroke and a debounce adds its whole delay to that wait. A newer
 * state makes an older search stop at its next step, before it fetches result fragments.
 *
 * An empty query lists pages newest first. With `initial`, the empty state is answered from the
 * build and Pagefind is not loaded for it; `facets` adds counts per facet value, loaded after the
 * results so they never delay them (`false` in the dialog, which shows no facets).
 */
export function useSearch(base: string, state: SearchState, { enabled = true, browseAll = false, facets = true, initial }: { enabled?: boolean; browseAll?: boolean; facets?: boolean; initial?: InitialView } = {}): SearchOutcome {
  const [status, setStatus] = useState<Status>(initial ? 'ready' : 'idle');
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<Result[]>(initial?.results ?? []);
  const [total, setTotal] = useState(initial?.total ?? 0);
  const [counts, setCounts] = useState<FilterCounts | undefined>(initial?.counts);
  const [answered, setAnswered] = useState<SearchState | undefined>(initial ? { q: '', filters: {}, sort: 'relevance' } : undefined);
  const [understood, setUnderstood] = useState<Understood>();
  const [help, setHelp] = useState<SearchHelp>();
  const [settled, setSettled] = useState(true);
  const raw = useRef<RawResult[]>([]);
  const run = useRef(0);
  /** The build's view is on screen: the first real search clears it rather than leave it stale. */
  const showingInitial = useRef(!!initial);

  useEffect(() => {
    if (!enabled) return;
    const q = searchableQuery(state.q);
    // One letter so far: keep what is shown and wait for the next key.
    if (state.q.trim() && !q) return;
    const asked: SearchState = { ...state, q };
    const ticket = ++run.current;
    const stale = () => ticket !== run.current;
    if (initial && isEmpty(state)) {
      showingInitial.current = true;
      raw.current = [];
      setResults(initial.results);
      setTotal(initial.total);
      setCounts(initial.counts);
      setAnswered(state);
      setUnderstood(undefined);
      setStatus('ready');
      setSettled(true);
      return;
    }
    setSettled(false);
    if (showingInitial.current) {
      // A reader arriving with ?q=… must not see the newest pages listed as if they matched.
      showingInitial.current = false;
      setResults([]);
      setTotal(0);
      setAnswered(undefined);
      setStatus('loading');
    }
    (async () => {
      try {
        setStatus((s) => (s === 'ready' ? s : 'loading'));
        const pf = await loadPagefind(base);
        if (stale()) return;
        if (!q && !hasFilters(state) && !browseAll) {
          raw.current = [];
          setResults([]);
          setTotal(0);
          setAnswered(asked);
          setUnderstood(undefined);
          setStatus('ready');
          return;
        }
        const filters = toPagefindFilters(state);
        const noWords = !!q && !meaningfulWords(q).length;
        const sources = { pf, lexicon: () => loadLexicon(base), vocabulary: () => loadVocabulary(base), loadedVocabulary };
        const answerOf = async (): Promise<Answer | undefined> => {
          if (noWords) return { results: [], searched: '', closest: false, missing: [], filters: {} };
          if (q) return ask(sources, q, { filters, sort: state.sort === 'updated' ? { updated: 'desc' } : undefined, exact: state.exact, stale });
          // Filters without words: every matching page, newest first.
          const response = await pf.search(null, { filters, sort: { updated: 'desc' } });
          return response ? { results: response.results, searched: '', closest: false, missing: [], filters: response.filters } : undefined;
        };
        let answer = await answerOf();
        if (stale() || !answer) return;
        raw.current = answer.results;
        let top = await Promise.all(answer.results.slice(0, FIRST).map(withData));
        if (!top.length && q) setHelp(await sources.lexicon());
        if (stale()) return;
        const show = (a: Answer, rows: Result[]) => {
          const { results: _results, filters: _filters, recheck: _recheck, ...reading } = a;
          setResults(rows);
          setTotal(a.results.length);
          setAnswered(asked);
          setUnderstood(q ? { ...reading, noWords } : undefined);
          setStatus('ready');
        };
        show(answer, top);
        if (answer.recheck) {
          // A word was not shown as typed: with the spelling list, the answer may be a correction,
          // or another spelling of the word (rumor, rumour) may find better pages.
          await loadVocabulary(base);
          if (stale()) return;
          const checked = await answerOf();
          if (stale() || !checked) return;
          const same = checked.results.length === answer.results.length && checked.results.every((r, i) => r.id === answer?.results[i]?.id);
          if (!same || checked.correctedFrom) {
            answer = checked;
            raw.current = answer.results;
            top = await Promise.all(answer.results.slice(0, FIRST).map(withData));
            if (stale()) return;
            show(answer, top);
          }
        }
        const exactCounts = answer.filters;
        await pause(REST_AFTER_MS);
        if (stale()) return;
        const rest = await Promise.all(answer.results.slice(FIRST, PAGE).map(withData));
        if (stale()) return;
        // Unless "Show more" has already grown the list from the top rows.
        if (rest.length) setResults((prev) => (prev.length === top.length ? [...top, ...rest] : prev));
        if (!facets) return;
        // Counts per value are exact only for one Pagefind search; merged answers show none.
        if (!exactCounts) {
          setCounts(undefined);
          if (!pf.filtersLoaded) await pf.allFilters();
          return;
        }
        // Counts need every filter chunk; Pagefind keeps them once loaded, so only the first
        // search waits for them, and it has already shown its results.
        if (pf.filtersLoaded) {
          setCounts(exactCounts);
          return;
        }
        setCounts(undefined);
        await pf.allFilters();
        if (stale()) return;
        const again = await answerOf();
        if (!stale() && again?.filters) setCounts(again.filters);
      } catch (e) {
        if (stale()) return;
        setError((e as Error).message);
        setStatus('unavailable');
      } finally {
        if (!stale()) setSettled(true);
      }
    })();
  }, [base, enabled, browseAll, facets, state, initial]);

  const loadMore = async () => {
    const ticket = run.current;
    let source = raw.current;
    if (!source.length && initial && isEmpty(state)) {
      // The build listed the first page; Pagefind lists the rest, in the same order (same keys).
      const pf = await loadPagefind(base);
      source = (await pf.search(null, { sort: { updated: 'desc' } }))?.results ?? [];
      if (ticket !== run.current) return;
      raw.current = source;
    }
    const more = await Promise.all(source.slice(results.length, results.length + PAGE).map(withData));
    if (ticket === run.current) setResults((prev) => [...prev, ...more]);
  };

  return { status, error, results, total, counts, loadMore: () => void loadMore(), canLoadMore: results.length < total, answered, understood, help, settled };
}
