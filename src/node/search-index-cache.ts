/**
 * The built pages the search index reads, and the index's cache between builds (Node only).
 *
 * Pagefind's API cannot take back a page it indexed in an earlier run: a custom record
 * (`addCustomRecord`) carries no word weights and no heading anchors, so reusing records would
 * change the index and the ranking. What can be reused is the whole bundle, and Pagefind's input:
 * - when no built page changed (the same files, in the same order, byte for byte), the last bundle
 *   is copied instead of indexing again;
 * - otherwise Pagefind indexes its input folder again, but only the pages that changed are read
 *   and trimmed again (src/lib/search/pagefind-input.ts): the folder of the last build is kept,
 *   with each page's digest.
 * The cache lives in Astro's cache folder, beside the incremental build's manifest, and is cleared
 * with it (src/integrations/build-cache.ts), so a change to the trimming code clears it too.
 */
import { constants, cpSync, existsSync, mkdirSync, opendirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** The digest of one built page's bytes. */
const pageDigest = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64url');

/**
 * The digest of a site's pages (paths, bytes and order) for the Pagefind version installed; `add`
 * returns the page's own digest (pageDigest), of which the site's is made.
 */
export function pagesDigest(): { add: (page: BuiltPage) => string; value: () => string } {
  const hash = createHash('sha256').update(pagefindPackage().version).update('\u0000');
  let pages = 0;
  let value: string | undefined;
  return {
    add: ({ sourcePath, bytes }) => {
      if (value !== undefined) throw new Error('pagesDigest: a page was added after the digest was taken');
      const page = pageDigest(bytes);
      hash.update(sourcePath).update('\u0000').update(page).update('\u0000');
      pages += 1;
      return page;
    },
    value: () => (value ??= hash.update(String(pages)).digest('hex')),
  };
}

/** The folder in Astro's cache that holds the last search bundle, its pages' digest and Pagefind's input. */
export const SEARCH_CACHE_DIR = 'hub-search';

/** Each page of Pagefind's input folder, in the order it was made: its path and its built page's digest. */
export type InputPages = [sourcePath: string, digest: string][];

export interface SearchIndexCache {
  /** The digest of the pages the last bundle indexed; undefined when there is no bundle. */
  last(): string | undefined;
  /** The last bundle's folder (complete when `last` is defined). */
  readonly bundle: string;
  /** Copy the last bundle to `outputPath`. */
  restore(outputPath: string): void;
  /** An empty folder beside the bundle, for the next one. */
  nextBundle(): string;
  /** Make the bundle in `next` (from nextBundle) the last one, with the digest of its pages. */
  keepBundle(next: string, digest: string): void;
  /** Pagefind's input folder, kept between builds. */
  readonly input: string;
  /** What the input folder holds; undefined when it is missing, or was being changed when a build stopped. */
  inputPages(): InputPages | undefined;
  /** Forget what the input folder holds, before changing it (a build that stops then leaves none). */
  forgetInput(): void;
  /** Record what the input folder holds, once the bundle is written from it. */
  saveInput(pages: InputPages): void;
}

export function searchIndexCache(cacheDir: string): SearchIndexCache {
  const dir = join(cacheDir, SEARCH_CACHE_DIR);
  const digestFile = join(dir, 'pages.sha256');
  const bundle = join(dir, 'bundle');
  const next = join(dir, 'next');
  const input = join(dir, 'input');
  const inputFile = join(dir, 'input.json');
  return {
    last: () => (existsSync(digestFile) && existsSync(bundle) ? readFileSync(digestFile, 'utf8') : undefined),
    bundle,
    restore: (outputPath) => {
      rmSync(outputPath, { recursive: true, force: true });
      // A copy, never links: a file changed in the site must not change the cache. (Copy on write
      // where the file system offers it.)
      cpSync(bundle, outputPath, { recursive: true, mode: constants.COPYFILE_FICLONE });
    },
    nextBundle: () => {
      rmSync(next, { recursive: true, force: true });
      mkdirSync(next, { recursive: true });
      return next;
    },
    keepBundle: (from, digest) => {
      rmSync(digestFile, { force: true });
      rmSync(bundle, { recursive: true, force: true });
      renameSync(from, bundle);
      writeFileSync(digestFile, digest);
    },
    input,
    inputPages: () => {
      if (!existsSync(inputFile) || !existsSync(input)) return undefined;
      try {
        const pages: unknown = JSON.parse(readFileSync(inputFile, 'utf8'));
        return Array.isArray(pages) && pages.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string')) ? (pages as InputPages) : undefined;
      } catch {
        return undefined; // unreadable: the folder is made again
      }
    },
    forgetInput: () => rmSync(inputFile, { force: true }),
    saveInput: (pages) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(inputFile, JSON.stringify(pages));
    },
  };
}
