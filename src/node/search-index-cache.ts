/**
 * The built pages the search index reads, and the index's cache between builds (Node only).
 *
 * Pagefind's API cannot take back a page it indexed in an earlier run: a custom record
 * (`addCustomRecord`) carries no word weights and no heading anchors, so reusing records would
 * change the index and the ranking. What can be reused is the whole bundle: when no built page
 * changed (the same files, in the same order, byte for byte), the last bundle is copied instead of
 * indexing again. The cache lives in Astro's cache folder, beside the incremental build's
 * manifest, and is cleared with it (src/integrations/build-cache.ts).
 */
import { cpSync, existsSync, mkdirSync, opendirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { findPackageJSON } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export interface BuiltPage {
  /** Path of the HTML file relative to the site folder, with `/` separators. */
  sourcePath: string;
  /** The file as built. */
  bytes: Buffer;
}

/**
 * Every HTML page of the built site (not the index's own folder), one at a time: depth first, each
 * folder's entries in the file system's order (`opendir` keeps that order, `readdir` sorts), which
 * is the same from one build to the next for the same files, and so is the pages' digest below.
 * Each file is read when it is asked for, so a large site is never held in memory at once.
 */
export function* builtPages(site: string): Generator<BuiltPage> {
  const walk = function* (dir: string): Generator<string> {
    const handle = opendirSync(dir);
    try {
      for (let d = handle.readSync(); d; d = handle.readSync()) {
        const path = join(dir, d.name);
        if (d.isDirectory()) {
          if (!(dir === site && d.name === 'pagefind')) yield* walk(path);
        } else if (d.isFile() && d.name.endsWith('.html')) yield path;
      }
    } finally {
      handle.closeSync();
    }
  };
  for (const file of walk(site)) yield { sourcePath: relative(site, file).split(sep).join('/'), bytes: readFileSync(file) };
}

/**
 * The Pagefind npm package installed: its version and its command line (its `bin`). Found through
 * its package.json, which the package does not export (`require('pagefind/package.json')` fails).
 */
export function pagefindPackage(): { version: string; cli: string } {
  const file = findPackageJSON('pagefind', import.meta.url);
  if (!file) throw new Error('The pagefind package is not installed: run `npm ci`.');
  const { version, bin } = JSON.parse(readFileSync(file, 'utf8')) as { version: string; bin?: string | Record<string, string> };
  const cli = typeof bin === 'string' ? bin : bin?.pagefind;
  if (!cli) throw new Error(`${file} names no command line (bin).`);
  return { version, cli: join(dirname(file), cli) };
}

/** The digest of a site's pages (paths, bytes and order) for the Pagefind version installed. */
export function pagesDigest(): { add: (page: BuiltPage) => void; pages: () => number; value: () => string } {
  const hash = createHash('sha256').update(pagefindPackage().version).update('\u0000');
  let pages = 0;
  let value: string | undefined;
  return {
    add: ({ sourcePath, bytes }) => {
      if (value !== undefined) throw new Error('pagesDigest: a page was added after the digest was taken');
      hash.update(sourcePath).update('\u0000').update(String(bytes.length)).update('\u0000').update(bytes);
      pages += 1;
    },
    pages: () => pages,
    value: () => (value ??= hash.update(String(pages)).digest('hex')),
  };
}

/** The digest of every page of a built site, as pagesDigest computes it, and their number. */
export function siteDigest(site: string): { value: string; pages: number } {
  const digest = pagesDigest();
  for (const page of builtPages(site)) digest.add(page);
  return { value: digest.value(), pages: digest.pages() };
}

/** The folder in Astro's cache that holds the last search bundle and the digest of its pages. */
export const SEARCH_CACHE_DIR = 'hub-search';

/**
 * The search bundle of the last build in `cacheDir`: `last` is the digest of the pages it indexed
 * (undefined when there is none), `restore` copies it to `outputPath`, `save` keeps the bundle at
 * `outputPath` with the digest of its pages.
 */
export function searchIndexCache(cacheDir: string): { last: () => string | undefined; restore: (outputPath: string) => void; save: (digest: string, outputPath: string) => void } {
  const dir = join(cacheDir, SEARCH_CACHE_DIR);
  const digestFile = join(dir, 'pages.sha256');
  const bundle = join(dir, 'bundle');
  return {
    last: () => (existsSync(digestFile) && existsSync(bundle) ? readFileSync(digestFile, 'utf8') : undefined),
    restore: (outputPath) => {
      rmSync(outputPath, { recursive: true, force: true });
      cpSync(bundle, outputPath, { recursive: true });
    },
    save: (digest, outputPath) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(outputPath, bundle, { recursive: true });
      writeFileSync(digestFile, digest);
    },
  };
}
