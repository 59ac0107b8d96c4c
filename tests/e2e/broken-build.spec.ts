/**
 * Real builds and a real dev server on broken content (the corpus in tests/fixtures/broken):
 * the build exits non-zero with file, line, field and fix, and leaves the last good site alone;
 * the dev server reports the problem and recovers when the file is fixed.
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withBuildLock } from './build-lock.ts';
import { freePort } from './nginx-server.ts';

test.describe.configure({ mode: 'serial' });
const FIXTURES = resolve('tests/fixtures');
const ASTRO = resolve('node_modules/.bin/astro');

function corpus(caseName?: string, remove: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'hub-build-'));
  cpSync(join(FIXTURES, 'base'), join(dir, 'content'), { recursive: true });
  if (caseName) cpSync(join(FIXTURES, 'broken', caseName), join(dir, 'content'), { recursive: true });
  for (const r of remove) rmSync(join(dir, 'content', r));
  return dir;
}

function build(dir: string) {
  return withBuildLock(() => spawnSync(ASTRO, ['build', '--outDir', join(dir, 'dist')], {
    encoding: 'utf8',
    env: { ...process.env, HUB_CONTENT_DIR: join(dir, 'content'), HUB_CACHE_DIR: join(dir, 'cache'), CI: 'true' },
    timeout: 120_000,
  }));
}

for (const [name, remove, expected] of [
  ['dangling-owner', [], ['playbooks/start.md:4', 'owner', 'does not exist', 'Known teams ids include: hub-editorial']],
  ['mdx-syntax-error', ['playbooks/start.md'], ['playbooks/start.mdx:19', 'is not valid MDX']],
  ['malformed-yaml-data', [], ['glossary/spoke.yaml:2', 'not valid YAML']],
  ['path-step-to-draft', [], ['paths/new-practitioner.yaml:13', 'steps[1].entry', 'draft']],
  // Inputs where the check once passed and Astro then failed with a stack trace.
  ['entry-in-sub-folder', [], ['content/playbooks/extra/more.md  is in a sub-folder']],
  ['slug-with-spaces', [], ['playbooks/start.md:15  slug:']],
  ['frontmatter-dash-line', [], ['playbooks/start.md:4', 'ends the frontmatter early']],
  ['published-todo-field', [], ['playbooks/start.md:10  goal: still holds a TODO placeholder']],
] as [string, string[], string[]][]) {
  test(`the build fails loudly on ${name} and keeps the last good site`, async () => {
    test.setTimeout(120_000);
    const dir = corpus(name, remove);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'last good build');
    const run = build(dir);
    const out = `${run.stdout}${run.stderr}`;
    expect(run.status, out).not.toBe(0);
    for (const text of expected) expect(out).toContain(text);
    expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('last good build');
    rmSync(dir, { recursive: true, force: true });
  });
}

test('the valid base corpus builds under a path prefix: count check, base-aware and safe links, no MDX warning flood', async () => {
  test.setTimeout(120_000);
  const dir = corpus();
  // One entry as MDX. MDX bodies are rendered as Markdown, never compiled: Rolldown, which warned
  // ten times about every compiled MDX entry (withastro/astro#18087), sees none.
  renameSync(join(dir, 'content', 'case-studies', 'retail-first-channel.md'), join(dir, 'content', 'case-studies', 'retail-first-channel.mdx'));
  // Images beside the entries, shown from Markdown and from MDX: the check and the build accept both.
  mkdirSync(join(dir, 'content', 'playbooks', 'img'));
  cpSync(resolve('content/playbooks/live-q-and-a-room.png'), join(dir, 'content', 'playbooks', 'img', 'plan.png'));
  writeFileSync(join(dir, 'content', 'playbooks', 'start.md'), `${readFileSync(join(dir, 'content', 'playbooks', 'start.md'), 'utf8')}\n![The channel plan on one page](./img/plan.png)\n`);
  writeFileSync(join(dir, 'content', 'case-studies', 'retail-first-channel.mdx'), `${readFileSync(join(dir, 'content', 'case-studies', 'retail-first-channel.mdx'), 'utf8')}\n![The plan Retail used](../playbooks/img/plan.png)\n`);
  // A template folder starting with _ is skipped by the check and by Astro alike, whatever it holds.
  mkdirSync(join(dir, 'content', 'playbooks', '_templates'));
  writeFileSync(join(dir, 'content', 'playbooks', '_templates', 'playbook.md'), '---\ntitle: TODO\n---\n\n{broken\n');
  // Every collection has the same lifecycle: a withdrawn term, path and spoke keep their page with a banner.
  writeFileSync(join(dir, 'content', 'glossary', 'old-term.yaml'), 'term: Outpost\ndefinition: The old word for a spoke.\nstatus: withdrawn\n');
  writeFileSync(join(dir, 'content', 'paths', 'old-path.yaml'), readFileSync(join(dir, 'content', 'paths', 'new-practitioner.yaml'), 'utf8').replace('title: New practitioner', 'title: Old path').replace('status: published', 'status: withdrawn\nreplacedBy: paths/new-practitioner'));
  writeFileSync(join(dir, 'content', 'spokes', 'old-unit.yaml'), 'name: Old unit\nkind: spoke\ntype: business-unit\ndescription: A unit that was merged.\ncontactRole: spoke lead\nstatus: withdrawn\n');
  const check = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', join(dir, 'content')], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  const run = withBuildLock(() => spawnSync(ASTRO, ['build', '--outDir', join(dir, 'dist')], {
    encoding: 'utf8',
    env: { ...process.env, HUB_CONTENT_DIR: join(dir, 'content'), HUB_CACHE_DIR: join(dir, 'cache'), BASE_PATH: '/social-hub', SITE_URL: 'https://intranet.example', CI: 'true' },
    timeout: 120_000,
  }));
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/7 published entries: 7 pages, 7 listed on index pages, 7 in the search index[^;]*; 2 withdrawn/);
  for (const [page, index] of [['glossary/old-term', 'glossary'], ['paths/old-path', 'paths'], ['spokes/old-unit', 'spokes']] as const) {
    const withdrawn = readFileSync(join(dir, 'dist', page, 'index.html'), 'utf8');
    expect(withdrawn, page).toContain('This page has been withdrawn.');
    expect(withdrawn, page).not.toMatch(/<[a-z]+ [^>]*data-pagefind-body/);
    expect(readFileSync(join(dir, 'dist', index, 'index.html'), 'utf8'), index).not.toContain(`/${page}/`);
  }
  expect(readFileSync(join(dir, 'dist', 'paths', 'old-path', 'index.html'), 'utf8')).toContain('href="/social-hub/paths/new-practitioner/"');
  for (const page of ['playbooks/start', 'case-studies/retail-first-channel']) {
    expect(readFileSync(join(dir, 'dist', page, 'index.html'), 'utf8'), page).toMatch(/<img [^>]*src="\/social-hub\/_astro\/plan\.[^"]+"/);
  }
  expect(`${run.stdout}${run.stderr}`).not.toContain('MODULE_LEVEL_DIRECTIVE');
  const html = readFileSync(join(dir, 'dist', 'playbooks', 'start', 'index.html'), 'utf8');
  // A root-relative link in the Markdown gets the prefix; an external one gets rel and a marker.
  expect(html).toContain('href="/social-hub/protocols/incident/"');
  expect(html).toMatch(/<a href="https:\/\/guide\.example\/social" rel="noopener noreferrer" class="external">/);
  expect(html).toContain('<link rel="canonical" href="https://intranet.example/social-hub/playbooks/start/">');
  rmSync(dir, { recursive: true, force: true });
});

test('the dev server reports a broken file, recovers when it is fixed, and never compiles MDX that holds code', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = corpus();
  const file = join(dir, 'content', 'playbooks', 'start.md');
  const good = readFileSync(file, 'utf8');
  // A file broken before the server starts is reported by the check the server runs at start.
  const caseStudy = join(dir, 'content', 'case-studies', 'retail-first-channel.md');
  const goodCaseStudy = readFileSync(caseStudy, 'utf8');
  writeFileSync(caseStudy, goodCaseStudy.replace('owner: hub-editorial', 'owner: nobody'));
  const port = await freePort();
  const server = spawn(ASTRO, ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, HUB_CONTENT_DIR: join(dir, 'content'), HUB_CACHE_DIR: join(dir, 'cache') },
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  try {
    await expect.poll(() => log, { timeout: 60_000 }).toContain(`${port}`);
    await expect.poll(() => log, { timeout: 30_000 }).toContain('retail-first-channel.md:4  owner: points to "nobody", which does not exist');
    expect(log).toContain('Fix each line above');
    // Only what the terminal printed since `from`: each step waits for its own message.
    const since = (from: number) => () => log.slice(from);
    let from = log.length;
    writeFileSync(caseStudy, goodCaseStudy);
    await expect.poll(since(from), { timeout: 20_000 }).toContain('Content check passed again');
    // The first request can meet the dev server mid-start (its first content sync, or Vite's
    // dependency scan reloading the page): ask again until it answers or the time is up.
    await expect(async () => {
      await page.goto(`http://127.0.0.1:${port}/playbooks/start/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a channel', { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });

    from = log.length;
    writeFileSync(file, good.replace('owner: hub-editorial', 'owner: nobody'));
    await expect.poll(since(from), { timeout: 20_000 }).toContain('start.md:4  owner: points to "nobody", which does not exist');

    from = log.length;
    writeFileSync(file, good.replace('title: Start a channel', 'title: Start a channel well'));
    await expect.poll(since(from), { timeout: 20_000 }).toContain('Content check passed again');
    await expect(async () => {
      await page.goto(`http://127.0.0.1:${port}/playbooks/start/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a channel well', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    // The open page shows an edit by itself: once the loader has stored it, the store is written at
    // once (a sync that loads nothing, src/node/store-flush.ts), and the page reloads.
    from = log.length;
    writeFileSync(file, good.replace('title: Start a channel', 'title: Start a channel live'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a channel live', { timeout: 20_000 });
    expect(log.slice(from)).toMatch(/Reloaded data from \S*start\.md[\s\S]*Syncing content[\s\S]*Synced content/);

    // An MDX page that would run code on the author's machine is reported and never compiled.
    const marker = join(dir, 'ran.txt');
    writeFileSync(
      join(dir, 'content', 'playbooks', 'evil.mdx'),
      `${good.replace('title: Start a channel', 'title: Evil')}\nimport { writeFileSync } from 'node:fs'\nexport const ran = writeFileSync(${JSON.stringify(marker)}, 'ran')\n`,
    );
    await expect.poll(() => log, { timeout: 20_000 }).toContain(`evil.mdx:21  "import { writeFileSync } from 'node:fs'" is code, not content`);
    // A later change to another file shows on its page once the content loader has synced both.
    writeFileSync(file, good.replace('title: Start a channel', 'title: Start a channel again'));
    await expect(async () => {
      await page.goto(`http://127.0.0.1:${port}/playbooks/start/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a channel again', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const evil = await page.goto(`http://127.0.0.1:${port}/playbooks/evil/`);
    expect(evil?.status()).toBe(404);
    expect(existsSync(marker)).toBe(false);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
