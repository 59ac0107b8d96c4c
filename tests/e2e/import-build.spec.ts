/**
 * The importer end to end: every export style in tests/fixtures/import/exports is imported with
 * the real command into a copy of the base corpus, each draft is filled in as an editor would
 * (tests/import-fill-in.ts) and published, and the real build must pass, with a page per draft that
 * shows no template code and no TODO, and anchors that reach their headings.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fillIn } from '../import-fill-in.ts';
import { withBuildLock } from './build-lock.ts';

const EXPORTS = resolve('tests/fixtures/import/exports');
const STYLES = ['hugo-docsy', 'hugo-plain', 'jekyll', 'mkdocs', 'govuk', 'confluence', 'mediawiki'];

test('imported drafts from seven export styles, filled in and published, pass the check and the build', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'hub-import-build-'));
  try {
    const contentDir = join(dir, 'content');
    cpSync(resolve('tests/fixtures/base'), contentDir, { recursive: true });
    for (const style of STYLES) {
      const run = spawnSync(process.execPath, ['scripts/import.ts', join(EXPORTS, style), '--collection', 'playbooks', '--owner', 'hub-editorial', '--site-url', 'https://handbook.example.org', '--content', contentDir, '--public', join(dir, 'public')], { encoding: 'utf8' });
      expect(run.status, `${style}\n${run.stdout}${run.stderr}`).toBe(0);
    }
    const playbooks = join(contentDir, 'playbooks');
    const drafts = readdirSync(playbooks).filter((f) => /\.mdx?$/.test(f) && f !== 'start.md');
    // An image found beside the sources is copied beside its entry, where the check accepts images.
    expect(existsSync(join(playbooks, 'respond-to-comments', 'reply-flow.png'))).toBe(true);
    // 14 pages in all; escalate and respond-to-comments exist in two styles, and the second import of
    // each is not written over the first.
    expect(drafts.length).toBe(12);
    // The base corpus's published entries, as related entries for the filled-in drafts.
    const related = ['playbooks/start', ...readdirSync(join(contentDir, 'protocols')).slice(0, 1).map((f) => `protocols/${f.replace(/\.mdx?$/, '')}`)];
    for (const file of drafts) writeFileSync(join(playbooks, file), fillIn(readFileSync(join(playbooks, file), 'utf8'), related));

    const check = spawnSync(process.execPath, ['scripts/check.ts', '--dir', contentDir], { encoding: 'utf8' });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    const build = withBuildLock(() => spawnSync(resolve('node_modules/.bin/astro'), ['build', '--outDir', join(dir, 'dist')], {
      encoding: 'utf8',
      env: { ...process.env, HUB_CONTENT_DIR: contentDir, HUB_CACHE_DIR: join(dir, 'cache'), CI: 'true' },
      timeout: 200_000,
    }));
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);

    for (const file of drafts) {
      const id = file.replace(/\.mdx?$/, '');
      const page = join(dir, 'dist', 'playbooks', id, 'index.html');
      expect(existsSync(page), id).toBe(true);
      const main = /<main[\s\S]*<\/main>/.exec(readFileSync(page, 'utf8'))?.[0] ?? '';
      expect(main, id).not.toMatch(/TODO|\{\{|\{%|<%|wikilink|&amp;#/);
    }
    const respond = readFileSync(join(dir, 'dist', 'playbooks', 'respond-to-comments', 'index.html'), 'utf8');
    expect(respond).toMatch(/<h2[^>]* id="find-the-owner-of-the-topic"/);
    expect(respond).toMatch(/href="#find-the-owner-of-the-topic"/);
    expect(respond).toMatch(/href="\/playbooks\/escalate\/#find-the-duty-officer"/);
    expect(respond).toMatch(/<img[^>]+alt="Reply flow: read, route, reply, record"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
