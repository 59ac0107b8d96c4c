/**
 * The search index's inputs and its cache between builds (Node only).
 *
 * Pagefind's API cannot take back a page it indexed in an earlier run: a custom record
 * (`addCustomRecord`) carries no word weights and no heading anchors, so reusing records would
 * change the index and the ranking. What can be reused is the whole bundle: when every page's
 * search input (src/lib/search/pagefind-input.ts) is the same as in the last build, the last bundle is
 * copied instead of indexing again. The cache lives in Astro's cache folder, beside the
 * incremental build's manifest, and is cleared with it (src/integrations/build-cache.ts).
 */
import { cpSync, existsSync, mkdirSync, opendirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { hashOf } from '../lib/build-cache.ts';
import { pagefindInput } from '../lib/search/pagefind-input.ts';

export interface PagefindPage {
  /** Path of the HTML file relative to the site folder, with `/` separators. */
  sourcePath: string;
  /** What Pagefind reads of it. */
  content: string;
}

/**
 * Every HTML page of the built site (not the index's own folder), as Pagefind reads it, in the
 * order Pagefind's own `addDirectory` walks the folder: depth first, each folder's entries in the
 * file system's order (not sorted; `opendir` keeps that order, `readdir` sorts). Pagefind numbers
 * pages in the order they arrive, and the numbers are in the index: the same order gives the same
 * bytes as before and the same ranking on equal scores.
 */
export function readPagefindInputs(site: string): PagefindPage[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    const handle = opendirSync(dir);
    try {
      for (let d = handle.readSync(); d; d = handle.readSync()) {
        const path = join(dir, d.name);
        if (d.isDirectory()) {
          if (!(dir === site && d.name === 'pagefind')) walk(path);
        } else if (d.isFile() && d.name.endsWith('.html')) files.push(path);
      }
    } finally {
      handle.closeSync();
    }
  };
  walk(site);
  return files.map((file) => ({ sourcePath: relative(site, file).split(sep).join('/'), content: pagefindInput(readFileSync(file, 'utf8')) }));
}

/** The folder in Astro's cache that holds the last search bundle and the digest of its inputs. */
export const SEARCH_CACHE_DIR = 'hub-search';

function pagefindVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('pagefind/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Copies the last build's search bundle to `outputPath` when the inputs are unchanged
 * (`reused: true`); otherwise returns `save`, to call once the new bundle is written.
 */
export function reuseSearchIndex(cacheDir: string, inputs: PagefindPage[], outputPath: string): { reused: boolean; save: () => void } {
  const dir = join(cacheDir, SEARCH_CACHE_DIR);
  const digestFile = join(dir, 'inputs.sha256');
  const bundle = join(dir, 'bundle');
  const digest = hashOf(pagefindVersion(), inputs.length, ...inputs.flatMap((p) => [p.sourcePath, p.content]));
  const previous = existsSync(digestFile) ? readFileSync(digestFile, 'utf8') : '';
  if (previous === digest && existsSync(bundle)) {
    rmSync(outputPath, { recursive: true, force: true });
    cpSync(bundle, outputPath, { recursive: true });
    return { reused: true, save: () => undefined };
  }
  return {
    reused: false,
    save: () => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(outputPath, bundle, { recursive: true });
      writeFileSync(digestFile, digest);
    },
  };
}
