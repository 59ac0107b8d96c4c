/**
 * axe (WCAG 2.2 A and AA rules) on every template (see templateUrls) in the light theme, the dark
 * theme and at phone width. `npm run test:full` adds every other page of the site in the light
 * theme (every-page.spec.ts). Zero violations is the bar.
 */
import { test, expect, type Browser } from '@playwright/test';
import { chunk, templateUrls } from './site-urls.ts';
import { axeViolations, violationLine } from './axe.ts';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
type Mode = { name: string; colorScheme: 'light' | 'dark'; viewport: { width: number; height: number } };
const LIGHT: Mode = { name: 'light', colorScheme: 'light', viewport: DESKTOP };
const MODES: Mode[] = [LIGHT, { name: 'dark', colorScheme: 'dark', viewport: DESKTOP }, { name: 'phone', colorScheme: 'light', viewport: PHONE }];

/** axe on each url in one browser context; returns one line per violation. */
async function sweep(browser: Browser, mode: Mode, urls: string[]): Promise<string[]> {
  const context = await browser.newContext({ colorScheme: mode.colorScheme, viewport: mode.viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const url of urls) {
    await page.goto(url);
    if (url.startsWith('/search/?q=')) await expect(page.locator('.search-main [role=status]')).toContainText('for “');
    const violations = await axeViolations(page);
    for (const v of violations) failures.push(violationLine(url, v));
  }
  await context.close();
  return failures;
}

const templates = templateUrls();
const TEMPLATE_CHUNKS = 2;
for (const mode of MODES) {
  for (let i = 0; i < TEMPLATE_CHUNKS; i++) {
    test(`axe, ${mode.name}, every template ${i + 1}/${TEMPLATE_CHUNKS}`, async ({ browser }) => {
      test.setTimeout(300_000);
      expect(await sweep(browser, mode, chunk(templates, i, TEMPLATE_CHUNKS))).toEqual([]);
    });
  }
}

test('the axe helper reports what axe finds: a missing alt text, a nameless button, low contrast, only within the part asked for', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <section class="part"><button></button><p style="color:#bbb;background:#fff">Faint text</p></section>
  </main></body></html>`);
  expect((await axeViolations(page)).map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast', 'image-alt']);
  expect((await axeViolations(page, undefined, ['.part'])).map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast']);
});

test('axe on the open search dialog with results, in both themes', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/playbooks/');
    await page.keyboard.press('/');
    await expect(page.getByRole('combobox', { name: 'Search the portal' })).toBeFocused();
    await page.keyboard.type('influencer');
    await expect(page.getByRole('dialog').getByRole('status')).toContainText('results');
    await page.keyboard.press('ArrowDown');
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await context.close();
  }
});
