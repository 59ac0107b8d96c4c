import { test, expect, type Page } from '@playwright/test';
import { holdIsland } from './hold-island.ts';

/** Queries real readers type, with the page that must be in the top three. */
const QUERIES: [string, string, string][] = [
  ['practitioner', 'house rules', '/playbooks/community-management-and-house-rules/'],
  ['practitioner', 'content calendar', '/playbooks/content-mix-and-calendar/'],
  ['practitioner', 'alt text', '/playbooks/accessible-posts/'],
  ['practitioner', 'influencer disclosure', '/playbooks/run-an-influencer-programme/'],
  ['practitioner', 'guest destination', '/playbooks/engage-in-guest-destinations/'],
  ['practitioner', 'sales leads', '/playbooks/hand-leads-to-sales/'],
  ['PR officer', 'holding statement', '/protocols/crisis-escalation/'],
  ['PR officer', 'journalist', '/protocols/media-enquiries-on-social/'],
  ['PR officer', 'hacked account', '/protocols/account-compromise-and-takedown/'],
  ['PR officer', 'dark period', '/protocols/dark-period-during-an-incident/'],
  ['PR officer', 'CEO post', '/protocols/executive-posts/'],
  ['PR officer', 'negative post', '/protocols/negative-or-false-post/'],
  ['HR partner', 'employee misconduct', '/protocols/employee-misconduct-on-social/'],
  ['HR partner', 'advocacy programme', '/playbooks/build-an-advocacy-programme/'],
  ['HR partner', 'leaked document', '/protocols/leaked-confidential-information/'],
  ['HR partner', 'working conditions', '/policy/records-and-local-law/'],
];

const resultLinks = (page: Page) => page.locator('#search-page-results [role=option]:not(.section) .result-title');
const resultUrls = (page: Page) =>
  page.locator('#search-page-results [role=option]:not(.section)').evaluateAll((os) => os.map((o) => new URL(o.getAttribute('href')!, location.href).pathname));

async function topUrls(page: Page, q: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  // The status names the query once its results are listed (before that, it says it is loading).
  await expect(page.locator('.search-main [role=status]')).toContainText(`for “${q}”`);
  return (await resultUrls(page)).slice(0, 3);
}

for (const [who, q, expected] of QUERIES) {
  test(`a ${who} searching "${q}" finds ${expected} in the top three`, async ({ page }) => {
    expect(await topUrls(page, q)).toContain(expected);
  });
}

test('results show type and owner badges, an excerpt with the terms marked, and matching sections', async ({ page }) => {
  await page.goto('/search/?q=influencer');
  const first = page.locator('#search-page-results [role=option]').filter({ hasText: 'Run an influencer programme' }).first();
  await expect(first.locator('.badge', { hasText: 'Playbook' })).toBeVisible();
  await expect(first.locator('.badge', { hasText: /^Owner: / })).toBeVisible();
  await expect(first.locator('mark').first()).toBeVisible();
  expect(await page.locator('#search-page-results .search-result.section').count()).toBeGreaterThan(0);
});

test('a facet alone lists everything in it, and facets combine', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('checkbox', { name: /^Protocol \(\d+\)/ }).check();
  await expect(page).toHaveURL(/[?&]type=protocols(&|$)/);
  await expect(page.locator('.search-main [role=status]')).toHaveText(/^\d+ results with the chosen filters$/);
  const protocols = Number((await page.locator('.search-main [role=status]').textContent())!.match(/\d+/)![0]);
  expect(protocols).toBeGreaterThanOrEqual(10);
  await page.getByRole('checkbox', { name: /^HR \(\d+\)/ }).check();
  await expect(page).toHaveURL(/audience=hr(&|$)/);
  await expect(async () => {
    const n = Number((await page.locator('.search-main [role=status]').textContent())!.match(/\d+/)![0]);
    expect(n).toBeLessThan(protocols);
    expect(n).toBeGreaterThan(0);
  }).toPass();
  for (const badge of await page.locator('#search-page-results .search-result:not(.section) .badges .badge:first-child').allTextContents()) expect(badge).toBe('Protocol');
  await page.goBack();
  await expect(page).not.toHaveURL(/audience=/);
  await expect(page.getByRole('checkbox', { name: /^HR \(\d+\)/ })).not.toBeChecked();
  await expect(page.locator('.search-main [role=status]')).toHaveText(`${protocols} results with the chosen filters`);
});

test('the search page opens without loading the index, and its first view agrees with Pagefind', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/pagefind/')) fetched.push(r.url());
  });
  await page.goto('/search/');
  await expect(page.locator('.search-main [role=status]')).toHaveText(/^\d+ results$/);
  await page.waitForLoadState('networkidle');
  expect(fetched, 'opening /search/ fetched from the index').toEqual([]);

  // The build wrote the facet values, counts and the newest pages; Pagefind must give the same
  // answers. A checkbox's name and value are the facet and value ids Pagefind holds.
  const shown = await page.locator('.facets .facet').evaluateAll((facets) =>
    facets.map((f) => {
      const box = f.querySelector('input')!;
      return `${box.name}|${box.value} ${f.querySelector('.count')!.textContent}`;
    }));
  const shownUrls = await resultUrls(page);
  const total = Number((await page.locator('.search-main [role=status]').textContent())!.match(/\d+/)![0]);
  const fromPagefind = await page.evaluate(async () => {
    const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pf.options({ noWorker: true });
    const filters: Record<string, Record<string, number>> = await pf.filters();
    const all = await pf.search(null, { sort: { updated: 'desc' } });
    const urls = await Promise.all(all.results.slice(0, 10).map(async (r: { data: () => Promise<{ url: string }> }) => new URL((await r.data()).url, location.href).pathname));
    return { filters, total: all.results.length, urls };
  });
  const expected = Object.entries(fromPagefind.filters).flatMap(([key, values]) => Object.entries(values).map(([v, n]) => `${key}|${v} (${n})`));
  expect(shown.sort()).toEqual(expected.sort());
  expect(total).toBe(fromPagefind.total);
  expect(shownUrls).toEqual(fromPagefind.urls);
});

test('words typed before the search page wakes up are searched, not wiped', async ({ page }) => {
  // Hold the island's code back until the reader has typed.
  const release = await holdIsland(page, 'SearchPage');
  await page.goto('/search/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Search for').fill('house rules');
  release();
  await expect(page.locator('.search-main [role=status]')).toContainText('results for “house rules”');
  await expect(page.getByLabel('Search for')).toHaveValue('house rules');
});

test('show more continues the first view in Pagefind order', async ({ page }) => {
  await page.goto('/search/');
  await expect(resultLinks(page)).toHaveCount(10);
  const first = await resultUrls(page);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(resultLinks(page)).toHaveCount(20);
  const all = await resultUrls(page);
  expect(all.slice(0, 10)).toEqual(first);
  expect(new Set(all).size).toBe(20);
});

test('a shared search URL restores query, filters and sort', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/search/?q=crisis&type=protocols&sort=updated');
  await expect(page.getByLabel('Search for')).toHaveValue('crisis');
  await expect(page.getByRole('checkbox', { name: /^Protocol \(/ })).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('updated');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “crisis” with the chosen filters');
  await context.close();
});

test('a link shared when filter values were labels still works, and the address becomes ids', async ({ page }) => {
  await page.goto('/search/');
  await page.goto('/search/?type=Playbook&phase=Phase+2%3A+Experimenting&channel=linkedin');
  await expect(page.getByRole('checkbox', { name: /^Playbook \(/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Phase 2: Experimenting \(/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^LinkedIn \(/ })).toBeChecked();
  await expect(page.locator('.search-main [role=status]')).toHaveText(/^\d+ results? with the chosen filters$/);
  for (const badge of await page.locator('#search-page-results .search-result:not(.section) .badges .badge:first-child').allTextContents()) expect(badge).toBe('Playbook');
  await expect(page).toHaveURL(/\/search\/\?type=playbooks&phase=phase-2&channel=linkedin$/);
  // The address was rewritten in place: Back leaves the search in one step.
  await page.goBack();
  await expect(page).toHaveURL(/\/search\/$/);
});

test('sorting by last updated changes the order', async ({ page }) => {
  // With a query: without one, pages are always listed newest first.
  await page.goto('/search/?q=crisis&type=playbooks');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “crisis”');
  // The top five rows render first; compare those.
  const top = async () => (await resultLinks(page).allTextContents()).slice(0, 5);
  const byRelevance = await top();
  expect(byRelevance).toHaveLength(5);
  await page.getByLabel('Sort by').selectOption('updated');
  await expect(page).toHaveURL(/sort=updated/);
  await expect(async () => expect(await top()).not.toEqual(byRelevance)).toPass();
});

test('keyboard only: / opens search, arrows choose, Enter opens the page with the terms highlighted', async ({ page }) => {
  await page.goto('/playbooks/');
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search the portal' });
  await expect(input).toBeFocused();
  await page.keyboard.type('dark period');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “dark period”');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const activeId = await input.getAttribute('aria-activedescendant');
  expect(activeId).toBeTruthy();
  await expect(page.locator(`#${activeId}`)).toHaveAttribute('aria-selected', 'true');
  const target = await page.locator(`#${activeId}`).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(new URL(target!, 'http://x').pathname.replace(/\//g, '\\/')));
  await expect(page.locator('mark').first()).toBeVisible();
});

test('the row chosen with the arrow keys stays chosen when the rest of the results arrive', async ({ page }) => {
  await page.goto('/playbooks/');
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search the portal' });
  await page.keyboard.type('crisis');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “crisis”');
  await page.keyboard.press('ArrowDown');
  const chosen = await input.getAttribute('aria-activedescendant');
  expect(chosen).toBeTruthy();
  // The top five rows come first; the next five follow once typing pauses.
  await expect(page.getByRole('dialog').locator('[role=option]:not(.section)')).toHaveCount(10);
  await expect(input).toHaveAttribute('aria-activedescendant', chosen!);
  await expect(page.locator(`#${chosen}`)).toHaveAttribute('aria-selected', 'true');
});

test('an arrow key pressed the instant results appear is not lost', async ({ page }) => {
  await page.goto('/playbooks/');
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search the portal' });
  await expect(input).toBeFocused();
  // Press ArrowDown in the same task that shows the results: before React's passive effects run.
  await page.evaluate(() => {
    const dialog = document.querySelector('dialog')!;
    const observer = new MutationObserver(() => {
      if (!dialog.querySelector('[role=status]')?.textContent?.includes('results for “crisis”')) return;
      observer.disconnect();
      dialog.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    observer.observe(dialog, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.type('crisis');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “crisis”');
  await expect(input).toHaveAttribute('aria-activedescendant', 'search-dialog-results-0');
});

test('Escape closes the dialog at once, also after typing', async ({ page }) => {
  await page.goto('/protocols/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the portal' });
  await page.keyboard.type('crisis');
  await expect(dialog.getByRole('status')).toContainText('results for “crisis”');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('search opened again the moment it closes still answers what is typed', async ({ page }) => {
  await page.goto('/protocols/');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the portal' });
  await box.fill('house rules');
  const status = page.locator('.search-dialog [role=status]');
  await expect(status).toContainText('for “house rules”');
  // The dialog's close event is a task of its own: a key that opens search again can come first.
  await page.evaluate(() => {
    document.querySelector<HTMLDialogElement>('dialog.search-dialog')!.close();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
  });
  await box.fill('dark period');
  await expect(status).toContainText('for “dark period”');
});

test('Ctrl+K opens search from any page, Escape closes it and focus returns', async ({ page }) => {
  await page.goto('/protocols/');
  const trigger = page.locator('[data-search-trigger]');
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search the portal' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Search the portal' })).toBeFocused();
});

test('a misspelt query is corrected, and the words as typed are one link away', async ({ page }) => {
  await page.goto('/search/?q=aproval+workflow&type=playbooks');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “aproval workflow” with the chosen filters');
  const note = page.locator('.search-note', { hasText: 'Showing results for' });
  await expect(note).toHaveText('Showing results for approval workflow. Search instead for aproval workflow.');
  expect(await resultUrls(page)).toContain('/playbooks/set-up-an-approval-workflow/');
  // Both links keep the filters: they are ordinary URLs of the search page.
  await expect(note.getByRole('link', { name: 'approval workflow', exact: true })).toHaveAttribute('href', /q=approval\+workflow&type=playbooks$/);
  await note.getByRole('link', { name: 'aproval workflow' }).click();
  await expect(page).toHaveURL(/q=aproval\+workflow&type=playbooks&spelling=as-typed/);
  await expect(page.locator('.search-main [role=status]')).toContainText('for “aproval workflow” with the chosen filters');
  await expect(page.locator('.search-note', { hasText: 'Showing results for' })).toHaveCount(0);
  await expect(page.getByLabel('Search for')).toHaveValue('aproval workflow');
});

test('the search dialog corrects spelling too', async ({ page }) => {
  await page.goto('/playbooks/');
  await page.keyboard.press('/');
  await page.keyboard.type('escalaton');
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('.search-note')).toHaveText('Showing results for escalation. Search instead for escalaton.');
  await expect(dialog.locator('[role=option]').first()).toBeVisible();
  await dialog.getByRole('link', { name: 'escalaton' }).click();
  await expect(dialog.getByRole('status')).toHaveText('No results for “escalaton”');
  await expect(dialog.getByRole('link', { name: 'Ask the hub' })).toBeVisible();
});

test('a whole question finds the protocol for the incident it names, first', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('What do I do if our account is hacked?')}`);
  await expect(page.locator('.search-main [role=status]')).toContainText('results for');
  expect((await resultUrls(page))[0]).toBe('/protocols/account-compromise-and-takedown/');
});

test('a query with no word the portal knows still answers: protocols, sections and the hub to ask', async ({ page }) => {
  await page.goto('/search/?q=zxqvw+blorft');
  await expect(page.locator('.search-main [role=status]')).toHaveText('No results for “zxqvw blorft”');
  const answer = page.locator('.empty-answer');
  await expect(answer.getByRole('link', { name: 'Crisis escalation' })).toBeVisible();
  await expect(answer.getByRole('link', { name: 'Playbooks' })).toBeVisible();
  const ask = answer.getByRole('link', { name: 'Ask the hub' });
  expect(decodeURIComponent((await ask.getAttribute('href'))!)).toMatch(/^mailto:hub-editorial@hub\.example\?subject=Search: I could not find "zxqvw blorft"/);
});

test('a question of only small words asks for a real one', async ({ page }) => {
  await page.goto('/search/?q=how+do+I');
  await expect(page.locator('.search-note')).toContainText('Type what you are looking for');
});

test('no results under filters: filters can be cleared', async ({ page }) => {
  await page.goto('/search/?q=moderation&type=phases&channel=tiktok');
  await expect(page.locator('.search-main [role=status]')).toHaveText('No results for “moderation” with the chosen filters');
  await page.getByRole('button', { name: 'Search without filters' }).click();
  await expect(page.locator('.search-main [role=status]')).toHaveText(/^\d+ results for “moderation”$/);
});

test('pages that are not entries are found: the self-assessment, the glossary, start here', async ({ page }) => {
  for (const [q, url] of [['self assessment', '/assessment/'], ['glossary', '/glossary/'], ['start here', '/start/']] as const) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await expect(page.locator('.search-main [role=status]')).toContainText(`for “${q}”`);
    expect((await resultUrls(page)).slice(0, 3), q).toContain(url);
  }
});

test('"phase 3" keeps its digit', async ({ page }) => {
  await page.goto('/search/?q=phase+3');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “phase 3”');
  expect((await resultUrls(page))[0]).toBe('/phases/integrating/');
});

test('result rows are links a phone can long-press, and excerpts never list keywords', async ({ page }) => {
  await page.goto('/search/?q=crisis');
  const first = page.locator('#search-page-results a[role=option]').first();
  await expect(first).toHaveAttribute('href', /^\/[a-z-]+\/[a-z0-9-]+\/(\?highlight=|$)/);
  await first.click({ modifiers: [] });
  await expect(page).not.toHaveURL(/\/search\//);
  await page.goBack();
  await expect(page.locator('.search-main [role=status]')).toContainText('results for “crisis”');
  await expect(page.locator('#search-page-results .excerpt').nth(3)).toBeVisible();
  const excerpts = await page.locator('#search-page-results .excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(3);
  for (const e of excerpts) expect(e, 'an excerpt that reads like a keyword list').not.toMatch(/(\w+, ){4,}/);
});

test('a word far into a page finds it, and the excerpt reads as the page does, without the "?" of a glossary term', async ({ page }) => {
  // "downgrading" is only in the crisis escalation protocol, about 5,000 characters into its body:
  // "If you are unsure whether it is a crisis, start this protocol anyway; downgrading costs
  // nothing", where "crisis" links to the glossary with a "?" button that opens its definition.
  await page.goto('/search/?q=downgrading');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “downgrading”');
  const first = page.locator('#search-page-results [role=option]').first();
  await expect(first).toContainText('Crisis escalation');
  await expect(first.locator('.excerpt')).toContainText('whether it is a crisis, start this protocol anyway');
});

test('a word only in a field the page shows (a protocol\'s tiers) finds the page', async ({ page }) => {
  // "grumble" is only in a tier of the customer complaint protocol ("A mild grumble…"), not in a body.
  await page.goto('/search/?q=grumble');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “grumble”');
  expect((await resultUrls(page))[0]).toBe('/protocols/customer-complaint-escalation/');
});

test('a word only a section page shows (the self-assessment\'s "dimensions") finds that page', async ({ page }) => {
  // The spelling list is made from the entries; "dimensions" is only in the self-assessment's own
  // text. Pagefind finds the page and highlights the word, so search must not drop it as unknown.
  await page.goto('/search/?q=dimensions');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “dimensions”');
  expect((await resultUrls(page))[0]).toBe('/assessment/');
  await expect(page.locator('.search-main [role=status]')).not.toContainText('No results');
  // The page calls itself a questionnaire only where scripts are off, which the index does not
  // read: the word is one readers use for it.
  expect(await topUrls(page, 'questionnaire')).toContain('/assessment/');
});

for (const q of ['x'.repeat(10_000), '🔥🚨 crisis 🚨', 'מדיה חברתית', 'أزمة', '<b>crisis</b>', '"; DROP TABLE', '   ']) {
  test(`any query gives results or the empty answer, with no console error: ${JSON.stringify(q.slice(0, 20))}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/search/');
    await page.getByLabel('Search for').fill(q);
    await expect(page.locator('.search-main [role=status]')).toHaveText(/results|No results|^\d+ results$/);
    if (q.trim()) await expect(page.locator('#search-page-results a[role=option], .empty-answer, .search-note').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('drafts and withdrawn entries are not findable', async ({ page }) => {
  for (const q of ['quokka', 'lantern', 'heron', 'teapot']) {
    await page.goto(`/search/?q=${q}&spelling=as-typed`);
    await expect(page.locator('.search-main [role=status]')).toHaveText(`No results for “${q}”`);
  }
  for (const q of ['live Q&A session', 'moderator queue', 'withdrawn checklist']) {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    await expect(page.locator('.search-main [role=status]')).toContainText(`“${q}”`);
    const urls = await resultUrls(page);
    expect(urls).not.toContain('/playbooks/run-a-live-q-and-a/');
    expect(urls).not.toContain('/playbooks/open-a-channel-checklist/');
  }
  await page.goto('/search/?q=checklist');
  await expect(page.locator('.search-main [role=status]')).toContainText('results');
  expect(await resultLinks(page).allTextContents()).not.toContain('Open a new channel (checklist)');
});

test('a query is text, never markup', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>';
  await page.goto(`/search/?q=${encodeURIComponent(payload)}&type=${encodeURIComponent('<b onmouseover=alert(4)>')}`);
  await expect(page.locator('.search-main [role=status]')).toContainText('for “');
  await expect(page.getByLabel('Search for')).toHaveValue(payload);
  expect(await page.locator('img[src="x"], svg[onload], [onmouseover]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((s) => s.text.includes('alert(')))).toBe(false);
  expect(dialogs).toEqual([]);
});

// compressHTML removes the whitespace between tags, and Pagefind separates words only at the end
// of the elements it treats as blocks: labels in th, dt, dd and captions used to reach the index
// glued to the next words ("GoalEvery", "whenPR"), so those words could not be found.
for (const url of ['/playbooks/coordinate-with-pr-cs-and-hr/', '/protocols/crisis-escalation/', '/case-studies/cloud-services-social-leads/', '/paths/hr-partner/']) {
  test(`the search index keeps the words of ${url} apart`, async ({ page }) => {
    await page.goto(url);
    const { labels, content } = await page.evaluate(async () => {
      const body = document.querySelector('[data-pagefind-body]')!;
      const labels = [...body.querySelectorAll('th, dt, dd, caption, a, .badge')]
        .filter((el) => !el.closest('[data-pagefind-ignore]'))
        .map((el) => el.textContent!.replace(/\s+/g, ' ').trim())
        .filter((t) => /^[\p{L}\p{N}].*[\p{L}\p{N}]$/u.test(t) && t.length < 80);
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await pf.options({ noWorker: true });
      const title = document.querySelector('h1')!.textContent!;
      const found = await pf.search(title);
      const pages: { url: string; content: string }[] = await Promise.all(found.results.slice(0, 10).map((r: { data: () => Promise<unknown> }) => r.data()));
      const self = pages.find((p) => new URL(p.url, location.href).pathname === location.pathname);
      return { labels, content: self?.content ?? '' };
    });
    expect(content, 'the page is in the index').not.toBe('');
    expect(labels.length).toBeGreaterThan(3);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const glued = labels.filter((l) => !new RegExp(`(?<![\\p{L}\\p{N}])${escape(l)}(?![\\p{L}\\p{N}])`, 'u').test(content));
    expect(glued, `labels glued to their neighbours in the index of ${url}`).toEqual([]);
  });
}

test('on a phone the results come first: the filters fold into one line that opens on demand', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search/?q=crisis');
  await expect(page.locator('.search-main [role=status]')).toContainText('results for “crisis”');
  const firstResult = (await resultLinks(page).first().boundingBox())!;
  expect(firstResult.y).toBeLessThan(844 - firstResult.height);
  const protocol = page.getByRole('checkbox', { name: /^Protocol \(/ });
  await expect(protocol).toBeHidden();
  const fold = page.locator('.facets-fold > summary');
  await fold.focus();
  await page.keyboard.press('Enter');
  await protocol.check();
  await expect(page.locator('.search-main [role=status]')).toContainText('with the chosen filters');
  await expect(fold).toContainText('1 on');
});

test('on a wide screen the filters stand open beside the results', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/search/?q=crisis');
  await expect(page.getByRole('checkbox', { name: /^Protocol \(/ })).toBeVisible();
  await expect(page.locator('.facets-fold > summary')).toBeHidden();
});

test('a page for all channels is found under each channel, and "All channels" is no filter of its own', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByRole('checkbox', { name: /^Instagram \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^All channels/ })).toHaveCount(0);
  // The brand voice guide is written for every channel.
  await page.goto('/search/?q=brand+voice&channel=instagram');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “brand voice” with the chosen filters');
  expect(await resultUrls(page)).toContain('/playbooks/write-a-brand-voice-guide/');
  await expect(page.getByRole('group', { name: 'Spoke (case studies)' })).toBeVisible();
});
