/**
 * `npm run test:full` only (tests tagged @full): every page of the site that csp.spec.ts and
 * a11y.spec.ts do not already cover as a template (site-urls.ts), each visited once: no CSP
 * violation, console error or failed request, and axe (WCAG 2.2 A and AA) finds nothing, in the
 * light theme at desktop width, with the portal's service worker on as readers have it.
 */
import { test, expect } from '@playwright/test';
import { chunk, otherUrls } from './site-urls.ts';
import { sweep } from './page-sweep.ts';

test.use({ serviceWorkers: 'allow', colorScheme: 'light', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

const others = otherUrls();
/** Slices of the pages, so the sweep spreads over the workers. */
const CHUNKS = 4;
for (let i = 0; i < CHUNKS; i++) {
  test(`every other page ${i + 1}/${CHUNKS}: axe finds nothing; no CSP violation, console error or failed request @full`, async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    expect(await sweep(page, baseURL!, chunk(others, i, CHUNKS), { axe: true })).toEqual([]);
  });
}
