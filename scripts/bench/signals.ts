/**
 * Signal-log benchmark: writes a synthetic signal log (default 1,000,000 lines, about 1% of them
 * malformed) in the format nginx writes, then times the report's reading of it, the same
 * streamed path `npm run report -- --signals` takes (readline, tallySignals, buildSignalsReport).
 *
 * Options, what it prints and its exit codes: USAGE below (`npm run bench:signals -- --help`).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSignals, type Signal } from '../../src/lib/signals.ts';
import { buildSignalsReport, tallySignals } from '../../src/lib/signals-report.ts';
import { integerOption, readArgs, runMain } from '../lib/cli.ts';

const USAGE = `Usage: npm run bench:signals [-- --lines 1000000] [--keep]

Writes a synthetic signal log in the format nginx writes (about 1% of its lines malformed) to a
temporary folder, then reads it the way npm run report -- --signals does (streamed). Prints the
lines and the file's size, the time to write it, the time to read it and build the report, lines per
second, and the peak memory.

  --lines N      lines in the log (default: 1000000)
  --keep         keep the log (its path is printed; default: removed)

Exit codes: 0 measured, 1 the log could not be written or read, 2 usage error.`;

export interface SignalsBenchOptions {
  lines: number;
  keep: boolean;
}

/**
 * The signal bench's options, from the command line unless given: `--help` prints USAGE and exits 0,
 * a usage error exits 2, both before anything is written.
 */
export function readOptions(args?: string[]): SignalsBenchOptions {
  const { values } = readArgs(USAGE, { lines: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } }, { args });
  return { lines: integerOption(USAGE, 'lines', values.lines), keep: values.keep };
}

// A deterministic mix: a few hundred distinct queries with a long tail, 200 pages.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const words = ['crisis', 'holding statement', 'influencer disclosure', 'house rules', 'dark period', 'takedown', 'brand voice', 'content calendar', 'share of voice', 'guest destination', 'escalation', 'moderation', 'approval workflow', 'response time', 'advocacy'];
const query = () => `${words[Math.floor(rand() ** 2 * words.length)]}${rand() < 0.3 ? ` ${Math.floor(rand() * 40)}` : ''}`;
const page = () => `/playbooks/page-${Math.floor(rand() * 200)}/`;
const event = (): Signal => {
  const r = rand();
  if (r < 0.5) return { type: 'search', query: query(), results: rand() < 0.2 ? 0 : Math.floor(rand() * 30), opened: rand() < 0.6 };
  if (r < 0.8) return { type: 'open', query: query(), rank: 1 + Math.floor(rand() * 8), page: page() };
  return { type: 'vote', page: page(), helpful: rand() < 0.7, reason: rand() < 0.5 ? 'out-of-date' : undefined, comment: rand() < 0.1 ? 'The contact list is old' : undefined };
};

async function main({ lines, keep }: SignalsBenchOptions): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-signals-bench-'));
  const file = join(dir, 'signals.log');
  let started = performance.now();
  const out = createWriteStream(file);
  const day = Date.UTC(2026, 10, 1);
  for (let i = 0; i < lines; i++) {
    const time = new Date(day + i * 2000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const line = rand() < 0.01 ? `${time} not a signal\n` : `${time} ${encodeSignals(Array.from({ length: 1 + Math.floor(rand() * 2) }, event))}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const writeMs = performance.now() - started;

  started = performance.now();
  const tally = await tallySignals(createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
  const report = buildSignalsReport(tally, []);
  const readMs = performance.now() - started;

  console.log(`Signal log: ${tally.lines.toLocaleString('en')} lines, ${(statSync(file).size / 1e6).toFixed(1)} MB (written in ${(writeMs / 1000).toFixed(1)} s)`);
  console.log(`Report read it in ${(readMs / 1000).toFixed(2)} s: ${Math.round(tally.lines / (readMs / 1000)).toLocaleString('en')} lines/s; ${tally.malformed.toLocaleString('en')} malformed lines skipped; ${report.searches.toLocaleString('en')} searches, ${tally.queries.size} distinct queries, ${report.perPage.length} pages voted on`);
  console.log(`Peak memory (RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  if (keep) console.log(`Kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
  return 0;
}

if (import.meta.main) runMain(() => main(readOptions()));
