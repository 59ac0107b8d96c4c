/**
 * The hub's dashboard: overdue and due-soon entries by owner, orphans, coverage and gaps.
 * Usage: npm run report [-- --format md|html] [--out report.html] [--today YYYY-MM-DD] [--dir content]
 * Prints Markdown to the terminal; --out writes the file in the chosen format (from its extension).
 */
import { writeFileSync } from 'node:fs';
import { readContent } from '../src/node/read-content.ts';
import { validateContent, formatProblem } from '../src/lib/validate-content.ts';
import { buildReport, renderHtml, renderMarkdown } from '../src/lib/report.ts';
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
const { entries, problems } = validateContent(readContent(arg('dir') ?? CONTENT_DIR));
if (problems.length) {
  console.error(`Note: ${problems.length} content problem(s); the report covers the valid entries. Run npm run check for details:`);
  for (const p of problems.slice(0, 5)) console.error(`  ${formatProblem(p)}`);
}
const report = buildReport(entries, day);
const markdown = renderMarkdown(report);
console.log(markdown);
if (out) {
  writeFileSync(out, format === 'html' ? renderHtml(report) : markdown);
  console.log(`Wrote ${out} (${format}).`);
}
