/**
 * The reader's way through: contacts that can be dialled, one path at a time, protocol print,
 * and the small things readers noticed. Phone and desktop widths where layout matters.
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filesUnder } from './dist-files.ts';
import { axeViolations, violationLine, WCAG_TAGS } from './axe.ts';

/** The text of each page of a PDF in drawing order (table cells stay whole), through poppler's pdftotext. */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    writeFileSync(join(dir, 'p.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
      expect(await who.locator('a[href^="tel:"]').count(), `${url} has a tel: link`).toBeGreaterThan(0);
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

test.describe('one path at a time', () => {
  const STEP = '/policy/policy-at-a-glance/';

  test('a page on five paths shows no path panel to a reader on none of them, only one quiet line', async ({ page }) => {
    await page.goto(STEP);
    await expect(page.getByRole('checkbox', { name: 'I have done this step' })).toHaveCount(0);
    await expect(page.locator('nav.path-nav:visible')).toHaveCount(0);
    const others = page.getByRole('navigation', { name: 'Onboarding paths with this page' });
    await expect(others).toContainText(/A step on \d onboarding paths/);
    expect(await others.getByRole('link').count()).toBeGreaterThanOrEqual(4);
  });

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    test(`coming from a path shows that path only, with previous and next within it (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/paths/new-practitioner/');
      await page.locator('.path-steps li').first().getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${STEP}$`)); // the ?path= is taken off the address
      const panels = page.locator('nav.path-nav:visible');
      await expect(panels).toHaveCount(1);
      await expect(panels).toHaveAccessibleName(/Onboarding path: New practitioner/);
      await expect(panels).toContainText('step 1 of');
      await expect(page.getByRole('checkbox', { name: 'I have done this step' })).toHaveCount(1);
      const others = page.getByRole('navigation', { name: 'Onboarding paths with this page' });
      await expect(others).toContainText('Also a step on:');
      await expect(others.getByRole('link', { name: /New practitioner/ })).toBeHidden();
      // Next keeps the reader on the same path, and a reload remembers it.
      await panels.getByRole('link', { name: /^Next:/ }).click();
      await expect(page.locator('nav.path-nav:visible')).toHaveAccessibleName(/Onboarding path: New practitioner/);
      await expect(page.locator('nav.path-nav:visible')).toContainText('step 2 of');
      await page.goto(STEP);
      await expect(page.locator('nav.path-nav:visible')).toHaveAccessibleName(/Onboarding path: New practitioner/);
    });
  }

  test('a started path is the one shown, and its progress shows on /paths/, /start/ and the home page', async ({ page }) => {
    await page.goto('/paths/hr-partner/');
    const boxes = page.getByRole('checkbox', { name: /^Done: step/ });
    const total = await boxes.count();
    await boxes.nth(0).check();
    // A new tab: no ?path and no session, only stored progress.
    const tab = await page.context().newPage();
    await tab.goto(STEP);
    await expect(tab.locator('nav.path-nav:visible')).toHaveAccessibleName(/Onboarding path: HR business partners/);
    for (const url of ['/paths/', '/start/', '/']) {
      await tab.goto(url);
      const shown = tab.locator('[data-progress-summary]:visible');
      await expect(shown, url).toHaveCount(1);
      await expect(shown, url).toContainText(`1 of ${total} steps done`);
    }
  });

  test('the start page and the new practitioner path recommend the same phase guide', async ({ page }) => {
    await page.goto('/paths/new-practitioner/');
    const onPath = await page.locator('.path-steps a[href*="/phases/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(onPath.length).toBeGreaterThan(0);
    await page.goto('/start/new-practitioner/');
    const guide = page.getByRole('region', { name: 'Your phase guide' }).locator('a[href*="/phases/"]');
    expect(onPath).toContain(await guide.evaluate((a) => (a as HTMLAnchorElement).pathname));
  });

  test('/start/ lists the playbooks on each path, in the path\'s order, not the first five by name', async ({ page }) => {
    await page.goto('/paths/new-practitioner/');
    const onPath = await page.locator('.path-steps a[href*="/playbooks/"]').allTextContents();
    await page.goto('/start/');
    await expect(page.getByText('open most')).toHaveCount(0);
    const section = page.getByRole('region', { name: 'New to social media at the company' });
    const listed = await section.locator('h3:text("Playbooks on your path") + ul a').allTextContents();
    expect(listed.map((s) => s.trim())).toEqual(onPath.map((s) => s.trim()));
  });
});

test.describe('protocol print', () => {
  test('every protocol prints the first hour, the tiers and every contact on page 1, without reading aids', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/protocols/');
    const urls = [...new Set(await page.locator('main a[href*="/protocols/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)))].filter((u) => /^\/protocols\/[^/]+\/$/.test(u));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      await page.goto(url);
      const who = page.getByRole('region', { name: 'Who to call' });
      const roles = (await who.locator('tbody th').allTextContents()).map((t) => t.trim());
      const lastTier = (await page.locator('table.escalation-matrix').first().locator('tbody th').allTextContents()).at(-1)!.trim();
      const pages = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const first = pages[0]!.replace(/\s+/g, ' ');
      for (const text of ['In the first hour', 'Severity tiers', lastTier, 'Who to call', ...roles]) expect(first, `${url}: ${text}`).toContain(text.replace(/\s+/g, ' '));
      const all = pages.join(' ');
      for (const aid of ['Change history', 'I have done this step', 'On this page', 'Was this page useful', 'Print this protocol']) expect(all, `${url}: ${aid}`).not.toContain(aid);
      expect(pages.length, url).toBeLessThanOrEqual(5);
    }
  });

  test('in dark mode a protocol still prints black on white', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/protocols/crisis-escalation/');
    const box = page.locator('.panel.first-hour');
    const screen = await box.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(screen).not.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await box.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await box.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    test(`a protocol has a print button that prints (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      // Counting calls to the browser's print dialog, which a test cannot drive.
      await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
      await page.goto('/protocols/crisis-escalation/');
      const button = page.getByRole('button', { name: 'Print this protocol' });
      await expect(button).toBeInViewport();
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    });
  }
});

test.describe('small things readers saw', () => {
  test('the overdue banner reads "out of date. Its owner", with the space', async ({ page }) => {
    await page.goto('/playbooks/write-a-brand-voice-guide/');
    await expect(page.getByRole('note', { name: 'Review overdue' })).toContainText('may be out of date. Its owner,');
  });

  test('a withdrawn page says it is withdrawn and never "Review overdue"', async ({ page }) => {
    await page.goto('/playbooks/open-a-channel-checklist/');
    await expect(page.getByRole('note', { name: 'Withdrawn' })).toBeVisible();
    await expect(page.getByText(/Review overdue|Review due/)).toHaveCount(0);
    await expect(page.locator('dl.meta')).toContainText('None: withdrawn');
  });

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    test(`entry pages show no KEYWORDS block (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      for (const url of ['/playbooks/launch-a-channel/', '/protocols/crisis-escalation/', '/policy/brand-accounts/']) {
        await page.goto(url);
        await expect(page.locator('dl.meta')).toBeVisible();
        // The tags stay in the page, hidden, for the search index only.
        await expect(page.locator('dl.meta dt:visible', { hasText: /keywords/i }), url).toHaveCount(0);
        await expect(page.getByText(/^keywords$/i)).toBeHidden();
      }
    });
  }

  test('on a phone Escape closes the menu and returns focus to its button', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/');
    const menu = page.locator('details.menu');
    await menu.locator('summary').click();
    await expect(menu.getByRole('navigation')).toBeVisible();
    await menu.getByRole('link').first().focus();
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open');
    await expect(menu.locator('summary')).toBeFocused();
  });
});

test.describe('colour theme', () => {
  const bg = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const WHITE = 'rgb(255, 255, 255)';

  test('follows the system by default, remembers a choice, and applies it before any bundled script runs', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    await page.goto('/playbooks/');
    expect(await bg(page)).not.toBe(WHITE);
    const button = page.locator('header [data-theme-toggle]');
    await expect(button).toHaveAccessibleName('Theme: as system');
    await button.click();
    await expect(button).toHaveAccessibleName('Theme: light');
    expect(await bg(page)).toBe(WHITE);
    // A new page with every bundled script blocked: only the inline head script can set the theme.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto('/protocols/crisis-escalation/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await bg(page)).toBe(WHITE);
    await page.unroute('**/_astro/*.js');
    await page.goto('/');
    await button.click();
    await expect(button).toHaveAccessibleName('Theme: dark');
    await button.click();
    await expect(button).toHaveAccessibleName('Theme: as system');
    expect(await page.evaluate(() => localStorage.getItem('hub-theme'))).toBeNull();
    expect(await bg(page)).not.toBe(WHITE);
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  test('a dark choice overrides a light system, and the header still fits a 360 px phone', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    const button = page.locator('header [data-theme-toggle]');
    await expect(button).toBeInViewport();
    await button.click();
    await button.click();
    await expect(button).toHaveAccessibleName('Theme: dark');
    expect(await bg(page)).not.toBe(WHITE);
    await page.reload();
    expect(await bg(page)).not.toBe(WHITE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const header = await page.locator('header .bar').boundingBox();
    expect(header!.height).toBeLessThan(70);
    await context.close();
  });
});

test('axe with best-practice rules finds nothing on the pages this work changed, light and dark, desktop and phone', async ({ browser }) => {
  test.setTimeout(180_000);
  const urls = ['/protocols/crisis-escalation/', '/contacts/', '/policy/policy-at-a-glance/', '/start/', '/'];
  const failures: string[] = [];
  for (const mode of [{ colorScheme: 'light' as const, viewport: { width: 1280, height: 900 } }, { colorScheme: 'dark' as const, viewport: PHONE }]) {
    const context = await browser.newContext({ ...mode, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const url of urls) {
      await page.goto(url);
      const violations = await axeViolations(page, [...WCAG_TAGS, 'best-practice']);
      for (const v of violations) failures.push(violationLine(`${mode.colorScheme} ${url}`, v));
    }
    await context.close();
  }
  expect(failures).toEqual([]);
});

test.describe('lists a reader can scan', () => {
  test('/playbooks/ lists each playbook once, A to Z, and quick filters narrow it and stay on the address', async ({ page }) => {
    await page.goto('/playbooks/');
    const cards = page.locator('main .cards > li');
    const titles = (await cards.locator('h3').allTextContents()).map((t) => t.trim());
    expect(titles.length).toBeGreaterThanOrEqual(19);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const filters = page.getByRole('form', { name: 'Quick filters' });
    const status = filters.getByRole('status');
    await expect(status).toHaveText(`${titles.length} playbooks`);
    await filters.getByLabel('Phase').selectOption('1');
    await expect(status).toHaveText(new RegExp(`^Showing \\d+ of ${titles.length} playbooks$`));
    const shown = Number((await status.textContent())!.match(/Showing (\d+)/)![1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(titles.length);
    await expect(page.locator('main .cards > li:visible')).toHaveCount(shown);
    for (const badge of await page.locator('main .cards > li:visible .badge').filter({ hasText: /^Phases? / }).allTextContents()) expect(badge).toMatch(/Phases? 1\b|1[–-]/);
    await expect(page).toHaveURL(/\?phase=1$/);
    await page.reload();
    await expect(filters.getByLabel('Phase')).toHaveValue('1');
    await expect(page.locator('main .cards > li:visible')).toHaveCount(shown);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(status).toHaveText(`${titles.length} playbooks`);
    await expect(page).toHaveURL(/\/playbooks\/$/);
  });

  test('a channel filter keeps playbooks written for all channels', async ({ page }) => {
    await page.goto('/playbooks/?channel=tiktok');
    const visible = (await page.locator('main .cards > li:visible h3').allTextContents()).map((t) => t.trim());
    expect(visible.length).toBeGreaterThan(0);
    // Every playbook marked "All channels" serves TikTok too.
    await page.goto('/playbooks/');
    const all = (await page.locator('main .cards > li').filter({ hasText: 'All channels' }).locator('h3').allTextContents()).map((t) => t.trim());
    expect(all.length).toBeGreaterThan(0);
    for (const title of all) expect(visible).toContain(title);
  });

  test('/protocols/ lists each protocol once; "Consulted by" filters by who consults it', async ({ page }) => {
    await page.goto('/protocols/');
    const titles = (await page.locator('main .cards > li h3').allTextContents()).map((t) => t.trim());
    expect(titles.length).toBeGreaterThanOrEqual(11);
    expect(new Set(titles).size).toBe(titles.length);
    await page.getByRole('form', { name: 'Quick filters' }).getByLabel('Consulted by').selectOption('hr');
    const visible = page.locator('main .cards > li:visible');
    expect(await visible.count()).toBeGreaterThan(0);
    expect(await visible.count()).toBeLessThan(titles.length);
    for (const forBadge of await visible.locator('.badge').filter({ hasText: /^For / }).allTextContents()) expect(forBadge).toContain('HR');
  });

  test('without JavaScript the A–Z list is whole and no dead filters show', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/playbooks/?phase=1');
    await expect(page.getByRole('form', { name: 'Quick filters' })).toBeHidden();
    expect(await page.locator('main .cards > li:visible').count()).toBeGreaterThanOrEqual(19);
    await context.close();
  });

  test('on a phone the filters are short and the first playbook is on the first screen', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/playbooks/');
    await expect(page.getByRole('form', { name: 'Quick filters' })).toBeVisible();
    const first = await page.locator('main .cards > li').first().boundingBox();
    expect(first!.y).toBeLessThan(PHONE.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  test('entry pages have a sibling sidebar on wide screens, none on phones', async ({ page }) => {
    await page.goto('/playbooks/launch-a-channel/');
    const side = page.getByRole('navigation', { name: 'Playbooks' });
    await expect(side).toBeVisible();
    expect(await side.getByRole('link').count()).toBeGreaterThanOrEqual(20);
    const current = side.locator('a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(await page.getByRole('heading', { level: 1 }).textContent() ?? '');
    await page.setViewportSize(PHONE);
    await expect(side).toBeHidden();
  });

  test('"On this page" marks the section in view', async ({ page }) => {
    await page.goto('/protocols/crisis-escalation/');
    const toc = page.getByRole('navigation', { name: 'On this page' }).first();
    await expect(toc.locator('a[aria-current="true"]')).toHaveText('In the first hour');
    await page.locator('#who-to-call').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('who-to-call')!.scrollIntoView({ block: 'start' }));
    await expect(toc.locator('a[aria-current="true"]')).toHaveText('Who to call');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(toc.locator('a[aria-current="true"]')).toHaveText('Change history');
  });
});

test('a first visit stays within 40 KB compressed, 10 KB of it JavaScript', async ({ browser }) => {
  for (const url of ['/', '/protocols/crisis-escalation/', '/playbooks/', '/contacts/', '/policy/policy-at-a-glance/']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: { url: string; js: boolean; gz: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (r) => {
      pending.push(r.body().then((b) => { sizes.push({ url: r.url(), js: /\.m?js(\?|$)/.test(r.url()) || (r.headers()['content-type'] ?? '').includes('javascript'), gz: gzipSync(b).length }); }, () => undefined));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const total = sizes.reduce((n, s) => n + s.gz, 0);
    // Inline module scripts are in the HTML: count them as JavaScript too.
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''));
    const js = sizes.filter((s) => s.js).reduce((n, s) => n + s.gz, 0) + gzipSync(inline).length;
    console.log(`${url}: ${(total / 1024).toFixed(1)} KB compressed, ${(js / 1024).toFixed(1)} KB JavaScript`);
    expect(total, url).toBeLessThanOrEqual(40 * 1024);
    expect(js, url).toBeLessThanOrEqual(10 * 1024);
    await context.close();
  }
});

test.describe('terms explained where they appear', () => {
  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    test(`the phase 3 guide links "SME" once, and its definition opens in place by keyboard and by pointer (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/phases/integrating/');
      const prose = page.locator('.prose');
      await expect(prose.locator('a[href$="/glossary/#sme"]')).toHaveCount(1);
      expect(await prose.getByText(/\bSMEs?\b/).count()).toBeGreaterThan(3);
      // Never inside headings, links or code.
      await expect(page.locator(':is(h1, h2, h3, h4, a, code) .term')).toHaveCount(0);
      const hint = prose.getByRole('button', { name: 'What is “SME”?' });
      const pop = page.locator('#term-sme');
      await expect(pop).toBeHidden();
      await hint.focus();
      await page.keyboard.press('Enter');
      await expect(pop).toBeVisible();
      await expect(pop).toContainText('SME:');
      await expect(pop).toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(pop).toBeHidden();
      await hint.click();
      await expect(pop).toBeVisible();
    });
  }

  test('on a touch phone a tap opens the definition and a tap elsewhere closes it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto('/phases/integrating/');
    const pop = page.locator('#term-sme');
    await page.locator('.prose').getByRole('button', { name: 'What is “SME”?' }).tap();
    await expect(pop).toBeVisible();
    await expect(pop).toBeInViewport();
    await page.getByRole('heading', { level: 1 }).tap();
    await expect(pop).toBeHidden();
    await context.close();
  });

  test('every "?" in every built page opens a definition the page holds once, and no definition is there without its "?"', () => {
    let buttons = 0;
    for (const file of filesUnder('dist').filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join('dist', file), 'utf8');
      const targets = [...html.matchAll(/popovertarget="(term-[^"]+)"/g)].map((m) => m[1]);
      const popovers = [...html.matchAll(/<[^>]*\bid="(term-[^"]+)"[^>]*\bpopover="auto"/g)].map((m) => m[1]);
      expect(new Set(popovers).size, `${file}: a definition twice`).toBe(popovers.length);
      expect(popovers.toSorted(), file).toEqual([...new Set(targets)].toSorted());
      buttons += targets.length;
    }
    expect(buttons).toBeGreaterThan(100);
  });

  test('glossary terms on /glossary/ are links, and popovers stay out of the search index', async ({ page }) => {
    await page.goto('/glossary/');
    await expect(page.locator('#sme dt a[href="#sme"]')).toBeVisible();
    await page.goto('/phases/integrating/');
    await expect(page.locator('.term-pop:not([data-pagefind-ignore])')).toHaveCount(0);
  });
});

test.describe('the assessment on a phone', () => {
  async function sharedLink(page: import('@playwright/test').Page): Promise<string> {
    await page.goto('/assessment/');
    const count = await page.locator('fieldset.question').count();
    await page.locator('fieldset.question').first().locator('input').last().focus();
    for (let i = 0; i < count; i++) {
      if (i > 0) await page.keyboard.press('Tab');
      for (let k = 0; k < 2; k++) await page.keyboard.press('ArrowDown');
    }
    return page.getByLabel('Link to these answers').inputValue();
  }

  test('a shared link opens at the result, with a way back to the answers, and the scores fit the screen', async ({ page, browser }) => {
    const link = await sharedLink(page);
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(link);
    const heading = phone.getByRole('heading', { name: 'Your result' });
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    await expect(phone.locator('.result-phase')).toContainText('phase 2');
    const table = phone.getByRole('table', { name: /Scores by dimension/ });
    const fits = await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1);
    expect(fits).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('link', { name: 'Back to the answers' }).click();
    await expect(phone.locator('fieldset.question').first()).toBeInViewport();
    await context.close();
  });

  test('"Start over" asks first, and "Keep my answers" keeps them', async ({ page }) => {
    await sharedLink(page);
    const progress = page.locator('.assessment-progress');
    const before = await progress.textContent();
    await page.getByRole('button', { name: 'Start over' }).click();
    const ask = page.getByRole('group', { name: 'Start over?' });
    await expect(ask).toBeVisible();
    await expect(progress).toHaveText(before!);
    await ask.getByRole('button', { name: 'Keep my answers' }).click();
    await expect(ask).toBeHidden();
    await expect(progress).toHaveText(before!);
    await expect(page.getByRole('button', { name: 'Start over' })).toBeFocused();
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Yes, clear my answers' }).click();
    await expect(progress).toContainText('0 of');
  });
});
