/**
 * `npm run build`: `astro build`, then the steps after it (search index, count check, service
 * worker, binders: src/integrations/after-build.ts) in this process once Astro's has exited, so
 * that the two never hold their memory at the same time. `astro build` alone runs the same steps
 * in its own process, with the same result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, readArgs, runMain } from './lib/cli.ts';
import { HANDOFF_ENV } from '../src/node/finished-site.ts';

const USAGE = `Usage: npm run build [-- --outDir dist] [--force]

Builds the portal into dist/ (or --outDir): astro build writes the pages, then this process writes
the search index, checks that every published entry has its page, its listing and its search
record, writes the service worker and, with HUB_BINDERS=1, prints the binders.

  --outDir DIR   where the site is written (default: dist/)
  --force        clear the build caches first: a cold build (see "Incremental builds" in the README)

Exit codes: 0 built, 1 the build or a step after it failed (the lines above name the file and field), 2 usage error.`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** The time as Astro's log lines start with it. */
const clock = () => new Date().toTimeString().slice(0, 8);
/** A log line as Astro prints its own: time, label, message. */
const logFor = (label: string) => (message: string) => console.log(`${clock()} [${label}] ${message}`);

const { values } = readArgs(USAGE, { outDir: { type: 'string' }, force: { type: 'boolean', default: false } });

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'hub-build-'));
  const handoff = join(work, 'finished-site.json');
  try {
    const args = ['build', ...(values.outDir ? ['--outDir', values.outDir] : []), ...(values.force ? ['--force'] : [])];
    const astro = spawnSync(process.execPath, [ASTRO_BIN, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, [HANDOFF_ENV]: handoff } });
    if (astro.status !== 0) return EXIT.problems;
    // Imported only now: nothing of the steps' modules is loaded while Astro builds.
    const { readHandoff, runAfterBuild } = await import('../src/integrations/after-build.ts');
    try {
      const { site, countCheck } = readHandoff(handoff);
      await runAfterBuild(site, logFor, countCheck);
    } catch (error) {
      // Each step's error says what failed and why; a stack trace would add nothing for the reader.
      console.error(`${clock()} [ERROR] ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.problems;
    }
    logFor('build')('Complete!');
    return EXIT.ok;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void runMain(main);
