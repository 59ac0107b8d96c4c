/**
 * The content check on a thread of its own, for the dev server: a full check reads and validates
 * every file (about 1.5 s on 2,000 entries), and on the server's thread it would hold up the first
 * page and every edit meanwhile. src/integrations/content-check.ts starts this file as a worker.
 *
 * Each message is a content folder to check; each reply a CheckReply. Parsed entries stay cached
 * in this thread between checks (src/node/read-content.ts), so a re-check parses only what changed.
 */
import { parentPort } from 'node:worker_threads';
import { checkContent } from './checked-content.ts';
import type { ContentProblem } from '../lib/validate-content.ts';

export type CheckReply =
  | { ok: true; entries: number; problems: ContentProblem[]; ms: number }
  | { ok: false; error: string };

parentPort?.on('message', (dir: string) => {
  const started = performance.now();
  let reply: CheckReply;
  try {
    const { entries, problems } = checkContent(dir);
    reply = { ok: true, entries: entries.length, problems, ms: Math.round(performance.now() - started) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
