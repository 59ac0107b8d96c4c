import { test, expect, type Page } from '@playwright/test';
import { holdIsland } from './hold-island.ts';

const questions = (page: Page) => page.locator('fieldset.question');

/**
 * Answer every question by keyboard: Tab into each radio group (its checked "skip" option) and
 * press ArrowDown `pick(i)` times, which wraps to option 1, 2, 3 or 4.
 */
async function answerByKeyboard(page: Page, pick: (i: number) => number) {
  const count = await questions(page).count();
  await questions(page).first().locator('input').last().focus();
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    for (let k = 0; k < pick(i); k++) await page.keyboard.press('ArrowDown');
  }
  return count;
}

test('the assessment by keyboard gives a phase, per dimension and overall, with next moves', async ({ page }) => {
  await page.goto('/assessment/');
  const count = await answerByKeyboard(page, () => 3);
  expect(count).toBeGreaterThanOrEqual(15);
  await expect(page.locator('.assessment-progress')).toContainText(`${count} of ${count}`);
  await expect(page.locator('.result-phase')).toContainText('phase 3: Integrating');
  const table = page.getByRole('table', { name: /Scores by dimension/ });
  expect(await table.locator('tbody tr').count()).toBe(7);
  await expect(table.locator('tbody tr').first()).toContainText('3, 3');
  await expect(page.getByRole('img', { name: /Profile by dimension/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your next moves' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'phase 3 guide' })).toHaveAttribute('href', '/phases/integrating/');
  expect(await page.locator('.assessment-result h3 + ul a').count()).toBeGreaterThan(0);
});

test('a shared link gives the same result in a new browser', async ({ page, browser }) => {
  await page.goto('/assessment/');
  await answerByKeyboard(page, (i) => (i % 2 ? 4 : 2));
  const result = (await page.locator('.result-phase').textContent())!;
  const shared = await page.getByLabel('Link to these answers').inputValue();
  expect(shared).toMatch(/\?a=[0-4]+&v=\w+$/);
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(shared);
  await expect(fresh.locator('.result-phase')).toHaveText(result);
  await other.close();
});

test('a half-answered form says what is missing, and is resumed after a reload', async ({ page }) => {
  await page.goto('/assessment/');
  await answerByKeyboard(page, (i) => (i < 5 ? 2 : 0));
  await expect(page.locator('.result-phase')).toContainText('Not enough answers');
  await expect(page.locator('.assessment-progress')).toContainText('5 of');
  await page.goto('/assessment/');
  await expect(page.getByRole('status').filter({ hasText: 'restored from this browser' })).toBeVisible();
  await expect(page.locator('.assessment-progress')).toContainText('5 of');
  await expect(page.getByRole('link', { name: 'Go to the first unanswered question' })).toBeVisible();
});

test('the result prints without the questionnaire', async ({ page }) => {
  await page.goto('/assessment/');
  await answerByKeyboard(page, () => 1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('form.questionnaire')).toBeHidden();
  await expect(page.locator('.result-phase')).toContainText('phase 1');
});

test('the phases map marks where the last assessment placed you', async ({ page }) => {
  await page.goto('/assessment/');
  await answerByKeyboard(page, () => 4);
  await expect(page.locator('.result-phase')).toContainText('phase 4');
  await page.goto('/phases/');
  await expect(page.locator('[data-phase-card="4"]')).toContainText('You are here');
  await expect(page.locator('[data-phase-card="2"] [data-you-are-here]')).toBeHidden();
});

test('answers from the URL are digits or nothing: a payload changes nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(`/assessment/?a=${encodeURIComponent('<img src=x onerror=alert(1)>')}&v=${encodeURIComponent('"><script>alert(2)</script>')}`);
  await expect(page.locator('.assessment-progress')).toContainText('0 of');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('path progress: tick steps, keep them over a reload, see them on entry pages and the home page', async ({ page }) => {
  await page.goto('/paths/new-practitioner/');
  const boxes = page.getByRole('checkbox', { name: /^Done: step/ });
  expect(await boxes.count()).toBeGreaterThanOrEqual(6);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const total = await boxes.count();
  await expect(page.locator('[data-progress-count]')).toHaveText(`2 of ${total} steps done`);
  await page.reload();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(2)).not.toBeChecked();
  await expect(page.locator('[data-progress-count]')).toHaveText(`2 of ${total} steps done`);

  const third = page.locator('.path-steps li').nth(2).getByRole('link').first();
  const thirdTitle = (await third.textContent())!.trim();
  await third.click();
  const nav = page.getByRole('navigation', { name: /Onboarding path: New practitioner/i });
  await expect(nav).toContainText('step 3 of');
  await nav.getByRole('checkbox', { name: 'I have done this step' }).check();

  await page.goto('/');
  const cont = page.getByRole('region', { name: 'Continue where you left off' });
  await expect(cont).toBeVisible();
  await expect(cont).toContainText(`3 of ${total} steps done`);
  await expect(cont.getByRole('link').nth(1)).not.toHaveText(thirdTitle);
});

test('without JavaScript the path page has no dead checkboxes', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/paths/new-practitioner/');
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.locator('.path-steps li').first()).toBeVisible();
  await context.close();
});

test('answers given before the page wakes up are kept', async ({ page }) => {
  // Hold the island's code back while the reader answers (the radios work without script).
  const release = await holdIsland(page, 'Assessment');
  await page.goto('/assessment/', { waitUntil: 'domcontentloaded' });
  await questions(page).nth(0).getByRole('radio').first().check();
  await questions(page).nth(1).getByRole('radio').nth(2).check();
  release();
  await expect(page.locator('.assessment-progress')).toContainText('2 of');
  await expect(questions(page).nth(1).getByRole('radio').nth(2)).toBeChecked();
});
