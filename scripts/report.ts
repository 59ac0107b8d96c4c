/**
 * The hub's dashboard: overdue and due-soon entries by owner, orphans, coverage and gaps.
 * Usage: npm run report [-- --format md|html] [--out report.html] [--today YYYY-MM-DD] [--dir content]
 *                         [--signals access-signals.log [--since YYYY-MM-DD] [--site https://intranet.example/social-hub]]
 * Prints Markdown to the terminal; --out writes the file in the chosen format (from its extension).
 * --signals adds what readers looked for, read from the web server's signal log (streamed).
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkContent } from '../src/node/checked-content.ts';
import { formatProblem } from '../src/lib/validate-content.ts';
import { buildReport, renderHtml, renderMarkdown } from '../src/lib/report.ts';
import { buildSignalsReport, renderSignalsHtml, renderSignalsMarkdown, tallySignals } from '../src/lib/signals-report.ts';
import { today as buildDay } from '../src/lib/review.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = arg('out');
const format = arg('format') ?? (out?.endsWith('.html') ? 'html' : 'md');
const day = arg('today') ?? buildDay();
if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
  console.error(`--today must be a date like 2026-11-28 (got "${day}").`);
  process.exit(2);
}
const signalsFile = arg('signals');
const since = arg('since');
if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
  console.error(`--since must be a date like 2026-11-01 (got "${since}").`);
  process.exit(2);
}
const site = arg('site') ?? process.env.SITE_URL;
if (site !== undefined && !URL.canParse(site)) {
  console.error(`--site must be the site's address, like https://intranet.example/social-hub/ (got "${site}").`);
  process.exit(2);
}
if (process.argv.includes('--signals') && (signalsFile === undefined || signalsFile.startsWith('--'))) {
  console.error('--signals needs the signal log\'s path, like --signals /var/log/nginx/hub-signals.log.');
  process.exit(2);
}
if (signalsFile !== undefined && !existsSync(signalsFile)) {
  console.error(`--signals ${signalsFile}: no such file. Give the signal log nginx writes (npm run hosting prints its path).`);
  process.exit(2);
}
// The same check as `npm run check` and the build (images, public files, dates included).
const { entries, problems } = checkContent(arg('dir') ?? CONTENT_DIR);
if (problems.length) {
  console.error(`Note: ${problems.length} content problem(s); the report covers the valid entries. Run npm run check for details:`);
  for (const p of problems.slice(0, 5)) console.error(`  ${formatProblem(p)}`);
}
const report = buildReport(entries, day);
let markdown = renderMarkdown(report);
let signalsHtml = '';
if (signalsFile) {
  const started = performance.now();
  const lines = createInterface({ input: createReadStream(signalsFile), crlfDelay: Infinity });
  const tally = await tallySignals(lines, { since });
  const signals = buildSignalsReport(tally, entries, { site, since });
  markdown += `\n${renderSignalsMarkdown(signals)}`;
  signalsHtml = renderSignalsHtml(signals);
  console.error(`Read ${tally.lines} signal-log lines in ${Math.round(performance.now() - started)} ms.`);
}
console.log(markdown);
if (out) {
  writeFileSync(out, format === 'html' ? renderHtml(report, signalsHtml) : markdown);
  console.log(`Wrote ${out} (${format}).`);
}
