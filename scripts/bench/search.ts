/**
 * Search benchmark: what the first search costs in bytes, and how fast results appear once warm,
 * on a portal built from a synthetic corpus (default 2000 entries).
 *
 * Usage: npx node scripts/bench/search.ts [--pages 2000] [--keep] [--seed 7] [--verbose]
 *
 * Steps: generate the corpus, build the portal into .bench/search-dist (helpers from build.ts),
 * serve it with scripts/serve.ts, then in Chromium (fresh context):
 *  1. open /search/ and record what the page loads by itself (the island and, because the page
 *     lists everything when the query is empty, Pagefind's runtime, WASM and metadata);
 *  2. type a first query into "Search for" and record every response until its results render;
 *  3. time 20 more queries from the last keystroke to rendered results, measured inside the page
 *     with performance.now(): a capture-phase keydown listener stamps the start, a MutationObserver
 *     on the status line stamps the end when it names the query in quotes (“…”), which happens in
 *     the same React commit that fills the result list.
 * The search UI debounces typing (120 ms in useSearch.ts); times are reported with and without it.
 *
 * Exit code: 0 if the build succeeded (targets are reported, not enforced), 1 if it failed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  acquireLock, argValue, BENCH, buildPortal, installCleanup, kb, loadNote, releaseLock, launchBrowser, makeCorpus, mark, recordResponses, restoreProjectCaches,
  ROOT, saveProjectCaches, serve, stopAll, table, type ResponseRecord,
} from './build.ts';

/** Realistic reader queries: real terms the corpus generator draws on (REAL_TERMS in corpus.ts). */
const WARMUP_QUERY = 'moderation';
const QUERIES = [
  'crisis escalation', 'influencer disclosure', 'house rules', 'engagement rate', 'holding statement',
  'two-factor authentication', 'content calendar', 'share of voice', 'employee advocacy', 'listening tool',
  'approval workflow', 'brand account', 'customer complaint', 'dark period', 'alt text',
  'media enquiry', 'social crm', 'tiktok', 'sentiment', 'takedown request',
];

/** The UI's debounce, read from the source so the report stays right if someone changes it. */
function debounceMs(): number {
  const source = readFileSync(join(ROOT, 'src/islands/search/useSearch.ts'), 'utf8');
  return Number(/debounceMs\s*=\s*(\d+)/.exec(source)?.[1] ?? 120);
}

const sum = (rs: ResponseRecord[]) => rs.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip, n: s.n + 1 }), { raw: 0, gzip: 0, n: 0 });
const isPagefind = (r: ResponseRecord) => new URL(r.url).pathname.includes('/pagefind/');
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
  if (path.endsWith('.json') || path.endsWith('.pf_meta')) return 'metadata (entry, meta)';
  if (path.includes('/filter/')) return 'filter chunks';
  if (path.includes('/index/')) return 'index chunks';
  if (path.includes('/fragment/')) return 'fragments';
  return 'other';
}

interface Timing { query: string; ms: number; options: number; status: string; bytes: number; records: ResponseRecord[] }

async function main(): Promise<number> {
  const pages = Number(argValue('pages') ?? 2000);
  const seed = Number(argValue('seed') ?? 7);
  const keep = process.argv.includes('--keep');
  const verbose = process.argv.includes('--verbose');
  const debounce = debounceMs();
  installCleanup();

  await acquireLock();
  try {
    const loadBefore = loadNote();
    console.log(`Generating a ${pages}-entry corpus… (${loadBefore})`);
    const corpus = makeCorpus(pages, seed);
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
      await rec.settle();
      const opened = rec.reset();

      // --- in-page instrumentation: start stamp on keydown, end stamp when the status names the query ---
      await page.evaluate(() => {
        const w = window as unknown as { __bench: { t0: number; pending?: Promise<unknown> } };
        w.__bench = { t0: 0 };
        // Capture phase on window: runs before React's listener, i.e. at the keystroke itself.
        window.addEventListener('keydown', () => { w.__bench.t0 = performance.now(); }, { capture: true });
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
      /** Put all but the last character in (no keydown), then press the last key for real. */
      const runQuery = async (q: string): Promise<Timing> => {
        await arm(q);
        await input.fill(q.slice(0, -1));
        await page.keyboard.type(q.slice(-1));
        const r = (await page.evaluate(() => (window as unknown as { __bench: { pending: Promise<unknown> } }).__bench.pending)) as { t0: number; t1: number; options: number; status: string };
        if (!r.t0) throw new Error(`No keydown was recorded for "${q}"`);
        await page.waitForLoadState('networkidle');
        await rec.settle();
        // Everything fetched from the keystroke until the network is idle again belongs to this query.
        const records = rec.reset();
        return { query: q, ms: r.t1 - r.t0, options: r.options, status: r.status, bytes: sum(records).gzip, records };
      };
      await input.click();

      // --- 2. the first query (cold index chunks and fragments) ---
      const first = await runQuery(WARMUP_QUERY);
      const firstRecords = first.records;

      const loadAtQueries = loadNote();
      // --- 3. twenty warm queries ---
      const timings: Timing[] = [];
      for (const q of QUERIES) timings.push(await runQuery(q));
      await context.close();

      // --- report ---
      const openAll = sum(opened);
      const openPf = sum(opened.filter(isPagefind));
      const openJs = sum(opened.filter((r) => r.type === 'script' && !isPagefind(r)));
      const firstAll = sum(firstRecords);
      const pfToFirst = sum([...opened.filter(isPagefind), ...firstRecords.filter(isPagefind)]);
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
          [`first query "${WARMUP_QUERY}", keystroke to results (until idle)`, String(firstAll.n), kb(firstAll.raw), kb(firstAll.gzip)],
          ...byKind(firstRecords),
          ['Pagefind total up to the first results', String(pfToFirst.n), kb(pfToFirst.raw), kb(pfToFirst.gzip)],
        ]),
      );
      console.log(`    first query: ${first.options} result rows, ${first.ms.toFixed(0)} ms from keystroke to results (cold chunks, including the ${debounce} ms debounce)`);

      console.log(`\nWarm queries (${timings.length}), keystroke to rendered results, measured in the page (performance.now()); ${loadAtQueries}:`);
      console.log(
        table([
          ['query', 'rows', 'ms incl. debounce', `ms excl. ${debounce} ms debounce`, 'fetched gzip KB'],
          ...timings.map((t) => [t.query, String(t.options), t.ms.toFixed(1), (t.ms - debounce).toFixed(1), kb(t.bytes)]),
        ]),
      );
      const ms = timings.map((t) => t.ms);
      const med = percentile(ms, 50);
      const p95 = percentile(ms, 95);
      console.log('');
      console.log(
        table([
          ['', 'incl. debounce', `excl. ${debounce} ms debounce`],
          ['median', `${med.toFixed(1)} ms`, `${(med - debounce).toFixed(1)} ms`],
          ['p95', `${p95.toFixed(1)} ms`, `${(p95 - debounce).toFixed(1)} ms`],
        ]),
      );
      console.log(`    The UI waits ${debounce} ms after the last keystroke before searching (src/islands/search/useSearch.ts);`);
      console.log('    "excl." subtracts it: the time Pagefind and React take. Warm queries may still fetch new index chunks and fragments.');

      console.log('');
      const strict = firstAll.gzip;
      console.log(
        table([
          ['target', 'measured', 'limit', ''],
          ['first query: Pagefind bytes up to first results (gzip)', `${kb(pfToFirst.gzip)} KB`, '< 150 KB', mark(pfToFirst.gzip < 150 * 1024)],
          ['  (only the typing window, gzip)', `${kb(strict)} KB`, '< 150 KB', mark(strict < 150 * 1024)],
          ['median keystroke to results, warm, incl. debounce', `${med.toFixed(1)} ms`, '< 100 ms', mark(med < 100)],
          ['median keystroke to results, warm, excl. debounce', `${(med - debounce).toFixed(1)} ms`, '< 100 ms', mark(med - debounce < 100)],
        ]),
      );
      console.log('    The search page loads Pagefind on open (it lists everything for an empty query), so the typing window alone');
      console.log('    misses pagefind.js, the WASM and the metadata; the first target row counts them wherever they were loaded.');
    } finally {
      await browser.close();
      await server.stop();
    }
    if (keep) console.log(`\nKept ${relative(ROOT, BENCH)}/.`);
    return 0;
  } finally {
    stopAll();
    restoreProjectCaches();
    if (!keep) rmSync(BENCH, { recursive: true, force: true });
    releaseLock();
  }
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1); // the 'exit' handler stops children, restores caches and releases the lock
    },
  );
}
