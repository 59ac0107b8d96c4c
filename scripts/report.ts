/**
 * The hub's dashboard: overdue and due-soon entries by owner, orphans, coverage and gaps (usage below).
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
import { dateOption, readArgs, usageError } from './lib/cli.ts';

const USAGE = `Usage: npm run report [-- --format md|html] [--out report.html] [--today YYYY-MM-DD] [--dir content]
                         [--signals hub-signals.log [--since YYYY-MM-DD] [--site https://intranet.example/social-hub/]]

  --format   md or html (default: from --out's extension, else md); the terminal always gets Markdown
  --out      also write the report to this file
  --today    the day review status is computed for (default: HUB_TODAY, else today)
  --dir      the content folder (default: ${CONTENT_DIR})
  --signals  add what readers looked for, read from the web server's signal log (streamed)
  --since    with --signals: only lines from this day on
  --site     the site's address, for links in the report (default: $SITE_URL, else root-relative)

Content problems are noted and the report covers the valid entries (npm run check lists them all).
Exit codes: 0 written, 2 usage error.`;

const { values } = readArgs(USAGE, {
  format: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  dir: { type: 'string', default: CONTENT_DIR },
  signals: { type: 'string' },
  since: { type: 'string' },
  site: { type: 'string' },
});
const { out, signals: signalsFile } = values;
const format = values.format ?? (out?.endsWith('.html') ? 'html' : 'md');
if (format !== 'md' && format !== 'html') usageError(USAGE, `--format must be md or html (got "${format}").`);
const day = dateOption(USAGE, 'today', values.today) ?? buildDay();
const since = dateOption(USAGE, 'since', values.since);
const site = values.site ?? process.env.SITE_URL;
if (site !== undefined && !URL.canParse(site)) usageError(USAGE, `--site must be the site's address, like https://intranet.example/social-hub/ (got "${site}").`);
if (signalsFile !== undefined && !existsSync(signalsFile)) {
  usageError(USAGE, `--signals ${signalsFile}: no such file. Give the signal log nginx writes (npm run hosting prints its path).`);
}
// The same check as `npm run check` and the build (images, public files, dates included).
const { entries, problems } = checkContent(values.dir);
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
