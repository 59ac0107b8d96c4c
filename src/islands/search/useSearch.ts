import { useEffect, useRef, useState } from 'react';
import { hasFilters, searchableQuery, toPagefindFilters, type SearchState } from '../../lib/search.ts';
import { loadPagefind, type FilterCounts, type RawResult, type ResultData } from './pagefind.ts';

export type Status = 'idle' | 'loading' | 'ready' | 'unavailable';
export type Result = ResultData & { id: string };

export interface SearchOutcome {
  status: Status;
  error?: string;
  results: Result[];
  total: number;
  /** Counts per facet value for the answered query and filters; undefined while they load. */
  counts?: FilterCounts;
  /** Counts per facet value over everything, for listing the values. */
  allCounts: FilterCounts;
  loadMore: () => void;
  canLoadMore: boolean;
  /** The state these results answer, to avoid announcing stale counts. */
  answered?: SearchState;
}

/** The first view of the search page, rendered at build time (src/pages/search/index.astro). */
export interface InitialView { total: number; counts: FilterCounts; results: Result[] }

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
  const [allCounts, setAllCounts] = useState<FilterCounts>(initial?.counts ?? {});
  const [answered, setAnswered] = useState<SearchState | undefined>(initial ? { q: '', filters: {}, sort: 'relevance' } : undefined);
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
      setStatus('ready');
      return;
    }
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
          setStatus('ready');
          return;
        }
        const options = {
          filters: toPagefindFilters(state),
          // Relevance needs words to rank by: without a query, newest first.
          ...(state.sort === 'updated' || !q ? { sort: { updated: 'desc' } } : {}),
        };
        const response = await pf.search(q || null, options);
        if (stale() || !response) return;
        raw.current = response.results;
        const top = await Promise.all(response.results.slice(0, FIRST).map(withData));
        if (stale()) return;
        setResults(top);
        setTotal(response.results.length);
        setAnswered(asked);
        setStatus('ready');
        await pause(REST_AFTER_MS);
        if (stale()) return;
        const rest = await Promise.all(response.results.slice(FIRST, PAGE).map(withData));
        if (stale()) return;
        // Unless "Show more" has already grown the list from the top rows.
        if (rest.length) setResults((prev) => (prev.length === top.length ? [...top, ...rest] : prev));
        if (!facets) return;
        // Counts need every filter chunk; Pagefind keeps them once loaded, so only the first
        // search waits for them, and it has already shown its results.
        if (pf.filtersLoaded) {
          setCounts(response.filters);
          return;
        }
        setCounts(undefined);
        const everything = await pf.allFilters();
        if (stale()) return;
        setAllCounts(everything);
        const again = await pf.search(q || null, options);
        if (!stale() && again) setCounts(again.filters);
      } catch (e) {
        if (stale()) return;
        setError((e as Error).message);
        setStatus('unavailable');
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

  return { status, error, results, total, counts, allCounts, loadMore: () => void loadMore(), canLoadMore: results.length < total, answered };
}
