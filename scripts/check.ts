/**
 * Validate all content without a full build: every file under content/, schemas, ids and slugs,
 * references, links, the MDX and HTML boundary. The build runs the same function
 * (src/node/checked-content.ts), so the two agree on every input.
 * Usage: npm run check [-- --dir path/to/content]
 * Exits 1 and lists every problem (file:line  field: message) when anything is wrong.
 */
import { checkContent } from '../src/node/checked-content.ts';
import { formatProblem } from '../src/lib/validate-content.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag > 0 ? process.argv[dirFlag + 1] ?? CONTENT_DIR : CONTENT_DIR;

const { entries, problems } = checkContent(dir);
if (problems.length) {
  console.error(`Content check found ${problems.length} problem(s) in ${dir}:\n`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  console.error('\nFix each line above, then run npm run check again.');
  process.exit(1);
}
const counts = new Map<string, number>();
for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
console.log(`Content check passed: ${entries.length} entries (${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}).`);
