/**
 * The one code path that checks content: `npm run check`, the build (at config setup), the dev
 * server, the count check after the build and the content loader all call `checkContent`, so
 * the check and the build cannot disagree about any input.
 *
 * Reading and validating 2,000 files twice cost the build seconds, so the build checks once and
 * later hooks reuse that result, which is also exactly the content the pages were built from.
 * The result is kept on globalThis because the content loader runs in Vite's module runner,
 * which loads its own copy of this module.
 */
import { resolve } from 'node:path';
import { scanContent } from './read-content.ts';
import { validateContent, type ContentProblem, type ValidEntry } from '../lib/validate-content.ts';
import { today } from '../lib/review.ts';

export interface CheckedContent {
  dir: string;
  entries: ValidEntry[];
  problems: ContentProblem[];
  /** Absolute paths of entry files with no problem at all: the only ones the loader stores. */
  clean: Set<string>;
}

const KEY = Symbol.for('hub-portal.checked-content');
const shared = globalThis as unknown as { [KEY]?: CheckedContent };

/** Read and validate every file under `dir`: entries, images, and anything that should not be there. */
export function checkContent(dir: string, root = process.cwd()): CheckedContent {
  const scan = scanContent(dir, root);
  const { entries, problems } = validateContent(scan.entries, { assets: scan.assets, today: today() });
  const all = [...scan.problems, ...problems];
  const failing = new Set(all.map((p) => p.file));
  const clean = new Set(scan.entries.filter((e) => !failing.has(e.file)).map((e) => resolve(root, e.file)));
  return { dir: resolve(root, dir), entries, problems: all, clean };
}

/** Check `dir` now, and remember the result for later hooks of the same build. */
export function checkContentNow(dir: string): CheckedContent {
  shared[KEY] = checkContent(dir);
  return shared[KEY];
}

/** The result of the last check of `dir` in this process, or a fresh check when there is none. */
export function checkedContent(dir: string): CheckedContent {
  const last = shared[KEY];
  return last?.dir === resolve(dir) ? last : checkContentNow(dir);
}
