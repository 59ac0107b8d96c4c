/**
 * What the service worker keeps for offline reading, as plain data the build integration, the
 * worker and the tests share. No Astro, no browser: file patterns, URL mapping and the budget.
 */

/**
 * Files precached at install, as globs relative to dist/: the pages a reader on duty needs with
 * no network (home, protocols, policy, teams' contacts, glossary, search, the offline notice),
 * the styles and scripts those pages use, and Pagefind's index. Every other page is cached as it
 * is read.
 */
export const PRECACHE_GLOBS = [
  'index.html',
  'protocols/**/index.html',
  'policy/**/index.html',
  'teams/**/index.html',
  'contacts/index.html',
  'glossary/**/index.html',
  'search/index.html',
  // The vocabulary and spelling list search reads beside the index (src/pages/search/*.json.ts).
  'search/*.json',
  'offline/index.html',
  'favicon.svg',
  '_astro/*.{css,js}',
  // Pagefind's runtime, WebAssembly, metadata and every index, fragment and filter chunk; not its
  // unused prebuilt UIs (the portal has its own search island).
  'pagefind/pagefind.js',
  'pagefind/pagefind-highlight.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*',
  'pagefind/{index,fragment,filter}/*',
];

/** Sections whose pages the precache holds, for the offline notice's "what you can read". */
export const OFFLINE_SECTIONS = [
  { label: 'Home', path: '/' },
  { label: 'Protocols', path: '/protocols/' },
  { label: 'Social media policy', path: '/policy/' },
  { label: 'Duty rota and contacts', path: '/contacts/' },
  { label: 'Teams', path: '/teams/' },
  { label: 'Glossary', path: '/glossary/' },
  { label: 'Search', path: '/search/' },
] as const;

/** The precache must stay under this many bytes (all precached files, uncompressed). */
export const PRECACHE_BUDGET_BYTES = 5 * 1024 * 1024;

/** Pages read outside the precache: how many the worker keeps, and for how long. */
export const RUNTIME_PAGES = { maxEntries: 80, maxAgeDays: 30 } as const;

/** The path of the page the worker shows for a page that is not available offline. */
export const OFFLINE_PAGE = 'offline/';

/**
 * A dist/-relative file name as the URL the worker should store, relative to its own scope:
 * `protocols/crisis/index.html` becomes `protocols/crisis/` (the address readers use), the home
 * page `./`. Other files keep their name.
 */
export function precacheUrl(file: string): string {
  if (file === 'index.html') return './';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

export interface ManifestEntry { url: string; size: number }

/** A one-line error when the precache outgrows its budget, or undefined when it fits. */
export function checkPrecacheBudget(entries: ManifestEntry[], budget = PRECACHE_BUDGET_BYTES): string | undefined {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total <= budget) return undefined;
  const largest = [...entries].sort((a, b) => b.size - a.size).slice(0, 3).map((e) => `${e.url} (${Math.round(e.size / 1024)} KB)`).join(', ');
  return `src/lib/offline.ts  PRECACHE_GLOBS: the offline precache holds ${(total / 1048576).toFixed(1)} MB, over its ${(budget / 1048576).toFixed(1)} MB budget; cache fewer sections offline or raise PRECACHE_BUDGET_BYTES (largest: ${largest})`;
}

/**
 * True when the build should ship the kill switch: a worker that deletes the portal's caches and
 * unregisters itself. Set HUB_OFFLINE=off at build time to turn offline reading off.
 */
export function offlineDisabled(env: Record<string, string | undefined>): boolean {
  return /^(off|0|false|no)$/i.test(env.HUB_OFFLINE ?? '');
}

/** The marker every portal page carries in its <head>; the worker caches only pages that have it. */
export const PAGE_MARKER = '<meta name="hub-build"';

/** Read a page's build time and revision from its HTML (both written by the Base layout). */
export function pageStamp(html: string): { built?: string; revision?: string } {
  const built = /<meta name="hub-build" content="([^"]*)"/.exec(html)?.[1];
  const revision = /<meta name="hub-revision" content="([^"]*)"/.exec(html)?.[1];
  return { built, revision };
}
