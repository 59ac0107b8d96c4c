import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleIndex, fragmentUrl } from '../node/pagefind-bundle.ts';
import { checkedContent } from '../node/checked-content.ts';
import { checkCounts } from '../lib/count-check.ts';
import type { ValidEntry } from '../lib/validate-content.ts';
import { CONTENT_DIR } from '../node/content-layout.ts';
import { pageSearchInputs } from '../lib/search/record.ts';
import { StartSchema } from '../schemas/start.ts';
import { isListed } from '../lib/visibility.ts';
import type { FinishedSite } from '../node/finished-site.ts';

/** The URL of every page the built search index names (src/node/pagefind-bundle.ts reads its files). */
function searchUrls(dist: string): string[] {
  const bundle = join(dist, 'pagefind');
  if (!existsSync(join(bundle, 'pagefind-entry.json'))) return [];
  return bundleIndex(bundle).fragments.map((fragment) => fragmentUrl(bundle, fragment));
}

/**
 * What the count check compares the built site with: the entries the content check validated when
 * this build started (what the pages came from; only what the check reads of each), and the other
 * pages that belong in the search index (the published start-here pages).
 */
export interface CountCheckInputs {
  entries: ValidEntry[];
  pages: string[];
}

export function countCheckInputs(): CountCheckInputs {
  const { entries } = checkedContent(CONTENT_DIR);
  return {
    entries: entries.map(({ collection, id, file, data }) => ({ collection, id, file, data: { status: data.status } })),
    pages: pageSearchInputs(entries.filter((e) => e.collection === 'start' && isListed(e)).map((e) => ({ id: e.id, ...StartSchema.parse(e.data) }))).map((p) => p.path),
  };
}

/**
 * Runs after the search index is written (src/integrations/after-build.ts): nothing lost, nothing
 * leaked. Logs the numbers at the end of every build and throws on any mismatch. `inputs` are
 * taken from the content when not given (the process that built the site hands over its own).
 */
export function countCheckStep(site: FinishedSite, log: (message: string) => void, inputs: CountCheckInputs = countCheckInputs()): void {
  const started = performance.now();
  const { dist, base } = site;
  const strip = (u: string) => (base !== '/' && u.startsWith(base.replace(/\/$/, '')) ? u.slice(base.replace(/\/$/, '').length) : u);
  const result = checkCounts(
    inputs.entries,
    {
      hasPage: (url) => existsSync(join(dist, strip(url), 'index.html')),
      indexHtml: (c) => {
        const file = join(dist, c, 'index.html');
        return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      },
      searchUrls: searchUrls(dist),
    },
    base,
    inputs.pages,
  );
  if (result.problems.length) {
    const message = `Count check failed (${result.problems.length}):\n${result.problems.map((p) => `  ${p}`).join('\n')}`;
    const error = new Error(message);
    error.name = 'CountCheckError';
    error.stack = message;
    throw error;
  }
  log(`${result.summary} (${Math.round(performance.now() - started)} ms)`);
}
