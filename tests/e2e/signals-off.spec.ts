/**
 * Without HUB_SIGNALS=1 (the default build these tests run on) the portal sends nothing: no
 * endpoint, no script, no helpfulness question, and no request leaves for the signal path while a
 * reader searches and opens a result. (tests/e2e/nginx.spec.ts covers a build with signals on.)
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNAL_PATH } from '../../src/lib/signals.ts';

test('a default build has no signal endpoint, script or question on any page', () => {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.html')) pages.push(join(dir, e.name));
    }
  };
  walk('dist');
  expect(pages.length).toBeGreaterThan(50);
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    expect(html, file).not.toContain('hub-signals');
    expect(html, file).not.toContain('Signals.astro');
    expect(html, file).not.toContain('data-helpful');
  }
});

test('searching and opening a result sends no request to the signal path', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => r.url().includes(SIGNAL_PATH) && sent.push(r.url()));
  await page.goto('/search/');
  await page.getByRole('combobox', { name: 'Search for' }).fill('holding statement');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “holding statement”');
  await page.locator('#search-page-results [role=option]').first().click();
  await expect(page).not.toHaveURL(/\/search\//);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('form[data-helpful]')).toHaveCount(0);
  await page.goto('/');
  expect(sent).toEqual([]);
});
