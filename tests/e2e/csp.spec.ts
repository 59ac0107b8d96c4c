import { test, expect } from '@playwright/test';
import { siteUrls } from './site-urls.ts';

// The sweep runs with the portal's service worker on: it registers on every page under the CSP.
test.use({ serviceWorkers: 'allow' });

/** Collect CSP violations reported in the page, from the very first script on. */
const LISTEN = () => {
  (window as unknown as { __csp: string[] }).__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test('every page sends the security headers and has a strict CSP', async ({ request }) => {
  const res = await request.get('/');
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const html = await res.text();
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(csp).not.toContain('unsafe-inline');
});

const urls = siteUrls();
const CHUNKS = 6;
for (let i = 0; i < CHUNKS; i++) {
  test(`pages ${i + 1}/${CHUNKS}: no CSP violation and no console error`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript(LISTEN);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('404 (Not Found)') && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    for (const url of urls.filter((_, n) => n % CHUNKS === i)) {
      await page.goto(url);
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations, url).toEqual([]);
    }
    expect(errors).toEqual([]);
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
