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
}

/**
 * Set by scripts/build.ts: the file `astro build` writes its finished site to (with what the steps
 * after it need from the build's own process), instead of running those steps itself.
 */
export const HANDOFF_ENV = 'HUB_AFTER_BUILD_HANDOFF';
