/**
 * Search benchmark: what the first search costs in bytes, and how fast results appear once warm,
 * on a portal built from a synthetic corpus (default 2000 entries).
 *
 * Options, what it prints and its exit codes: USAGE below (`npm run bench:search -- --help`).
 *
 * Steps: generate the corpus, build the portal into .bench/search-dist (helpers from build.ts),
 * serve it with scripts/serve.ts, then in Chromium (fresh context):
 *  1. open /search/ and record what the page loads by itself (the island; its first view, the facet
 *     counts and the newest pages, comes from the build, so nothing from Pagefind);
 *  2. focus "Search for" (which starts loading Pagefind) and type a first query; record every
 *     response, and which of them had arrived when the results rendered (Resource Timing's
 *     responseEnd against the same clock as the render stamp): the facet counts load after the
 *     results, on purpose, and are reported apart;
 *  3. time 20 more queries from the last keystroke to rendered results, measured inside the page
 *     with performance.now(): a capture-phase keydown listener stamps the start, a MutationObserver
 *     on the status line stamps the end when it names the query in quotes (“…”), which happens in
 *     the same React commit that fills the result list. Two sessions, each in a fresh context: keys
 *     typed 100 ms apart (a fast typist; the target row), and the harsh case of all but the last
 *     key pasted and the last pressed at once, while the pasted prefix is still being searched.
 * The search UI searches on every keystroke (no debounce), so the time is the reader's whole wait.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readArgs, runMain } from '../lib/cli.ts';
import {
  BENCH, buildPortal, finishBench, kb, launchBrowser, loadNote, mark, recordResponses, restoreProjectCaches, ROOT, saveProjectCaches, serve, startBench, table, type ResponseRecord,
} from './build.ts';
import { CORPUS_OPTIONS, CORPUS_USAGE, readCorpusArgs, type CorpusArgs } from './options.ts';

/** Realistic reader queries: real terms the corpus generator draws on (REAL_TERMS in corpus.ts). */
const WARMUP_QUERY = 'moderation';
const QUERIES = [
  'crisis escalation', 'influencer disclosure', 'house rules', 'engagement rate', 'holding statement',
  'two-factor authentication', 'content calendar', 'share of voice', 'employee advocacy', 'listening tool',
  'approval workflow', 'brand account', 'customer complaint', 'dark period', 'alt text',
  'media enquiry', 'social crm', 'tiktok', 'sentiment', 'takedown request',
];

const sum = (rs: ResponseRecord[]) => rs.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip, n: s.n + 1 }), { raw: 0, gzip: 0, n: 0 });
/** Search's own files: Pagefind's, and the vocabulary and spelling list the build writes beside /search/. */
const isPagefind = (r: ResponseRecord) => /\/pagefind\/|\/search\/(lexicon|words)\.json$/.test(new URL(r.url).pathname);
/** Nearest-rank percentile: with 20 samples p95 is the 19th value, p50 the 10th. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
/** Pagefind files grouped by kind, for a readable breakdown. */
function pagefindKind(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('.js')) return 'runtime (pagefind*.js)';
  if (/wasm/.test(path)) return 'wasm';
  if (/\/search\/(lexicon|words)\.json$/.test(path)) return 'vocabulary (search/*.json)';
  if (path.endsWith('.json') || path.endsWith('.pf_meta')) return 'metadata (entry, meta)';
  if (path.includes('/filter/')) return 'filter chunks';
  if (path.includes('/index/')) return 'index chunks';
  if (path.includes('/fragment/')) return 'fragments';
  return 'other';
}

interface Timing { query: string; ms: number; options: number; status: string; bytes: number; records: ResponseRecord[]; beforeResults: ResponseRecord[] }

const USAGE = `Usage: npm run bench:search [-- --pages 2000] [--seed 7] [--keep] [--verbose]

Builds the portal on a synthetic corpus, serves it, and measures search in Chromium: the bytes the
/search/ page loads, the bytes up to the first results of a first query, and the time from
keystroke to rendered results for ${QUERIES.length} warm queries, typed 100 ms per key and with the last key
pressed straight after a paste. Prints the bytes by kind of file, each query's time, the median and
p95, and the targets: under 150 KB (gzip) of Pagefind up to the first results, a median under 100 ms.

${CORPUS_USAGE}
  --keep         keep .bench/: the corpus, the built site and its build log (default: removed)
  --verbose      show the build log as it runs, and every response of the first search

Exit codes: 0 the build succeeded (a missed target is reported, not an error), 1 the build failed, 2 usage error.`;

/**
 * The search bench's options, from the command line unless given: `--help` prints USAGE and exits 0,
 * a usage error exits 2, both before any work (no lock, no corpus, no build).
 */
export function readOptions(args?: string[]): CorpusArgs {
  return readCorpusArgs(USAGE, readArgs(USAGE, CORPUS_OPTIONS, { args }).values);
}

async function main({ pages, seed, keep, verbose }: CorpusArgs): Promise<number> {
  const { corpus, loadBefore } = await startBench(pages, seed);
  try {
    console.log(`Building the portal into ${relative(ROOT, join(BENCH, 'search-dist'))}/…`);
    saveProjectCaches();
    let build;
    try {
      build = await buildPortal(corpus.dir, join(BENCH, 'search-dist'), verbose);
    } finally {
      restoreProjectCaches();
    }
    if (!build.ok) {
      console.error(`The portal build failed (exit ${build.code ?? build.signal}); see ${build.logFile}${keep ? '' : ' (rerun with --keep to read it)'}.`);
      console.error(readFileSync(build.logFile, 'utf8').split('\n').slice(-40).join('\n'));
      return 1;
    }
    console.log(`  built ${build.pages} pages in ${(build.wallMs / 1000).toFixed(1)} s; search index ${(build.pagefindBytes / 1024 / 1024).toFixed(1)} MB`);

    const server = await serve(build.outDir);
    const browser = await launchBrowser();
    try {
      const session = async (typed: boolean) => {
        const context = await browser.newContext(); // fresh: empty HTTP cache
        const page = await context.newPage();
        const rec = recordResponses(page);

        // --- 1. open the search page and let it settle ---
        await page.goto(`${server.origin}/search/`, { waitUntil: 'load' });
        // The empty-query listing has loaded once the status line stops saying it is loading.
        await page.waitForFunction(() => {
          const t = document.querySelector('.search-main [role=status]')?.textContent ?? '';
          return t !== '' && !t.startsWith('Loading');
        });
        await page.waitForLoadState('networkidle');
        await rec.quiet();
        const opened = rec.reset();

        // --- in-page instrumentation: start stamp on keydown, end stamp when the status names the query ---
        await page.evaluate(() => {
          const w = window as unknown as { __bench: { t0: number; pending?: Promise<unknown> } };
          w.__bench = { t0: 0 };
          // Capture phase on window: runs before React's listener, i.e. at the keystroke itself.
          window.addEventListener('keydown', () => { w.__bench.t0 = performance.now(); }, { capture: true });
          // Room for every fetch of the run (the default buffer keeps 250 entries).
          performance.setResourceTimingBufferSize(100_000);
        });
        const arm = (q: string) =>
          page.evaluate((query) => {
            const w = window as unknown as { __bench: { t0: number; pending?: Promise<unknown> } };
            w.__bench.t0 = 0;
            const statusEl = document.querySelector('.search-main [role=status]')!;
            const list = document.getElementById('search-page-results')!;
            w.__bench.pending = new Promise((resolve) => {
              const done = () => {
                const text = statusEl.textContent ?? '';
                if (!text.includes(`“${query}”`)) return;
                observer.disconnect();
                resolve({ t1: performance.now(), t0: w.__bench.t0, options: list.querySelectorAll('[role=option]').length, status: text });
              };
              const observer = new MutationObserver(done);
              observer.observe(document.querySelector('.search-main')!, { subtree: true, childList: true, characterData: true });
            });
          }, q);
        const input = page.getByLabel('Search for');
        /**
         * typed: clear the box, then type every key 100 ms apart (a fast typist), as a reader does.
         * Otherwise: paste all but the last character (no keydown, but a search starts), then press
         * the last key at once, so the final search competes with the one still in flight.
         */
        const runQuery = async (q: string): Promise<Timing> => {
          await arm(q);
          if (typed) {
            await input.fill('');
            await page.keyboard.type(q, { delay: 100 });
          } else {
            await input.fill(q.slice(0, -1));
            await page.keyboard.type(q.slice(-1));
          }
          const r = (await page.evaluate(() => (window as unknown as { __bench: { pending: Promise<unknown> } }).__bench.pending)) as { t0: number; t1: number; options: number; status: string };
          if (!r.t0) throw new Error(`No keydown was recorded for "${q}"`);
          await rec.quiet();
          // Everything fetched since the last query until the network is idle again belongs to this one;
          // of that, what had fully arrived when the results rendered is what the reader waited for.
          const records = rec.reset();
          const arrived = new Set(
            await page.evaluate((t1) => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseEnd <= t1).map((e) => e.name), r.t1),
          );
          const beforeResults = records.filter((x) => arrived.has(x.url));
          return { query: q, ms: r.t1 - r.t0, options: r.options, status: r.status, bytes: sum(beforeResults).gzip, records, beforeResults };
        };
        await input.click();

        // --- 2. the first query (cold index chunks and fragments) ---
        const first = await runQuery(WARMUP_QUERY);
        const firstRecords = first.records;
        const firstBefore = first.beforeResults;
        const firstAfter = firstRecords.filter((x) => !firstBefore.includes(x));

        const loadAtQueries = loadNote();
        // --- 3. twenty warm queries ---
        const timings: Timing[] = [];
        for (const q of QUERIES) timings.push(await runQuery(q));
        await context.close();
        return { opened, first, firstRecords, firstBefore, firstAfter, timings, loadAtQueries };
      };
      const paste = await session(false);
      const typedRun = await session(true);
      const { opened, first, firstRecords, firstBefore, firstAfter, timings, loadAtQueries } = paste;

      // --- report ---
      const openAll = sum(opened);
      const openPf = sum(opened.filter(isPagefind));
      const openJs = sum(opened.filter((r) => r.type === 'script' && !isPagefind(r)));
      const pfToFirst = sum([...opened.filter(isPagefind), ...firstBefore.filter(isPagefind)]);
      console.log(`\n=== Search benchmark: ${pages} document entries, ${build.pages} pages, index ${(build.pagefindBytes / 1024 / 1024).toFixed(1)} MB on disk`);
      console.log(`    Chromium, fresh context, local static server (no compression: gzip sizes computed with zlib level 6)`);
      console.log(`    before the run: ${loadBefore}; other processes used ${build.foreignCpuSeconds.toFixed(1)} CPU-s during the build\n`);

      const byKind = (rs: ResponseRecord[]) => {
        const kinds = new Map<string, ResponseRecord[]>();
        for (const r of rs) {
          const key = isPagefind(r) ? `Pagefind ${pagefindKind(r.url)}` : `not Pagefind (${r.type}: ${new URL(r.url).pathname.slice(0, 40)})`;
          kinds.set(key, [...(kinds.get(key) ?? []), r]);
        }
        return [...kinds].map(([k, list]) => {
          const s = sum(list);
          return [`    ${k}`, String(s.n), kb(s.raw), kb(s.gzip)];
        });
      };
      if (verbose) for (const r of [...opened, ...firstRecords]) console.log(`  ${r.type.padEnd(10)} ${kb(r.gzip).padStart(7)} KB  ${new URL(r.url).pathname}`);
      console.log('Bytes for the first search:');
      console.log(
        table([
          ['what', 'files', 'raw KB', 'gzip KB'],
          ['/search/ page open, until idle, everything', String(openAll.n), kb(openAll.raw), kb(openAll.gzip)],
          ['  of which page JS (React, island)', String(openJs.n), kb(openJs.raw), kb(openJs.gzip)],
          ['  of which Pagefind, before any typing', String(openPf.n), kb(openPf.raw), kb(openPf.gzip)],
          ...byKind(opened.filter(isPagefind)),
          [`first query "${WARMUP_QUERY}": focus, then keystroke to results`, String(sum(firstBefore).n), kb(sum(firstBefore).raw), kb(sum(firstBefore).gzip)],
          ...byKind(firstBefore),
          ['  then, after the results: facet counts', String(sum(firstAfter).n), kb(sum(firstAfter).raw), kb(sum(firstAfter).gzip)],
          ...byKind(firstAfter),
          ['Pagefind total up to the first results', String(pfToFirst.n), kb(pfToFirst.raw), kb(pfToFirst.gzip)],
          ['Pagefind total for the first query, counts included', String(sum([...opened, ...firstRecords].filter(isPagefind)).n), kb(sum([...opened, ...firstRecords].filter(isPagefind)).raw), kb(sum([...opened, ...firstRecords].filter(isPagefind)).gzip)],
        ]),
      );
      console.log(`    first query: ${first.options} result rows, ${first.ms.toFixed(0)} ms from keystroke to results (cold: index chunk and fragments fetched)`);

      const report = (title: string, ts: Timing[], load: string) => {
        console.log(`\nWarm queries (${ts.length}), ${title}; keystroke to rendered results, measured in the page (performance.now()); ${load}:`);
        console.log(
          table([
            ['query', 'rows', 'ms keystroke to results', 'gzip KB before results', 'gzip KB in all'],
            ...ts.map((t) => [t.query, String(t.options), t.ms.toFixed(1), kb(t.bytes), kb(sum(t.records).gzip)]),
          ]),
        );
        const ms = ts.map((t) => t.ms);
        return { med: percentile(ms, 50), p95: percentile(ms, 95) };
      };
      const typedStats = report('typed 100 ms per key, a fast typist (from the last key)', typedRun.timings, typedRun.loadAtQueries);
      const pasteStats = report('all but the last key pasted, the last key pressed at once (harsh: the prefix search is still in flight)', timings, loadAtQueries);
      console.log('');
      console.log(
        table([
          ['keystroke to results', 'typed', 'pasted + last key'],
          ['median', `${typedStats.med.toFixed(1)} ms`, `${pasteStats.med.toFixed(1)} ms`],
          ['p95', `${typedStats.p95.toFixed(1)} ms`, `${pasteStats.p95.toFixed(1)} ms`],
        ]),
      );
      console.log('    No debounce: every keystroke searches; a newer one stops an older search before its fragments load. Rows');
      console.log('    render when the top 5 have their text; the next 5 follow. "Warm": Pagefind and its metadata are loaded;');
      console.log('    a new query may still fetch an index chunk and fragments.');
      const med = typedStats.med;
      const harsh = pasteStats.med;

      console.log('');
      console.log(
        table([
          ['target', 'measured', 'limit', ''],
          ['first query: Pagefind bytes up to first results (gzip)', `${kb(pfToFirst.gzip)} KB`, '< 150 KB', mark(pfToFirst.gzip < 150 * 1024)],
          ['median keystroke to rendered results, warm, typed', `${med.toFixed(1)} ms`, '< 100 ms', mark(med < 100)],
          ['  the same, last key pressed straight after a paste', `${harsh.toFixed(1)} ms`, '< 100 ms', mark(harsh < 100)],
        ]),
      );
      console.log('    Bytes count Pagefind files and search/*.json from opening /search/ until the first results render, wherever they were fetched');
      console.log('    (opening the page fetches none; focusing the search box starts loading the runtime, WASM and metadata).');
    } finally {
      await browser.close();
      await server.stop();
    }
    if (keep) console.log(`\nKept ${relative(ROOT, BENCH)}/.`);
    return 0;
  } finally {
    finishBench(keep);
  }
}

// An error exits 1 through runMain; the 'exit' handler (installCleanup) stops children, restores caches and releases the lock.
if (import.meta.main) runMain(() => main(readOptions()));
