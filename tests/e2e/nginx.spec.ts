/**
 * The hosting configuration in a real nginx: a build with HUB_SIGNALS=1 under /social-hub, served
 * by the configuration `npm run hosting` prints, behind a stub identity proxy for auth_request.
 * Chromium reads, searches and votes through it; the signal log and the report are checked.
 *
 * Ports: E2E_NGINX_PORT and E2E_STUB_PORT (127.0.0.1), or free ones the OS gives.
 */
import { test, expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, SESSION_COOKIE, startIdentityStub, startNginx, STUB_USER, type RunningNginx } from './nginx-server.ts';
import { axeViolations, WCAG_TAGS } from './axe.ts';
import { HSTS, cacheControl, securityHeadersFor } from '../../src/lib/security-headers.ts';
import { parseLogLine } from '../../src/lib/signals.ts';
import { withBuildLock } from './build-lock.ts';

test.describe.configure({ mode: 'serial' });

const BASE = '/social-hub/';
const ASTRO = resolve('node_modules/.bin/astro');
let dir = '';
let site = '';
let origin = '';
let stub: Server | undefined;
let nginx: (RunningNginx & { test: string }) | undefined;
let signedIn: APIRequestContext;
let signedOut: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'hub-nginx-'));
  site = join(dir, 'site');
  const build = withBuildLock(() => spawnSync(ASTRO, ['build', '--outDir', site], {
    encoding: 'utf8',
    env: { ...process.env, HUB_SIGNALS: '1', BASE_PATH: BASE.slice(0, -1), HUB_CACHE_DIR: join(dir, 'cache'), CI: 'true' },
    timeout: 200_000,
  }));
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  const port = await freePort(process.env.E2E_NGINX_PORT);
  const authPort = await freePort(process.env.E2E_STUB_PORT);
  stub = await startIdentityStub(authPort);
  nginx = await startNginx({ dir, root: site, base: BASE, port, authPort });
  origin = `http://127.0.0.1:${port}`;
  signedIn = await playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { cookie: `${SESSION_COOKIE.name}=${SESSION_COOKIE.value}` } });
  signedOut = await playwrightRequest.newContext({ baseURL: origin });
});

test.afterAll(async () => {
  await signedIn?.dispose();
  await signedOut?.dispose();
  await nginx?.stop();
  await new Promise((r) => (stub ? stub.close(r) : r(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signalLines = () => (existsSync(nginx!.signalLog) ? readFileSync(nginx!.signalLog, 'utf8').split('\n').filter(Boolean) : []);
const signalsInLog = () => signalLines().flatMap((l) => parseLogLine(l)?.signals ?? []);

test('nginx -t passes on the configuration npm run hosting prints', () => {
  expect(nginx!.test).toContain('syntax is ok');
  expect(nginx!.test).toContain('test is successful');
});

test('every page is 200 for a signed-in reader and sends a signed-out one to sign in', async () => {
  test.setTimeout(120_000);
  const xml = readFileSync(join(site, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(paths.length).toBeGreaterThan(50);
  for (const path of [...paths, `${BASE}search/`, `${BASE}pagefind/pagefind.js`]) {
    const res = await signedIn.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    if (path.endsWith('/')) expect(res.headers()['content-type'], path).toMatch(/^text\/html/);
  }
  const missing = await signedIn.get(`${BASE}no-such-page/`, { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('<html');
  for (const path of [BASE, paths[10]!, `${BASE}pagefind/pagefind.js`, `${BASE}sitemap.xml`]) {
    const res = await signedOut.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(302);
    expect(res.headers().location, path).toContain(`/oauth2/sign_in?rd=${encodeURIComponent(path)}`);
  }
});

test('pages, hashed assets, images and the search index carry the headers of src/lib/security-headers.ts', async () => {
  const html = await (await signedIn.get(BASE)).text();
  const asset = new URL(html.match(/(?:src|href)="([^"]*\/_astro\/[^"]+)"/)![1]!, origin).pathname;
  for (const path of [BASE, `${BASE}playbooks/`, asset, `${BASE}pagefind/pagefind-entry.json`, `${BASE}favicon.svg`, `${BASE}sitemap.xml`]) {
    const res = await signedIn.get(path);
    expect(res.status(), path).toBe(200);
    const headers = res.headers();
    for (const [name, value] of Object.entries(securityHeadersFor(path))) expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    expect(headers['strict-transport-security'], path).toBe(HSTS);
    expect(headers['cache-control'], path).toBe(cacheControl(path));
  }
  // The page's own CSP (hashes, WebAssembly) stays in its <meta>, strict.
  expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src/i);
  expect(html).not.toContain('unsafe-inline');
});

let openedTitle = '';
let openedPath = '';
let openedRank = 0;

test('a search with no results, a result opened and a vote reach the signal log as documented lines', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.addCookies([{ ...SESSION_COOKIE, url: origin }]);
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));

  await page.goto(`${origin}${BASE}search/`);
  const box = page.getByRole('combobox', { name: 'Search for' });
  const status = page.locator('.search-main [role=status]');
  await box.fill('zzqxv blorft');
  await expect(status).toHaveText('No results for “zzqxv blorft”');
  // The reader reads the empty answer, then tries something else.
  await page.waitForTimeout(2300);
  await box.fill('crisis');
  await expect(status).toContainText('for “crisis”');
  // The first document entry listed (glossary terms have no helpfulness question); its rank counts pages above it.
  const rows = page.locator('#search-page-results [role=option]:not(.section)');
  const urls = await rows.evaluateAll((os) => os.map((o) => o.getAttribute('href')!));
  const rank = urls.findIndex((u) => /\/(playbooks|protocols|policy|phases|case-studies)\//.test(u)) + 1;
  expect(rank).toBeGreaterThan(0);
  const chosen = rows.nth(rank - 1);
  openedTitle = (await chosen.locator('.result-title').textContent())!.trim();
  openedPath = new URL(urls[rank - 1]!, origin).pathname;
  openedRank = rank;
  await chosen.click();
  await expect(page).toHaveURL(new RegExp(`${openedPath}`));

  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('radio', { name: 'It is out of date or wrong' }).check();
  await page.getByLabel(/Anything to add\?/).fill('The contact list is old, ask jane.doe@corp.example');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByText('Thank you: your answer was sent.')).toBeFocused();

  await expect.poll(() => signalsInLog().filter((s) => s.type === 'vote').length, { timeout: 15_000 }).toBe(1);
  await expect.poll(() => signalsInLog().filter((s) => s.type === 'open').length, { timeout: 15_000 }).toBe(1);
  const lines = signalLines();
  // Documented: the hour (minutes and seconds zeroed), a space, the query string.
  for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00[+-]\d\d:\d\d v=1&t=(search|open|vote)&/);
  const signals = signalsInLog();
  expect(signals).toEqual(expect.arrayContaining([
    { type: 'search', query: 'zzqxv blorft', results: 0, opened: false },
    { type: 'open', query: 'crisis', rank: openedRank, page: openedPath },
    expect.objectContaining({ type: 'search', query: 'crisis', opened: true }),
    { type: 'vote', page: openedPath, helpful: false, reason: 'out-of-date', comment: 'The contact list is old, ask [e-mail]' },
  ]));
  // Only the query the reader stopped at: no "z", "zz", "cr"…
  expect(signals.filter((s) => s.type === 'search')).toHaveLength(2);
  const raw = lines.join('\n');
  for (const secret of [STUB_USER, SESSION_COOKIE.value, '127.0.0.1', 'jane.doe', 'Chrome']) expect(raw).not.toContain(secret);
  expect(violations).toEqual([]);
});

test('the search dialog: Enter on a result sends its rank, closing the dialog ends a search', async ({ page, context }) => {
  test.setTimeout(60_000);
  await context.addCookies([{ ...SESSION_COOKIE, url: origin }]);
  const before = signalsInLog().length;
  await page.goto(`${origin}${BASE}playbooks/`);
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search the portal' });
  await box.fill('house rules');
  await expect(page.locator('.search-dialog [role=status]')).toContainText('for “house rules”');
  await page.getByRole('button', { name: 'Close search' }).click();
  await page.keyboard.press('/');
  await box.fill('dark period');
  await expect(page.locator('.search-dialog [role=status]')).toContainText('for “dark period”');
  await page.keyboard.press('ArrowDown');
  const url = new URL((await page.locator('#search-dialog-results [role=option]').first().getAttribute('href'))!, origin).pathname;
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(url));
  await expect.poll(() => signalsInLog().slice(before).filter((s) => s.type === 'open').length, { timeout: 15_000 }).toBe(1);
  expect(signalsInLog().slice(before)).toEqual(expect.arrayContaining([
    { type: 'search', query: 'house rules', results: expect.any(Number), opened: false },
    { type: 'open', query: 'dark period', rank: 1, page: url },
    { type: 'search', query: 'dark period', results: expect.any(Number), opened: true },
  ]));
});

test('"Was this page helpful?" passes axe and works from the keyboard', async ({ page, context }) => {
  await context.addCookies([{ ...SESSION_COOKIE, url: origin }]);
  await page.goto(`${origin}${BASE}playbooks/`);
  const entry = await page.locator(`main a[href^="${BASE}playbooks/"]:not([href="${BASE}playbooks/"])`).first().getAttribute('href');
  await page.goto(`${origin}${entry}`);
  const yes = page.getByRole('button', { name: 'Yes', exact: true });
  await yes.focus();
  await page.keyboard.press('Enter');
  await expect(yes).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'What helped? (optional)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'What was wrong? (optional)' })).toBeHidden();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page, WCAG_TAGS, ['.feedback']);
    expect(violations.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
});

test('bad, bodied, huge and signed-out signal requests are refused and not logged', async () => {
  const before = signalLines().length;
  const path = `${BASE}_signal`;
  const ok = await signedIn.post(`${path}?v=1&t=search&q=alpha&n=0&k=0`);
  expect(ok.status()).toBe(204);
  for (const args of ['v=2&t=search&q=a&n=0&k=0', 'v=1&t=drop&q=a', 'user=someone', `v=1&t=search&q=${'a'.repeat(6100)}&n=0&k=0`]) {
    expect((await signedIn.post(`${path}?${args}`)).status(), args.slice(0, 40)).toBe(400);
  }
  expect((await signedIn.post(`${path}?v=1&t=search&q=b&n=0&k=0`, { data: 'a body' })).status()).toBe(400);
  expect((await signedIn.get(`${path}?v=1&t=search&q=d&n=0&k=0`)).status()).toBe(400);
  expect((await signedOut.post(`${path}?v=1&t=search&q=c&n=0&k=0`, { maxRedirects: 0 })).status()).toBe(302);
  const added = signalLines().slice(before);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(/ v=1&t=search&q=alpha&n=0&k=0$/);
});

test('the report turns the signal log into the expected findings', async () => {
  test.setTimeout(60_000);
  const out = join(dir, 'report.html');
  const run = spawnSync(process.execPath, ['scripts/report.ts', '--signals', nginx!.signalLog, '--site', `${origin}${BASE}`, '--out', out], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const text = run.stdout;
  expect(text).toContain('## Searches with no results (2)');
  expect(text).toMatch(/## Searches where no result was opened \(\d+\)\n\n.*\n\n\| Query[^\n]*\n[^\n]*\n\| \[house rules\]/);
  expect(text).toContain(`| [zzqxv blorft](${origin}${BASE}search/?q=zzqxv%20blorft) | 1 | \`npm run new -- playbooks 'Zzqxv blorft'\` |`);
  expect(text).toMatch(new RegExp(`- \\[${openedTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]\\(${origin}${openedPath}\\) \\([a-z-]+\\): 1 not helpful, 0 helpful\\. Reasons: It is out of date or wrong \\(1\\)\\.`));
  expect(text).toContain('  - “The contact list is old, ask [e-mail]”');
  expect(text).toContain(`opened 1 time from search: “crisis” 1 (rank ${openedRank})`);
  expect(text).toMatch(/0 malformed lines skipped/);
  const html = readFileSync(out, 'utf8');
  expect(html).toContain(`<a href="${origin}${openedPath}">`);
  expect(html).toContain('<h3>Searches that led to each page</h3>');
});
