/**
 * The portal's service worker, built with Workbox by src/integrations/offline.ts into dist/sw.js
 * (the file list is injected at self.__WB_MANIFEST). It is bundled for the worker, not for pages.
 *
 * - Precached at install: the pages a reader on duty needs offline (home, protocols, policy,
 *   teams, glossary, search), their styles and scripts, and Pagefind's index (src/lib/offline.ts).
 * - Pages: network first, so an online reader always gets the deployed version; the cached copy
 *   when the network fails or is slower than NETWORK_TIMEOUT_SECONDS; the offline notice when
 *   there is no copy. Pages outside the precache are kept as they are read.
 * - Only real portal pages are ever stored or preferred over a saved copy: a sign-in page, a
 *   redirect to the identity provider or an error page is passed through to the reader when no
 *   copy exists, and never cached.
 */
import { addPlugins, addRoute, cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { OFFLINE_PAGE, PAGE_MARKER, RUNTIME_PAGES } from '../lib/offline.ts';
import { LEGACY_PAGES_CACHE, pagesCache } from '../lib/offline-caches.ts';

interface WorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  registration: { scope: string };
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
}
const sw = globalThis as unknown as WorkerScope;

/** On a slow VPN a saved copy after this long beats waiting; online and fast, the network wins. */
const NETWORK_TIMEOUT_SECONDS = 6;

const withoutQuery = (url: string) => url.split('?')[0] ?? url;
const isHtml = (response: Response) => (response.headers.get('content-type') ?? '').includes('text/html');

/** A portal page: status 200 from our own origin, not redirected, and carrying the portal's marker. */
async function isPortalPage(response: Response): Promise<boolean> {
  if (response.status !== 200 || response.type !== 'basic' || response.redirected || !isHtml(response)) return false;
  return (await response.clone().text()).includes(PAGE_MARKER);
}

/**
 * At install, every file must be what the build wrote: a page with the marker, or a file that is
 * not a sign-in page in disguise. Anything else fails the install and the previous version stays.
 */
const precacheOnlyContent: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => {
    if (response.status !== 200 || response.redirected) return null;
    if (new URL(request.url).pathname.endsWith('/')) return (await isPortalPage(response)) ? response : null;
    return isHtml(response) ? null : response;
  },
};

const pagesPlugin: WorkboxPlugin = {
  // Anything but a portal page is kept aside, and the saved copy is tried first (see handlerDidError).
  fetchDidSucceed: async ({ response, state }) => {
    if (await isPortalPage(response)) return response;
    if (state) state.passThrough = response;
    throw new Error(`not a portal page (status ${response.status}, ${response.type})`);
  },
  // Precached pages are kept fresh by the precache itself; only the others are stored as read.
  cacheWillUpdate: async ({ request, response }) => (getCacheKeyForURL(withoutQuery(request.url)) ? null : response),
  // A search result opens a page with ?highlight=…: the precached copy is the page without it.
  cachedResponseWillBeUsed: async ({ cachedResponse, request }) => cachedResponse ?? (await matchPrecache(withoutQuery(request.url))) ?? null,
  // No network answer worth showing and no copy: the sign-in page or error as it came, or the
  // offline notice when the network is down.
  handlerDidError: async ({ state }) => (state?.passThrough as Response | undefined) ?? (await matchPrecache(OFFLINE_PAGE)) ?? Response.error(),
};

// Written as `self.__WB_MANIFEST` in the bundle: workbox-build replaces that text with the file list.
precache((self as unknown as WorkerScope).__WB_MANIFEST);
addPlugins([precacheOnlyContent]);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: pagesCache(sw.registration.scope),
      matchOptions: { ignoreSearch: true },
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [new ExpirationPlugin({ maxEntries: RUNTIME_PAGES.maxEntries, maxAgeSeconds: RUNTIME_PAGES.maxAgeDays * 86400 }), pagesPlugin],
    }),
  ),
);
// Styles, scripts and Pagefind's files from the precache. Pagefind asks for its entry file with a
// changing ?ts= to dodge HTTP caches; the precached copy answers it.
addRoute({ ignoreURLParametersMatching: [/^ts$/] });

// A new build takes over at once: the reader's next page comes from it, and open pages are told.
sw.addEventListener('install', () => void sw.skipWaiting());
// The unscoped pages cache of earlier builds goes: its pages are kept again as they are read.
sw.addEventListener('activate', (event) => event.waitUntil(Promise.all([sw.clients.claim(), caches.delete(LEGACY_PAGES_CACHE)])));
