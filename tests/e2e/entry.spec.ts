import { test, expect, type Locator } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { siteUrls } from './site-urls.ts';

/** The `related` keys (collection/id) an entry's source file declares. */
function relatedOf(collection: string, id: string): string[] {
  const file = readdirSync(`content/${collection}`).find((f) => f.replace(/\.mdx?$/, '') === id);
  if (!file) throw new Error(`no source for /${collection}/${id}/`);
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/${collection}/${file}`, 'utf8'))?.[1] ?? '';
  return ((parse(frontmatter) as { related?: string[] }).related ?? []);
}

test('an entry shows its metadata: owner, audiences, phase, review dates', async ({ page }) => {
  await page.goto('/playbooks/launch-a-channel/');
  const about = page.locator('dl.meta');
  await expect(about.getByText('Owner')).toBeVisible();
  await expect(about.getByRole('link', { name: /Hub editorial|editorial/i })).toBeVisible();
  await expect(about.getByText('For', { exact: true })).toBeVisible();
  await expect(about.getByText(/^Phases?$/)).toBeVisible();
  await expect(about.getByText('Last reviewed')).toBeVisible();
  await expect(about.getByText('Next review')).toBeVisible();
  await expect(about.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
});

test('a policy chapter shows version, effective date, controlled status and history', async ({ page }) => {
  await page.goto('/policy/brand-accounts/');
  const about = page.locator('dl.meta');
  await expect(about.getByText('Version')).toBeVisible();
  await expect(about.getByText(/effective \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(about.getByText('Controlled document')).toBeVisible();
  const history = page.getByRole('table', { name: /Changes to this page/ });
  expect(await history.getByRole('row').count()).toBeGreaterThanOrEqual(3);
});

test('the table of contents links to sections that exist', async ({ page }) => {
  await page.goto('/phases/operationalizing-and-scaling/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThan(4);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    expect(await page.locator(href.replace(/^#/, '[id="') + '"]').count(), href).toBe(1);
  }
});

test('a protocol opens with the first hour and renders its escalation matrix from frontmatter', async ({ page }) => {
  await page.goto('/protocols/crisis-escalation/');
  // Sentences built from separate template parts keep their space ("… leads. Serves the policy …").
  await expect(page.getByText(/\. Serves the policy section/)).toBeVisible();
  const firstHour = page.getByRole('region', { name: 'In the first hour' });
  await expect(firstHour).toBeVisible();
  expect(await firstHour.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  // Once on screen; a print-only copy puts the tiers on the first printed page (see reader.spec.ts).
  const matrix = page.locator('table.escalation-matrix:visible');
  await expect(matrix).toHaveCount(1);
  await expect(matrix.getByRole('columnheader', { name: 'First response' })).toBeVisible();
  expect(await matrix.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('region', { name: 'Who to call' })).toBeVisible();
});

test('MDX components render: callout, do/don\'t, steps, checklist', async ({ page }) => {
  await page.goto('/playbooks/accessible-posts/');
  await expect(page.locator('aside.callout').first()).toBeVisible();
  await expect(page.locator('.do-dont').first().getByRole('heading', { name: /Do/ }).first()).toBeVisible();
  await expect(page.locator('.steps ol > li').first()).toBeVisible();
  await expect(page.getByRole('group', { name: /./ }).locator('li').first()).toBeVisible();
});

test('related entries and feedback link are on every entry', async ({ page }) => {
  // Every document entry the site lists, read in one page with the browser's own HTML parser.
  const entries = siteUrls().filter((url) => /^\/(policy|phases|playbooks|case-studies|protocols)\/[^/]+\/$/.test(url));
  expect(entries.length).toBeGreaterThan(50);
  await page.goto('/');
  const pages = await page.evaluate(async (urls) => Promise.all(urls.map(async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    const feedback = [...doc.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Send feedback or report a problem');
    return {
      url,
      title: doc.querySelector('h1')?.textContent?.trim() ?? '',
      feedback: feedback?.getAttribute('href') ?? '',
      related: [...doc.querySelectorAll('section[aria-labelledby=related] a')].map((a) => a.getAttribute('href')),
    };
  })), entries);
  for (const { url, title, feedback, related } of pages) {
    // Each entry the source names as related is linked (published entries may only name published ones).
    const [, collection, id] = url.split('/');
    const declared = relatedOf(collection!, id!);
    for (const key of declared) {
      // A glossary term is linked where the glossary defines it; every other entry at its page.
      const [kind, target] = key.split('/');
      expect(related, `${url} links to related ${key}`).toContainEqual(kind === 'glossary' ? `/glossary/#${target}` : `/${key}/`);
    }
    if (declared.length) expect(related.length, url).toBeGreaterThan(0);
    // The feedback link names this page: its title and its own address, not a neighbour's.
    const text = decodeURIComponent(new URL(feedback, 'http://x/').search.replace(/\+/g, ' '));
    expect(feedback, `${url} has a feedback link`).toMatch(/^(mailto:|https:)/);
    expect(text, url).toContain(`Feedback on "${title}"`);
    expect(text, url).toMatch(new RegExp(`Page: \\S*${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
  }
});

test('an entry on a path shows step N of M with next and previous', async ({ page }) => {
  await page.goto('/paths/new-practitioner/');
  const second = page.locator('.path-steps li').nth(1).getByRole('link');
  const title = (await second.textContent())!.trim();
  await second.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const nav = page.getByRole('navigation', { name: /Onboarding path: /i }).first();
  await expect(nav).toContainText(/step 2 of \d+/);
  await expect(nav.getByRole('link', { name: /Previous:/ })).toBeVisible();
});

test('on a phone the menu opens the navigation', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const wide = page.getByRole('navigation', { name: 'Main', exact: true });
  await expect(wide).toBeHidden();
  await page.getByText('Menu', { exact: true }).click();
  const menu = page.getByRole('navigation', { name: 'Main (menu)' });
  await menu.getByRole('link', { name: 'Protocols' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protocols');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('lists work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/playbooks/');
  expect(await page.locator('.card h3 a').count()).toBeGreaterThanOrEqual(16);
  await page.goto('/glossary/');
  expect(await page.locator('dl.glossary dt').count()).toBeGreaterThanOrEqual(50);
  await context.close();
});

test('dark theme follows the reader\'s setting', async ({ browser }) => {
  const light = await browser.newContext({ colorScheme: 'light' });
  const dark = await browser.newContext({ colorScheme: 'dark' });
  const bg = async (ctx: typeof light) => {
    const page = await ctx.newPage();
    await page.goto('/');
    return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  };
  const [l, d] = [await bg(light), await bg(dark)];
  expect(l).toBe('rgb(255, 255, 255)');
  expect(d).not.toBe(l);
  await light.close();
  await dark.close();
});

test('on a phone the table of contents is one closed line above the title; it opens from the keyboard and jumps', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/protocols/crisis-escalation/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toHaveCount(1); // the wide-screen list is hidden, not a second landmark
  const summary = toc.locator('summary');
  await expect(toc.getByRole('link').first()).toBeHidden();
  const tocBox = (await toc.boundingBox())!;
  const h1Box = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(tocBox.y).toBeLessThan(h1Box.y);
  expect(tocBox.height).toBeLessThan(60); // one line, not a screenful of links
  // The first-hour steps start on the first screen.
  const firstHour = (await page.getByRole('region', { name: 'In the first hour' }).boundingBox())!;
  expect(firstHour.y).toBeLessThan(844);
  // Reached by Tab after the header, before the content; Enter opens it; a link jumps to its section.
  await summary.focus();
  await page.keyboard.press('Enter');
  const link = toc.getByRole('link', { name: 'Severity tiers' });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#severity-tiers$/);
  await expect(page.locator('[id="severity-tiers"]')).toBeInViewport();
  const order = await page.evaluate(() => {
    const first = (sel: string) => document.querySelector(sel)!;
    return first('.toc-fold summary').compareDocumentPosition(first('main article a')) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
});

test('on a wide screen the table of contents is a list beside the content', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/protocols/crisis-escalation/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toHaveCount(1);
  await expect(toc.getByRole('link', { name: 'Severity tiers' })).toBeVisible();
  const tocBox = (await toc.boundingBox())!;
  const mainBox = (await page.locator('main').boundingBox())!;
  expect(tocBox.x).toBeGreaterThan(mainBox.x + mainBox.width - 1);
});

test('on a phone the header is one row: brand, Search and Menu', async ({ page }) => {
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/playbooks/launch-a-channel/');
    const header = page.locator('.site-header');
    const centre = async (part: Locator) => {
      const box = (await part.boundingBox())!;
      return box.y + box.height / 2;
    };
    const brand = await centre(header.getByRole('link', { name: /^Social Hub/ }));
    const search = await centre(header.getByRole('link', { name: 'Search' }));
    const menu = await centre(header.locator('.menu > summary'));
    expect(Math.abs(search - brand), `width ${width}`).toBeLessThan(8);
    expect(Math.abs(menu - brand), `width ${width}`).toBeLessThan(8);
    expect((await header.boundingBox())!.height, `width ${width}`).toBeLessThan(70);
  }
});

test('on a phone the crisis protocol shows every tier whole and its templates wrap', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/protocols/crisis-escalation/');
  const cells = page.locator('table.escalation-matrix td, table.escalation-matrix th[scope=row]');
  expect(await cells.count()).toBeGreaterThan(8);
  for (const box of await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.right).toBeLessThanOrEqual(390);
  }
  // Each cell still says which column it is.
  await expect(page.locator('table.escalation-matrix td').first()).toHaveAttribute('data-label', 'What it looks like');
  for (const [scroll, client] of await page.locator('main pre').evaluateAll((els) => els.map((e) => [e.scrollWidth, e.clientWidth]))) {
    expect(scroll).toBeLessThanOrEqual(client!);
  }
});

test('the home page lists every protocol under "Something is happening right now?"', async ({ page }) => {
  await page.goto('/protocols/');
  const all = new Set(await page.locator('main a[href^="/protocols/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).filter((h) => h !== '/protocols/')));
  await page.goto('/');
  const urgent = await page.getByRole('region', { name: 'Something is happening right now?' }).locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(new Set(urgent)).toEqual(all);
});

test('generated sentences read properly: lists, plurals and counts', async ({ page }) => {
  await page.goto('/phases/');
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\.;|\.\.(?!\.)|\b1 (playbooks|case studies)\b/);
  await page.goto('/assessment/');
  const questions = await page.locator('fieldset.question').count();
  await page.goto('/phases/');
  await expect(page.locator('main')).toContainText(`${questions} questions`);
});

test('on a phone the page facts take one line each, so the content starts sooner', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/playbooks/set-up-an-approval-workflow/');
  const meta = page.locator('dl[aria-label="About this page"]');
  expect((await meta.boundingBox())!.height).toBeLessThan(320);
  await expect(meta.getByText('Owner')).toBeVisible();
  await expect(meta.getByText('Keywords')).toBeHidden();
});
