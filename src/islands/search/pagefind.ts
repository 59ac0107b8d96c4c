/** Loading Pagefind's browser API once, from the site's own /pagefind/ folder. */

export interface SubResult { title: string; url: string; excerpt: string }
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: SubResult[];
}
export interface RawResult { id: string; score: number; data: () => Promise<ResultData> }
export type FilterCounts = Record<string, Record<string, number>>;
export interface SearchResponse { results: RawResult[]; unfilteredResultCount: number; filters: FilterCounts; totalFilters: FilterCounts }
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
}
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
      await pf.options({ noWorker: true, baseUrl: base, excerptLength: 22, highlightParam: 'highlight' });
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
