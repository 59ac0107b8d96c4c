import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import { CACHE_KEY_VERSION, hashOf } from '../lib/build-cache.ts';
import { CONTENT_DIR } from '../node/content-layout.ts';
import { SEARCH_CACHE_DIR } from '../node/search-index-cache.ts';
import { BINDER_CACHE_DIR } from './print-binders.ts';
import { loadGlossaryTerms } from './glossary-terms.ts';

/**
 * What the caches in Astro's cache folder were built from, beyond what Astro checks itself.
 *
 * Astro keeps the content layer's store (`data-store.json`: every entry's parsed data and rendered
 * Markdown) and clears it only when `src/content.config.ts`'s own text or the serialisable part of
 * the Astro config changes: not when a schema it imports, the loader, a Markdown plugin (links,
 * glossary terms) or the glossary terms the plugin links change (their names, aliases and status,
 * not their definitions: pages render those from the glossary, and every page's key holds them).
 * The incremental build's manifest is checked against the config and the lockfile, not against
 * integrations or environment. A warm build after any of these changes could show stale pages, so
 * all of them are hashed here and a change clears every cache: that build is cold.
 */
const FINGERPRINT_SOURCES = ['src/content.config.ts', 'src/schemas', 'src/node', 'src/markdown', 'src/lib', 'src/integrations', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/**
 * Environment that reaches the Markdown pipeline or the config rather than a page's key, and a
 * build time given from outside (HUB_BUILT_AT, as the tests pin it): pages copied from the cache
 * keep the build time they were rendered with, so a pinned build never reuses pages of an unpinned
 * one, nor of another pinned time. (Read before src/integrations/after-build.ts sets it for this build.)
 */
const FINGERPRINT_ENV = ['SITE_URL', 'BASE_PATH', 'HUB_BUILT_AT'];
/** The caches Astro and the portal keep in the cache folder. */
export const CACHE_ENTRIES = ['data-store.json', 'incremental-build.json', 'dist', SEARCH_CACHE_DIR, BINDER_CACHE_DIR];
const MANIFEST = 'hub-build-cache.json';

function filesUnder(root: string, path: string): string[] {
  const full = resolve(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => filesUnder(root, join(path, d.name)));
}

/** The hash of every source a cached build depends on beyond a page's key (see above). */
export function buildFingerprint(root: string, contentDir: string, env: Record<string, string | undefined>): string {
  const files = FINGERPRINT_SOURCES.flatMap((p) => filesUnder(root, p));
  const parts = files.sort().flatMap((f) => [relative(root, f).split(sep).join('/'), readFileSync(f)]);
  return hashOf(`v${CACHE_KEY_VERSION}`, FINGERPRINT_ENV.map((k) => `${k}=${env[k] ?? ''}`), loadGlossaryTerms(resolve(root, contentDir)), ...parts);
}

/**
 * Checks the fingerprint in the cache folder at the start of a build, and clears the caches when
 * it changed (or when the build runs with `--force`), so a warm build is never stale.
 */
export function clearStaleCaches(cacheDir: string, fingerprint: string, force: boolean): 'warm' | 'cleared' | 'cold' {
  const manifest = join(cacheDir, MANIFEST);
  let previous: string | undefined;
  try {
    previous = (JSON.parse(readFileSync(manifest, 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    previous = undefined; // missing or unreadable: the caches cannot be trusted
  }
  const anyCache = CACHE_ENTRIES.some((e) => existsSync(join(cacheDir, e)));
  let outcome: 'warm' | 'cleared' | 'cold' = anyCache ? 'warm' : 'cold';
  if (anyCache && (force || previous !== fingerprint)) {
    for (const e of CACHE_ENTRIES) rmSync(join(cacheDir, e), { recursive: true, force: true });
    outcome = 'cleared';
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifest, JSON.stringify({ fingerprint }, null, 2));
  return outcome;
}

/** Keeps the build caches honest (see clearStaleCaches); must run before content loads. */
export function buildCache(): AstroIntegration {
  return {
    name: 'hub:build-cache',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        const force = process.argv.includes('--force');
        const outcome = clearStaleCaches(cacheDir, buildFingerprint(root, CONTENT_DIR, process.env), force);
        if (outcome === 'cleared') {
          logger.info(force ? 'Build caches cleared (--force): this build is cold.' : 'Schemas, build code, config, lockfile or linked glossary terms changed since the last build: caches cleared, this build is cold.');
        } else if (outcome === 'cold') {
          logger.info('No build cache yet: this build is cold.');
        } else {
          logger.info('Build cache is current: pages whose key is unchanged are reused.');
        }
      },
    },
  };
}
