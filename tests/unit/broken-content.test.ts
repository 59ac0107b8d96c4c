/**
 * The broken-content corpus: one defect per case, on top of a small valid corpus. For every case
 * the content check (the function both `npm run check` and the build run) must report the
 * problem as `file:line  field: what to do`. The cases run in-process; one CLI smoke test checks
 * that `npm run check` prints the same lines, exits 1 and shows no stack trace.
 * tests/e2e/broken-build.spec.ts runs real builds on some of them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkContent } from '../../src/node/checked-content.ts';
import { formatProblem } from '../../src/lib/validate-content.ts';

type Generated = number | { before: string; repeat: string; times: number; after: string };
export interface BrokenCase { name: string; defect: string; expect: string[]; remove?: string[]; generate?: Record<string, Generated>; links?: Record<string, string> }
const FIXTURES = resolve('tests/fixtures');
const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'broken/cases.json'), 'utf8')) as { cases: BrokenCase[] };

/** Lay out base + case in a fresh folder as <root>/content; returns root. */
export function layOut(c: BrokenCase): string {
  const root = mkdtempSync(join(tmpdir(), `broken-${c.name}-`));
  cpSync(join(FIXTURES, 'base'), join(root, 'content'), { recursive: true });
  // A case made only of generated files (huge-file) has no folder: git keeps no empty ones.
  if (existsSync(join(FIXTURES, 'broken', c.name))) cpSync(join(FIXTURES, 'broken', c.name), join(root, 'content'), { recursive: true });
  for (const rel of c.remove ?? []) rmSync(join(root, 'content', rel));
  for (const [rel, spec] of Object.entries(c.generate ?? {})) {
    const paragraph = 'The hub reviews this paragraph once a year and keeps it short. ';
    const text = typeof spec === 'number'
      ? `---\ntitle: Huge\n---\n\n${paragraph.repeat(Math.ceil(spec / paragraph.length))}`
      : `${spec.before}${spec.repeat.repeat(spec.times)}${spec.after}`;
    mkdirSync(dirname(join(root, 'content', rel)), { recursive: true });
    writeFileSync(join(root, 'content', rel), text);
  }
  for (const [rel, target] of Object.entries(c.links ?? {})) symlinkSync(target, join(root, 'content', rel));
  return root;
}

/** Run the content check in-process, as the build and `npm run check` do. */
function check(root: string): string[] {
  return checkContent('content', root).problems.map(formatProblem);
}

it('the corpus has more than 60 cases and the base is valid', () => {
  expect(cases.length).toBeGreaterThan(60);
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  expect(checkContent(join(FIXTURES, 'base')).problems).toEqual([]);
});

describe.each(cases)('$name: $defect', (c) => {
  it('the check names the file, the line or field, and the fix', () => {
    const root = layOut(c);
    try {
      const lines = check(root);
      const out = lines.join('\n');
      expect(lines.length, 'at least one problem').toBeGreaterThan(0);
      for (const text of c.expect) expect(out).toContain(text);
      // One line per problem, each starting with the file.
      for (const line of lines) expect(line).toMatch(/^content\/\S/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

it('npm run check prints the same lines, exits 1 and shows no stack trace', () => {
  const c = cases.find((x) => x.name === 'mdx-import-node')!;
  const root = layOut(c);
  try {
    const expected = check(root);
    const run = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', 'content'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    for (const line of expected) expect(run.stderr).toContain(line);
    expect(run.stderr).toContain('Fix each line above');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // Starting Node 24 and loading the checker takes seconds on a busy machine.
}, 30_000);

it('one defect gives one problem: references to a broken entry are not reported again', () => {
  const root = layOut(cases.find((x) => x.name === 'team-without-contact')!);
  try {
    expect(check(root)).toHaveLength(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('a content folder that is missing, a file, or holds no collection fails the check instead of building an empty portal', () => {
  const root = mkdtempSync(join(tmpdir(), 'hub-no-content-'));
  try {
    const only = () => checkContent('content', root).problems.map(formatProblem);
    expect(only()).toEqual([expect.stringMatching(/^content {2}does not exist, so there is no content to build\. .*HUB_CONTENT_DIR/)]);
    writeFileSync(join(root, 'content'), 'not a folder');
    expect(only()).toEqual([expect.stringMatching(/^content {2}is a file, not the content folder\./)]);
    rmSync(join(root, 'content'));
    mkdirSync(join(root, 'content', 'notes'), { recursive: true });
    expect(only()).toEqual([expect.stringMatching(/^content {2}holds none of the collections \(policy\/, .*\), so the portal would be empty\./), expect.stringMatching(/^content\/notes {2}is not a collection\./)]);
    // One collection is enough: a portal may start with its policy alone.
    mkdirSync(join(root, 'content', 'policy'));
    rmSync(join(root, 'content', 'notes'), { recursive: true });
    expect(only()).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
