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
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: Record<string, unknown>): Promise<SearchResponse | null>;
  debouncedSearch(q: string | null, o?: Record<string, unknown>, ms?: number): Promise<SearchResponse | null>;
  filters(): Promise<FilterCounts>;
  preload(q: string): Promise<void>;
}

let instance: Promise<Pagefind> | undefined;

/** The Pagefind API, or a rejected promise with a reason a reader can act on. */
export function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  instance ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>)
    .then(async (pf) => {
      await pf.options({ baseUrl: base, excerptLength: 22, highlightParam: 'highlight' });
      await pf.init();
      return pf;
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
