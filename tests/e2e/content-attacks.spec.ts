/**
 * The attacks an author could try, end to end: content that would run code for readers (an SVG
 * with a script, a script imported with ?url, a meta refresh) is refused by the real build with one
 * line per file; and a static SVG that does reach a server is inert under the production headers
 * (scripts/serve.ts sends those of src/lib/security-headers.ts), in real Chromium.
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withBuildLock } from './build-lock.ts';

const FIXTURES = resolve('tests/fixtures');
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.documentElement.setAttribute('data-pwned', 'yes')</script></svg>\n`;
const PLAYBOOK = readFileSync(join(FIXTURES, 'base/playbooks/start.md'), 'utf8');

test('the build refuses every attack, one line per file, and writes no site', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'hub-attacks-'));
  try {
    cpSync(join(FIXTURES, 'base'), join(dir, 'content'), { recursive: true });
    rmSync(join(dir, 'content/playbooks/start.md'));
    writeFileSync(join(dir, 'content/playbooks/diagram.svg'), EVIL_SVG);
    writeFileSync(join(dir, 'content/playbooks/evil.js'), 'document.title = "pwned";\n');
    writeFileSync(join(dir, 'content/playbooks/start.mdx'), `${PLAYBOOK}\nimport evil from './evil.js?url'\n\n<script src={evil}></script>\n`);
    writeFileSync(join(dir, 'content/playbooks/refresh.md'), PLAYBOOK.replace('Start a channel', 'Refresh').concat('\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'));
    const run = withBuildLock(() => spawnSync(resolve('node_modules/.bin/astro'), ['build', '--outDir', join(dir, 'dist')], {
      encoding: 'utf8',
      env: { ...process.env, HUB_CONTENT_DIR: join(dir, 'content'), HUB_CACHE_DIR: join(dir, 'cache'), CI: 'true' },
      timeout: 120_000,
    }));
    const out = `${run.stdout}${run.stderr}`;
    expect(run.status, out).toBe(1);
    expect(out).toContain('content/playbooks/diagram.svg  is an SVG');
    expect(out).toContain('content/playbooks/evil.js  is not content');
    expect(out).toMatch(/content\/playbooks\/start\.mdx:21 {2}"import evil from '\.\/evil\.js\?url'" is code, not content/);
    expect(out).toMatch(/content\/playbooks\/start\.mdx:23 {2}uses <script>/);
    expect(out).toMatch(/content\/playbooks\/refresh\.md:21 {2}uses <meta>/);
    expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an SVG opened directly runs no script under the production headers', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-svg-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, '_astro', 'diagram.svg'), EVIL_SVG);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  const server = spawn(resolve('node_modules/.bin/node'), [resolve('scripts/serve.ts'), '--port', '0', '--dir', dir]);
  try {
    const origin = await new Promise<string>((done, fail) => {
      server.stdout.on('data', (d: Buffer) => {
        const url = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d))?.[0];
        if (url) done(url);
      });
      server.on('exit', () => fail(new Error('serve.ts stopped')));
    });
    const response = await page.goto(`${origin}/_astro/diagram.svg`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'none'");
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-pwned'))).toBeNull();

    // The control: the same file without the asset policy does run, so the check above can fail.
    await page.route('**/unguarded.svg', (route) => route.fulfill({ contentType: 'image/svg+xml', body: EVIL_SVG }));
    await page.goto(`${origin}/unguarded.svg`);
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-pwned'))).toBe('yes');
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
