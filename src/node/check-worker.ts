/**
 * The content check on a thread of its own: a full check reads and validates every file (about
 * 1.5 s on 2,000 entries). Under `astro dev` it would otherwise hold up the first page and every
 * edit; in a build it runs beside Astro's content sync instead of before it.
 * src/integrations/content-check.ts starts this file as a worker.
 *
 * Each message is a CheckRequest; each reply a CheckReply. Parsed entries stay cached in this
 * thread between checks (src/node/read-content.ts), so a re-check parses only what changed.
 */
import { parentPort } from 'node:worker_threads';
import { checkContent, type CheckedContent } from './checked-content.ts';
import type { ContentProblem } from '../lib/validate-content.ts';

export interface CheckRequest {
  dir: string;
  /** Send back the whole result (the entries and their data), not only the problems. */
  whole: boolean;
}

export type CheckReply =
  | { ok: true; entries: number; problems: ContentProblem[]; ms: number; checked?: CheckedContent }
  | { ok: false; error: string };

parentPort?.on('message', ({ dir, whole }: CheckRequest) => {
  const started = performance.now();
  let reply: CheckReply;
  try {
    const checked = checkContent(dir);
    const { entries, problems } = checked;
    reply = { ok: true, entries: entries.length, problems, ms: Math.round(performance.now() - started), ...(whole ? { checked } : {}) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
