/**
 * Print the binders from the built site into dist/binders/ (or --out): the policy as one
 * controlled document, the protocols, and one PDF per onboarding path (src/integrations/print-binders.ts).
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BinderError, printBinders } from '../src/integrations/print-binders.ts';
import { EXIT, readArgs } from './lib/cli.ts';

const USAGE = `Usage: npm run build && npm run binders [-- --dist dist] [--out dist/binders] [--only policy,protocols]

  --dist   the built site (default: dist)
  --out    where the PDFs are written (default: <dist>/binders)
  --only   print only these binders, by name: policy, protocols, path-<id> (comma-separated)

Exit codes: 0 printed, 1 a binder could not be printed (the message says why), 2 usage error.`;

const { values } = readArgs(USAGE, { dist: { type: 'string', default: 'dist' }, out: { type: 'string' }, only: { type: 'string' } });
const started = performance.now();
const dist = resolve(values.dist);
const out = resolve(values.out ?? join(dist, 'binders'));
const only = values.only?.split(',').filter(Boolean);
try {
  const results = await printBinders({ dist, out, root: resolve(dirname(fileURLToPath(import.meta.url)), '..'), base: process.env.BASE_PATH ?? '/', only });
  for (const r of results) console.log(`${r.file.padEnd(32)} ${String(r.pages).padStart(4)} pages ${(r.bytes / 1024).toFixed(0).padStart(6)} KB ${String(r.ms).padStart(7)} ms`);
  console.log(`${results.length} binders in ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (!(error instanceof BinderError)) throw error;
  console.error(error.message);
  process.exit(EXIT.problems);
}
