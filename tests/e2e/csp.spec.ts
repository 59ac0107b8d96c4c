import { test, expect } from '@playwright/test';
import { chunk, siteUrls, templateUrls } from './site-urls.ts';
import { cspViolations, LISTEN, sweep } from './page-sweep.ts';

// The sweep runs with the portal's service worker on: it registers on every page under the CSP.
test.use({ serviceWorkers: 'allow' });

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

const templates = templateUrls();
const TEMPLATE_CHUNKS = 2;
for (let i = 0; i < TEMPLATE_CHUNKS; i++) {
  test(`every template ${i + 1}/${TEMPLATE_CHUNKS}: no CSP violation, console error or failed request`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    expect(await sweep(page, baseURL!, chunk(templates, i, TEMPLATE_CHUNKS))).toEqual([]);
  });
}

test('search works under the CSP: Pagefind, its WebAssembly and the island load', async ({ page }) => {
  await page.addInitScript(LISTEN);
  await page.goto('/protocols/');
  await page.keyboard.press('/');
  await page.keyboard.type('crisis');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “crisis”', { timeout: 15_000 });
  expect(await cspViolations(page)).toEqual([]);
});
