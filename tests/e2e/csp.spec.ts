import { test, expect, type Page } from '@playwright/test';
import { chunk, otherUrls, siteUrls, templateUrls } from './site-urls.ts';

// The sweep runs with the portal's service worker on: it registers on every page under the CSP.
test.use({ serviceWorkers: 'allow' });

/** Collect CSP violations reported in the page, from the very first script on. */
const LISTEN = () => {
  (window as unknown as { __csp: string[] }).__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test('every page sends the security headers and has a strict CSP', async ({ request }) => {
  // Plain requests, no browser: every page of the site, the 404 page included.
  const problems: string[] = [];
  for (const url of siteUrls()) {
    const res = await request.get(url);
    const headers = res.headers();
    const html = await res.text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const checks: [boolean, string][] = [
      [(headers['content-security-policy'] ?? '').includes("frame-ancestors 'self'"), 'header CSP without frame-ancestors'],
      [headers['referrer-policy'] === 'same-origin', `referrer-policy ${headers['referrer-policy']}`],
      [headers['x-content-type-options'] === 'nosniff', `x-content-type-options ${headers['x-content-type-options']}`],
      [csp.includes("default-src 'self'"), "meta CSP without default-src 'self'"],
      [/script-src 'self' 'wasm-unsafe-eval' 'sha256-/.test(csp), 'meta CSP script-src is not hashes'],
      [!csp.includes('unsafe-inline'), "meta CSP allows 'unsafe-inline'"],
    ];
    for (const [ok, what] of checks) if (!ok) problems.push(`${url}: ${what}`);
  }
  expect(problems).toEqual([]);
});

/** The one address that answers 404 on purpose (the 404 page's own template). */
const MISSING = '/no-such-page/';

/**
 * Visit each url with the CSP listener; returns every CSP violation, console error, uncaught error
 * and failed request (status 400 or more: a missing script, style, font or image), by page.
 */
async function sweep(page: Page, baseURL: string, urls: string[]): Promise<string[]> {
  await page.addInitScript(LISTEN);
  const errors: string[] = [];
  const bad = new Set<string>();
  page.on('response', (r) => {
    if (r.status() < 400 || r.url() === new URL(MISSING, baseURL).href) return;
    bad.add(r.url());
    errors.push(`${page.url()}: ${r.status()} ${r.url()}`);
  });
  // A failed request also logs "Failed to load resource"; it is reported above with its address.
  page.on('console', (m) => m.type() === 'error' && !(/^Failed to load resource/.test(m.text()) && (bad.has(m.location().url) || m.location().url === new URL(MISSING, baseURL).href)) && errors.push(`${page.url()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  for (const url of urls) {
    await page.goto(url);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    for (const v of violations) errors.push(`${url}: CSP ${v}`);
  }
  return errors;
}

const templates = templateUrls();
const TEMPLATE_CHUNKS = 2;
for (let i = 0; i < TEMPLATE_CHUNKS; i++) {
  test(`every template ${i + 1}/${TEMPLATE_CHUNKS}: no CSP violation, console error or failed request`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    expect(await sweep(page, baseURL!, chunk(templates, i, TEMPLATE_CHUNKS))).toEqual([]);
  });
}

const others = otherUrls();
const FULL_CHUNKS = 4;
for (let i = 0; i < FULL_CHUNKS; i++) {
  test(`every other page ${i + 1}/${FULL_CHUNKS}: no CSP violation, console error or failed request @full`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    expect(await sweep(page, baseURL!, chunk(others, i, FULL_CHUNKS))).toEqual([]);
  });
}

test('search works under the CSP: Pagefind, its WebAssembly and the island load', async ({ page }) => {
  await page.addInitScript(LISTEN);
  await page.goto('/protocols/');
  await page.keyboard.press('/');
  await page.keyboard.type('crisis');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “crisis”', { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
