/**
 * A finished build as the steps after it see it (src/integrations/after-build.ts), and how
 * `astro build` hands it to scripts/build.ts when those steps run in a process of their own.
 */
import { readFileSync, writeFileSync } from 'node:fs';

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
 * Set by scripts/build.ts: the file `astro build` writes its FinishedSite to, instead of running the
 * steps after the build itself.
 */
export const HANDOFF_ENV = 'HUB_AFTER_BUILD_HANDOFF';

export function writeHandoff(file: string, site: FinishedSite): void {
  writeFileSync(file, JSON.stringify(site));
}

/** The FinishedSite `astro build` handed over; throws when it wrote none (the build did not finish). */
export function readHandoff(file: string): FinishedSite {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`astro build exited without handing over its finished site (${file}): it did not reach its last step.`);
  }
  const site = JSON.parse(text) as Partial<FinishedSite>;
  for (const key of ['dist', 'root', 'base', 'cacheDir'] as const) {
    if (typeof site[key] !== 'string') throw new Error(`${file}: "${key}" is missing from the finished site astro build handed over.`);
  }
  return site as FinishedSite;
}
