/**
 * Build benchmark: how much slower and heavier the portal's build is than the cheapest possible
 * Astro build of the same content (the "floor") and than the floor plus a Pagefind index of its
 * pages (the least any site with this search can take), and how heavy a first visit to an entry
 * page is.
 *
 * Options, what it prints and its exit codes: USAGE below (`npm run bench -- --help`).
 *
 * What it does, in order:
 *  1. generates a synthetic corpus (scripts/bench/corpus.ts) in .bench/corpus-XXXX/;
 *  2. `--runs` times (default 3), alternating which side goes first:
 *     - builds the portal on it, cold (`astro build`, HUB_CONTENT_DIR, --outDir .bench/portal-dist);
 *     - builds the floor, cold: a bare Astro project in .bench/floor/ (only @astrojs/mdx, glob
 *       loaders with no schema, one catch-all page rendering <Content />), with the project's own
 *       astro; then indexes the floor's pages with Pagefind as the portal does;
 *  3. serves the last portal dist and opens one playbook in Chromium with a fresh context,
 *     recording every response of the first visit;
 *  4. renders the corpus's Markdown and MDX bodies with the portal's hast plugins and without the
 *     glossary's (scripts/bench/markdown.ts): the part of rendering the floor does not have;
 *  5. prints each run, the medians with their range, the ratios portal / (floor + Pagefind) and
 *     portal / floor against the targets, the median time of each build step, the glossary's part,
 *     and a warning wherever the runs scatter more than the difference reported; removes .bench
 *     unless --keep.
 * With --dev it measures the authoring loop instead (scripts/bench/dev.ts); with --incremental it
 * measures rebuilds after the cold runs (scripts/bench/incremental.ts, a step in BENCH_STEPS).
 * The helpers are exported for the other benches in scripts/bench/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync, writeSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.ts';
import { integerOption, readArgs, runMain, usageError } from '../lib/cli.ts';
import { generateCorpus, type CorpusSummary } from './corpus.ts';
import { CORPUS_OPTIONS, CORPUS_USAGE, readCorpusArgs, type CorpusArgs } from './options.ts';
import { pairedRatios, ratioUndecided, runOrder, spreadExceedsDifference, spreadOf, type Spread } from './stats.ts';
import { measureGlossaryCost, type GlossaryCost } from './markdown.ts';
import { SIDEBAR_FULL_LIST, SIDEBAR_WINDOW } from '../../src/lib/sidebar.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH = join(ROOT, '.bench');
/**
 * Run astro's CLI script with *this* Node (the pinned Node 24 when started with `npx node`), not
 * through node_modules/.bin/astro, whose `#!/usr/bin/env node` could pick the system's Node 20.
 */
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/**
 * The portal's build as `npm run build` runs it: astro build, then the steps after it (search
 * index, count check, service worker) in a process of their own (scripts/build.ts).
 */
export const PORTAL_BUILD = join(ROOT, 'scripts/build.ts');
/** A fixed build day: review badges (fresh/due/overdue) stay identical from run to run. */
const BUILD_DAY = '2026-06-01';

// ---------------------------------------------------------------------------------------------
// Process measurement
// ---------------------------------------------------------------------------------------------

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** Highest sum of VmRSS over the whole process tree, sampled every 200 ms. */
  peakTreeRssKb: number;
  /** Highest VmHWM (the kernel's exact per-process peak) of any single process in the tree. */
  maxProcessHwmKb: number;
  /** Most processes seen alive at once in the tree (astro, esbuild, pagefind…). */
  maxProcesses: number;
  /**
   * User + system CPU seconds of the command and its whole process tree: /usr/bin/time's count
   * (children that were waited for) or the sum of /proc samples of every process seen in the tree
   * (which also catches the Pagefind binary), whichever is larger. Unlike wall time, this barely
   * moves when other work shares the 2 cores.
   */
  cpuSeconds: number;
  /**
   * CPU seconds the rest of the machine used while the command ran: all busy CPU time from
   * /proc/stat minus cpuSeconds. Near 0 means the timing is clean; on 2 cores, a few seconds of
   * foreign work already inflates the wall time.
   */
  foreignCpuSeconds: number;
  logFile: string;
}

/** Busy CPU seconds of the whole machine since boot (/proc/stat, USER_HZ = 100 on Linux). */
function machineBusySeconds(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / 100;
}

/** pid -> parent pid for every process, from /proc/<pid>/stat. */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), Number(fields[1]));
    } catch {
      // the process exited between readdir and read: ignore it
    }
  }
  return table;
}

function descendants(root: number, table: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** User + system CPU seconds a process has used so far (/proc/<pid>/stat fields 14 and 15). */
function cpuOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // fields 14 and 15, counted from 1 before ')'
  } catch {
    return undefined;
  }
}

function memOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Run a command, sampling the memory of its whole process tree. Sampling /proc rather than using
 * `/usr/bin/time -v`: time reports only the largest single process (ru_maxrss), while the build
 * runs several at once (Node, esbuild, the Pagefind binary), and the sum is what the machine needs.
 * The child gets its own process group so that everything it started can be stopped together.
 */
export function runMeasured(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string; verbose?: boolean }): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const log = createWriteStream(opts.logFile);
    const started = performance.now();
    const busyBefore = machineBusySeconds();
    // GNU time adds the CPU seconds of the whole tree (ru_utime/ru_stime include waited-for children).
    const timeFile = `${opts.logFile}.time`;
    const timed = existsSync('/usr/bin/time');
    const [file, argv] = timed ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (opts.verbose) process.stdout.write(chunk);
      });
    }
    let peakTreeRssKb = 0;
    let maxProcessHwmKb = 0;
    let maxProcesses = 0;
    /** Last CPU reading of every process seen in the tree, including children nobody waits for. */
    const cpuSeen = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const pids = descendants(child.pid, processTable());
      let sum = 0;
      let alive = 0;
      for (const pid of pids) {
        const m = memOf(pid);
        if (!m) continue;
        alive++;
        sum += m.rss;
        maxProcessHwmKb = Math.max(maxProcessHwmKb, m.hwm);
      }
      peakTreeRssKb = Math.max(peakTreeRssKb, sum);
      maxProcesses = Math.max(maxProcesses, alive);
      for (const pid of pids) {
        const c = cpuOf(pid);
        if (c !== undefined) cpuSeen.set(pid, c);
      }
    };
    const timer = setInterval(sample, 200);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      running.delete(child);
      const wallMs = performance.now() - started;
      let cpuSeconds = NaN;
      try {
        // The file may start with "Command exited with non-zero status N": take the last line.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [user = NaN, system = NaN] = last.split(' ').map(Number);
        cpuSeconds = user + system;
      } catch {
        // no /usr/bin/time, or it was killed
      }
      // The sampler itself and this script are "foreign" too, but cost well under a second.
      // GNU time counts only children that were waited for. The Pagefind binary is stopped, not
      // waited for, so its CPU shows only in the samples: take whichever count is larger.
      const sampled = [...cpuSeen.values()].reduce((a, b) => a + b, 0);
      if (Number.isNaN(cpuSeconds) || sampled > cpuSeconds) cpuSeconds = sampled;
      const foreignCpuSeconds = Math.max(0, machineBusySeconds() - busyBefore - (Number.isNaN(cpuSeconds) ? 0 : cpuSeconds));
      log.end(() => resolvePromise({ code, signal, wallMs, peakTreeRssKb, maxProcessHwmKb, maxProcesses, cpuSeconds, foreignCpuSeconds, logFile: opts.logFile }));
    });
  });
}

/** Children still running, so that Ctrl+C or an error never leaves a build or server behind. */
const running = new Set<ChildProcess>();
export function stopAll(): void {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM'); // the whole group: astro and what it spawned
    } catch {
      child.kill('SIGTERM'); // not a group leader (the static server): stop the process itself
    }
  }
  running.clear();
}

// ---------------------------------------------------------------------------------------------
// One benchmark at a time
// ---------------------------------------------------------------------------------------------

/**
 * Two runs at once would share .bench/ (one deletes the other's dist) and halve each other's CPU on
 * a 2-core machine, so the numbers would be wrong twice over. A lock file (outside .bench/, which
 * runs delete) makes a second run wait for the first. A lock whose process is gone is taken over.
 */
const LOCK = join(tmpdir(), `hub-portal-bench-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);
let lockHeld = false;

export async function acquireLock(): Promise<void> {
  let told = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      lockHeld = true;
      return;
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || 0);
      let alive = false;
      try {
        if (holder) process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      if (!alive) {
        rmSync(LOCK, { force: true }); // left by a run that was killed
        continue;
      }
      if (!told) console.log(`Another benchmark (pid ${holder}) is running in this project; waiting for it to finish…`);
      told = true;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

export function releaseLock(): void {
  if (!lockHeld) return;
  lockHeld = false;
  try {
    if (readFileSync(LOCK, 'utf8').trim() === String(process.pid)) unlinkSync(LOCK);
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------------------------
// Protecting the project's own caches
// ---------------------------------------------------------------------------------------------

/**
 * `astro build` in the project root rewrites .astro/ (types, the content module list) and, unless
 * HUB_CACHE_DIR moves it, the content layer's data store in node_modules/.astro/. A benchmark must
 * not leave those pointing at a deleted corpus, so they are copied aside first and put back
 * afterwards, even after a crash (a leftover copy from an interrupted run is restored first).
 * The portal build gets its own empty cache directory (HUB_CACHE_DIR, read by astro.config.mjs) so
 * that it is cold, like the floor build, which has its own empty cacheDir.
 */
const SAVED = join(BENCH, 'saved-project-caches');
/** Older configs ignore HUB_CACHE_DIR: then the shared data store is saved and removed too. */
const CONFIG_HAS_CACHE_DIR = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8').includes('HUB_CACHE_DIR');
/** Only what the bench build really touches: restoring more could undo someone else's build. */
const PROJECT_CACHES = [join(ROOT, '.astro'), ...(CONFIG_HAS_CACHE_DIR ? [] : [join(ROOT, 'node_modules/.astro')])];

export function restoreProjectCaches(): void {
  if (!existsSync(SAVED)) return;
  for (const dir of PROJECT_CACHES) {
    const copy = join(SAVED, relative(ROOT, dir).replace(/\//g, '__'));
    rmSync(dir, { recursive: true, force: true });
    if (existsSync(copy)) cpSync(copy, dir, { recursive: true });
  }
  rmSync(SAVED, { recursive: true, force: true });
}

export function saveProjectCaches(): void {
  restoreProjectCaches(); // a previous run died before restoring: its copy is the real state
  mkdirSync(SAVED, { recursive: true });
  for (const dir of PROJECT_CACHES) {
    if (existsSync(dir)) cpSync(dir, join(SAVED, relative(ROOT, dir).replace(/\//g, '__')), { recursive: true });
  }
  if (!CONFIG_HAS_CACHE_DIR) rmSync(join(ROOT, 'node_modules/.astro'), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Builds
// ---------------------------------------------------------------------------------------------

export interface BuildResult extends RunResult {
  name: string;
  outDir: string;
  ok: boolean;
  pages: number;
  distBytes: number;
  pagefindBytes: number;
  htmlBytes: number;
  sidebarBytes: number;
}

function walk(dir: string, visit: (file: string, size: number) => void): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, statSync(full).size);
  }
}

/**
 * Pages, bytes, and the bytes of HTML and of the collection sidebars in it: a long collection's
 * sidebar lists a window of entries around the page (src/lib/sidebar.ts), so these bytes grow with
 * the number of pages, not with its square; the report shows how much of the HTML they are.
 */
function describeDist(outDir: string): { pages: number; distBytes: number; pagefindBytes: number; htmlBytes: number; sidebarBytes: number } {
  let pages = 0;
  let distBytes = 0;
  let pagefindBytes = 0;
  let htmlBytes = 0;
  let sidebarBytes = 0;
  const pf = join(outDir, 'pagefind') + '/';
  walk(outDir, (file, size) => {
    distBytes += size;
    if (file.startsWith(pf)) pagefindBytes += size;
    if (!file.endsWith('.html')) return;
    if (file.endsWith('/index.html')) pages++;
    htmlBytes += size;
    const html = readFileSync(file, 'latin1');
    const start = html.indexOf('<nav class="sidebar"');
    if (start >= 0) sidebarBytes += html.indexOf('</nav>', start) + '</nav>'.length - start;
  });
  return { pages, distBytes, pagefindBytes, htmlBytes, sidebarBytes };
}

interface Phase { name: string; ms: number }

/** Build steps every build redoes in full, whatever the cache holds: Astro's server bundle, and Pagefind's whole index. */
export const VITE_BUNDLE_STEP = 'Astro: Vite bundle (server)';
export const PAGEFIND_STEP = 'search index (Pagefind)';

/**
 * The steps a build log reports with their durations, in order: the portal's content check, Astro's
 * own steps (content sync and setup, the Vite bundle, rendering the pages), the search index and
 * the count check. Steps a log lacks are left out.
 */
export function buildPhases(logFile: string): Phase[] {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  // Astro prints "850ms", "12.34s" or "2m 8s" (core/build/util.js getTimeStat); the patterns
  // below capture the whole figure.
  const seconds = (re: RegExp) => {
    const m = re.exec(text)?.[1];
    if (!m) return undefined;
    const parts = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(m.trim());
    if (!parts) return undefined;
    return Number(parts[1] ?? 0) * 60_000 + Number(parts[2] ?? 0) * 1000 + Number(parts[3] ?? 0);
  };
  const millis = (re: RegExp) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const found: [string, number | undefined][] = [
    ['content check (schemas, references, links; on a worker thread)', millis(/\[hub:content-check\][^\n]*\((\d+) ms[,)]/)],
    ['Astro: setup, content sync, types (the portal\'s content check runs beside them)', seconds(/Collecting build info\.\.\.\s*\n[^\n]*✓ Completed in ((?:\d+m\s*)?[\d.]+m?s)/)],
    [VITE_BUNDLE_STEP, seconds(/\[vite\] ✓ built in ((?:\d+m\s*)?[\d.]+m?s)/)],
    ['Astro: rendering the pages', seconds(/generating static routes[\s\S]*?✓ Completed in ((?:\d+m\s*)?[\d.]+m?s)/)],
    [PAGEFIND_STEP, millis(/\[hub:pagefind\][^\n]* in (\d+) ms/)],
    ['count check', millis(/\[hub:count-check\][^\n]*\((\d+) ms\)/)],
    ['total, as Astro reports it (the portal: writing the pages)', seconds(/page\(s\) built in ((?:\d+m\s*)?[\d.]+m?s)/)],
  ];
  return found.filter((f): f is [string, number] => f[1] !== undefined).map(([name, ms]) => ({ name, ms }));
}

/** Environment shared by both builds, so that neither gets an advantage. */
export const BUILD_ENV = {
  HUB_TODAY: BUILD_DAY,
  ASTRO_TELEMETRY_DISABLED: '1', // the network is closed: no telemetry attempts in either build
  NO_COLOR: '1',
  // Large corpora (10 000 pages) need more than Node's default heap; same limit for both builds.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=8192'].filter(Boolean).join(' '),
  // Astro turns on Node's module compile cache (in the system's temporary folder), which keeps the
  // compiled code of the chunks a build writes. The same corpus gives the same chunks, so without
  // this a build would reuse the compiled chunks of the run before it: on 10,000 entries the floor's
  // second and third builds took 58 s against 89 s for its first (its content store is one module),
  // while the portal's did not change. Every build here is cold, compiled code included.
  NODE_DISABLE_COMPILE_CACHE: '1',
};

/** Build the portal itself on a corpus. */
export async function buildPortal(corpusDir: string, outDir: string, verbose = false): Promise<BuildResult> {
  rmSync(outDir, { recursive: true, force: true });
  const cacheDir = `${outDir}-cache/`;
  rmSync(cacheDir, { recursive: true, force: true });
  const run = await runMeasured(process.execPath, [PORTAL_BUILD, '--outDir', outDir], {
    cwd: ROOT,
    // The synthetic corpus's precache-eligible pages and index pass the offline budget (5 MB, sized
    // for the shipped content) tens of times over, which fails a build: the bench builds with the
    // worker's kill switch, which writes a small sw.js instead.
    env: { ...BUILD_ENV, HUB_CONTENT_DIR: corpusDir, HUB_CACHE_DIR: cacheDir, HUB_OFFLINE: 'off' },
    logFile: `${outDir}.log`,
    verbose,
  });
  return { ...run, name: 'portal', outDir, ok: run.code === 0, ...describeDist(outDir) };
}

/**
 * Index the floor's pages with the portal's own index function (src/integrations/pagefind.ts), in
 * its own measured process. The floor's wall time plus this is the least
 * any Astro site that indexes its built pages with Pagefind can take: the lower bound for the
 * portal, which issue 4 asks to index the built HTML at astro:build:done.
 */
export async function indexFloor(floorDistDir: string, verbose = false): Promise<RunResult> {
  const integration = pathToFileURL(join(ROOT, 'src/integrations/pagefind.ts')).href;
  const code = `
import { writeSearchIndex } from ${JSON.stringify(integration)};
const started = performance.now();
const pages = await writeSearchIndex(${JSON.stringify(floorDistDir)});
console.log('Search index written from ' + pages + ' HTML files in ' + Math.round(performance.now() - started) + ' ms');
`;
  return runMeasured(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, env: BUILD_ENV, logFile: join(BENCH, 'floor-pagefind.log'), verbose });
}

const DOC_COLLECTIONS = ['policy', 'phases', 'playbooks', 'case-studies', 'protocols'];
const DATA_COLLECTIONS = ['glossary', 'spokes', 'teams', 'paths'];

/**
 * Write the floor project: the least an Astro site needs to turn the same files into pages. No
 * schemas, no validation, no layout, no search index, no islands. The MDX entries use the portal's
 * component names, so the floor gets pass-through stand-ins (MDX throws on an undefined component).
 */
export function writeFloorProject(floorDir: string, corpusDir: string): void {
  rmSync(floorDir, { recursive: true, force: true });
  mkdirSync(join(floorDir, 'src/pages'), { recursive: true });
  mkdirSync(join(floorDir, 'src/components'), { recursive: true });
  // Resolve astro, @astrojs/mdx and their dependencies from the project's node_modules.
  symlinkSync('../../node_modules', join(floorDir, 'node_modules'), 'dir');
  writeFileSync(join(floorDir, 'package.json'), JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(floorDir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Only MDX. cacheDir is local: the node_modules symlink would otherwise share the project's data store.
export default defineConfig({ integrations: [mdx()], cacheDir: './.astro-cache/' });
`,
  );
  const loaders = [
    ...DOC_COLLECTIONS.map((c) => `  ${JSON.stringify(c)}: defineCollection({ loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: ${JSON.stringify(join(corpusDir, c))} }) }),`),
    ...DATA_COLLECTIONS.map((c) => `  ${JSON.stringify(c)}: defineCollection({ loader: glob({ pattern: '**/[^_]*.{yaml,yml}', base: ${JSON.stringify(join(corpusDir, c))} }) }),`),
  ];
  writeFileSync(
    join(floorDir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// Same directories as the portal reads, no schema: nothing is validated or transformed.
export const collections = {
${loaders.join('\n')}
};
`,
  );
  const components: Record<string, string> = {
    Callout: '<aside><slot /></aside>',
    Steps: '<div><slot /></div>',
    Checklist: '<div><slot /></div>',
    DoDont: '---\nconst { do: dos = [], dont = [] } = Astro.props;\n---\n<div><ul>{dos.map((i) => <li>{i}</li>)}</ul><ul>{dont.map((i) => <li>{i}</li>)}</ul></div>',
    EscalationMatrix: '<table></table>',
  };
  for (const [name, source] of Object.entries(components)) writeFileSync(join(floorDir, `src/components/${name}.astro`), `${source}\n`);
  writeFileSync(
    join(floorDir, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
${Object.keys(components).map((n) => `import ${n} from '../components/${n}.astro';`).join('\n')}

export async function getStaticPaths() {
  const names = ${JSON.stringify(DOC_COLLECTIONS)};
  const lists = await Promise.all(names.map(async (c) => (await getCollection(c)).map((entry) => ({ params: { slug: \`\${c}/\${entry.id}\` }, props: { entry } }))));
  return lists.flat();
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content components={{ ${Object.keys(components).join(', ')} }} /></main></body>
</html>
`,
  );
}

export async function buildFloor(corpusDir: string, floorDir: string, verbose = false): Promise<BuildResult> {
  writeFloorProject(floorDir, corpusDir);
  const outDir = join(floorDir, 'dist');
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build'], { cwd: floorDir, env: BUILD_ENV, logFile: join(BENCH, 'floor-build.log'), verbose });
  return { ...run, name: 'floor', outDir, ok: run.code === 0, ...describeDist(outDir) };
}

// ---------------------------------------------------------------------------------------------
// Serving and the browser
// ---------------------------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1, so parallel runs and a running `npm start` never collide. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/** Serve a dist with the project's own static server (scripts/serve.ts); resolves once it listens. */
export async function serve(dir: string): Promise<{ origin: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.ts'), '--port', String(port), '--dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BASE_PATH: '/' } });
  running.add(child);
  await new Promise<void>((res, rej) => {
    const timeout = setTimeout(() => rej(new Error('scripts/serve.ts did not start within 15 s')), 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) {
        clearTimeout(timeout);
        res();
      }
    });
    child.on('exit', (code) => rej(new Error(`scripts/serve.ts exited with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((res) => {
      if (child.exitCode !== null) return res();
      child.once('exit', () => {
        running.delete(child);
        res();
      });
      child.kill('SIGTERM');
    });
  return { origin: `http://127.0.0.1:${port}`, stop };
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium and the Playwright cache).');
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

export interface ResponseRecord {
  url: string;
  status: number;
  type: string;
  contentType: string;
  raw: number;
  gzip: number;
}

/** Gzip size at level 6, what a typical web server sends; the test server sends raw bytes. */
export const gzipSize = (body: Buffer) => gzipSync(body, { level: 6 }).length;

/**
 * Record every response a page receives (body size raw and gzipped). Bodies are fetched from the
 * browser's own responses, so they are exactly the bytes Chromium got.
 */
export function recordResponses(page: import('playwright').Page): { records: ResponseRecord[]; settle: () => Promise<void>; quiet: (ms?: number) => Promise<void>; reset: () => ResponseRecord[] } {
  let records: ResponseRecord[] = [];
  let pending: Promise<void>[] = [];
  let lastActivity = performance.now();
  page.on('request', () => {
    lastActivity = performance.now();
  });
  page.on('response', (response) => {
    lastActivity = performance.now();
    pending.push(
      (async () => {
        let body: Buffer;
        try {
          body = await response.body();
        } catch {
          body = Buffer.alloc(0); // redirects and aborted requests have no body
        }
        records.push({
          url: response.url(),
          status: response.status(),
          type: response.request().resourceType(),
          contentType: response.headers()['content-type'] ?? '',
          raw: body.length,
          gzip: body.length ? gzipSize(body) : 0,
        });
      })(),
    );
  });
  return {
    get records() {
      return records;
    },
    settle: async () => {
      while (pending.length) {
        const batch = pending;
        pending = [];
        await Promise.all(batch);
      }
    },
    /**
     * Wait until no request or response has happened for `ms`, then settle. Unlike Playwright's
     * 'networkidle' load state, which is reached once per page, this waits after every query.
     */
    quiet: async (ms = 500) => {
      while (performance.now() - lastActivity < ms) await new Promise((r) => setTimeout(r, 50));
      while (pending.length) {
        const batch = pending;
        pending = [];
        await Promise.all(batch);
      }
    },
    /** Start a new window; returns what was recorded so far. */
    reset: () => {
      const old = records;
      records = [];
      return old;
    },
  };
}

const isJs = (r: ResponseRecord) => r.type === 'script' || /javascript/.test(r.contentType);

export interface FirstVisit {
  url: string;
  records: ResponseRecord[];
  inlineScripts: { raw: number; gzip: number; count: number };
}

/** Open one page in a fresh context and record the first visit, before any interaction. */
export async function measureFirstVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.newContext(); // fresh: empty cache, no service worker, no cookies
  try {
    const page = await context.newPage();
    const rec = recordResponses(page);
    await page.goto(url, { waitUntil: 'load' });
    // Anything a page loads on its own after `load` (idle callbacks, visible islands) counts too.
    await page.waitForLoadState('networkidle');
    await rec.settle();
    const html = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''));
    const inline = Buffer.from(html.join('\n'));
    return { url, records: [...rec.records], inlineScripts: { raw: inline.length, gzip: inline.length ? gzipSize(inline) : 0, count: html.length } };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** Render rows as an aligned text table; first column left-aligned, the rest right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd()).join('\n');
}

/**
 * The 1-minute load average, for the report header. On 2 cores another build or test run halves
 * the speed of everything measured here; the figure lets a reader discard a contaminated run.
 */
export function loadNote(): string {
  const [one = 0] = loadavg();
  const busy = one > cpus().length * 0.5;
  return `load average ${one.toFixed(2)} on ${cpus().length} CPUs${busy ? ' (busy: other work was running just before)' : ''}`;
}

/**
 * Install handlers so that Ctrl+C, a closed pipe (`… | head`) or an uncaught error still stop the
 * builds and servers this script started and put the project's caches back. Both steps are
 * synchronous, so they also run from the 'exit' event.
 */
export function installCleanup(): void {
  const bail = (signal: NodeJS.Signals) => {
    stopAll();
    if (lockHeld) restoreProjectCaches(); // without the lock, the caches belong to the other run
    releaseLock();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', bail);
  process.once('SIGTERM', bail);
  process.once('SIGHUP', bail);
  process.on('exit', () => {
    stopAll();
    if (lockHeld) restoreProjectCaches();
    releaseLock();
  });
  // Writing to a closed pipe must not kill the run half-way with a build still going: stop cleanly.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => bail('SIGTERM'));
}

export function makeCorpus(pages: number, seed: number): CorpusSummary {
  mkdirSync(BENCH, { recursive: true });
  const dir = mkdtempSync(join(BENCH, `corpus-${pages}-`));
  rmSync(dir, { recursive: true }); // the generator wants a fresh (or marker-bearing) directory
  return generateCorpus(dir, pages, { seed });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** One run: the portal, the floor and the floor's Pagefind index, built one after the other. */
export interface Trial {
  run: number;
  order: ('portal' | 'floor')[];
  load: number;
  portal: BuildResult;
  floor: BuildResult;
  /** The floor's pages indexed with Pagefind; undefined when the floor failed or the index did. */
  floorSearch: RunResult | undefined;
}

/** The portal's issue targets, as the bench reports them (never loosened here). */
const TARGET_RATIO_BOUND = 1.3;
const TARGET_TREE_PEAK_GB = 6;
const MEMORY_TARGET_FROM_PAGES = 10_000;

/** Keep each run's build log beside the others (the next run would overwrite it). */
function keepLog<T extends RunResult>(result: T, name: string): T {
  const to = join(BENCH, `${name}.log`);
  try {
    cpSync(result.logFile, to);
  } catch {
    return result;
  }
  return { ...result, logFile: to };
}

/** Build the portal cold, with the project's own caches saved and put back around it. */
async function portalRun(corpusDir: string, run: number, verbose: boolean): Promise<BuildResult> {
  saveProjectCaches();
  try {
    return keepLog(await buildPortal(corpusDir, join(BENCH, 'portal-dist'), verbose), `portal-run${run}`);
  } finally {
    restoreProjectCaches();
  }
}

/** Build the floor cold (its project is rewritten, cache included) and index its pages. */
async function floorRun(corpusDir: string, run: number, verbose: boolean): Promise<{ floor: BuildResult; floorSearch: RunResult | undefined }> {
  const floor = keepLog(await buildFloor(corpusDir, join(BENCH, 'floor'), verbose), `floor-run${run}`);
  if (!floor.ok) return { floor, floorSearch: undefined };
  const search = keepLog(await indexFloor(floor.outDir, verbose), `floor-pagefind-run${run}`);
  if (search.code !== 0) {
    console.error(`  floor + Pagefind FAILED (exit ${search.code ?? search.signal}):\n${tail(search.logFile)}`);
    return { floor, floorSearch: undefined };
  }
  return { floor, floorSearch: search };
}

export async function runTrials(corpusDir: string, runs: number, verbose: boolean): Promise<Trial[]> {
  const trials: Trial[] = [];
  for (let run = 1; run <= runs; run++) {
    const order = runOrder(run);
    const [load = 0] = loadavg();
    console.log(`Run ${run} of ${runs} (${order.join(', then ')}; load average ${load.toFixed(2)})…`);
    let portal: BuildResult | undefined;
    let floorSide: Awaited<ReturnType<typeof floorRun>> | undefined;
    for (const side of order) {
      if (side === 'portal') {
        portal = await portalRun(corpusDir, run, verbose);
        console.log(`  portal ${portal.ok ? 'built' : 'FAILED'} in ${(portal.wallMs / 1000).toFixed(1)} s, peak ${mb(portal.peakTreeRssKb * 1024)} MB`);
      } else {
        floorSide = await floorRun(corpusDir, run, verbose);
        const { floor, floorSearch } = floorSide;
        console.log(`  floor ${floor.ok ? 'built' : 'FAILED'} in ${(floor.wallMs / 1000).toFixed(1)} s${floorSearch ? `, its Pagefind index in ${(floorSearch.wallMs / 1000).toFixed(1)} s` : ''}`);
      }
    }
    const trial: Trial = { run, order, load, portal: portal!, floor: floorSide!.floor, floorSearch: floorSide!.floorSearch };
    trials.push(trial);
    for (const r of [trial.portal, trial.floor]) if (!r.ok) console.error(`\nThe ${r.name} build failed (exit ${r.code ?? r.signal}). Last lines of ${r.logFile}:\n${tail(r.logFile)}`);
    if (!trial.portal.ok || !trial.floor.ok) break; // a broken build will not mend itself in the next run
  }
  return trials;
}

const secs = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');
const fmtSpread = (s: Spread, f: (n: number) => string) => (Number.isFinite(s.median) ? `${f(s.median)} (${f(s.min)}-${f(s.max)})` : 'n/a');
const twoDp = (n: number) => n.toFixed(2);
const sec1 = (ms: number) => (ms / 1000).toFixed(1);
const gb = (kb: number) => (kb / 1024 / 1024).toFixed(2);

/**
 * Print the medians of all runs, their spread, the ratios to the floor and to the floor plus
 * Pagefind, and a warning wherever the runs scatter more than the difference reported.
 */
export function reportTrials(trials: Trial[], pages: number): void {
  const ok = trials.filter((t) => t.portal.ok && t.floor.ok && t.floorSearch);
  console.log('\nEach run (wall time; the floor + Pagefind column adds the two floor steps):');
  console.log(
    table([
      ['run', 'order', 'load', 'portal', 'floor', 'Pagefind', 'floor + Pagefind', 'portal / (floor + PF)', 'portal / floor', 'other CPU'],
      ...trials.map((t) => {
        const bound = t.floorSearch ? t.floor.wallMs + t.floorSearch.wallMs : NaN;
        const foreign = t.portal.foreignCpuSeconds + t.floor.foreignCpuSeconds + (t.floorSearch?.foreignCpuSeconds ?? 0);
        return [String(t.run), t.order[0] === 'portal' ? 'portal first' : 'floor first', t.load.toFixed(2), secs(t.portal.wallMs), secs(t.floor.wallMs), secs(t.floorSearch?.wallMs ?? NaN), secs(bound), Number.isFinite(bound) ? twoDp(t.portal.wallMs / bound) : 'n/a', twoDp(t.portal.wallMs / t.floor.wallMs), `${foreign.toFixed(0)} s`];
      }),
    ]),
  );
  if (ok.length === 0) {
    console.log('    No run had all three builds succeed: no medians.');
    return;
  }
  const portalWall = spreadOf(ok.map((t) => t.portal.wallMs));
  const floorWall = spreadOf(ok.map((t) => t.floor.wallMs));
  const boundWalls = ok.map((t) => t.floor.wallMs + t.floorSearch!.wallMs);
  const boundWall = spreadOf(boundWalls);
  const portalCpu = spreadOf(ok.map((t) => t.portal.cpuSeconds));
  const floorCpu = spreadOf(ok.map((t) => t.floor.cpuSeconds));
  const boundCpu = spreadOf(ok.map((t) => t.floor.cpuSeconds + t.floorSearch!.cpuSeconds));
  const peak = (f: (r: RunResult) => number) => [
    spreadOf(ok.map((t) => f(t.portal))),
    spreadOf(ok.map((t) => f(t.floor))),
    spreadOf(ok.map((t) => Math.max(f(t.floor), f(t.floorSearch!)))), // sequential: the larger peak
  ];
  const tree = peak((r) => r.peakTreeRssKb);
  const largest = peak((r) => r.maxProcessHwmKb);
  console.log(`\nMedians of ${ok.length} run(s), with the range (min-max):`);
  console.log(
    table([
      ['', 'portal', 'floor', 'floor + Pagefind'],
      ['wall time, s', fmtSpread(portalWall, sec1), fmtSpread(floorWall, sec1), fmtSpread(boundWall, sec1)],
      ['CPU time (user + sys), s', fmtSpread(portalCpu, (n) => n.toFixed(1)), fmtSpread(floorCpu, (n) => n.toFixed(1)), fmtSpread(boundCpu, (n) => n.toFixed(1))],
      ['peak RSS, process tree, GB', fmtSpread(tree[0]!, gb), fmtSpread(tree[1]!, gb), fmtSpread(tree[2]!, gb)],
      ['peak RSS, largest process, GB', fmtSpread(largest[0]!, gb), fmtSpread(largest[1]!, gb), fmtSpread(largest[2]!, gb)],
      ['pages built (index.html)', String(ok[0]!.portal.pages), String(ok[0]!.floor.pages), String(ok[0]!.floor.pages)],
      ['dist size, MB', mb(ok[0]!.portal.distBytes), mb(ok[0]!.floor.distBytes), ''],
      ['  of which pagefind/, MB', mb(ok[0]!.portal.pagefindBytes), '-', ''],
      ["  HTML, MB (Pagefind is given the portal's trimmed: src/lib/search/pagefind-input.ts)", mb(ok[0]!.portal.htmlBytes), mb(ok[0]!.floor.htmlBytes), mb(ok[0]!.floor.htmlBytes)],
      ['    of which collection sidebars, MB', mb(ok[0]!.portal.sidebarBytes), '-', ''],
    ]),
  );
  console.log('    (the portal also builds index, glossary, spoke, team and path pages; the floor only the entries)');
  const { htmlBytes, sidebarBytes } = ok[0]!.portal;
  if (htmlBytes > 0) {
    console.log(`    The collection sidebars are ${((100 * sidebarBytes) / htmlBytes).toFixed(0)}% of the portal's HTML (${mb(sidebarBytes)} of ${mb(htmlBytes)} MB; the floor's pages: ${mb(ok[0]!.floor.htmlBytes)} MB):`);
    console.log(`    a collection of more than ${SIDEBAR_FULL_LIST} entries lists the ${SIDEBAR_WINDOW} around the page (src/lib/sidebar.ts), so these bytes grow with the number of pages.`);
  }

  const toBound = spreadOf(pairedRatios(ok.map((t) => t.portal.wallMs), boundWalls));
  const toFloor = spreadOf(pairedRatios(ok.map((t) => t.portal.wallMs), ok.map((t) => t.floor.wallMs)));
  const cpuToBound = spreadOf(pairedRatios(ok.map((t) => t.portal.cpuSeconds), ok.map((t) => t.floor.cpuSeconds + t.floorSearch!.cpuSeconds)));
  const treePeakGb = tree[0]!.median / 1024 / 1024;
  const memoryRow = pages >= MEMORY_TARGET_FROM_PAGES
    ? [['portal peak RSS, process tree', `${gb(tree[0]!.median)} GB`, `< ${TARGET_TREE_PEAK_GB} GB`, mark(treePeakGb < TARGET_TREE_PEAK_GB)]]
    : [];
  console.log('\nRatios (median of the per-run ratios, range):');
  console.log(
    table([
      ['', 'median', 'range', 'target', ''],
      ['portal / (floor + Pagefind), wall', twoDp(toBound.median), `${twoDp(toBound.min)}-${twoDp(toBound.max)}`, `<= ${TARGET_RATIO_BOUND.toFixed(2)}`, mark(toBound.median <= TARGET_RATIO_BOUND)],
      ['portal / (floor + Pagefind), CPU', twoDp(cpuToBound.median), `${twoDp(cpuToBound.min)}-${twoDp(cpuToBound.max)}`, '', ''],
      ['portal / floor, wall', twoDp(toFloor.median), `${twoDp(toFloor.min)}-${twoDp(toFloor.max)}`, '', ''],
      ...memoryRow.map(([a, b, c, d]) => [a!, b!, '', c!, d!]),
    ]),
  );
  const warnings: string[] = [];
  if (ok.length < 3) warnings.push(`only ${ok.length} run(s): use --runs 3 or more before drawing conclusions.`);
  if (spreadExceedsDifference(portalWall, boundWall)) {
    warnings.push(`the runs spread wider (portal ${sec1(portalWall.width)} s, floor + Pagefind ${sec1(boundWall.width)} s) than the difference between the medians (${sec1(Math.abs(portalWall.median - boundWall.median))} s): the wall-time comparison is within the noise.`);
  }
  if (spreadExceedsDifference(portalWall, floorWall)) {
    warnings.push(`the runs spread wider (portal ${sec1(portalWall.width)} s, floor ${sec1(floorWall.width)} s) than the portal-floor difference (${sec1(Math.abs(portalWall.median - floorWall.median))} s).`);
  }
  if (ratioUndecided(toBound, TARGET_RATIO_BOUND)) {
    warnings.push(`the per-run ratios to floor + Pagefind (${twoDp(toBound.min)}-${twoDp(toBound.max)}) spread wider than their median's distance from the ${TARGET_RATIO_BOUND} target: pass or fail is down to noise; rerun when the machine is quieter.`);
  }
  const foreign = ok.reduce((s, t) => s + t.portal.foreignCpuSeconds + t.floor.foreignCpuSeconds, 0);
  const own = ok.reduce((s, t) => s + t.portal.cpuSeconds + t.floor.cpuSeconds, 0);
  if (foreign > 0.1 * own) warnings.push(`other processes used ${foreign.toFixed(0)} CPU-s during the builds: wall times are inflated (unevenly); the CPU ratio is the steadier comparison.`);
  for (const w of warnings) console.log(`    WARNING: ${w}`);

  // Per-step medians: the same table as a single run gives, each cell the median of the runs.
  const phases = ok.map((t) => ({ portal: buildPhases(t.portal.logFile), floor: buildPhases(t.floor.logFile), search: t.floorSearch!.wallMs }));
  const names = [...new Set(phases.flatMap((p) => [...p.portal, ...p.floor].map((x) => x.name)))];
  if (names.length) {
    console.log('\nWhere the time goes (median of the runs, from each build\'s log; Astro prints the steps it times, the portal\'s integrations theirs):');
    const cell = (lists: Phase[][], name: string) => {
      const s = spreadOf(lists.map((l) => l.find((x) => x.name === name)?.ms ?? NaN));
      return Number.isFinite(s.median) ? `${sec1(s.median)} s (${sec1(s.min)}-${sec1(s.max)})` : '-';
    };
    const rows = names.map((n) => {
      const floorCell = n === PAGEFIND_STEP ? `${sec1(spreadOf(phases.map((p) => p.search)).median)} s (own process)` : cell(phases.map((p) => p.floor), n);
      return [n, cell(phases.map((p) => p.portal), n), floorCell];
    });
    if (!names.includes(PAGEFIND_STEP)) rows.push([PAGEFIND_STEP, '-', `${sec1(spreadOf(phases.map((p) => p.search)).median)} s (own process)`]);
    console.log(table([['step', 'portal', 'floor'], ...rows]));
    console.log('    Pagefind reads every built page and writes its index once Astro has exited, in a process of its own, for both (npm run build: scripts/build.ts; the floor: the same function).');
  }
}

/** The part of rendering the portal's pages that links glossary terms (scripts/bench/markdown.ts). */
function reportGlossaryCost(g: GlossaryCost, runs: number): void {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const spread = (x: Spread) => `${s(x.median)} s (${s(x.min)}-${s(x.max)})`;
  console.log(`\nGlossary links (the floor links no terms): the corpus's ${g.bodies} Markdown and MDX entries render in ${spread(g.withTerms)} with the portal's`);
  console.log(`hast plugins and in ${spread(g.withoutTerms)} without the glossary's (median of ${runs} alternating run(s) each, in this process, as the`);
  console.log(`entry pages render them): linking terms, ${g.termsPerBody.toFixed(1)} an entry, is about ${s(g.withTerms.median - g.withoutTerms.median)} s of rendering the portal's pages.`);
}

/**
 * Extra measurements that plug into the build bench after the cold runs, each in its own file
 * (scripts/bench/<name>.ts, exporting `measure`) and switched on by the option of the same name.
 * The incremental-build measurement (edit one entry, rebuild, compare with the cold build) is one.
 * A new step adds its module to BENCH_STEPS and its flag, with any option it reads, to OPTIONS,
 * USAGE and BenchStepContext; it receives the corpus, the cold runs and those options.
 */
export interface BenchStepContext {
  corpus: CorpusSummary;
  pages: number;
  runs: number;
  verbose: boolean;
  /** --verify: the step also checks what it measured (incremental: the warm build against a cold one, byte for byte). */
  verify: boolean;
  /** The cold runs just measured: their portal wall times are what a rebuild is compared with. */
  trials: Trial[];
}
/** Measure and print; false when a build failed or --verify found a difference (the bench then exits 1). */
export type BenchStep = (ctx: BenchStepContext) => Promise<boolean>;
/** option -> module (relative to this file) exporting `measure: BenchStep`. */
export const BENCH_STEPS = { incremental: './incremental.ts' } as const;

async function runBenchSteps(ctx: BenchStepContext, wanted: Record<keyof typeof BENCH_STEPS, boolean>): Promise<boolean> {
  let ok = true;
  for (const [flag, file] of Object.entries(BENCH_STEPS) as [keyof typeof BENCH_STEPS, string][]) {
    if (!wanted[flag]) continue;
    const mod = (await import(new URL(file, import.meta.url).href)) as { measure?: BenchStep };
    if (!mod.measure) throw new Error(`${file} does not export measure()`);
    ok = (await mod.measure(ctx)) && ok;
  }
  return ok;
}

/**
 * How every corpus bench starts: handlers that clean up on any exit, the lock (waiting while another
 * bench runs in this project), then the synthetic corpus in .bench/. Returns the corpus and the load
 * average noted before it was generated.
 */
export async function startBench(pages: number, seed: number): Promise<{ corpus: CorpusSummary; loadBefore: string }> {
  installCleanup();
  await acquireLock();
  const loadBefore = loadNote();
  console.log(`Generating a ${pages}-entry corpus… (${loadBefore})`);
  const corpus = makeCorpus(pages, seed);
  console.log(`  ${corpus.files} files, ${mb(corpus.bytes)} MB in ${relative(ROOT, corpus.dir)} (${Object.entries(corpus.counts).map(([c, n]) => `${c} ${n}`).join(', ')}; ${corpus.mdx} MDX)`);
  return { corpus, loadBefore };
}

/** How build and search end, whatever happened: children stopped, the project's caches put back, .bench/ removed unless kept, the lock released. */
export function finishBench(keep: boolean): void {
  stopAll();
  restoreProjectCaches();
  if (!keep) rmSync(BENCH, { recursive: true, force: true });
  releaseLock();
}

const USAGE = `Usage: npm run bench [-- --pages 2000] [--runs 3] [--seed 7] [--incremental [--verify]] [--keep] [--verbose]
       npm run bench -- --dev [--pages 2000] [--runs 3] [--seed 7] [--port N] [--keep] [--verbose]

Builds a synthetic corpus with the portal, with a bare Astro project (the floor) and with the floor
plus a Pagefind index of its pages, every build cold, --runs times each, alternating which goes
first; then opens an entry page of the portal in Chromium. Prints each run; the medians with their
range of wall time, CPU and peak memory; the ratios portal / (floor + Pagefind) and portal / floor
against the targets; the median time of each build step; the first visit's bytes; the load average;
and a warning wherever the runs spread wider than the difference they report.
With --dev it measures the authoring loop instead: from starting astro dev (cold) until it answers
an entry page, portal against floor, and from writing an entry file until Chromium shows the new
text; the medians with their range.

${CORPUS_USAGE}
  --runs N       runs of each build, or of each dev server with --dev (default: 3); with --incremental, also its runs
  --incremental  after the cold runs, measure the rebuild after one edited entry on the same corpus, as npm run bench:incremental does
  --verify       with --incremental: then build the edited corpus cold and compare it with the last warm build, byte for byte
  --dev          measure the authoring loop (above) instead of the builds
  --port N       with --dev: the dev servers' port on 127.0.0.1 (default: a free one)
  --keep         keep .bench/: the corpus, the last dists, the floor project and one log per build (default: removed)
  --verbose      show the build and dev-server logs as they run

Exit codes: 0 every build succeeded (a missed target is reported, not an error), 1 a build failed or --verify found a difference, 2 usage error.`;

const OPTIONS = {
  ...CORPUS_OPTIONS,
  runs: { type: 'string', default: '3' },
  incremental: { type: 'boolean', default: false },
  verify: { type: 'boolean', default: false },
  dev: { type: 'boolean', default: false },
  port: { type: 'string' },
} as const;

export interface BuildBenchOptions extends CorpusArgs {
  runs: number;
  incremental: boolean;
  verify: boolean;
  dev: boolean;
  /** --port, for --dev; undefined: a free one. */
  port?: number;
}

/**
 * The build bench's options, from the command line unless given: `--help` prints USAGE and exits 0,
 * a usage error exits 2, both before any work (no lock, no corpus, no build).
 */
export function readOptions(args?: string[]): BuildBenchOptions {
  const { values } = readArgs(USAGE, OPTIONS, { args });
  if (values.verify && !values.incremental) usageError(USAGE, '--verify checks the incremental measurement: give it with --incremental.');
  if (values.incremental && values.dev) usageError(USAGE, '--dev measures dev servers instead of builds: give --incremental without it.');
  if (values.port !== undefined && !values.dev) usageError(USAGE, "--port sets the dev servers' port: give it with --dev.");
  return {
    ...readCorpusArgs(USAGE, values),
    runs: integerOption(USAGE, 'runs', values.runs),
    incremental: values.incremental,
    verify: values.verify,
    dev: values.dev,
    port: integerOption(USAGE, 'port', values.port, { max: 65535 }),
  };
}

async function main(options: BuildBenchOptions): Promise<number> {
  const { pages, seed, runs, keep, verbose } = options;
  const { corpus, loadBefore } = await startBench(pages, seed);
  try {
    if (options.dev) {
      const { benchDev } = await import('./dev.ts');
      return await benchDev(corpus, runs, verbose, options.port);
    }
    const trials = await runTrials(corpus.dir, runs, verbose);
    const last = trials[trials.length - 1];
    let visit: FirstVisit | undefined;
    if (last?.portal.ok) {
      console.log('Measuring a first visit in Chromium…');
      const server = await serve(last.portal.outDir);
      const browser = await launchBrowser();
      try {
        visit = await measureFirstVisit(browser, `${server.origin}/playbooks/${corpus.samplePlaybook}/`);
      } finally {
        await browser.close();
        await server.stop();
      }
    }

    let glossary: GlossaryCost | undefined;
    if (trials.some((t) => t.portal.ok)) {
      console.log('Rendering the Markdown entries with and without glossary links…');
      glossary = await measureGlossaryCost(corpus.dir, runs);
    }

    const cpu = cpus();
    console.log(`\n=== Build benchmark: ${pages} document entries (${corpus.files} files, ${mb(corpus.bytes)} MB of Markdown/MDX/YAML, ${corpus.mdx} MDX), seed ${seed}, ${runs} alternating run(s)`);
    console.log(`    Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM; every build cold (no content cache, Node's compile cache off)`);
    console.log('    The portal builds with HUB_OFFLINE=off: the synthetic corpus is far over the 5 MB offline precache budget (sized for the');
    console.log('    shipped content), which would fail the build; so the offline step writes only its small kill-switch worker here.');
    console.log(`    before the runs: ${loadBefore}; after: ${loadNote()}`);
    reportTrials(trials, pages);
    if (glossary) reportGlossaryCost(glossary, runs);

    if (visit) {
      const recs = visit.records;
      const total = recs.reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), { raw: 0, gzip: 0 });
      const js = recs.filter(isJs).reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), { raw: 0, gzip: 0 });
      const jsWithInline = js.gzip + visit.inlineScripts.gzip;
      console.log(`\n=== First visit: ${new URL(visit.url).pathname} (fresh context, no interaction, until network idle)\n`);
      console.log(
        table([
          ['response', 'type', 'status', 'raw KB', 'gzip KB'],
          ...recs.map((r) => [new URL(r.url).pathname.slice(0, 70), r.type, String(r.status), kb(r.raw), kb(r.gzip)]),
          ['total', `${recs.length} responses`, '', kb(total.raw), kb(total.gzip)],
          ['  JavaScript files', `${recs.filter(isJs).length} files`, '', kb(js.raw), kb(js.gzip)],
          ['  inline <script> in the HTML', `${visit.inlineScripts.count} blocks`, '', kb(visit.inlineScripts.raw), kb(visit.inlineScripts.gzip)],
        ]),
      );
      console.log('');
      console.log(
        table([
          ['target', 'measured (gzip)', 'limit', ''],
          ['first visit, all responses', `${kb(total.gzip)} KB`, '< 40 KB', mark(total.gzip < 40 * 1024)],
          ['JavaScript (files + inline)', `${kb(jsWithInline)} KB`, '<= 10 KB', mark(jsWithInline <= 10 * 1024)],
        ]),
      );
      console.log('    (inline scripts are part of the HTML bytes above; gzipped alone they cost a little more than inside the page)');
    }

    // Hook: further measurements (incremental rebuilds) run here, after the cold runs they compare with.
    const stepsOk = await runBenchSteps({ corpus, pages, runs, verbose, verify: options.verify, trials }, options);

    if (keep) console.log(`\nKept ${relative(ROOT, BENCH)}/ (corpus, portal-dist, floor, build logs per run).`);
    return trials.length === runs && trials.every((t) => t.portal.ok && t.floor.ok) && stepsOk ? 0 : 1;
  } finally {
    finishBench(keep);
  }
}

// An error exits 1 through runMain; the 'exit' handler (installCleanup) stops children, restores caches and releases the lock.
if (import.meta.main) runMain(() => main(readOptions()));
