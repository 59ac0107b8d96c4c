import { test, expect } from '@playwright/test';
import { loadQueries, misses, report, runQueries, summarize } from '../../scripts/lib/relevance.ts';

/**
 * The relevance suite (tests/relevance/queries.yaml) through the real search page, with the
 * thresholds `npm run bench:relevance` prints against: top-3 at least 95%, top-1 at least 80%, and
 * no query without results. The report is attached, so a failure shows every query's ranks.
 */
test('the relevance suite meets its thresholds', async ({ page, baseURL }, info) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const results = await runQueries(page, baseURL!, loadQueries(process.cwd()));
  await info.attach('relevance report', { body: report(results), contentType: 'text/plain' });
  expect(misses(summarize(results)), report(results)).toEqual([]);
  expect(errors).toEqual([]);
});
