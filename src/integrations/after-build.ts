/**
 * The steps that run on the finished site once Astro has written every page, in this order: the
 * search index (Pagefind), the count check (it reads the index), the service worker (it
 * precaches the index) and, with HUB_BINDERS=1, the PDF binders.
 *
 * `astro build` runs them itself, at astro:build:done. `npm run build` (scripts/build.ts) has them
 * run in a process of their own after `astro build` has exited: Pagefind's memory then comes after
 * Astro's instead of on top of it (on 10,000 entries the build's process tree peaked at 7.6 GB
 * with both at once: Astro's process keeps its 4.2 GB to the end, Pagefind takes 3.4 GB). Astro's
 * process then hands over a Handoff: the site, and the entries the count check compares it with
 * as this build's content check read them (the second process never reads content/ again).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HANDOFF_ENV, type FinishedSite } from '../node/finished-site.ts';
import { searchIndexStep } from './pagefind.ts';
import { countCheckInputs, countCheckStep, type CountCheckInputs } from './count-check.ts';
import { serviceWorkerStep } from './offline.ts';
import { bindersStep } from './print-binders.ts';

type Log = (message: string) => void;

/** What `astro build` hands to scripts/build.ts: the site, and the content the count check compares it with. */
export interface Handoff {
  site: FinishedSite;
  countCheck: CountCheckInputs;
}

/** Runs every step on `site`, in order; the first failure stops the rest and is thrown. */
export async function runAfterBuild(site: FinishedSite, logFor: (label: string) => Log, countCheck: CountCheckInputs = countCheckInputs()): Promise<void> {
  await searchIndexStep(site, logFor('hub:pagefind'));
  countCheckStep(site, logFor('hub:count-check'), countCheck);
  await serviceWorkerStep(site, logFor('hub:offline'));
  await bindersStep(site, logFor('hub:binders'));
}

export function writeHandoff(file: string, handoff: Handoff): void {
  writeFileSync(file, JSON.stringify(handoff));
}

/** The Handoff `astro build` wrote; a clear error when it wrote none (the build did not finish) or a part is missing. */
export function readHandoff(file: string): Handoff {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`astro build exited without handing over its finished site (${file}): it did not reach its last step.`);
  }
  const handoff = JSON.parse(text) as { site?: Partial<FinishedSite>; countCheck?: Partial<CountCheckInputs> };
  for (const key of ['dist', 'root', 'base', 'cacheDir'] as const) {
    if (typeof handoff.site?.[key] !== 'string') throw new Error(`${file}: the site's "${key}" is missing from what astro build handed over.`);
  }
  if (!Array.isArray(handoff.countCheck?.entries) || !Array.isArray(handoff.countCheck.pages)) throw new Error(`${file}: the count check's entries and pages are missing from what astro build handed over.`);
  return handoff as Handoff;
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
          writeHandoff(handoff, { site, countCheck: countCheckInputs() });
          logger.info('Pages written; the search index and the steps after it run next, in a process of their own.');
          return;
        }
        await runAfterBuild(site, (label) => (message) => logger.fork(label).info(message));
      },
    },
  };
}
