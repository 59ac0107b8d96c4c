import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatProblem, type ContentProblem } from '../lib/validate-content.ts';
import { rememberCheck, type CheckedContent } from '../node/checked-content.ts';
import type { CheckReply, CheckRequest } from '../node/check-worker.ts';
import { CONTENT_DIR } from '../node/content-layout.ts';

const problemList = (problems: ContentProblem[]) =>
  `Content check found ${problems.length} problem(s):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`;

const problemReport = (problems: ContentProblem[]) => `${problemList(problems)}\nFix each line above; \`npm run check\` re-checks without building.`;

const checkWorker = () => new Worker(new URL('../node/check-worker.ts', import.meta.url));

/** One whole check on a worker thread (src/node/check-worker.ts), which then ends. */
function checkOnce(dir: string): Promise<{ checked: CheckedContent; ms: number }> {
  return new Promise((resolvePromise, reject) => {
    const worker = checkWorker();
    worker.once('message', (reply: CheckReply) => {
      void worker.terminate();
      if (reply.ok && reply.checked) resolvePromise({ checked: reply.checked, ms: reply.ms });
      else reject(new Error(`The content check stopped: ${reply.ok ? 'it sent no result' : reply.error}`));
    });
    worker.once('error', (error) => reject(new Error(`The content check could not run: ${error.message}. Run \`npm run check\` to check the content.`)));
    worker.postMessage({ dir, whole: true } satisfies CheckRequest);
  });
}

/**
 * Content checks on a worker thread (src/node/check-worker.ts), one at a time. A request while a
 * check runs makes one more check after it, whatever the number of requests, and the result of
 * the check it supersedes is dropped: only the content as it is now is reported.
 */
function backgroundChecks(dir: string, logger: AstroIntegrationLogger, onReply: (reply: Extract<CheckReply, { ok: true }>) => void) {
  const worker = checkWorker();
  worker.unref();
  let running = false;
  let again = false;
  const start = () => {
    running = true;
    again = false;
    worker.postMessage({ dir, whole: false } satisfies CheckRequest);
  };
  worker.on('message', (reply: CheckReply) => {
    running = false;
    if (again) return start();
    if (reply.ok) onReply(reply);
    else logger.error(`The content check stopped: ${reply.error}`);
  });
  worker.on('error', (error) => logger.error(`The content check could not run: ${error.message}. Run \`npm run check\` to check the content.`));
  return {
    request() {
      if (running) again = true;
      else start();
    },
    close() {
      void worker.terminate();
    },
  };
}

/**
 * Validates every entry and every reference before anything is rendered. Astro 7 only logs an
 * invalid reference and still exits 0; this makes the build fail with one line per problem
 * (file, line, field, fix).
 *
 * In a build the check runs on a worker thread from the first hook on, beside Astro's content
 * sync, and the build waits for it at astro:build:start: before any page is bundled, rendered or
 * written, so a failed check leaves the last published site as it was. A file with a problem may
 * make Astro's loader fail first; the content loader then leaves the error to this report
 * (src/node/content-loader.ts). Under `astro dev` it reports and lets the server run, so an author
 * can fix the file and see the page again; there the check runs when the server starts and after
 * every change under the content folder, and the server answers pages meanwhile (the content
 * loader leaves a file with a problem out on its own).
 */
export function contentCheck(): AstroIntegration {
  let checks: ReturnType<typeof backgroundChecks> | undefined;
  let build: Promise<{ checked: CheckedContent; ms: number }> | undefined;
  return {
    name: 'hub:content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        build = checkOnce(CONTENT_DIR);
        // The content loader and the hooks after the build read the result from here.
        rememberCheck(build.then(({ checked }) => checked));
      },
      'astro:build:start': async ({ logger }) => {
        if (!build) return;
        const { checked, ms } = await build;
        const { entries, problems } = checked;
        if (problems.length === 0) {
          logger.info(`${entries.length} entries valid, references checked (${ms} ms, beside the content sync)`);
          return;
        }
        const error = new Error(problemReport(problems));
        error.name = 'ContentError';
        error.stack = ''; // the list is the useful part: no stack trace to bury it (Astro prints none for an empty one)
        throw error;
      },
      'astro:server:setup': ({ server, logger }) => {
        // The first result reports the content as the server found it; later ones, in the
        // terminal running `npm run dev`, each problem as it appears and when it clears.
        let first = true;
        let hadProblems = false;
        checks = backgroundChecks(CONTENT_DIR, logger, ({ entries, problems, ms }) => {
          if (problems.length) logger.error(first ? problemReport(problems) : problemList(problems));
          else if (first) logger.info(`${entries} entries valid, references checked (${ms} ms)`);
          else if (hadProblems) logger.info(`Content check passed again: ${entries} entries valid.`);
          first = false;
          hadProblems = problems.length > 0;
        });
        checks.request();
        const root = resolve(CONTENT_DIR);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(root);
        server.watcher.on('all', (_event, file) => {
          if (!resolve(file).startsWith(root)) return;
          clearTimeout(timer);
          timer = setTimeout(() => checks?.request(), 150);
        });
      },
      'astro:server:done': () => {
        checks?.close();
        checks = undefined;
      },
    },
  };
}
