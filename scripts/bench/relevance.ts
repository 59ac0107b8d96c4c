/**
 * Relevance bench: runs the relevance suite (tests/relevance/queries.yaml) against the built site
 * in dist/ through the real /search/ page in Chromium, prints the rank of the first right page for
 * every query, top-1, top-3, MRR and the share of queries with no results, overall and by kind,
 * and exits 1 under the thresholds (top-3 95%, top-1 80%, no query without results).
 *
 * Usage: npm run bench:relevance [-- --dir dist] [--ranking '{"metaWeights":{"keywords":4}}']
 *   --ranking  try other Pagefind ranking options for this run (set after the page has loaded
 *              Pagefind with its own), to compare them on the suite.
 * Build first (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argValue, launchBrowser, ROOT, serve, stopAll } from './build.ts';
import { loadQueries, misses, report, runQueries, summarize } from '../lib/relevance.ts';

async function main(): Promise<number> {
  const dir = resolve(ROOT, argValue('dir') ?? 'dist');
  if (!existsSync(join(dir, 'pagefind'))) {
    console.error(`No built site with a search index in ${dir}. Run \`npm run build\` first.`);
    return 2;
  }
  const ranking = argValue('ranking');
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

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
