import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, normalize } from 'node:path';
import * as pagefind from 'pagefind';
import { readPagefindInputs, reuseSearchIndex } from '../node/search-index-cache.ts';

/**
 * Index every HTML page under `site` and write the bundle to `site/pagefind/`; returns the number
 * of HTML files read. The build uses it, and so does the benchmark's floor-plus-search lower bound.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  return (await indexSite(site)).pages;
}

/**
 * As writeSearchIndex; with `cacheDir`, the bundle of the last build is copied instead when no
 * page's search input changed (`reused`).
 */
export async function indexSite(site: string, cacheDir?: string): Promise<{ pages: number; reused: boolean }> {
  // What Pagefind reads of each page (src/lib/search/pagefind-input.ts): the same index from far fewer bytes.
  const inputs = readPagefindInputs(site);
  const outputPath = join(site, 'pagefind');
  const reuse = cacheDir ? reuseSearchIndex(cacheDir, inputs, outputPath) : undefined;
  if (reuse?.reused) return { pages: inputs.length, reused: true };
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const { sourcePath, content } of inputs) {
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length) throw new Error(`${sourcePath}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    reuse?.save();
    return { pages: inputs.length, reused: false };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the search index from the finished HTML with Pagefind's Node API, and under `astro dev`
 * serves the last built index so search keeps working while authors edit. (The search dialog is
 * loaded on demand by src/scripts/search.ts.)
 */
export function pagefindSearch(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'hub:pagefind',
    hooks: {
      'astro:config:setup': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { pages, reused } = await indexSite(site, cacheDir);
          const how = reused ? 'copied from the last build (no page changed what search reads)' : 'written';
          logger.info(`Search index ${how} from ${pages} HTML files in ${Math.round(performance.now() - started)} ms`);
        } catch (cause) {
          throw new Error('Building the search index failed', { cause });
        }
      },
    },
  };
}
