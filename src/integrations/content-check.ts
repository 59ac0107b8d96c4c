import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { formatProblem } from '../lib/validate-content.ts';
import { checkContentNow } from '../node/checked-content.ts';
import { CONTENT_DIR } from '../node/content-layout.ts';

/**
 * Validates every entry and every reference before Astro loads content. Astro 7 only logs an
 * invalid reference and still exits 0; this makes the build fail with one line per problem
 * (file, line, field, fix). Under `astro dev` it reports and lets the server run, so an author
 * can fix the file and see the page again.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'hub:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'preview' || command === 'sync') return;
        const started = performance.now();
        const { entries, problems } = checkContentNow(CONTENT_DIR);
        if (problems.length === 0) {
          logger.info(`${entries.length} entries valid, references checked (${Math.round(performance.now() - started)} ms)`);
          return;
        }
        const report = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
        const message = `Content check found ${problems.length} problem(s):\n${report}\nFix each line above; \`npm run check\` re-checks without building.`;
        if (command === 'build') {
          const error = new Error(message);
          error.name = 'ContentError';
          error.stack = message; // the list is the useful part; a stack trace would bury it
          throw error;
        }
        logger.error(message);
      },
      'astro:server:setup': ({ server, logger }) => {
        // Re-check on every change under content/, so an author sees the problem, and then
        // sees it clear, in the terminal running `npm run dev`.
        const root = resolve(CONTENT_DIR);
        let timer: ReturnType<typeof setTimeout> | undefined;
        let hadProblems = false;
        server.watcher.add(root);
        server.watcher.on('all', (_event, file) => {
          if (!resolve(file).startsWith(root)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const { entries, problems } = checkContentNow(CONTENT_DIR);
            if (problems.length) {
              hadProblems = true;
              logger.error(`Content check found ${problems.length} problem(s):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
            } else if (hadProblems) {
              hadProblems = false;
              logger.info(`Content check passed again: ${entries.length} entries valid.`);
            }
          }, 150);
        });
      },
    },
  };
}
