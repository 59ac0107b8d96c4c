/**
 * The relevance suite: reader queries (tests/relevance/queries.yaml), each with the pages that
 * answer it, run through the real /search/ page of a built site in Chromium. Shared by
 * `npm run bench:relevance` (prints every query) and tests/e2e/relevance.spec.ts (enforces the
 * thresholds in `npm test`). Nothing here knows how search works: it types, waits for the answer
 * and reads the result links, as a reader would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Page } from '@playwright/test';
import { searchableQuery } from '../../src/lib/search/query.ts';

export interface RelevanceQuery {
  q: string;
  who: string;
  kind: string;
  /** Site paths (without the base) of the pages that answer the query, best first. */
  expect: string[];
}

export interface QueryResult extends RelevanceQuery {
  /** Result paths in order, pages only (sections left out), at most TOP. */
  got: string[];
  /** 1-based rank of the first right page within `got`, or undefined. */
  rank?: number;
}

/** Rows read per query: the search page shows the top five at once, the rest after a pause. */
export const TOP = 5;

export const THRESHOLDS = { top3: 0.95, top1: 0.8, zero: 0 };

export function loadQueries(root: string): RelevanceQuery[] {
  const data = yaml.load(readFileSync(join(root, 'tests/relevance/queries.yaml'), 'utf8')) as RelevanceQuery[];
  return data.map((d) => ({ q: String(d.q), who: d.who, kind: d.kind, expect: d.expect.map(String) }));
}

const pathOf = (href: string, base: string) => {
  const path = new URL(href, 'http://x').pathname;
  return base !== '/' && path.startsWith(base) ? path.slice(base.length - 1) : path;
};

/**
 * Answer every query on one /search/ page: type the query into the box and wait until the status
 * line names it (the same React commit fills the results), then read the page rows.
 */
export async function runQueries(page: Page, origin: string, queries: RelevanceQuery[], base = '/', before?: (page: Page) => Promise<void>): Promise<QueryResult[]> {
  await page.goto(`${origin}${base}search/`);
  const box = page.getByLabel('Search for');
  await box.click();
  if (before) await before(page);
  const out: QueryResult[] = [];
  for (const query of queries) {
    const named = `“${searchableQuery(query.q)}”`;
    await box.fill(query.q);
    await page.locator('.search-status').filter({ hasText: named }).waitFor({ timeout: 15_000 });
    // The rows are final once the list is no longer busy (a spelling check may replace them).
    await page.locator('#search-page-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
    // Rows are links; an older search page kept the URL in data-url (kept readable for comparisons).
    const hrefs = await page.locator('#search-page-results [role="option"]:not(.section)').evaluateAll((rows) => rows.map((r) => r.getAttribute('href') ?? r.getAttribute('data-url') ?? ''));
    const got = hrefs.slice(0, TOP).map((h) => pathOf(h, base));
    const at = got.findIndex((g) => query.expect.includes(g));
    out.push({ ...query, got, rank: at >= 0 ? at + 1 : undefined });
  }
  return out;
}

export interface Summary { n: number; top1: number; top3: number; mrr: number; zero: number; zeroQueries: string[] }

/** Top-1, top-3 and MRR (ranks past TOP count as misses), and the share of queries with no results. */
export function summarize(results: QueryResult[]): Summary {
  const n = results.length;
  const share = (f: (r: QueryResult) => boolean) => (n ? results.filter(f).length / n : 0);
  return {
    n,
    top1: share((r) => r.rank === 1),
    top3: share((r) => r.rank !== undefined && r.rank <= 3),
    mrr: n ? results.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n : 0,
    zero: share((r) => r.got.length === 0),
    zeroQueries: results.filter((r) => r.got.length === 0).map((r) => r.q),
  };
}

/** Which thresholds the summary misses, as sentences; empty when it passes. */
export function misses(s: Summary): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    ...(s.top3 < THRESHOLDS.top3 ? [`top-3 ${pct(s.top3)} is under ${pct(THRESHOLDS.top3)}`] : []),
    ...(s.top1 < THRESHOLDS.top1 ? [`top-1 ${pct(s.top1)} is under ${pct(THRESHOLDS.top1)}`] : []),
    ...(s.zero > THRESHOLDS.zero ? [`${s.zeroQueries.length} queries have no results: ${s.zeroQueries.join(' | ')}`] : []),
  ];
}

/** Per-query lines and totals, overall and by kind. */
export function report(results: QueryResult[]): string {
  const lines = results.map((r) => `${r.rank === 1 ? '  1' : r.rank ? `  ${r.rank}` : ' --'}  ${r.kind.padEnd(12)} ${r.q}${r.rank === 1 ? '' : `\n       want ${r.expect.join(', ')}\n       got  ${r.got.join(', ') || '(nothing)'}`}`);
  const kinds = [...new Set(results.map((r) => r.kind))];
  const fmt = (s: Summary) => `top-1 ${(s.top1 * 100).toFixed(1)}%  top-3 ${(s.top3 * 100).toFixed(1)}%  MRR ${s.mrr.toFixed(3)}  no results ${(s.zero * 100).toFixed(1)}%`;
  return [
    'rank kind         query',
    ...lines,
    '',
    'By kind:',
    ...kinds.map((k) => `  ${k.padEnd(12)} n=${String(results.filter((r) => r.kind === k).length).padStart(3)}  ${fmt(summarize(results.filter((r) => r.kind === k)))}`),
    '',
    `Total: ${results.length} queries  ${fmt(summarize(results))}`,
  ].join('\n');
}
