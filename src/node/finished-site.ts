/** A finished build as the steps after it see it (src/integrations/after-build.ts). */

export interface FinishedSite {
  /** The folder Astro wrote the pages to. */
  dist: string;
  /** The project's root folder. */
  root: string;
  /** The base path the site is served under, with a trailing slash. */
  base: string;
  /** Astro's cache folder (node_modules/.astro/ or HUB_CACHE_DIR). */
  cacheDir: string;
  /**
   * The built pages as Astro listed them (paths relative to `dist`): the order the search index
   * takes them in, whichever way it is written (src/integrations/search-while-rendering.ts).
   */
  pageOrder?: string[];
  /** Present when the search index was written while Astro rendered (src/integrations/search-while-rendering.ts). */
  searchIndex?: SearchIndexWritten;
}

/** The search index written while the pages rendered, as the steps after the build see it. */
export interface SearchIndexWritten {
  pages: number;
  /** The last build's bundle was copied: the same pages came in the same order. */
  reused: boolean;
  /** How long the build waited for the index once Astro had written its last page. */
  waitedMs: number;
}

/**
 * Set by scripts/build.ts: the file `astro build` writes its finished site to (with what the steps
 * after it need from the build's own process), instead of running those steps itself.
 */
export const HANDOFF_ENV = 'HUB_AFTER_BUILD_HANDOFF';
