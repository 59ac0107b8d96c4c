/**
 * The reader's way through: contacts that can be dialled, one path at a time, protocol print,
 * and the small things readers noticed. Phone and desktop widths where layout matters.
 */
import { test, expect } from '@playwright/test';

const PHONE = { width: 390, height: 844 };

test.describe('contacts', () => {
  test('a protocol names roles with a tel: link and links to the duty rota', async ({ page }) => {
    await page.goto('/protocols/crisis-escalation/');
    const who = page.getByRole('region', { name: 'Who to call' });
    const pr = who.getByRole('row', { name: /PR duty officer/ });
    await expect(pr.getByRole('link', { name: 'PR duty officer' })).toHaveAttribute('href', /\/contacts\/#pr-duty-officer$/);
    await expect(pr.locator('a[href^="tel:"]')).toHaveAttribute('href', 'tel:+442079460101');
    await expect(pr).toContainText('placeholder number');
    await expect(who.getByRole('link', { name: 'Duty rota and contacts' })).toBeVisible();
    await expect(page.getByText(/rota card/)).toHaveCount(0);
  });

  test('every protocol links to the duty rota and gives at least one tel: link', async ({ page }) => {
    await page.goto('/protocols/');
    const urls = await page.locator('main a[href*="/protocols/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
    const protocols = urls.filter((u) => /^\/protocols\/[^/]+\/$/.test(u));
    expect(protocols.length).toBeGreaterThanOrEqual(10);
    for (const url of protocols) {
      await page.goto(url);
      const who = page.getByRole('region', { name: 'Who to call' });
      await expect(who.getByRole('link', { name: 'Duty rota and contacts' }), url).toBeVisible();
      expect(await who.locator('a[href^="tel:"], a[href^="mailto:"]').count(), url).toBeGreaterThan(0);
    }
  });

  test('the duty rota page lists duty roles first with numbers, hours and out-of-hours routes', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('main').getByRole('link', { name: 'Duty rota and contacts' }).click();
    await expect(page).toHaveURL(/\/contacts\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duty rota and contacts');
    const duty = page.getByRole('region', { name: 'Duty roles' });
    const pr = duty.locator('#pr-duty-officer');
    await expect(pr.getByRole('heading', { name: 'PR duty officer' })).toBeVisible();
    await expect(pr.locator('a[href="tel:+442079460101"]')).toHaveText('+44 20 7946 0101');
    await expect(pr).toContainText('Out of hours:');
    await expect(page.getByRole('note')).toContainText('fictional');
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(10);
  });

  test('a team page gives its channels, not only a mailbox', async ({ page }) => {
    await page.goto('/teams/hub-response/');
    const reach = page.getByRole('region', { name: 'How to reach the team' });
    expect(await reach.locator('a[href^="tel:"]').count()).toBeGreaterThanOrEqual(1);
    await expect(reach).toContainText('#response-desk');
  });

  test('on a phone the contacts fit the screen', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/protocols/crisis-escalation/');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});
