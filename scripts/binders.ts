/**
 * Print the binders from the built site into dist/binders/ (or --out): the policy as one
 * controlled document, the protocols, and one PDF per onboarding path (src/integrations/print-binders.ts).
 * Usage: npm run build && npm run binders [-- --dist dist --out dist/binders --only policy,protocols]
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BinderError, printBinders } from '../src/integrations/print-binders.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const started = performance.now();
const dist = resolve(arg('dist', 'dist'));
const out = resolve(arg('out', join(dist, 'binders')));
const only = process.argv.includes('--only') ? arg('only', '').split(',').filter(Boolean) : undefined;
try {
  const results = await printBinders({ dist, out, root: resolve(dirname(fileURLToPath(import.meta.url)), '..'), base: process.env.BASE_PATH ?? '/', only });
  for (const r of results) console.log(`${r.file.padEnd(32)} ${String(r.pages).padStart(4)} pages ${(r.bytes / 1024).toFixed(0).padStart(6)} KB ${String(r.ms).padStart(7)} ms`);
  console.log(`${results.length} binders in ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  if (!(error instanceof BinderError)) throw error;
  console.error(error.message);
  process.exit(1);
}
