/**
 * The test command: each phase once, in order, stopping at the first that fails, with the time
 * each took. The build is made for the tests' pinned day (tests/build-day.ts), so no expectation
 * depends on the calendar. `--full` adds the sweeps over every page of the site (axe and the CSP)
 * to the same Playwright run: CI runs `npm run test:full` alone and builds and runs each thing once.
 */
import { spawnSync } from 'node:child_process';
import { TEST_BUILD_ENV } from '../tests/build-day.ts';
import { EXIT, readArgs, usageError } from './lib/cli.ts';

const PHASES = ['chromium', 'nginx', 'typecheck', 'unit', 'build', 'e2e'] as const;
type Phase = (typeof PHASES)[number];

const USAGE = `Usage: npm test             (or: npm run test:full)
       node scripts/test.ts [--full] [--only phase]...

  --full   also run the sweeps over every page of the site (axe in light, the CSP and console)
  --only   run only these phases, in the usual order: ${PHASES.join(', ')} (repeat for several)

Phases: find Chromium and pdftotext, find nginx, astro check, Vitest, the build for the tests'
pinned day (tests/build-day.ts), Playwright against it.
Exit codes: 0 every phase passed, 1 a phase failed (its output says why), 2 usage error.`;

const { values } = readArgs(USAGE, { full: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } });
const unknown = (values.only ?? []).filter((p) => !(PHASES as readonly string[]).includes(p));
if (unknown.length) usageError(USAGE, `--only ${unknown.join(', ')}: choose from ${PHASES.join(', ')}.`);
const chosen = PHASES.filter((p) => !values.only?.length || values.only.includes(p));

const COMMANDS: Record<Phase, { command: string; args: string[]; env?: Record<string, string> }> = {
  chromium: { command: process.execPath, args: ['scripts/ensure-chromium.ts'] },
  nginx: { command: process.execPath, args: ['scripts/ensure-nginx.ts'] },
  typecheck: { command: 'astro', args: ['check'] },
  unit: { command: 'vitest', args: ['run'] },
  build: { command: process.execPath, args: ['scripts/build.ts'], env: TEST_BUILD_ENV },
  e2e: { command: 'playwright', args: ['test'], env: values.full ? { HUB_TEST_FULL: '1' } : {} },
};

const times: string[] = [];
const started = performance.now();
for (const phase of chosen) {
  const { command, args, env } = COMMANDS[phase];
  const start = performance.now();
  console.log(`\n— ${phase}: ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  // npm scripts put node_modules/.bin (and the project's Node 24) first on PATH, so the names resolve.
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  times.push(`${phase} ${seconds} s`);
  if (run.status !== 0) {
    console.error(`\n${phase} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}). Times: ${times.join(', ')}.`);
    process.exit(EXIT.problems);
  }
}
console.log(`\nAll ${chosen.length} phases passed in ${((performance.now() - started) / 1000).toFixed(1)} s: ${times.join(', ')}.`);
