import { test, expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { filesUnder } from './dist-files.ts';

/**
 * The shipped content holds a draft and a withdrawn playbook, each with a marker phrase. The draft
 * must not appear anywhere in dist/; the withdrawn one only on its own page.
 */
const DIST = 'dist';
const DRAFT_MARKERS = ['quokka-lantern-5521', 'Run a live Q&amp;A session with an SME', 'run-a-live-q-and-a'];
const WITHDRAWN_MARKER = 'heron-teapot-9034';
const WITHDRAWN_PAGE = 'playbooks/open-a-channel-checklist/index.html';

/** Every file under `dir`, with `dir` in front of its path. */
const files = (dir: string): string[] => filesUnder(dir).map((f) => join(dir, f));

test('no draft text reaches any file in dist/', () => {
  const all = files(DIST);
  expect(all.length).toBeGreaterThan(50);
  for (const file of all) {
    const text = readFileSync(file).toString('latin1');
    for (const marker of DRAFT_MARKERS) expect(text.includes(marker), `${relative(DIST, file)} contains "${marker}"`).toBe(false);
  }
});

/** The text of every Pagefind file: they are gzip-compressed, so a plain scan sees nothing. */
function searchIndexTexts(): { file: string; text: string }[] {
  return files(join(DIST, 'pagefind'))
    .filter((f) => /\.pf_(fragment|index|meta|filter)$/.test(f))
    .map((f) => ({ file: relative(DIST, f), text: gunzipSync(readFileSync(f)).toString('latin1') }));
}

test('no draft text is inside the compressed search index', () => {
  const texts = searchIndexTexts();
  expect(texts.filter((t) => t.file.includes('fragment')).length).toBeGreaterThan(50);
  // The index holds the withdrawn-free published text: a known published phrase is found, so a miss means something.
  expect(texts.some((t) => t.text.includes('guest destination'))).toBe(true);
  for (const { file, text } of texts) {
    for (const marker of [...DRAFT_MARKERS, 'Run a live Q&A session with an SME', WITHDRAWN_MARKER]) expect(text.includes(marker), `${file} contains "${marker}"`).toBe(false);
  }
});

test('no file used only by a draft is emitted: the draft playbook\'s image is not in dist/', () => {
  const image = readFileSync('content/playbooks/live-q-and-a-room.png');
  const emitted = files(DIST);
  expect(emitted.filter((f) => f.includes('live-q-and-a-room')).map((f) => relative(DIST, f))).toEqual([]);
  expect(emitted.filter((f) => statSync(f).size === image.length && readFileSync(f).equals(image)).map((f) => relative(DIST, f))).toEqual([]);
});

test('the spelling list holds no word found only in a draft or a withdrawn entry', () => {
  const words = Object.keys(JSON.parse(readFileSync(join(DIST, 'search/words.json'), 'utf8')) as Record<string, number>);
  expect(words.length).toBeGreaterThan(500);
  for (const w of ['quokka', 'lantern', 'heron', 'teapot']) expect(words, w).not.toContain(w);
});

test('withdrawn text appears only on the withdrawn page itself', () => {
  const hits = files(DIST).filter((f) => readFileSync(f).toString('latin1').includes(WITHDRAWN_MARKER)).map((f) => relative(DIST, f));
  expect(hits).toEqual([WITHDRAWN_PAGE]);
});

test('the withdrawn page keeps its address, shows the banner and points to its replacement', async ({ page }) => {
  await page.goto('/playbooks/open-a-channel-checklist/');
  const banner = page.getByRole('note', { name: 'Withdrawn' });
  await expect(banner).toContainText('withdrawn');
  await banner.getByRole('link').click();
  await expect(page).toHaveURL(/\/playbooks\/launch-a-channel\/$/);
});

test('the withdrawn entry leaves every list', async ({ page }) => {
  for (const path of ['/playbooks/', '/', '/phases/', '/start/', '/teams/hub-editorial/']) {
    await page.goto(path);
    await expect(page.locator('a[href$="/playbooks/open-a-channel-checklist/"]'), path).toHaveCount(0);
  }
});

test('a draft has no page', async ({ page }) => {
  const response = await page.goto('/playbooks/run-a-live-q-and-a/');
  expect(response?.status()).toBe(404);
});

test('every link that leaves the portal has rel="noopener noreferrer"', () => {
  const unsafe: string[] = [];
  for (const file of files(DIST).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const [tag] of html.matchAll(/<a [^>]*href="(?:https?:)?\/\/[^"]*"[^>]*>/g)) {
      if (!/rel="noopener noreferrer"/.test(tag)) unsafe.push(`${relative(DIST, file)}: ${tag}`);
    }
  }
  expect(unsafe).toEqual([]);
});
