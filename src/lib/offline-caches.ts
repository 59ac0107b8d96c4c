/**
 * The names of the portal's offline caches, shared by the worker (src/offline/sw.ts), the kill
 * switch (src/offline/sw-off.ts) and the pages that retire it (src/offline/retire.ts). A module of
 * its own, so that the page scripts that need it share no chunk with the rest of src/lib/offline.ts.
 */

/**
 * The cache of pages kept as they are read (src/offline/sw.ts), named after the worker's scope (an
 * absolute URL) like Workbox's own caches, so that two portals under different base paths of one
 * origin keep and clear only their own pages. The precache is Workbox's own.
 */
export const pagesCache = (scope: string): string => `hub-pages-${scope}`;

/** The pages cache of earlier builds, one name for every scope: cleared by every portal's worker. */
export const LEGACY_PAGES_CACHE = 'hub-pages';

/**
 * Whether a Cache Storage name is one of the portal's, for the worker registered at `scope` (an
 * absolute URL): the pages read (and the unscoped name earlier builds used), and Workbox's caches,
 * which Workbox names after the scope ("workbox-precache-v2-https://…/"). Other applications on
 * the same origin, and the portal under another base path, keep theirs.
 */
export function isPortalCache(name: string, scope: string): boolean {
  return name === pagesCache(scope) || name === LEGACY_PAGES_CACHE || (name.startsWith('workbox-') && name.endsWith(`-${scope}`));
}
