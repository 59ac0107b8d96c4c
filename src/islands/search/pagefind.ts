/** Loading Pagefind's browser API once, from the site's own /pagefind/ folder, and the build's search vocabulary. */
import type { Vocabulary } from '../../lib/search/query.ts';
import type { SearchHelp } from '../../lib/search/lexicon.ts';
import type { FilterCounts } from '../../lib/search/facets.ts';

export interface SubResult { title: string; url: string; excerpt: string }
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}
export interface RawResult { id: string; score: number; data: () => Promise<ResultData> }
export interface SearchResponse { results: RawResult[]; unfilteredResultCount: number; filters: FilterCounts; totalFilters: FilterCounts }
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
}
/**
 * How Pagefind ranks, chosen on the relevance suite (`npm run bench:relevance`): metadata matches
 * add to a page's score by field. Keywords (tags, search terms, glossary aliases) count nearly as
 * much as the title; the type, owner and review facts are there for display, not for matching.
 * On the 117 queries the options moved top-3 by at most two queries (keyword weight 2 to 8, title
 * 3 to 8, page length 0.3 to 1, term frequency 0.5); a term saturation of 2 won by one, and a
 * term similarity of 4 (exact words over longer words they begin: "PR" over "protocol") by two
 * more at the top three and two at the top (2 and 8 did less).
 */
export const RANKING = {
  metaWeights: { title: 5, keywords: 4, type: 1, owner: 0, phase: 0, updated: 0 },
  termSaturation: 2,
  termSimilarity: 4,
};

export interface Pagefind {
  search(q: string | null, o?: Record<string, unknown>): Promise<SearchResponse | null>;
  /** Every filter value with its count over the whole index; loads every filter chunk once. */
  allFilters(): Promise<FilterCounts>;
  /** True once allFilters() has run: searches then return counts per facet value too. */
  readonly filtersLoaded: boolean;
}

let instance: Promise<Pagefind> | undefined;

/**
 * The Pagefind API, or a rejected promise with a reason a reader can act on.
 *
 * `noWorker`: Pagefind 1.6 would otherwise load a second copy of its runtime (12 KB compressed)
 * into a web worker. A search over a few thousand pages takes milliseconds of WebAssembly, and
 * in the main thread its results need no copying between threads.
 */
export function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  instance ??= (import(/* @vite-ignore */ url) as Promise<PagefindModule>)
    .then(async (pf) => {
      await pf.options({ noWorker: true, baseUrl: base, excerptLength: 22, highlightParam: 'highlight', ranking: RANKING });
      await pf.init();
      let filtersLoaded = false;
      return {
        search: (q, o) => pf.search(q, o),
        allFilters: async () => {
          const all = await pf.filters();
          filtersLoaded = true;
          return all;
        },
        get filtersLoaded() {
          return filtersLoaded;
        },
      } satisfies Pagefind;
    })
    .catch((cause) => {
      instance = undefined;
      throw new Error(
        import.meta.env.DEV
          ? 'Search has no index yet. Run `npm run build` once; the dev server then searches the last built content.'
          : 'The search index could not be loaded. Reload the page, or browse the sections from the menu.',
        { cause },
      );
    });
  return instance;
}

/** Start loading Pagefind (runtime, WebAssembly, metadata) before the first search needs it. */
export function warmPagefind(base: string): void {
  loadPagefind(base).catch(() => {
    // The search itself reports the failure; warming up stays silent.
  });
}

/** A JSON file the build writes beside the search page, once per page load; `fallback` if it fails. */
function loadJson<T>(url: string, fallback: T): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<T>) : fallback))
      .catch(() => fallback));
}

let lexicon: (() => Promise<SearchHelp>) | undefined;
let vocabulary: (() => Promise<Vocabulary>) | undefined;
let vocabularyLoaded: Vocabulary | undefined;

/** The hub's vocabulary (src/pages/search/lexicon.json.ts); search works without it, less well. */
export function loadLexicon(base: string): Promise<SearchHelp> {
  lexicon ??= loadJson<SearchHelp>(`${base}search/lexicon.json`, { groups: [], pins: {}, protocols: [] });
  return lexicon();
}

/** The index's words for spelling (src/pages/search/words.json.ts), fetched only when a query finds little. */
export function loadVocabulary(base: string): Promise<Vocabulary> {
  vocabulary ??= (() => {
    const words = loadJson<Record<string, number>>(`${base}search/words.json`, {});
    let map: Promise<Vocabulary> | undefined;
    return () =>
      (map ??= words().then((w) => {
        vocabularyLoaded = new Map(Object.entries(w));
        return vocabularyLoaded;
      }));
  })();
  return vocabulary();
}

/** The spelling list if it has loaded, without waiting or fetching. */
export const loadedVocabulary = (): Vocabulary | undefined => vocabularyLoaded;
