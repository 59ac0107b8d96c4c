/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose `cacheKey` and
 * module graph are unchanged is copied from the previous build instead of rendered. A key must
 * therefore change whenever anything the page shows changes. Astro itself hashes the page's code
 * (its module graph: layout, components, src/lib, styles, client scripts) and the Astro config;
 * these keys add what code cannot see: content and build flags.
 *
 * A key is the hash of three parts:
 * - the build flags every page shows (offline worker, binders, reader signals, site address, base);
 * - the catalog: the front matter of every entry any page can reach (every entry in the site's
 *   lists: titles, summaries, status, owners, references, tags…), each governed entry's review
 *   state on the build day, and what other pages read from a body (the glossary terms it links).
 *   Lists, sidebars, backlinks, related links and team and spoke pages are all made of these, so
 *   an edit to any front matter renders every page again, while an edit to a body renders only its
 *   own page;
 * - the page's own entry: its content digest (front matter and body), or its own plain data.
 * The build day itself is not part of a key, only the review states it produces, so a daily build
 * reuses pages whose badges did not change.
 *
 * Pure: no Astro imports; `node:crypto` only.
 */
import { createHash } from 'node:crypto';
import { nextReviewDay, reviewState } from './review.ts';
import { glossaryAnchorsIn } from './glossary-links.ts';

/** Bumped when the key's recipe changes, so keys from an older recipe never match. */
export const CACHE_KEY_VERSION = 1;

/** An entry as the content layer gives it; `data` is its validated front matter or YAML. */
export interface KeyedEntry {
  id: string;
  collection: string;
  data: object;
  body?: string | undefined;
  digest?: string | number | undefined;
}

/**
 * The site's content as pages see it. Every entry held in one of its lists (an array of entries, or
 * an object of such arrays, like `docs` or `withdrawn`) is part of the catalog, so a collection
 * added to the site is keyed without a change here. `contact` finds entries no list holds
 * (withdrawn contacts a protocol still names).
 */
export interface CatalogSite {
  today: string;
  contact?: (id: string) => KeyedEntry | undefined;
}

/** How to read an entry's body (the content store may keep none); the entry's own `body` by default. */
export type BodyReader = (entry: KeyedEntry) => string | undefined;

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const obj = val as Record<string, unknown>;
      return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
    }
    return val;
  });
}

/** SHA-256 of the given parts (strings and bytes as they are, anything else as stable JSON), hex. */
export function hashOf(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(typeof part === 'string' || part instanceof Uint8Array ? part : stableJson(part) ?? 'undefined');
    h.update('\u0000');
  }
  return h.digest('hex');
}

/**
 * The build flags that change what pages show, read from the environment. The build day is left
 * out on purpose (see the module comment); HUB_BUILT_AT too: an unchanged page keeps the build
 * time of the build that rendered it, which is when its content last changed.
 */
export function buildFlags(env: Record<string, string | undefined>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const name of ['HUB_OFFLINE', 'HUB_BINDERS', 'HUB_SIGNALS', 'SITE_URL', 'BASE_PATH']) flags[name] = env[name] ?? '';
  return flags;
}

function reviewStateOf(data: object, day: string): string | undefined {
  const d = data as { lastReviewed?: unknown; reviewEvery?: number; nextReview?: string };
  if (typeof d.lastReviewed !== 'string') return undefined;
  return reviewState(nextReviewDay({ lastReviewed: d.lastReviewed, reviewEvery: d.reviewEvery, nextReview: d.nextReview }), day);
}

/** What the catalog keeps of one entry: everything but its body, plus what other pages read from the body. */
function catalogLine(e: KeyedEntry, day: string, bodyOf: BodyReader): unknown[] {
  return [e.collection, e.id, e.data, reviewStateOf(e.data, day) ?? null, glossaryAnchorsIn(bodyOf(e))];
}

/** Contacts a protocol names may be withdrawn (then in no list): they are still shown. */
function namedContacts(site: CatalogSite, entries: KeyedEntry[]): KeyedEntry[] {
  if (!site.contact) return [];
  const ids = new Set<string>();
  for (const e of entries) {
    const contacts = (e.data as { contacts?: unknown }).contacts;
    if (!Array.isArray(contacts)) continue;
    for (const c of contacts) if (c && typeof (c as { role?: unknown }).role === 'string') ids.add((c as { role: string }).role);
  }
  return [...ids].sort().flatMap((id) => site.contact?.(id) ?? []);
}

/** Every entry in the site's lists (see CatalogSite), once each, in key order. */
export function reachableEntries(site: CatalogSite): KeyedEntry[] {
  const found = new Map<string, KeyedEntry>();
  const take = (value: unknown) => {
    if (!Array.isArray(value)) return;
    for (const e of value) if (isEntry(e)) found.set(`${e.collection}/${e.id}`, e);
  };
  for (const value of Object.values(site)) {
    if (Array.isArray(value)) take(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) take(inner);
  }
  for (const e of namedContacts(site, [...found.values()])) found.set(`${e.collection}/${e.id}`, e);
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/** The hash of every entry any page can reach, without bodies (see the module comment). */
export function catalogDigest(site: CatalogSite, bodyOf: BodyReader = (e) => e.body): string {
  const h = createHash('sha256');
  for (const e of reachableEntries(site)) {
    h.update(stableJson(catalogLine(e, site.today, bodyOf)));
    h.update('\n');
  }
  return h.digest('hex');
}

function isEntry(value: unknown): value is KeyedEntry {
  return !!value && typeof value === 'object' && typeof (value as KeyedEntry).id === 'string' && typeof (value as KeyedEntry).collection === 'string' && 'data' in value;
}

/** A page's own part: an entry's digest (front matter and body), or the page's plain data. */
export function ownDigest(own: unknown): string {
  if (isEntry(own)) return hashOf(own.collection, own.id, own.digest === undefined ? { data: own.data, body: own.body ?? '' } : String(own.digest));
  return hashOf(own);
}

const catalogs = new WeakMap<object, string>();

/**
 * The `cacheKey` of one page: changes when its own entry (or data), any entry's front matter, any
 * review state, the glossary anchors of any body, or a build flag changes. The catalog is hashed
 * once per site object.
 */
export function pageCacheKey(site: CatalogSite, own: unknown, env: Record<string, string | undefined> = process.env, bodyOf?: BodyReader): string {
  let catalog = catalogs.get(site);
  if (catalog === undefined) {
    catalog = catalogDigest(site, bodyOf);
    catalogs.set(site, catalog);
  }
  return hashOf(`v${CACHE_KEY_VERSION}`, buildFlags(env), catalog, ownDigest(own));
}
