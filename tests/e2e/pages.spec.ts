import { test, expect, type Page } from '@playwright/test';

/** One page of each type, with the heading it must show. */
const PAGES: [string, RegExp][] = [
  ['/', /Social media, done well/],
  ['/start/', /Start here/],
  ['/policy/', /Social media policy/],
  ['/policy/policy-at-a-glance/', /./],
  ['/phases/', /adoption curve/],
  ['/phases/operationalizing-and-scaling/', /./],
  ['/playbooks/', /Playbooks/],
  ['/playbooks/launch-a-channel/', /./],
  ['/case-studies/', /Case studies/],
  ['/case-studies/cloud-services-outage-recovery/', /./],
  ['/protocols/', /Protocols/],
  ['/protocols/crisis-escalation/', /./],
  ['/glossary/', /Glossary/],
  ['/spokes/', /Spokes/],
  ['/spokes/customer-care/', /./],
  ['/paths/', /Onboarding paths/],
  ['/paths/new-practitioner/', /./],
  ['/teams/', /Teams/],
  ['/teams/hub-response/', /./],
];

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

for (const [path, heading] of PAGES) {
  test(`${path} renders with its heading, landmarks and no errors`, async ({ page }) => {
    const errors = watchErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Search the portal' })).toBeVisible();
});

test('the header navigation reaches every section and marks the current one', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  for (const name of ['Policy', 'Phases', 'Playbooks', 'Protocols', 'Case studies', 'Paths', 'Spokes', 'Glossary', 'Start here']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/playbooks/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main')).toBeFocused();
});

test('breadcrumbs lead back to the collection', async ({ page }) => {
  await page.goto('/playbooks/launch-a-channel/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await crumbs.getByRole('link', { name: 'Playbooks' }).click();
  await expect(page).toHaveURL(/\/playbooks\/$/);
});

test('an index lists its entries and each link opens the entry', async ({ page }) => {
  await page.goto('/protocols/');
  const links = page.locator('.card h3 a');
  expect(await links.count()).toBeGreaterThanOrEqual(10);
  // Every link, not only the first: each opens a page whose heading is the link's text.
  const cards = await links.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
  const opened = await page.evaluate(async (list) => Promise.all(list.map(async ({ href }) => {
    const res = await fetch(href);
    return { status: res.status, h1: new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('h1')?.textContent?.trim() };
  })), cards);
  expect(opened).toEqual(cards.map(({ text }) => ({ status: 200, h1: text })));
  const first = links.first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});
