import { test, expect, type Page } from '@playwright/test';

/** Press Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, matches: (el: { text: string; href: string | null }) => boolean, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { text: (a?.textContent ?? '').trim(), href: a?.getAttribute('href') ?? null, outline: a ? getComputedStyle(a).outlineStyle : 'none' };
    });
    expect(el.outline, `focus on "${el.text}" must be visible`).not.toBe('none');
    if (matches(el)) return;
  }
  throw new Error('The element was not reached by keyboard');
}

test('keyboard only: home → protocols → a protocol → its first-hour steps and sections', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, (el) => el.text === 'Protocols' && el.href === '/protocols/');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/protocols\/$/);
  await tabTo(page, (el) => el.href === '/protocols/crisis-escalation/');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crisis escalation');
  await tabTo(page, (el) => el.href === '#who-to-call', 200);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#who-to-call$/);
  await tabTo(page, (el) => el.text === 'Send feedback or report a problem', 200);
});

test('keyboard only on a phone: the menu opens with Enter and its links are reachable', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await tabTo(page, (el) => el.text === 'Menu');
  await page.keyboard.press('Enter');
  await tabTo(page, (el) => el.text === 'Glossary' && el.href === '/glossary/');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary\/$/);
});

test('keyboard only: the search page, its filters and a result', async ({ page }) => {
  await page.goto('/search/');
  await page.getByLabel('Search for').focus();
  await page.keyboard.type('house rules');
  await expect(page.locator('.search-main [role=status]')).toContainText('results for “house rules”');
  await page.keyboard.press('Tab'); // sort
  await expect(page.getByLabel('Sort by')).toBeFocused();
  await page.keyboard.press('Tab'); // first filter checkbox
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/type=/);
  // A new answer resets the row choice: wait for it before choosing.
  await expect(page.locator('.search-main [role=status]')).toContainText('with the chosen filters');
  await page.getByLabel('Search for').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/search\//);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
