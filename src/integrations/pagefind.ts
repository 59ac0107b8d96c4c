import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, normalize } from 'node:path';
import { builtPages, pagefindPackage, pagesDigest, searchIndexCache, type BuiltPage, type InputPages } from '../node/search-index-cache.ts';
import { pagefindInput } from '../lib/search/pagefind-input.ts';
import { bundleIndex, fragmentUrl, hasLengthenedFragment, hashedFiles, type BundleIndex } from '../node/pagefind-bundle.ts';
import type { FinishedSite } from '../node/finished-site.ts';

/**
 * Index every HTML page under `site` and write the bundle to `site/pagefind/`; returns the number
 * of HTML files read. The build uses it, and so does the benchmark's floor-plus-search lower bound.
 */
export async function writeSearchIndex(site: string): Promise<number> {
  return (await indexSite(site)).pages;
}

/**
 * As writeSearchIndex; with `cacheDir`, the search cache of the last build (src/node/search-index-cache.ts)
 * is used: its bundle is copied when no built page changed; otherwise only the pages that changed
 * are trimmed again for Pagefind, and the search records (fragments) of the pages that did not are
 * handed to Pagefind, which writes only the others (src/node/pagefind-bundle.ts). `kept` counts
 * the fragments it did not write again.
 *
 * What Pagefind reads of each page (src/lib/search/pagefind-input.ts: the same index from far fewer
 * bytes) is written to a folder of its own, laid out as the site, and Pagefind's command line
 * indexes that folder whole (runPagefind below). Pagefind numbers the pages in the order it lists
 * the folder, which on some file systems (tmpfs) is the order the files were made: they are made
 * one at a time, in the order of the site's own folder, so the bundle depends on the built pages
 * alone. The cache's folder keeps that order: a changed page is written again in place (the
 * folder's entries stay as they were), and when pages came, went or moved the folder is made anew.
 */
export async function indexSite(site: string, cacheDir?: string): Promise<{ pages: number; reused: boolean; kept: number }> {
  const outputPath = join(site, 'pagefind');
  if (!cacheDir) {
    const input = mkdtempSync(join(tmpdir(), 'hub-search-input-'));
    try {
      const pages = makeInput(input, builtPages(site));
      // Pagefind does not write a file whose name holds its content's hash when one of that name is
      // in its output folder: nothing of an earlier index may be left there.
      rmSync(outputPath, { recursive: true, force: true });
      await indexInput(input, outputPath, pages);
      return { pages, reused: false, kept: 0 };
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
  }
  const cache = searchIndexCache(cacheDir);
  const last = cache.last();
  const inputBefore = cache.inputPages();
  const digest = pagesDigest();
  const listed: InputPages = [];
  const list = (page: BuiltPage) => listed.push([page.sourcePath, digest.add(page)]);
  if (last === undefined && inputBefore === undefined) {
    // Nothing to reuse: one pass reads, digests and trims every page.
    cache.forgetInput();
    makeInput(cache.input, builtPages(site), list);
  } else {
    for (const page of builtPages(site)) list(page);
    if (digest.value() === last) {
      cache.restore(outputPath);
      return { pages: listed.length, reused: true, kept: 0 };
    }
    cache.forgetInput();
    if (inputBefore && inputBefore.length === listed.length && inputBefore.every(([path], i) => path === listed[i]?.[0])) {
      listed.forEach(([path, pageDigest], i) => {
        if (inputBefore[i]?.[1] !== pageDigest) writeFileSync(join(cache.input, path), pagefindInput(readFileSync(join(site, path), 'utf8')));
      });
    } else {
      makeInput(cache.input, builtPages(site));
    }
  }
  const given = last !== undefined && inputBefore ? unchangedFragments(cache.bundle, inputBefore, listed) : [];
  let next = cache.nextBundle();
  for (const fragment of given) linkOrCopy(join(cache.bundle, fragment), join(next, fragment));
  await indexInput(cache.input, next, listed.length);
  let keptFragments = 0;
  if (given.length > 0) {
    const index = readBundleIndex(next);
    if (!index || hasLengthenedFragment(index.fragments)) {
      // Two fragments of this run began with the same hash (or the bundle cannot be read to tell):
      // index again with nothing given.
      next = cache.nextBundle();
      await indexInput(cache.input, next, listed.length);
    } else {
      // A page indexed unchanged gives the same fragment; one given that no page named is removed.
      for (const file of hashedFiles(next)) if (!index.files.has(file)) rmSync(join(next, file));
      keptFragments = given.filter((fragment) => index.files.has(fragment)).length;
    }
  }
  cache.keepBundle(next, digest.value());
  cache.saveInput(listed);
  cache.restore(outputPath);
  return { pages: listed.length, reused: false, kept: keptFragments };
}

/**
 * The fragments of the last bundle (paths relative to it) that belong to pages listed now with the
 * same path and digest as when it was written: Pagefind makes the same fragment from them again.
 * A page's fragment holds its URL, which Pagefind makes from its path without `index.html`.
 */
function unchangedFragments(bundle: string, before: InputPages, now: InputPages): string[] {
  const digestBefore = new Map(before);
  const unchanged = new Set(now.filter(([path, pageDigest]) => digestBefore.get(path) === pageDigest).map(([path]) => `/${path.replace(/(^|\/)index\.html$/, '$1')}`));
  try {
    return (readBundleIndex(bundle)?.fragments ?? []).filter((fragment) => unchanged.has(fragmentUrl(bundle, fragment)));
  } catch {
    return []; // a fragment that cannot be read: nothing is reused
  }
}

/** The bundle's index, or undefined when it is not laid out as this Pagefind writes it. */
function readBundleIndex(bundle: string): BundleIndex | undefined {
  try {
    return bundleIndex(bundle);
  } catch {
    return undefined;
  }
}

/** A hard link (Pagefind never opens a fragment that exists), or a copy where links fail. */
function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Make Pagefind's input folder `input` anew from `pages`, one file at a time in their order, each
 * page trimmed (`seen` is called with each page first); returns the number of pages.
 */
function makeInput(input: string, pages: Iterable<BuiltPage>, seen?: (page: BuiltPage) => void): number {
  rmSync(input, { recursive: true, force: true });
  const folders = new Set<string>();
  let count = 0;
  for (const page of pages) {
    seen?.(page);
    count += 1;
    const file = join(input, page.sourcePath);
    const folder = dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, pagefindInput(page.bytes.toString('utf8')));
  }
  return count;
}

/** Index the folder `input` into `outputPath`, checking that Pagefind read all `pages`. */
async function indexInput(input: string, outputPath: string, pages: number): Promise<void> {
  const found = await runPagefind(input, outputPath);
  if (found !== pages) throw new Error(`Pagefind read ${found} of the site's ${pages} HTML files.`);
}

/** The last lines of a command's output, for an error message. */
const lastLines = (text: string, count = 15) => text.trimEnd().split('\n').slice(-count).join('\n');

/**
 * Index the folder `input` with Pagefind's command line (the `bin` of its npm package, which runs
 * the platform's binary that npm installed with it) and write the bundle to `outputPath`; resolves
 * with the number of HTML files Pagefind found.
 *
 * The command line, not the Node API: the API's `writeFiles` builds the whole index twice (its
 * service builds it, then its write builds it again before writing: pagefind/src/service in 1.6.0).
 * On the bench's 10,000 entries the API took 45-49 s and the command line 34-39 s, for the same
 * bundle, byte for byte. It runs in the input folder, so no Pagefind configuration file of the
 * project or the caller's folder applies, and without the caller's PAGEFIND_* settings but the
 * binary's location: the bundle depends on the pages alone.
 */
function runPagefind(input: string, outputPath: string): Promise<number> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_') || name.endsWith('_BINARY_PATH')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindPackage().cli, '--site', input, '--output-path', outputPath, '--force-language', 'en'], { cwd: input, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`Pagefind stopped (${signal ?? `exit code ${code}`}):\n${lastLines(output)}`));
      if (/failed to index/i.test(output)) return reject(new Error(`Pagefind could not read every page:\n${lastLines(output)}`));
      const found = /Found (\d+) files? matching/.exec(output);
      if (!found) return reject(new Error(`Pagefind did not say how many pages it read:\n${lastLines(output)}`));
      resolve(Number(found[1]));
    });
  });
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
    const { pages, reused, kept } = await indexSite(site.dist, site.cacheDir);
    const how = reused ? 'copied from the last build (no built page changed)' : 'written';
    const records = kept > 0 ? `, the search records of ${kept} unchanged pages reused` : '';
    log(`Search index ${how} from ${pages} HTML files in ${Math.round(performance.now() - started)} ms${records}`);
  } catch (cause) {
    throw new Error(`Building the search index failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
