/**
 * Build benchmark: how much slower and heavier the portal's build is than the cheapest possible
 * Astro build of the same content (the "floor"), and how heavy a first visit to an entry page is.
 *
 * Usage: npx node scripts/bench/build.ts [--pages 2000] [--keep] [--seed 7] [--verbose]
 *
 * What it does, in order:
 *  1. generates a synthetic corpus (scripts/bench/corpus.ts) in .bench/corpus-XXXX/;
 *  2. builds the portal on it (`astro build`, HUB_CONTENT_DIR, --outDir .bench/portal-dist);
 *  3. builds the floor: a bare Astro project in .bench/floor/ (only @astrojs/mdx, glob loaders with
 *     no schema, one catch-all page rendering <Content />), with the project's own astro;
 *     then indexes the floor's pages with Pagefind as the portal does: floor + that index is the
 *     least any site with this search can take;
 *  4. serves the portal's dist and opens one playbook in Chromium with a fresh context, recording
 *     every response of the first visit;
 *  5. prints a table with the targets and PASS/FAIL marks, and removes .bench unless --keep.
 *
 * Exit code: 0 when both builds succeed (even if a target fails: this is a report), 1 when a build
 * fails. The helpers are exported for scripts/bench/search.ts.
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
import { generateCorpus, type CorpusSummary } from './corpus.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH = join(ROOT, '.bench');
/**
 * Run astro's CLI script with *this* Node (the pinned Node 24 when started with `npx node`), not
 * through node_modules/.bin/astro, whose `#!/usr/bin/env node` could pick the system's Node 20.
 */
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
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
}

function walk(dir: string, visit: (file: string, size: number) => void): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, statSync(full).size);
  }
}

function describeDist(outDir: string): { pages: number; distBytes: number; pagefindBytes: number } {
  let pages = 0;
  let distBytes = 0;
  let pagefindBytes = 0;
  const pf = join(outDir, 'pagefind') + '/';
  walk(outDir, (file, size) => {
    if (file.endsWith('/index.html')) pages++;
    distBytes += size;
    if (file.startsWith(pf)) pagefindBytes += size;
  });
  return { pages, distBytes, pagefindBytes };
}

interface Phase { name: string; ms: number }

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
    ['content check (schemas, references, links)', millis(/\[hub:content-check\][^\n]*\((\d+) ms\)/)],
    ['Astro: setup (the portal\'s includes its content check), content sync, types', seconds(/Collecting build info\.\.\.\s*\n[^\n]*✓ Completed in ((?:\d+m\s*)?[\d.]+m?s)/)],
    ['Astro: Vite bundle (server)', seconds(/\[vite\] ✓ built in ((?:\d+m\s*)?[\d.]+m?s)/)],
    ['Astro: rendering the pages', seconds(/generating static routes[\s\S]*?✓ Completed in ((?:\d+m\s*)?[\d.]+m?s)/)],
    ['search index (Pagefind)', millis(/\[hub:pagefind\][^\n]* in (\d+) ms/)],
    ['count check', millis(/\[hub:count-check\][^\n]*\((\d+) ms\)/)],
    ['total, as Astro reports it', seconds(/page\(s\) built in ((?:\d+m\s*)?[\d.]+m?s)/)],
  ];
  return found.filter((f): f is [string, number] => f[1] !== undefined).map(([name, ms]) => ({ name, ms }));
}

/** Environment shared by both builds, so that neither gets an advantage. */
const BUILD_ENV = {
  HUB_TODAY: BUILD_DAY,
  ASTRO_TELEMETRY_DISABLED: '1', // the network is closed: no telemetry attempts in either build
  NO_COLOR: '1',
  // Large corpora (10 000 pages) need more than Node's default heap; same limit for both builds.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=8192'].filter(Boolean).join(' '),
};

/** Build the portal itself on a corpus. */
export async function buildPortal(corpusDir: string, outDir: string, verbose = false): Promise<BuildResult> {
  rmSync(outDir, { recursive: true, force: true });
  const cacheDir = `${outDir}-cache/`;
  rmSync(cacheDir, { recursive: true, force: true });
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir], {
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

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
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

async function main(): Promise<number> {
  const pages = Number(argValue('pages') ?? 2000);
  const seed = Number(argValue('seed') ?? 7);
  const keep = process.argv.includes('--keep');
  const verbose = process.argv.includes('--verbose');
  installCleanup();

  await acquireLock();
  const loadBefore = loadNote();
  console.log(`Generating a ${pages}-entry corpus… (${loadBefore})`);
  const corpus = makeCorpus(pages, seed);
  console.log(`  ${corpus.files} files, ${mb(corpus.bytes)} MB in ${relative(ROOT, corpus.dir)} (${Object.entries(corpus.counts).map(([c, n]) => `${c} ${n}`).join(', ')}; ${corpus.mdx} MDX)`);

  const results: BuildResult[] = [];
  let visit: FirstVisit | undefined;
  try {
    saveProjectCaches();
    try {
      console.log('Building the portal…');
      results.push(await buildPortal(corpus.dir, join(BENCH, 'portal-dist'), verbose));
      console.log(`  ${results[0]!.ok ? 'done' : 'FAILED'} in ${(results[0]!.wallMs / 1000).toFixed(1)} s`);
    } finally {
      restoreProjectCaches();
    }
    console.log('Building the floor (bare Astro + MDX)…');
    results.push(await buildFloor(corpus.dir, join(BENCH, 'floor'), verbose));
    console.log(`  ${results[1]!.ok ? 'done' : 'FAILED'} in ${(results[1]!.wallMs / 1000).toFixed(1)} s`);

    const [portal, floor] = results as [BuildResult, BuildResult];
    for (const r of results) if (!r.ok) console.error(`\nThe ${r.name} build failed (exit ${r.code ?? r.signal}). Last lines of ${r.logFile}:\n${tail(r.logFile)}`);

    let floorSearch: RunResult | undefined;
    if (floor.ok) {
      console.log('Indexing the floor\'s pages with Pagefind (the lower bound for a site with this search)…');
      floorSearch = await indexFloor(floor.outDir, verbose);
      if (floorSearch.code === 0) console.log(`  done in ${(floorSearch.wallMs / 1000).toFixed(1)} s`);
      else {
        console.error(`  FAILED (exit ${floorSearch.code ?? floorSearch.signal}):\n${tail(floorSearch.logFile)}`);
        floorSearch = undefined;
      }
    }

    if (portal.ok) {
      console.log('Measuring a first visit in Chromium…');
      const server = await serve(portal.outDir);
      const browser = await launchBrowser();
      try {
        visit = await measureFirstVisit(browser, `${server.origin}/playbooks/${corpus.samplePlaybook}/`);
      } finally {
        await browser.close();
        await server.stop();
      }
    }

    // --- report ---
    const cpu = cpus();
    console.log(`\n=== Build benchmark: ${pages} document entries (${corpus.files} files, ${mb(corpus.bytes)} MB of Markdown/MDX/YAML, ${corpus.mdx} MDX), seed ${seed}`);
    console.log(`    Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM; both builds cold (no content cache); portal built first`);
    console.log(`    before the run: ${loadBefore}\n`);
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
    const wallRatio = portal.wallMs / floor.wallMs;
    const both = portal.ok && floor.ok;
    console.log(
      table([
        ['', 'portal', 'floor', 'portal/floor', 'target', ''],
        ['wall time', `${(portal.wallMs / 1000).toFixed(1)} s`, `${(floor.wallMs / 1000).toFixed(1)} s`, ratio(portal.wallMs, floor.wallMs), '<= 1.20', both ? mark(wallRatio <= 1.2) : 'n/a'],
        ['CPU time (user + sys)', `${portal.cpuSeconds.toFixed(1)} s`, `${floor.cpuSeconds.toFixed(1)} s`, ratio(portal.cpuSeconds, floor.cpuSeconds), '', ''],
        ['other processes\' CPU meanwhile', `${portal.foreignCpuSeconds.toFixed(1)} s`, `${floor.foreignCpuSeconds.toFixed(1)} s`, '', '~0 = clean', ''],
        ['peak RSS, process tree (sum)', `${mb(portal.peakTreeRssKb * 1024)} MB`, `${mb(floor.peakTreeRssKb * 1024)} MB`, ratio(portal.peakTreeRssKb, floor.peakTreeRssKb), '', ''],
        ['peak RSS, largest process', `${mb(portal.maxProcessHwmKb * 1024)} MB`, `${mb(floor.maxProcessHwmKb * 1024)} MB`, ratio(portal.maxProcessHwmKb, floor.maxProcessHwmKb), '', ''],
        ['pages built (index.html)', String(portal.pages), String(floor.pages), ratio(portal.pages, floor.pages), '', ''],
        ['pages per second', (portal.pages / (portal.wallMs / 1000)).toFixed(1), (floor.pages / (floor.wallMs / 1000)).toFixed(1), ratio(portal.pages / portal.wallMs, floor.pages / floor.wallMs), '', ''],
        ['dist size', `${mb(portal.distBytes)} MB`, `${mb(floor.distBytes)} MB`, ratio(portal.distBytes, floor.distBytes), '', ''],
        ['  of which pagefind/', `${mb(portal.pagefindBytes)} MB`, '-', '', '', ''],
        ['build status', portal.ok ? 'ok' : 'FAILED', floor.ok ? 'ok' : 'FAILED', '', '', ''],
      ]),
    );
    console.log('    (the portal also builds index, glossary, spoke, team and path pages; the floor only the entries)');
    if (floorSearch && both) {
      const bound = floor.wallMs + floorSearch.wallMs;
      console.log('\nLower bound: the floor plus a Pagefind index of its pages, built the way the portal builds its index');
      console.log(
        table([
          ['', 'wall', 'CPU', 'x floor', 'portal / this'],
          ['floor + Pagefind', `${(bound / 1000).toFixed(1)} s`, `${(floor.cpuSeconds + floorSearch.cpuSeconds).toFixed(1)} s`, ratio(bound, floor.wallMs), ratio(portal.wallMs, bound)],
        ]),
      );
      console.log(`    No site that indexes its built pages with Pagefind after the build can be faster than ${ratio(bound, floor.wallMs)} x the floor here.`);
    }
    const foreign = portal.foreignCpuSeconds + floor.foreignCpuSeconds;
    if (foreign > 0.1 * (portal.cpuSeconds + floor.cpuSeconds)) {
      console.log(`    WARNING: other processes used ${foreign.toFixed(0)} CPU-s during the builds: wall times are inflated (unevenly);`);
      console.log('    the CPU-time ratio is the steadier comparison. Rerun on an idle machine for the wall-time target.');
    }

    const phases = [portal, floor].map((r) => buildPhases(r.logFile));
    if (phases[0]!.length) {
      console.log('\nWhere the time goes (from each build\'s log; Astro prints the steps it times, the portal\'s integrations theirs):');
      const names = [...new Set(phases.flatMap((p) => p.map((x) => x.name)))];
      const cell = (list: Phase[], name: string) => {
        const hit = list.find((x) => x.name === name);
        return hit ? `${(hit.ms / 1000).toFixed(1)} s` : '-';
      };
      console.log(table([['step', 'portal', 'floor'], ...names.map((n) => [n, cell(phases[0]!, n), cell(phases[1]!, n)])]));
      console.log('    Pagefind reads every built page and writes its index after Astro finishes; the floor has no search.');
    }

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
    if (keep) console.log(`\nKept ${relative(ROOT, BENCH)}/ (corpus, portal-dist, floor, build logs).`);
    return both ? 0 : 1;
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
