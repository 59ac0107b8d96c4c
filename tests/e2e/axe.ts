/**
 * axe-core, run in the page: the violations of the given rule tags (WCAG levels, best practice).
 * The engine's own `axe.run` in the page's main frame (the portal's pages have no frames), with
 * only violations collected: about a fifth of the time @axe-core/playwright takes per page, which
 * opens a blank page for every analysis to merge frame results the portal does not have.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeWindow = { axe?: { run: (context: ElementContext, options: RunOptions) => Promise<AxeResults> } };

/** axe's violations on the page as it is now, within `include` (CSS selectors) or the whole document. */
export async function axeViolations(page: Page, tags: string[] = WCAG_TAGS, include?: string[]): Promise<AxeResults['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include }) => {
      const { axe } = window as unknown as AxeWindow;
      if (!axe) throw new Error('axe-core did not load in the page');
      const results = await axe.run(include ? { include } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations;
    },
    { tags, include },
  );
}

/** One violation as a line of a sweep's report: where, the rule, its help, the first three elements. */
export const violationLine = (where: string, v: AxeResults['violations'][number]): string =>
  `${where} [${v.id}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`;
