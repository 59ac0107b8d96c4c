/**
 * The `cacheKey` every page with its own route returns from `getStaticPaths()` (Astro's incremental
 * build copies a page from the last build when its key and code are unchanged). The recipe and its
 * reasons are in src/lib/build-cache.ts; this binds it to the site and the build's environment.
 */
import { pageCacheKey } from '../lib/build-cache.ts';
import { entryBody } from '../node/entry-body.ts';
import type { Site } from './site.ts';

/**
 * The key of the page that shows `own` (an entry, or a page's own plain data) on this site. The
 * content store keeps no bodies: the glossary anchors of each body are read from its file.
 * `astro dev` keeps no pages between requests, so it gets no key and reads no files for one.
 */
export function cacheKeyOf(site: Site, own: unknown): string | undefined {
  if (import.meta.env.DEV) return undefined;
  return pageCacheKey(site, own, process.env, entryBody);
}
