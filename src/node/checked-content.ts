/**
 * The one code path that checks content: `npm run check`, the build and the dev server (both on
 * a worker thread: src/node/check-worker.ts) and the count check after the build all call
 * `checkContent` (and the content loader, under `astro dev`, validates each file it stores with
 * the same `validateEntry`), so the check and the build cannot disagree about any input.
 *
 * Reading and validating 2,000 files twice cost the build seconds, so the build checks once and
 * later hooks reuse that result, which is also exactly the content the pages were built from.
 * The result, and the check while it runs, are kept on globalThis because the content loader runs
 * in Vite's module runner, which loads its own copy of this module.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
const PENDING = Symbol.for('hub-portal.content-check-in-progress');
const shared = globalThis as unknown as { [KEY]?: CheckedContent; [PENDING]?: Promise<CheckedContent> };

/** Site paths of the files in public/ (`/favicon.svg`), which body links may point to. */
function publicFiles(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) found.add(`${prefix}${entry.name}`);
    }
  };
  try {
    walk(join(root, 'public'), '/');
  } catch {
    // No public/ folder: no files to link to.
  }
  return found;
}

/** Read and validate every file under `dir`: entries, images, and anything that should not be there. */
export function checkContent(dir: string, root = process.cwd()): CheckedContent {
  const scan = scanContent(dir, root);
  const { entries, problems } = validateContent(scan.entries, { assets: scan.assets, today: today(), publicFiles: publicFiles(root) });
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

/**
 * Remember a check that runs elsewhere (the build's, on a worker thread: src/integrations/content-check.ts)
 * until its result is in; from then on checkedContent returns that result.
 */
export function rememberCheck(pending: Promise<CheckedContent>): void {
  const remembered = pending.then((checked) => (shared[KEY] = checked));
  // Handled here, so that a check failing before anyone awaits it does not end the process;
  // whoever awaits checkInProgress() still gets the failure.
  remembered.catch(() => undefined);
  shared[PENDING] = remembered;
}

/** The check that rememberCheck was given, while or after it runs; undefined when there is none. */
export function checkInProgress(): Promise<CheckedContent> | undefined {
  return shared[PENDING];
}

/** The result of the last check of `dir` in this process, or a fresh check when there is none. */
export function checkedContent(dir: string): CheckedContent {
  const last = shared[KEY];
  return last?.dir === resolve(dir) ? last : checkContentNow(dir);
}
