import { test, expect } from '@playwright/test';

test('an overdue entry says since when and who owns it', async ({ page }) => {
  // write-a-brand-voice-guide was last reviewed 2025-08-14 with a 12-month cycle.
  await page.goto('/playbooks/write-a-brand-voice-guide/');
  const banner = page.getByRole('note', { name: 'Review overdue' });
  await expect(banner).toContainText('Review overdue since 14 August 2026');
  await banner.getByRole('link').click();
  await expect(page).toHaveURL(/\/teams\/hub-editorial\/$/);
  await expect(page.getByRole('row', { name: /Write a brand voice guide/ }).getByText('Review overdue')).toBeVisible();
});

test('a fresh entry has no overdue banner but shows owner, last and next review', async ({ page }) => {
  await page.goto('/protocols/crisis-escalation/');
  await expect(page.getByRole('note', { name: 'Review overdue' })).toHaveCount(0);
  await expect(page.locator('dl.meta')).toContainText('Controlled document');
  await expect(page.locator('dl.meta')).toContainText(/Next review\s*\d+ \w+ \d{4}/);
});

test('change history is listed newest first with major and minor changes', async ({ page }) => {
  await page.goto('/policy/brand-accounts/');
  const rows = page.getByRole('table', { name: /Changes to this page/ }).locator('tbody tr');
  const dates = await rows.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThanOrEqual(2);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(rows.getByText('Major').first()).toBeVisible();
});

test('the feedback link goes to the owner team with the page title and address filled in', async ({ page }) => {
  await page.goto('/playbooks/launch-a-channel/');
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  const href = (await page.getByRole('link', { name: 'Send feedback or report a problem' }).getAttribute('href'))!;
  const url = new URL(href);
  const text = decodeURIComponent(url.search.replace(/\+/g, ' '));
  expect(text).toContain(title);
  expect(text).toContain('/playbooks/launch-a-channel/');
  expect(url.protocol === 'mailto:' || url.protocol === 'https:').toBe(true);
});

test("What's new lists changes newest first and links to the feed", async ({ page }) => {
  await page.goto('/whats-new/');
  const dates = await page.locator('main .entry-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThan(20);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/feed.xml');
});

test('the Atom feed holds major changes of published pages only', async ({ request }) => {
  const res = await request.get('/feed.xml');
  expect(res.headers()['content-type']).toContain('xml');
  const xml = await res.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  const entries = xml.match(/<entry>/g) ?? [];
  expect(entries.length).toBeGreaterThan(10);
  expect(xml).not.toContain('open-a-channel-checklist');
  expect(xml).not.toContain('run-a-live-q-and-a');
  // Every entry in the feed is a major change: compare with the content's minor notes.
  expect(xml).not.toContain('Updated the tagging scheme with a tag for legal holds.');
});

test('the sitemap lists published pages with canonical URLs and nothing withdrawn or draft', async ({ request, page }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs.length).toBeGreaterThan(100);
  expect(locs.some((l) => l.endsWith('/protocols/crisis-escalation/'))).toBe(true);
  expect(locs.filter((l) => /open-a-channel-checklist|run-a-live-q-and-a|\/search\//.test(l))).toEqual([]);
  await page.goto('/protocols/crisis-escalation/');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', locs.find((l) => l.endsWith('/protocols/crisis-escalation/'))!);
});

test('protocols and policy chapters print on one clean column with URL, version and review dates', async ({ page }) => {
  // A wide screen, where the sidebar and "On this page" stand beside the text.
  await page.setViewportSize({ width: 1400, height: 900 });
  const pages = [
    // Dates from the entries' front matter: a policy chapter carries a version, a protocol none.
    { url: '/policy/brand-accounts/', line: /\/policy\/brand-accounts\/ · Version 3\.1, effective 1 July 2026 · Last reviewed 2 November 2026 · Next review 2 November 2027$/ },
    { url: '/protocols/crisis-escalation/', line: /\/protocols\/crisis-escalation\/ · Last reviewed 14 October 2026 · Next review 14 April 2027$/ },
  ];
  for (const { url, line } of pages) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(url);
    await expect(page.locator('.page > .sidebar')).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.site-footer', '.page > .sidebar', '.page > .toc', '.page > .toc-fold', '.breadcrumbs']) {
      await expect(page.locator(chrome), `${url} prints without ${chrome}`).toBeHidden();
    }
    // One column: the text is the only thing on the page's width, and takes all of it.
    const { pageWidth, columns } = await page.locator('.page').evaluate((el) => ({
      pageWidth: el.getBoundingClientRect().width,
      columns: [...el.children].filter((c) => c.getBoundingClientRect().width > 0).map((c) => ({ tag: c.tagName, left: c.getBoundingClientRect().left, width: c.getBoundingClientRect().width })),
    }));
    expect(columns.map((c) => c.tag), url).toEqual(['MAIN']);
    expect(columns[0]!.width, url).toBeGreaterThan(pageWidth * 0.98);
    await expect(page.locator('article .print-only').first()).toHaveText(line);
  }
});

test('on paper, a link to another site shows its address; links within the portal do not', async ({ page }) => {
  await page.goto('/playbooks/launch-a-channel/');
  // Shipped pages link within the portal only: add one outside link to the real page's body.
  await page.evaluate(() => {
    const a = Object.assign(document.createElement('a'), { href: 'https://standards.example/accessibility', textContent: 'the standard' });
    document.querySelector('.prose')!.append(a);
  });
  const after = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await after('.prose a[href^="https://standards"]')).toBe('none');
  await page.emulateMedia({ media: 'print' });
  expect(await after('.prose a[href^="https://standards"]')).toMatch(/\(.*https:\/\/standards\.example\/accessibility|attr\(href\)/);
  expect(await after('.prose a[href^="/"]')).toBe('none');
});
