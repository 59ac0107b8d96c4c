/**
 * Incremental builds give the same site as cold builds. Real builds of a small fixture corpus:
 * build cold, edit, build warm (pages with unchanged keys copied from the cache), build cold again
 * from the same content into another folder with an empty cache, and compare the two folders byte
 * for byte, search index included. Each round edits something: a body (only its page renders
 * again), a body that now links a glossary term (the term's page lists it), a title, a reference
 * and an owning team (the sidebar, backlinks, team pages), a glossary definition (the popovers of
 * every page that links the term), and the build day (review badges).
 * The warm builds run as `npm run build` does (scripts/build.ts: the search index and the other
 * steps after the build in a process of their own), the cold ones as `astro build` alone (the same
 * steps in Astro's process): the comparison covers both ways too.
 */
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withBuildLock } from './build-lock.ts';
import { filesUnder } from './dist-files.ts';

test.describe.configure({ mode: 'serial' });
const FIXTURES = resolve('tests/fixtures');
const ASTRO = resolve('node_modules/.bin/astro');

const SECOND = `---
title: Listen before you post
summary: Set up listening for the words your audience uses.
owner: hub-editorial
audiences: [practitioner]
status: published
lastReviewed: 2026-06-01
reviewEvery: 12
goal: Saved searches for every channel.
whenToUse: Before the first post.
timeNeeded: 1 hour
phases: [2]
channels: [linkedin]
---

## Steps

Save a search for each product name.
`;

const SECOND_TEAM = `name: Insights
description: Runs listening and reporting.
leadRole: insights lead
contact:
  email: insights@hub.example
`;

function build(content: string, out: string, cache: string, env: Record<string, string> = {}, way: 'npm run build' | 'astro build' = 'npm run build') {
  const [command, args]: [string, string[]] = way === 'npm run build' ? [process.execPath, ['scripts/build.ts', '--outDir', out]] : [ASTRO, ['build', '--outDir', out]];
  const run = withBuildLock(() => spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, HUB_CONTENT_DIR: content, HUB_CACHE_DIR: cache, HUB_TODAY: '2026-12-04', HUB_BUILT_AT: '2026-12-04T09:00:00.000Z', NO_COLOR: '1', CI: 'true', ...env },
    timeout: 240_000,
  }));
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout + run.stderr;
}

/** The paths whose bytes differ between two builds (or exist in one only); empty when identical. */
function differences(a: string, b: string): string[] {
  const left = filesUnder(a);
  const right = filesUnder(b);
  const only = [...left.filter((f) => !right.includes(f)), ...right.filter((f) => !left.includes(f))];
  const changed = left.filter((f) => right.includes(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return [...only, ...changed];
}

const reused = (log: string) => (log.match(/\((?:cached|restored)\)/g) ?? []).length;

test('a warm build after each kind of edit equals a cold build of the same content, byte for byte', async () => {
  test.setTimeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'hub-incremental-'));
  const content = join(dir, 'content');
  const cache = join(dir, 'cache');
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(content, path), change(readFileSync(join(content, path), 'utf8')));
  try {
    cpSync(join(FIXTURES, 'base'), content, { recursive: true });
    writeFileSync(join(content, 'playbooks', 'listen.md'), SECOND);
    writeFileSync(join(content, 'teams', 'insights.yaml'), SECOND_TEAM);
    build(content, join(dir, 'first'), cache);

    const rounds: { name: string; change: () => void; env?: Record<string, string>; keepsCache?: boolean; shows?: { page: string; text: string }; reusesSome: boolean }[] = [
      {
        name: 'a body',
        change: () => edit('playbooks/start.md', (t) => t.replace('Write the purpose first', 'Write the purpose down first')),
        reusesSome: true,
      },
      {
        name: 'a body that now links a glossary term',
        change: () => edit('playbooks/start.md', (t) => `${t}\nEvery [spoke](/glossary/#spoke) keeps a written purpose for each channel; a spoke without one asks the hub.\n`),
        reusesSome: false,
      },
      {
        name: 'a title, a reference and a team',
        change: () => {
          edit('playbooks/listen.md', (t) => t.replace('title: Listen before you post', 'title: Listen before you speak').replace('owner: hub-editorial', 'owner: insights'));
          edit('playbooks/start.md', (t) => t.replace('related: [protocols/incident]', 'related: [protocols/incident, case-studies/retail-first-channel]'));
        },
        reusesSome: false,
      },
      {
        // The cache is kept (only the linked terms' names and aliases clear it): every page that
        // shows the definition must render again from its key.
        name: 'a glossary definition',
        change: () => edit('glossary/spoke.yaml', (t) => t.replace(/^definition: .*$/m, 'definition: A business unit that runs its own channels, with the hub behind it.')),
        keepsCache: true,
        shows: { page: 'playbooks/start/index.html', text: 'A business unit that runs its own channels, with the hub behind it.' },
        reusesSome: false,
      },
      // Reviewed 2026-06-01 every 12 months: "due soon" from 2027-05-02.
      { name: 'the build day, past a review threshold', change: () => undefined, env: { HUB_TODAY: '2027-05-10' }, reusesSome: false },
    ];
    for (const [i, round] of rounds.entries()) {
      round.change();
      const warm = join(dir, `warm-${i}`);
      const cold = join(dir, `cold-${i}`);
      const log = build(content, warm, cache, round.env);
      build(content, cold, join(dir, `cold-cache-${i}`), round.env, 'astro build');
      expect(differences(warm, cold), `warm and cold builds differ after ${round.name}`).toEqual([]);
      expect(filesUnder(join(warm, 'pagefind')).length).toBeGreaterThan(5);
      // Without reuse the comparison would prove nothing about the keys.
      if (round.reusesSome) expect(reused(log), `pages reused after ${round.name}`).toBeGreaterThan(10);
      // Nor about the search records handed to Pagefind again.
      if (round.reusesSome) expect(log, `search records reused after ${round.name}`).toMatch(/the search records of \d+ unchanged pages reused/);
      if (round.keepsCache) expect(log, `caches kept after ${round.name}`).toContain('Build cache is current');
      if (round.shows) expect(readFileSync(join(warm, round.shows.page), 'utf8'), `after ${round.name}`).toContain(round.shows.text);
    }

    // No change at all: every keyed page and the search bundle come from the cache, and still match.
    const log = build(content, join(dir, 'again'), cache, { HUB_TODAY: '2027-05-10' });
    expect(log).toContain('Search index copied from the last build');
    expect(reused(log)).toBeGreaterThan(10);
    expect(differences(join(dir, 'again'), join(dir, `cold-${rounds.length - 1}`))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
