/**
 * axe (WCAG 2.2 A and AA rules): every page of the built site in the light theme, and every
 * template (see templateUrls) in the dark theme and at phone width. Zero violations is the bar.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { siteUrls, templateUrls } from './site-urls.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MODES = [
  { name: 'light', colorScheme: 'light' as const, viewport: { width: 1280, height: 900 }, urls: siteUrls(), chunks: 4 },
  { name: 'dark', colorScheme: 'dark' as const, viewport: { width: 1280, height: 900 }, urls: templateUrls(), chunks: 1 },
  { name: 'phone', colorScheme: 'light' as const, viewport: { width: 375, height: 740 }, urls: templateUrls(), chunks: 1 },
];

for (const mode of MODES) {
  const { urls, chunks: CHUNKS } = mode;
  for (let i = 0; i < CHUNKS; i++) {
    test(`axe, ${mode.name}, pages ${i + 1}/${CHUNKS}`, async ({ browser }) => {
      test.setTimeout(300_000);
      const context = await browser.newContext({ colorScheme: mode.colorScheme, viewport: mode.viewport, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const url of urls.filter((_, n) => n % CHUNKS === i)) {
        await page.goto(url);
        if (url.startsWith('/search/?q=')) await expect(page.locator('.search-main [role=status]')).toContainText('for “');
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of violations) failures.push(`${url} [${v.id}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await context.close();
      expect(failures).toEqual([]);
    });
  }
}

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
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await context.close();
  }
});
