import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, normalize } from 'node:path';
import * as pagefind from 'pagefind';
import { builtPages, pagesDigest, searchIndexCache, siteDigest } from '../node/search-index-cache.ts';
import { pagefindInput } from '../lib/search/pagefind-input.ts';
import type { FinishedSite } from '../node/finished-site.ts';

/**
 * Index every HTML page under `site` and write the bundle to `site/pagefind/`; returns the number
 * of HTML files read. The build uses it, and so does the benchmark's floor-plus-search lower bound.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  return (await indexSite(site)).pages;
}

/**
 * As writeSearchIndex; with `cacheDir`, the bundle of the last build is copied instead when no
 * built page changed (`reused`).
 *
 * What Pagefind reads of each page (src/lib/search/pagefind-input.ts: the same index from far fewer
 * bytes) is written to a folder of its own, laid out as the site, and Pagefind indexes that folder
 * whole (`addDirectory`). Pagefind parses the files of a folder on every core; pages sent one by
 * one (`addHTMLFile`) it parses one at a time, in the order they arrive. Both give the same bundle,
 * byte for byte; on the bench's 2,000 pages the folder takes about three quarters of the time.
 * Pagefind numbers the pages in the order it lists the folder, which on some file systems (tmpfs)
 * is the order the files were made: they are made one at a time, in the order of the site's own
 * folder, so the bundle depends on the built pages alone.
 */
export async function indexSite(site: string, cacheDir?: string): Promise<{ pages: number; reused: boolean }> {
  const outputPath = join(site, 'pagefind');
  const cache = cacheDir ? searchIndexCache(cacheDir) : undefined;
  const last = cache?.last();
  if (cache && last !== undefined) {
    const built = siteDigest(site);
    if (built.value === last) {
      cache.restore(outputPath);
      return { pages: built.pages, reused: true };
    }
  }
  const input = mkdtempSync(join(tmpdir(), 'hub-search-input-'));
  try {
    // Only a cache needs the pages' digest; the bench's floor has none and is not charged for it.
    const digest = cache ? pagesDigest() : undefined;
    const folders = new Set<string>();
    let pages = 0;
    for (const page of builtPages(site)) {
      digest?.add(page);
      pages += 1;
      const file = join(input, page.sourcePath);
      const folder = dirname(file);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writeFileSync(file, pagefindInput(page.bytes.toString('utf8')));
    }
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: input });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    if (added.page_count !== pages) throw new Error(`Pagefind read ${added.page_count} of the site's ${pages} HTML files.`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    if (cache && digest) cache.save(digest.value(), outputPath);
    return { pages, reused: false };
  } finally {
    rmSync(input, { recursive: true, force: true });
    await pagefind.close();
  }
}

/**
 * Under `astro dev`, serves the last built search index so search keeps working while authors
 * edit; builds write the index after the pages (searchIndexStep below). (The search dialog is
 * loaded on demand by src/scripts/search.ts.)
 */
export function pagefindSearch(): AstroIntegration {
  let outDir = '';
  return {
    name: 'hub:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = join(outDir, 'pagefind');
        if (!existsSync(dir)) logger.warn('No search index yet: search in dev shows an explanation. Run `npm run build` once to search the last built content.');
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const at = path.indexOf('/pagefind/');
          if (at < 0) return next();
          const file = normalize(join(dir, decodeURIComponent(path.slice(at + '/pagefind/'.length))));
          if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('No search index: run `npm run build` once, then search here uses the last built index.');
            return;
          }
          res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}

/** The search index of a finished site: the first step after the build (src/integrations/after-build.ts). */
export async function searchIndexStep(site: FinishedSite, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  try {
    const { pages, reused } = await indexSite(site.dist, site.cacheDir);
    const how = reused ? 'copied from the last build (no built page changed)' : 'written';
    log(`Search index ${how} from ${pages} HTML files in ${Math.round(performance.now() - started)} ms`);
  } catch (cause) {
    throw new Error(`Building the search index failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
