/**
 * The content as the build checked it. The content check (at config setup) and the count check
 * (after the build) need the same validated entries; reading and validating 2,000 files twice
 * cost the build seconds, so the build checks once and the count check reuses that result,
 * which is also exactly the content the pages were built from.
 */
import { readContent } from './read-content.ts';
import { validateContent, type ContentProblem, type ValidEntry } from '../lib/validate-content.ts';

export interface CheckedContent { dir: string; entries: ValidEntry[]; problems: ContentProblem[] }

let last: CheckedContent | undefined;

/** Read and validate `dir` now, and remember the result for later hooks of the same build. */
export function checkContentNow(dir: string): CheckedContent {
  last = { dir, ...validateContent(readContent(dir)) };
  return last;
}

/** The result of the last check of `dir` in this process, or a fresh check when there is none. */
export function checkedContent(dir: string): CheckedContent {
  return last?.dir === dir ? last : checkContentNow(dir);
}
