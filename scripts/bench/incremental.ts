/**
 * Incremental build benchmark: how long the portal takes to rebuild after one edited entry,
 * against a cold build of the same corpus.
 *
 * Options, what it prints and its exit codes: USAGE below (`npm run bench:incremental -- --help`).
 *
 * Each run, on one synthetic corpus (scripts/bench/corpus.ts):
 *  1. a cold build with an empty cache folder (HUB_CACHE_DIR);
 *  2. one entry's body is edited (a sentence added to a playbook);
 *  3. a warm build with the same cache folder: pages whose key did not change are copied;
 *  4. another build with nothing changed: what every warm build costs before any edit.
 * It prints the steps of the cold and warm builds (median over the runs), the medians of the wall
 * times with their spread, and the ratio warm/cold against the target (at most 0.5), then what the
 * unchanged build says of that target. With --verify it then
 * builds the edited corpus cold into another folder and compares it with the last warm build byte
 * for byte (search index included): the ratio means nothing if the output differs. The build bench
 * runs the same measurement as a step (`npm run bench -- --incremental`, through `measure`).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { integerOption, readArgs, runMain } from '../lib/cli.ts';
import { BENCH, BUILD_ENV, PAGEFIND_STEP, PORTAL_BUILD, ROOT, VITE_BUNDLE_STEP, buildPhases, loadNote, mark, releaseLock, restoreProjectCaches, runMeasured, saveProjectCaches, startBench, table, type BenchStep, type RunResult } from './build.ts';
import { CORPUS_OPTIONS, CORPUS_USAGE, readCorpusArgs, type CorpusArgs } from './options.ts';

/** The incremental target: one edited entry rebuilds in at most this share of a cold build. */
export const TARGET_RATIO = 0.5;

/** The same environment as the bench's portal build (scripts/bench/build.ts), build time pinned too. */
const ENV = { ...BUILD_ENV, HUB_BUILT_AT: `${BUILD_ENV.HUB_TODAY}T09:00:00.000Z`, HUB_OFFLINE: 'off' };

export interface IncrementalRun {
  cold: RunResult;
  warm: RunResult;
  /** A build right after the warm one, with nothing changed. */
  unchanged: RunResult;
  /** Pages the warm build copied from the cache instead of rendering. */
  reused: number;
  rendered: number;
}

function build(corpus: string, outDir: string, cacheDir: string, verbose: boolean): Promise<RunResult> {
  rmSync(outDir, { recursive: true, force: true });
  return runMeasured(process.execPath, [PORTAL_BUILD, '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ...ENV, HUB_CONTENT_DIR: corpus, HUB_CACHE_DIR: cacheDir },
    logFile: `${outDir}.log`,
    verbose,
  });
}

/** Adds a sentence to the body of the corpus's first playbook (by name); returns its path. */
export function editOneEntry(corpus: string, run: number): string {
  const dir = join(corpus, 'playbooks');
  const file = readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0];
  if (!file) throw new Error(`No Markdown playbook in ${dir} to edit`);
  const path = join(dir, file);
  writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n\nEdited for the incremental benchmark, run ${run}: one more sentence in the body.\n`);
  return path;
}

function countIn(logFile: string, re: RegExp): number {
  try {
    return (readFileSync(logFile, 'utf8').match(re) ?? []).length;
  } catch {
    return 0;
  }
}

/** One cold build, one edit, one warm build, one build with nothing changed, in fresh folders under .bench/. */
export async function runIncremental(corpus: string, run: number, verbose = false): Promise<IncrementalRun> {
  const cache = join(BENCH, `incremental-cache-${run}`);
  rmSync(cache, { recursive: true, force: true });
  const cold = await build(corpus, join(BENCH, `incremental-cold-${run}`), cache, verbose);
  if (cold.code !== 0) return { cold, warm: cold, unchanged: cold, reused: 0, rendered: 0 };
  editOneEntry(corpus, run);
  const warm = await build(corpus, join(BENCH, `incremental-warm-${run}`), cache, verbose);
  const unchanged = warm.code === 0 ? await build(corpus, join(BENCH, `incremental-unchanged-${run}`), cache, verbose) : warm;
  return {
    cold,
    warm,
    unchanged,
    reused: countIn(warm.logFile, /\((?:cached|restored)\)/g),
    rendered: countIn(warm.logFile, /├─ [^\n]*\(\+[\d.]+m?s\)/g),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const secs = (ms: number) => (ms / 1000).toFixed(1);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(dir, join(d.parentPath, d.name))).sort();
}

/** Paths that differ between two folders (or exist in one only). */
export function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = new Set(files(b));
  const out = left.filter((f) => !right.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  for (const f of right) if (!left.includes(f)) out.push(f);
  return out;
}

/** The report: per-step medians of both builds, wall-time medians and spread, the ratio and its mark. */
export function report(runs: IncrementalRun[]): { text: string; ratio: number } {
  const phases = (pick: (r: IncrementalRun) => RunResult) => {
    const byName = new Map<string, number[]>();
    for (const r of runs) for (const p of buildPhases(pick(r).logFile)) byName.set(p.name, [...(byName.get(p.name) ?? []), p.ms]);
    return byName;
  };
  const cold = phases((r) => r.cold);
  const warm = phases((r) => r.warm);
  const rows = [['step (median of runs)', 'cold s', 'warm s']];
  for (const name of new Set([...cold.keys(), ...warm.keys()])) {
    const c = cold.get(name);
    const w = warm.get(name);
    rows.push([name, c ? secs(median(c)) : '-', w ? secs(median(w)) : '-']);
  }
  const coldWall = runs.map((r) => r.cold.wallMs);
  const warmWall = runs.map((r) => r.warm.wallMs);
  const ratio = median(warmWall) / median(coldWall);
  rows.push(['wall time (median)', secs(median(coldWall)), secs(median(warmWall))]);
  rows.push(['wall time (range)', `${secs(Math.min(...coldWall))}–${secs(Math.max(...coldWall))}`, `${secs(Math.min(...warmWall))}–${secs(Math.max(...warmWall))}`]);
  rows.push(['peak memory of the process tree, MB (median)', (median(runs.map((r) => r.cold.peakTreeRssKb)) / 1024).toFixed(0), (median(runs.map((r) => r.warm.peakTreeRssKb)) / 1024).toFixed(0)]);
  const spread = (Math.max(...warmWall) - Math.min(...warmWall)) / 1000;
  const lines = [
    table(rows),
    '',
    `warm build: ${median(runs.map((r) => r.reused))} pages copied from the cache, ${median(runs.map((r) => r.rendered))} rendered (median)`,
    `warm / cold: ${ratio.toFixed(2)}× (target at most ${TARGET_RATIO}×)  ${mark(ratio <= TARGET_RATIO)}`,
  ];
  // Astro bundles the server on every build, and the search step has Pagefind parse every page and
  // write its word index whole (only unchanged pages' records are spared): no cache key spares
  // either, so together they bound how fast a warm build can be.
  const redone = [VITE_BUNDLE_STEP, PAGEFIND_STEP].map((name) => warm.get(name));
  if (redone.every((ms) => ms?.length)) {
    const boundMs = redone.reduce((sum, ms) => sum + median(ms!), 0);
    lines.push(`bound: the warm builds' server bundle and search step (every page parsed, the word index written whole) alone take ${secs(boundMs)} s, ${(boundMs / median(coldWall)).toFixed(2)}× the cold build`);
  }
  // A build with nothing changed copies every page and the last search index: Astro's start, content
  // sync, server bundle and the pages every build renders. An edit adds Pagefind indexing every page
  // again (the warm builds' search step, instead of the copy): together they are what one edited
  // entry costs before its pages are rendered.
  const unchanged = phases((r) => r.unchanged);
  const unchangedWall = median(runs.map((r) => r.unchanged.wallMs));
  lines.push(`nothing changed: ${secs(unchangedWall)} s, ${(unchangedWall / median(coldWall)).toFixed(2)}× the cold build (every page and the search index copied)`);
  const searchWarm = warm.get(PAGEFIND_STEP);
  const searchUnchanged = unchanged.get(PAGEFIND_STEP);
  if (searchWarm?.length && searchUnchanged?.length) {
    const leastMs = unchangedWall - median(searchUnchanged) + median(searchWarm);
    lines.push(`  with the warm builds' search step instead of the copy: ${secs(leastMs)} s, ${(leastMs / median(coldWall)).toFixed(2)}× the cold build, before an edited page is rendered`);
  }
  const gap = Math.abs(median(coldWall) * TARGET_RATIO - median(warmWall)) / 1000;
  if (runs.length > 1 && spread > gap) lines.push(`warning: the warm builds' spread (${spread.toFixed(1)} s) is wider than their distance from the target (${gap.toFixed(1)} s): the mark is not reliable`);
  return { text: lines.join('\n'), ratio };
}

/**
 * Build the edited corpus cold into another folder and compare it with the last run's warm build,
 * byte for byte (search index included). True when they are identical.
 */
async function verifyWarmBuild(corpus: string, lastRun: number, verbose: boolean): Promise<boolean> {
  console.log('Verifying: a cold build of the edited corpus, compared with the last warm build…');
  const check = await build(corpus, join(BENCH, 'incremental-verify'), join(BENCH, 'incremental-verify-cache'), verbose);
  const diff = check.code === 0 ? differences(join(BENCH, `incremental-warm-${lastRun}`), join(BENCH, 'incremental-verify')) : ['(the cold build failed)'];
  console.log(diff.length ? `  DIFFERENT: ${diff.slice(0, 10).join(', ')}${diff.length > 10 ? ` and ${diff.length - 10} more` : ''}` : '  identical, byte for byte (search index included)');
  return diff.length === 0;
}

/**
 * The whole measurement on a corpus: `runs` times a cold build, one edit and a warm build, then with
 * `verify` the comparison with a cold build, then the report. The builds run in the project (they
 * rewrite its .astro/), so its caches are saved first and put back after. False when a build failed
 * or the comparison found a difference.
 */
async function measureIncremental(corpus: string, { pages, runs: wanted, verbose, verify }: { pages: number; runs: number; verbose: boolean; verify: boolean }): Promise<boolean> {
  const runs: IncrementalRun[] = [];
  let ok = true;
  saveProjectCaches();
  try {
    for (let i = 1; i <= wanted; i++) {
      console.log(`Incremental run ${i} of ${wanted}: cold build, one edited entry, warm build, a build with nothing changed…`);
      const r = await runIncremental(corpus, i, verbose);
      const failed = [r.cold, r.warm, r.unchanged].find((b) => b.code !== 0);
      if (failed) {
        console.error(`  a build FAILED; see ${failed.logFile}`);
        ok = false;
        break;
      }
      console.log(`  cold ${secs(r.cold.wallMs)} s, warm ${secs(r.warm.wallMs)} s (${r.reused} pages reused), nothing changed ${secs(r.unchanged.wallMs)} s`);
      runs.push(r);
    }
    if (ok && verify) ok = await verifyWarmBuild(corpus, runs.length, verbose);
  } finally {
    restoreProjectCaches();
  }
  if (runs.length) console.log(`\nIncremental build, ${pages} entries, ${runs.length} run(s) (${loadNote()})\n${report(runs).text}`);
  return ok;
}

/** The same measurement as a step of the build bench (`npm run bench -- --incremental [--verify]`), on its corpus after its cold runs. */
export const measure: BenchStep = (ctx) => measureIncremental(ctx.corpus.dir, ctx);

const USAGE = `Usage: npm run bench:incremental [-- --pages 2000] [--runs 3] [--seed 7] [--verify] [--keep] [--verbose]

On a synthetic corpus, per run: a cold build with an empty cache folder, one edited entry (a sentence
added to a playbook's body), a warm build with the same cache folder, which copies the pages
whose key did not change, and one more build with nothing changed. Prints each run's wall times and
pages reused, then the median time of each step of the cold and warm builds, the median wall times
with their range, the peak memory, the pages copied and rendered, warm / cold against the target
(at most ${TARGET_RATIO}×), and the build with nothing changed as a share of the cold build, alone
and with the warm builds' search step: what an edit costs before its pages are rendered.

${CORPUS_USAGE}
  --runs N       runs of cold build, edit, warm build and unchanged build (default: 3)
  --verify       then build the edited corpus cold into another folder and compare it with the last warm build, byte for byte
  --keep         keep the corpus and each build's folder, cache and log in .bench/ (default: removed)
  --verbose      show the build logs as they run

Exit codes: 0 every build succeeded (a missed target is reported, not an error), 1 a build failed or --verify found a difference, 2 usage error.`;

const OPTIONS = { ...CORPUS_OPTIONS, runs: { type: 'string', default: '3' }, verify: { type: 'boolean', default: false } } as const;

export interface IncrementalBenchOptions extends CorpusArgs {
  runs: number;
  verify: boolean;
}

/**
 * The incremental bench's options, from the command line unless given: `--help` prints USAGE and
 * exits 0, a usage error exits 2, both before any work (no lock, no corpus, no build).
 */
export function readOptions(args?: string[]): IncrementalBenchOptions {
  const { values } = readArgs(USAGE, OPTIONS, { args });
  return { ...readCorpusArgs(USAGE, values), runs: integerOption(USAGE, 'runs', values.runs), verify: values.verify };
}

async function main(options: IncrementalBenchOptions): Promise<number> {
  const { corpus } = await startBench(options.pages, options.seed);
  try {
    return (await measureIncremental(corpus.dir, options)) ? 0 : 1;
  } finally {
    if (!options.keep) {
      for (const name of existsSync(BENCH) ? readdirSync(BENCH) : []) if (name.startsWith('incremental-')) rmSync(join(BENCH, name), { recursive: true, force: true });
      rmSync(corpus.dir, { recursive: true, force: true });
    }
    releaseLock();
  }
}

// An error exits 1 through runMain; the 'exit' handler (installCleanup) stops children, restores caches and releases the lock.
if (import.meta.main) runMain(() => main(readOptions()));
