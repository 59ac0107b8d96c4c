/**
 * Validate all content without a full build: every file under content/, schemas, ids and slugs,
 * references, links, the MDX and HTML boundary. The build runs the same function
 * (src/node/checked-content.ts), so the two agree on every input.
 */
import { checkContent } from '../src/node/checked-content.ts';
import { formatProblem } from '../src/lib/validate-content.ts';
import { CONTENT_DIR } from '../src/node/content-layout.ts';
import { EXIT, readArgs } from './lib/cli.ts';

const USAGE = `Usage: npm run check [-- --dir content]

  --dir   the content folder to check (default: ${CONTENT_DIR})

Exit codes: 0 no problem, 1 problems found (each printed as file:line  field: what to do), 2 usage error.`;

const { values } = readArgs(USAGE, { dir: { type: 'string', default: CONTENT_DIR } });
const dir = values.dir;

const { entries, problems } = checkContent(dir);
if (problems.length) {
  console.error(`Content check found ${problems.length} problem(s) in ${dir}:\n`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  console.error('\nFix each line above, then run npm run check again.');
  process.exit(EXIT.problems);
}
const counts = new Map<string, number>();
for (const e of entries) counts.set(e.collection, (counts.get(e.collection) ?? 0) + 1);
console.log(`Content check passed: ${entries.length} entries (${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}).`);
