/**
 * A sweep over pages of the built site in one browser page: every CSP violation, console error,
 * uncaught error and failed request (status 400 or more: a missing script, style, font or image),
 * and with `axe` every axe violation (tests/e2e/axe.ts), as one line each, by page. csp.spec.ts
 * sweeps every template; every-page.spec.ts sweeps every other page, with axe, visiting each once.
 */
import type { Page } from '@playwright/test';
import { axeViolations, violationLine } from './axe.ts';

/** Collect CSP violations reported in the page, from the very first script on. */
export const LISTEN = () => {
  (window as unknown as { __csp: string[] }).__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

/** The CSP violations LISTEN has collected on the page so far. */
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The one address that answers 404 on purpose (the 404 page's own template). */
const MISSING = '/no-such-page/';

export async function sweep(page: Page, baseURL: string, urls: string[], { axe = false } = {}): Promise<string[]> {
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
    // Read before axe runs: only what the page itself did counts as its violation.
    for (const v of await cspViolations(page)) errors.push(`${url}: CSP ${v}`);
    if (!axe) continue;
    for (const v of await axeViolations(page)) errors.push(violationLine(`${url}: axe`, v));
  }
  return errors;
}
