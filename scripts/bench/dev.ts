/**
 * The authoring loop, measured (`npm run bench -- --dev`): on the bench's synthetic corpus, how long
 * `astro dev` takes until it answers its first entry page, for the portal and for the floor (the
 * bare Astro project of scripts/bench/build.ts), and how long an edit to an entry file takes to
 * show in the browser (Chromium through Playwright, waiting for the new text).
 *
 * Each run starts both dev servers cold (fresh cache directories), alternating which goes first.
 * An edit appends a sentence with a unique word to the body of one playbook and waits until the
 * open page shows that word; the file is put back afterwards. It also times, on the store the
 * portal's server wrote, the two passes over the whole content store Astro makes on every edit
 * (timeStore): the least an edit can take on Astro's content layer, once the store is written at
 * once (the portal does: src/node/store-flush.ts; the floor waits SAVE_DEBOUNCE_MS first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import * as devalue from 'devalue';
import { BENCH, freePort, launchBrowser, loadNote, mark, restoreProjectCaches, ROOT, saveProjectCaches, table, writeFloorProject } from './build.ts';
import type { CorpusSummary } from './corpus.ts';
import { runOrder, spreadOf, type Spread } from './stats.ts';

const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** Targets of the authoring loop: ready within 1.5x the floor's dev server; an edit shows in under 1 s. */
const TARGET_READY_RATIO = 1.5;
const TARGET_EDIT_MS = 1000;
/** Edits per server and run: the first edit after start-up is often slower than the rest. */
const EDITS = 3;

interface DevServer { origin: string; child: ChildProcess; stop: () => Promise<void> }

/** Start `astro dev` on 127.0.0.1 and return once it is spawned (not yet ready). */
function startDev(cwd: string, port: number, env: NodeJS.ProcessEnv, logFile: string, verbose: boolean): DevServer {
  const child = spawn(process.execPath, [ASTRO_BIN, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log: Buffer[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      log.push(chunk);
      if (verbose) process.stdout.write(chunk);
    });
  }
  const stop = () =>
    new Promise<void>((res) => {
      writeFileSync(logFile, Buffer.concat(log));
      if (child.exitCode !== null || child.signalCode !== null) return res();
      child.once('exit', () => res());
      try {
        process.kill(-child.pid!, 'SIGTERM'); // astro and whatever it started
      } catch {
        child.kill('SIGTERM');
      }
    });
  return { origin: `http://127.0.0.1:${port}`, child, stop };
}

/** Poll until the URL answers 200 with HTML; milliseconds since `since`. */
async function firstAnswer(url: string, since: number, server: DevServer, timeoutMs = 300_000): Promise<number> {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the dev server exited (${server.child.exitCode}) before answering ${url}`);
    try {
      const res = await fetch(url);
      const body = await res.text();
      if (res.status === 200 && body.includes('</html>')) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The sample playbook's file in the corpus (.md or .mdx). */
function entryFile(corpus: CorpusSummary): string {
  for (const ext of ['.md', '.mdx']) {
    const file = join(corpus.dir, 'playbooks', `${corpus.samplePlaybook}${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`playbook ${corpus.samplePlaybook} not found in ${corpus.dir}`);
}

/**
 * Open the page, then edit its file `EDITS` times; each time, milliseconds from the write until the
 * page shows the new word (the dev server reloads the page, or updates it in place).
 */
async function measureEdits(browser: Browser, url: string, file: string): Promise<number[]> {
  const original = readFileSync(file, 'utf8');
  const context = await browser.newContext();
  const times: number[] = [];
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // Vite's client connects its socket after load; an edit before that would be missed.
    await page.waitForTimeout(1000);
    for (let i = 1; i <= EDITS; i++) {
      const word = `benchedit${Date.now().toString(36)}x${i}`;
      const started = performance.now();
      writeFileSync(file, `${original.trimEnd()}\n\nAn edited sentence ${word}.\n`);
      await page.getByText(word, { exact: false }).first().waitFor({ state: 'visible', timeout: 60_000 });
      times.push(performance.now() - started);
      await page.waitForTimeout(500);
    }
  } finally {
    writeFileSync(file, original);
    await context.close();
  }
  return times;
}

interface DevRun { readyMs: number; editMs: number[]; store?: StoreCost | undefined }

/**
 * What Astro's content layer does on every edit, whatever the site: it serialises the whole data
 * store again (devalue.stringify, in mutable-data-store.js) and writes it, and the dev server then
 * parses all of it back (JSON.parse and devalue.unflatten) before any page can render. Timed here,
 * in this process, on the store the portal's dev server wrote.
 */
interface StoreCost { megabytes: number; serialiseMs: number; parseMs: number }

function timeStore(file: string): StoreCost | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  let started = performance.now();
  const store: unknown = devalue.parse(text);
  const parseMs = performance.now() - started;
  started = performance.now();
  devalue.stringify(store);
  return { megabytes: statSync(file).size / 1e6, serialiseMs: performance.now() - started, parseMs };
}

/** Starts `astro dev` in `projectDir`, times its first answer for the corpus's sample playbook, then its edits. */
async function timeDev(projectDir: string, env: Record<string, string>, log: string, corpus: CorpusSummary, port: number, browser: Browser, verbose: boolean): Promise<DevRun> {
  const started = performance.now();
  const server = startDev(projectDir, port, env, join(BENCH, log), verbose);
  try {
    const url = `${server.origin}/playbooks/${corpus.samplePlaybook}/`;
    const readyMs = await firstAnswer(url, started, server);
    const editMs = await measureEdits(browser, url, entryFile(corpus));
    return { readyMs, editMs };
  } finally {
    await server.stop();
  }
}

async function portalDev(corpus: CorpusSummary, port: number, browser: Browser, run: number, verbose: boolean): Promise<DevRun> {
  const cacheDir = join(BENCH, 'dev-portal-cache/');
  rmSync(cacheDir, { recursive: true, force: true });
  saveProjectCaches(); // astro dev in the project rewrites .astro/
  try {
    const result = await timeDev(ROOT, { HUB_CONTENT_DIR: corpus.dir, HUB_CACHE_DIR: cacheDir, HUB_TODAY: '2026-06-01' }, `dev-portal-run${run}.log`, corpus, port, browser, verbose);
    // Under astro dev the store is in the project's .astro/ (restored below).
    return { ...result, store: timeStore(join(ROOT, '.astro', 'data-store.json')) };
  } finally {
    restoreProjectCaches();
  }
}

async function floorDev(corpus: CorpusSummary, port: number, browser: Browser, run: number, verbose: boolean): Promise<DevRun> {
  const floorDir = join(BENCH, 'floor');
  writeFloorProject(floorDir, corpus.dir); // fresh project, empty cache: cold like the portal
  return timeDev(floorDir, {}, `dev-floor-run${run}.log`, corpus, port, browser, verbose);
}

/**
 * How long Astro's content layer waits after a change before it writes the data store, as the
 * installed Astro sets it; undefined when that file no longer says.
 */
function astroSaveDebounceMs(): number | undefined {
  try {
    const source = readFileSync(join(ROOT, 'node_modules/astro/dist/content/mutable-data-store.js'), 'utf8');
    const found = /\bSAVE_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
    return found ? Number(found[1]) : undefined;
  } catch {
    return undefined;
  }
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const fmt = (s: Spread, f: (n: number) => string) => `${f(s.median)} s (${f(s.min)}-${f(s.max)})`;

/** Run the authoring-loop bench and print its report; returns the exit code. `port`: the dev servers' (default: a free one). */
export async function benchDev(corpus: CorpusSummary, runs: number, verbose: boolean, port?: number): Promise<number> {
  port ??= await freePort();
  const loadBefore = loadNote();
  const browser = await launchBrowser();
  const portal: DevRun[] = [];
  const floor: DevRun[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      console.log(`Run ${run} of ${runs} (${runOrder(run).join(', then ')}; load average ${loadavg()[0]!.toFixed(2)})…`);
      for (const side of runOrder(run)) {
        const result = side === 'portal' ? await portalDev(corpus, port, browser, run, verbose) : await floorDev(corpus, port, browser, run, verbose);
        (side === 'portal' ? portal : floor).push(result);
        console.log(`  ${side}: first page after ${s1(result.readyMs)} s; edits shown after ${result.editMs.map(s2).join(', ')} s`);
      }
    }
  } finally {
    await browser.close();
  }
  const readyP = spreadOf(portal.map((r) => r.readyMs));
  const readyF = spreadOf(floor.map((r) => r.readyMs));
  const ratios = spreadOf(portal.map((r, i) => r.readyMs / floor[i]!.readyMs));
  const editP = spreadOf(portal.flatMap((r) => r.editMs));
  const editF = spreadOf(floor.flatMap((r) => r.editMs));
  console.log(`\n=== Authoring loop: ${corpus.documents} document entries, ${runs} alternating run(s), ${EDITS} edits per server and run`);
  console.log(`    before: ${loadBefore}; after: ${loadNote()}`);
  console.log('    ready = from starting `astro dev` (cold cache) until it answers an entry page with 200; edit = from writing the file until Chromium shows the new text\n');
  console.log(
    table([
      ['', 'portal', 'floor', 'portal / floor', 'target', ''],
      ['dev server ready (first page)', fmt(readyP, s1), fmt(readyF, s1), `${ratios.median.toFixed(2)} (${ratios.min.toFixed(2)}-${ratios.max.toFixed(2)})`, `<= ${TARGET_READY_RATIO}`, mark(ratios.median <= TARGET_READY_RATIO)],
      ['edit shown in the browser', fmt(editP, s2), fmt(editF, s2), (editP.median / editF.median).toFixed(2), `< ${s1(TARGET_EDIT_MS)} s`, mark(editP.median < TARGET_EDIT_MS)],
    ]),
  );
  const stores = portal.flatMap((r) => (r.store ? [r.store] : []));
  if (stores.length) {
    const serialise = spreadOf(stores.map((c) => c.serialiseMs));
    const parse = spreadOf(stores.map((c) => c.parseMs));
    const debounce = astroSaveDebounceMs();
    const least = serialise.median + parse.median;
    console.log(
      `    On every edit Astro's content layer serialises the whole data store again (${stores[0]!.megabytes.toFixed(1)} MB here: ${s2(serialise.median)} s) and the dev server parses it back (${s2(parse.median)} s): ${s2(least)} s before a page can render, for any site on Astro's content layer, writing the file and reloading the page not counted.` +
        (debounce === undefined ? '' : ` Before that Astro waits ${s2(debounce)} s after the last change (SAVE_DEBOUNCE_MS in astro/dist/content/mutable-data-store.js), as the floor does; the portal writes the store as soon as its loader has stored the edit (src/node/store-flush.ts).`) +
        (least >= TARGET_EDIT_MS ? ` An edit under ${s1(TARGET_EDIT_MS)} s is out of reach at ${corpus.documents} entries.` : ''),
    );
    if (least < TARGET_EDIT_MS && editP.median >= TARGET_EDIT_MS) {
      console.log(
        `    The rest of an edit (noticing the file, the loader and the content check, reloading the page and rendering it) took ${s2(editP.median - least)} s here (the median edit less ${s2(least)} s); an edit under ${s1(TARGET_EDIT_MS)} s would leave ${s2(TARGET_EDIT_MS - least)} s for it.`,
      );
    }
  }
  if (Math.max(readyP.width, readyF.width) > Math.abs(readyP.median - readyF.median)) {
    console.log(`    WARNING: the start-up times spread wider (${s1(readyP.width)} s, ${s1(readyF.width)} s) than the portal-floor difference (${s1(Math.abs(readyP.median - readyF.median))} s).`);
  }
  return 0;
}
