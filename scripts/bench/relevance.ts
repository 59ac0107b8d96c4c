/**
 * Relevance bench: runs the relevance suite (tests/relevance/queries.yaml) against the built site
 * in dist/ through the real /search/ page in Chromium, prints the rank of the first right page for
 * every query, top-1, top-3, MRR and the share of queries with no results, overall and by kind,
 * and exits 1 under the thresholds (top-3 95%, top-1 80%, no query without results).
 * Options, what it prints and its exit codes: USAGE below (`npm run bench:relevance -- --help`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs, runMain, usageError } from '../lib/cli.ts';
import { launchBrowser, ROOT, serve, stopAll } from './build.ts';
import { loadQueries, misses, report, runQueries, summarize, THRESHOLDS } from '../lib/relevance.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

const USAGE = `Usage: npm run bench:relevance [-- --dir dist] [--ranking '{"metaWeights":{"keywords":4}}']

Build first (npm run build). Runs the relevance suite (tests/relevance/queries.yaml: reader queries,
each with the pages that answer it) through the built site's /search/ page in Chromium. Prints the
rank of the first right page for every query (with the pages wanted and found when it is not
first), then top-1, top-3, MRR and the share of queries without results, by kind and in total; then
PASS, or FAIL with each threshold missed: top-3 under ${pct(THRESHOLDS.top3)}, top-1 under ${pct(THRESHOLDS.top1)}, a query without results.

  --dir DIR       the built site, with its search index (default: dist)
  --ranking JSON  Pagefind ranking options to try instead of the site's own, set after the page has
                  loaded Pagefind, to compare them on the suite (default: the site's)

Exit codes: 0 every threshold met, 1 a threshold missed or an error in the page's console, 2 usage error (also when --dir holds no built site).`;

export interface RelevanceBenchOptions {
  /** The built site, absolute. */
  dir: string;
  /** --ranking as given (JSON), for the page to parse. */
  ranking?: string;
}

/**
 * The relevance bench's options, from the command line unless given: `--help` prints USAGE and
 * exits 0; a usage error (also a --dir without a built site or --ranking that is not JSON) exits 2,
 * before Chromium starts.
 */
export function readOptions(args?: string[]): RelevanceBenchOptions {
  const { values } = readArgs(USAGE, { dir: { type: 'string', default: 'dist' }, ranking: { type: 'string' } }, { args });
  const dir = resolve(ROOT, values.dir);
  if (!existsSync(join(dir, 'pagefind'))) usageError(USAGE, `No built site with a search index in ${dir}. Run \`npm run build\` first, or give its folder with --dir.`);
  const { ranking } = values;
  if (ranking !== undefined) {
    try {
      JSON.parse(ranking);
    } catch (cause) {
      usageError(USAGE, `--ranking must be JSON, like '{"metaWeights":{"keywords":4}}' (${(cause as Error).message}).`);
    }
  }
  return { dir, ranking };
}

async function main({ dir, ranking }: RelevanceBenchOptions): Promise<number> {
  const queries = loadQueries(ROOT);
  const server = await serve(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const started = performance.now();
    const results = await runQueries(page, server.origin, queries, '/', async (p) => {
      if (!ranking) return;
      // The page's own Pagefind module (same URL, same instance): warm it with one search, then
      // replace its ranking options for the rest of the run.
      await p.getByLabel('Search for').fill('policy');
      await p.locator('.search-status').filter({ hasText: '“policy”' }).waitFor();
      await p.evaluate(async (r) => {
        const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as { options(o: unknown): Promise<void> };
        await pf.options({ ranking: JSON.parse(r) });
      }, ranking);
    });
    console.log(report(results));
    console.log(`(${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s${ranking ? `, ranking ${ranking}` : ''})`);
    if (errors.length) console.log(`Console errors: ${errors.join(' | ')}`);
    const missed = misses(summarize(results));
    for (const m of missed) console.log(`FAIL: ${m}`);
    if (!missed.length) console.log('PASS: every threshold met.');
    return missed.length || errors.length ? 1 : 0;
  } finally {
    await browser.close();
    await server.stop();
    stopAll();
  }
}

if (import.meta.main) runMain(() => main(readOptions()));
