/**
 * Offline reading in real Chromium with the service worker on: after one online visit, the network
 * off (Playwright's offline mode) and the crisis pack still opens and searches; a new build reaches
 * the next online visit and an open page is told; the kill switch retires offline reading, through
 * its worker or, when that is held back, through its pages; axe and the CSP stay clean with the
 * worker on.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './nginx-server.ts';
import { axeViolations } from './axe.ts';
import { withBuildLock } from './build-lock.ts';
import { cspViolations, LISTEN } from './page-sweep.ts';

// Each test gets a new browser context: these tests switch the network off, which the reset of a
// reused context (playwright.config.ts) does not undo.
test.use({ serviceWorkers: 'allow', reuseContext: false });

/** Wait until the worker has installed (its precache is complete) and controls the page. */
async function waitForWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}


test('after one online visit, protocols, policy, contacts, glossary and search work offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.addInitScript(LISTEN);
  const res = await page.goto('/protocols/crisis-escalation/');
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(await res!.text())?.[1] ?? '';
  expect(csp.split(';').filter((d) => d.trim().startsWith('worker-src'))).toEqual(["worker-src 'self'"]);
  expect((await page.request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  await waitForWorker(page);
  await expect(page.locator('[data-offline-status]')).toHaveText(/^Available offline · updated \d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);

  await context.setOffline(true);
  const pages: [string, string][] = [
    ['/', 'Social media, done well'],
    ['/protocols/', 'Protocols'],
    ['/protocols/negative-or-false-post/', 'Negative or false post'],
    ['/policy/', 'Social media policy'],
    ['/policy/scope/', 'Scope'],
    ['/teams/', 'Teams and owners'],
    ['/teams/hub-response/', 'Hub response desk'],
    ['/glossary/', 'Glossary'],
  ];
  for (const [url, heading] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 }), url).toContainText(heading);
    await expect(page.getByRole('heading', { name: 'This page is not available offline' }), url).toHaveCount(0);
  }
  // The date of the copy a reader holds, while offline.
  await page.goto('/protocols/crisis-escalation/');
  await expect(page.locator('[data-offline-status]')).toHaveText(/^Offline · you are reading the copy of \d{1,2} \w{3} \d{4}/);
  await expect(page.locator('.first-hour')).toBeVisible();

  // Proof the network really is off for the worker: a page never read is not there, and the
  // notice says what is.
  await page.goto('/playbooks/hand-leads-to-sales/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not available offline');
  await expect(page.getByRole('link', { name: 'Crisis escalation' }).first()).toBeVisible();
  expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);

  // Search: the /search/ page and the dialog, from the precached Pagefind index.
  await page.goto('/search/?q=crisis');
  await expect(page.locator('.search-main [role=status]')).toContainText('for “crisis”');
  await expect(page.locator('#search-page-results').getByText('Crisis escalation').first()).toBeVisible();
  await page.goto('/protocols/');
  await page.keyboard.press('/');
  await page.keyboard.type('crisis');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('results for “crisis”');
  expect(await cspViolations(page)).toEqual([]);
});

test('a page read once online is kept; a missing page (404) is passed through and never stored', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await waitForWorker(page);
  // Read under the worker: kept. Its status line says so.
  await page.goto('/playbooks/measure-what-matters/');
  await expect(page.locator('[data-offline-status]')).toContainText('Available offline');
  // A missing page answers 404: passed through, not stored.
  const missing = await page.goto('/no-such-page/');
  expect(missing?.status()).toBe(404);
  const stored = await page.evaluate(async () => {
    const keys: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) keys.push(new URL(r.url).pathname);
    return keys;
  });
  expect(stored).toContain('/playbooks/measure-what-matters/');
  expect(stored.filter((p) => p.includes('no-such-page'))).toEqual([]);
  await context.setOffline(true);
  await page.goto('/playbooks/measure-what-matters/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Measure what matters');
});

test('pages read are kept under the worker\'s own scope; the unscoped cache of earlier builds is cleared', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await waitForWorker(page);
  await page.goto('/playbooks/measure-what-matters/');
  await expect(page.locator('[data-offline-status]')).toContainText('Available offline');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(await page.evaluate(() => caches.keys())).toContain(`hub-pages-${scope}`);
  // A reader whose browser still holds the cache an earlier build named "hub-pages": the next
  // worker to activate removes it.
  await page.evaluate(async () => {
    await (await caches.open('hub-pages')).put('/old-page/', new Response('old'));
    await (await navigator.serviceWorker.ready).unregister();
  });
  await page.goto('/');
  await waitForWorker(page);
  await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain('hub-pages');
});

test('behind single sign-on: an expired session still opens saved protocols, and sign-in pages are never stored', async ({ page, context }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await waitForWorker(page);
  // The session expires: the identity proxy answers every page with a redirect to its sign-in
  // page, or with a sign-in form in place of the page (both happen behind proxies).
  await context.route(/\/protocols\/[a-z-]+\/$/, (route) => route.fulfill({ status: 302, headers: { location: '/sign-in/' } }));
  await context.route(/\/(policy|playbooks)\/[a-z-]+\/$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title><h1>Sign in to continue</h1>' }));
  await context.route(/\/sign-in\/$/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title><h1>Sign in to continue</h1>' }));

  // A saved protocol and policy chapter open from the cache instead of the sign-in page.
  await page.goto('/protocols/crisis-escalation/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crisis escalation');
  await page.goto('/policy/scope/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scope');
  // A page with no saved copy: the reader is sent to sign in, as without the worker.
  await page.goto('/playbooks/hand-leads-to-sales/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to continue');

  const stored = await page.evaluate(async () => {
    const found: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if ((await (await cache.match(request))!.text()).includes('Sign in to continue')) found.push(request.url);
    }
    return found;
  });
  expect(stored).toEqual([]);
});

/** A real build of the small fixture corpus into `out`; a failed build fails the test with the build's output. */
function buildFixture(content: string, out: string, cache: string, extra: Record<string, string> = {}) {
  const { HUB_BUILT_AT: _pinned, ...env } = { ...process.env, ...extra };
  const run = withBuildLock(() => spawnSync(resolve('node_modules/.bin/astro'), ['build', '--outDir', out], {
    encoding: 'utf8',
    env: { ...env, HUB_CONTENT_DIR: content, HUB_CACHE_DIR: cache, CI: 'true' },
    timeout: 120_000,
  }));
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
}

/** The fixture corpus copied to root/content and built into root/site (with `env`). */
function buildFixtureSite(root: string, env: Record<string, string> = {}) {
  cpSync(resolve('tests/fixtures/base'), join(root, 'content'), { recursive: true });
  buildFixture(join(root, 'content'), join(root, 'site'), join(root, 'cache'), env);
}

/**
 * root/site served on a free port (not a fixed one: another checkout's tests may run on the same
 * machine); resolves once the site answers, with the content folder and the site's address (under
 * BASE_PATH when `env` sets one).
 */
async function serveSite(root: string, env: Record<string, string> = {}): Promise<{ content: string; origin: string; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port), '--dir', join(root, 'site')], { stdio: 'ignore', env: { ...process.env, ...env } });
  const origin = `http://127.0.0.1:${port}${env.BASE_PATH ?? ''}`;
  try {
    await expect.poll(() => fetch(`${origin}/`).then((r) => r.status).catch(() => 0), { timeout: 20_000 }).toBe(200);
  } catch (error) {
    server.kill();
    throw error;
  }
  return { content: join(root, 'content'), origin, server };
}

/** The fixture content under root/ built again (with `env`) into root/next. */
const buildNext = (root: string, env: Record<string, string> = {}) => buildFixture(join(root, 'content'), join(root, 'next'), join(root, 'cache'), env);

/** root/next deployed: swapped in whole for the served site. */
function deployNext(root: string) {
  rmSync(join(root, 'site'), { recursive: true });
  renameSync(join(root, 'next'), join(root, 'site'));
}

test.describe('a new build', () => {
  // In order, in one worker: each test starts from the same build of the fixture corpus, and two
  // deploy the same HUB_OFFLINE=off build of it; each of those builds is made once and copied.
  test.describe.configure({ mode: 'default' });
  /** The folder each test builds and serves from: always the same path, so the cache stays valid. */
  const dir = join(tmpdir(), `hub-offline-${process.pid}`);
  /** Copies of dir/ as first built (content, site, cache) and of the HUB_OFFLINE=off build. */
  const first = `${dir}.first`;
  const off = `${dir}.off`;
  let server: ChildProcess | undefined;
  test.afterEach(() => {
    server?.kill();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  test.afterAll(() => {
    for (const folder of [first, off]) rmSync(folder, { recursive: true, force: true });
  });

  /** The first build of the fixture corpus served, and its incident protocol read once online, with the worker installed. */
  async function readOnceWithWorker(page: Page): Promise<{ content: string; origin: string }> {
    if (existsSync(first)) cpSync(first, dir, { recursive: true });
    else {
      buildFixtureSite(dir);
      cpSync(dir, first, { recursive: true });
    }
    const built = await serveSite(dir);
    server = built.server;
    await page.goto(`${built.origin}/protocols/incident/`);
    await waitForWorker(page);
    return built;
  }

  /** The unchanged fixture content built with HUB_OFFLINE=off into dir/next, and deployed. */
  function deployKillSwitch() {
    if (existsSync(off)) cpSync(off, join(dir, 'next'), { recursive: true });
    else {
      buildNext(dir, { HUB_OFFLINE: 'off' });
      cpSync(join(dir, 'next'), off, { recursive: true });
    }
    deployNext(dir);
  }

  test('reaches the next online visit, and an open page that changed says so', async ({ page }) => {
    test.setTimeout(180_000);
    const { content, origin } = await readOnceWithWorker(page);
    await expect(page.locator('.first-hour')).toContainText('Pause scheduled posts.');

    // The protocol changes; the site is rebuilt and deployed (swapped in whole).
    const file = join(content, 'protocols', 'incident.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Pause scheduled posts.', 'Pause every scheduled post on every channel.'));
    buildNext(dir);
    deployNext(dir);

    // The next visit, in another tab, shows the new version at once, without a manual reload.
    const next = await page.context().newPage();
    await next.goto(`${origin}/protocols/incident/`);
    await expect(next.locator('.first-hour')).toContainText('Pause every scheduled post on every channel.');
    // That visit brought the new build's worker; the tab left open on the old version is told, in
    // a live region so screen readers hear it too.
    await expect(page.getByRole('status').getByText(/^This protocol was updated at \d{1,2} \w{3} \d{4}, \d\d:\d\d$/)).toBeVisible({ timeout: 20_000 });
    expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('.first-hour')).toContainText('Pause every scheduled post on every channel.');
    // The precache now holds the new version for offline reading too.
    await page.context().setOffline(true);
    await next.reload();
    await expect(next.locator('.first-hour')).toContainText('Pause every scheduled post on every channel.');
  });

  // Its own test, with no offline phase before it: after Playwright's offline emulation the old
  // worker can keep a request pending, and Chromium then holds the kill switch back as a waiting
  // worker for minutes (seen in about one run in four with two workers busy).
  test("the kill switch: a build with HUB_OFFLINE=off empties the portal's caches and unregisters the worker on the next online visit", async ({ page }) => {
    test.setTimeout(180_000);
    const { origin } = await readOnceWithWorker(page);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);

    deployKillSwitch();
    const next = await page.context().newPage();
    await next.goto(`${origin}/protocols/`);
    // The kill switch reloads open pages: a check that meets the reload is simply tried again.
    const state = () => next.evaluate(async () => ({ caches: (await caches.keys()).length, workers: (await navigator.serviceWorker.getRegistrations()).length })).catch(() => undefined);
    await expect.poll(state, { timeout: 20_000 }).toEqual({ caches: 0, workers: 0 });
    await expect(next.locator('[data-offline-status]')).toHaveCount(0);
    // The tab left open on the old build was reloaded from the network: it is the new build's page.
    await expect(page.locator('[data-offline-status]')).toHaveCount(0);
  });

  test('when the browser holds the kill switch back, the pages of the HUB_OFFLINE=off build retire offline reading themselves', async ({ page }) => {
    test.setTimeout(180_000);
    const { origin } = await readOnceWithWorker(page);
    // Another application on the same origin keeps its cache.
    await page.evaluate(() => caches.open('another-app').then((cache) => cache.put('/another-app/data.json', new Response('{}'))));

    deployKillSwitch();
    // The kill switch's worker never takes over: the browser's update check finds no script.
    rmSync(join(dir, 'site', 'sw.js'));
    const next = await page.context().newPage();
    await next.goto(`${origin}/protocols/`);
    const state = () => next.evaluate(async () => ({ caches: await caches.keys(), registered: (await navigator.serviceWorker.getRegistration()) !== undefined }));
    const before = await state();
    expect(before.registered).toBe(true);
    expect(before.caches).toEqual(expect.arrayContaining(['another-app', `workbox-precache-v2-${origin}/`]));
    // After the page's grace period (10 s): the portal's caches are gone, the worker unregistered.
    await expect.poll(state, { timeout: 30_000 }).toEqual({ caches: ['another-app'], registered: false });
    // No page opened from now on is served by the old worker.
    const fresh = await page.context().newPage();
    await fresh.goto(`${origin}/policy/`);
    expect(await fresh.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  });
});

test('under a path prefix (BASE_PATH), the worker serves the prefixed site offline, and HUB_BINDERS=1 prints and links the binders', async ({ page, context }) => {
  test.setTimeout(150_000);
  const root = mkdtempSync(join(tmpdir(), 'hub-offline-base-'));
  let served: ChildProcess | undefined;
  try {
    const env = { BASE_PATH: '/social-hub', HUB_BINDERS: '1' };
    buildFixtureSite(root, env);
    const built = await serveSite(root, env);
    served = built.server;
    const site = built.origin;
    // The build printed the binders, and the pages link to them under the prefix.
    for (const [url, name, file] of [['/policy/', 'the whole policy as one controlled document', 'policy.pdf'], ['/protocols/', 'every protocol in one binder', 'protocols.pdf'], ['/paths/new-practitioner/', 'this path and every page it leads through, in one binder', 'path-new-practitioner.pdf']]) {
      await page.goto(`${site}${url}`);
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', `/social-hub/binders/${file}`);
      const pdf = await page.request.get(`${site}/binders/${file}`);
      expect(pdf.status(), file).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await page.goto(`${site}/protocols/incident/`);
    await waitForWorker(page);
    await expect(page.locator('[data-offline-status]')).toContainText('Available offline');
    await context.setOffline(true);
    await page.goto(`${site}/policy/scope/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scope');
    await page.goto(`${site}/playbooks/start/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not available offline');
    await page.goto(`${site}/search/?q=incident`);
    await expect(page.locator('.search-main [role=status]')).toContainText('for “incident”');
  } finally {
    served?.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
