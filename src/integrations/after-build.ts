/**
 * The steps that run on the finished site once Astro has written every page, in this order: the
 * search index (Pagefind), the count check (it reads the index), the service worker (it
 * precaches the index) and, with HUB_BINDERS=1, the PDF binders.
 *
 * `astro build` runs them itself, at astro:build:done. `npm run build` (scripts/build.ts) has them
 * run in a process of their own after `astro build` has exited: Pagefind's memory then comes after
 * Astro's instead of on top of it (on 10,000 entries the build's process tree peaked at 7.6 GB
 * with both at once: Astro's process keeps its 4.2 GB to the end, Pagefind takes 3.4 GB).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { HANDOFF_ENV, writeHandoff, type FinishedSite } from '../node/finished-site.ts';
import { searchIndexStep } from './pagefind.ts';
import { countCheckStep } from './count-check.ts';
import { serviceWorkerStep } from './offline.ts';
import { bindersStep } from './print-binders.ts';

type Log = (message: string) => void;

/** The steps in order, each with the label its log lines carry. */
export const AFTER_BUILD_STEPS: readonly { label: string; run: (site: FinishedSite, log: Log) => Promise<void> | void }[] = [
  { label: 'hub:pagefind', run: searchIndexStep },
  { label: 'hub:count-check', run: countCheckStep },
  { label: 'hub:offline', run: serviceWorkerStep },
  { label: 'hub:binders', run: bindersStep },
];

/** Runs every step on `site`; the first failure stops the rest and is thrown. */
export async function runAfterBuild(site: FinishedSite, logFor: (label: string) => Log): Promise<void> {
  for (const step of AFTER_BUILD_STEPS) await step.run(site, logFor(step.label));
}

export function afterBuild(): AstroIntegration {
  let root = '';
  let base = '/';
  let cacheDir = '';
  return {
    name: 'hub:after-build',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
        // One build time for every page and for the offline copy's date (src/build-info.ts).
        process.env.HUB_BUILT_AT ||= new Date().toISOString();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site: FinishedSite = { dist: fileURLToPath(dir), root, base, cacheDir };
        const handoff = process.env[HANDOFF_ENV];
        if (handoff) {
          writeHandoff(handoff, site);
          logger.info('Pages written; the search index and the steps after it run next, in a process of their own.');
          return;
        }
        await runAfterBuild(site, (label) => (message) => logger.fork(label).info(message));
      },
    },
  };
}
