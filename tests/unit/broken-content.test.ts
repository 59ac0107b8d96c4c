/**
 * The broken-content corpus: one defect per case, on top of a small valid corpus. For every case
 * `npm run check` must exit non-zero and name the file (with its line where known), the field and
 * the fix, without a stack trace. tests/e2e/broken-build.spec.ts runs real builds on some of them.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BrokenCase { name: string; defect: string; expect: string[]; remove?: string[]; generate?: Record<string, number> }
const FIXTURES = resolve('tests/fixtures');
const { cases } = JSON.parse(readFileSync(join(FIXTURES, 'broken/cases.json'), 'utf8')) as { cases: BrokenCase[] };

/** Lay out base + case in a fresh folder as <root>/content; returns root. */
export function layOut(c: BrokenCase): string {
  const root = mkdtempSync(join(tmpdir(), `broken-${c.name}-`));
  cpSync(join(FIXTURES, 'base'), join(root, 'content'), { recursive: true });
  // A case made only of generated files (huge-file) has no folder: git keeps no empty ones.
  if (existsSync(join(FIXTURES, 'broken', c.name))) cpSync(join(FIXTURES, 'broken', c.name), join(root, 'content'), { recursive: true });
  for (const rel of c.remove ?? []) rmSync(join(root, 'content', rel));
  for (const [rel, bytes] of Object.entries(c.generate ?? {})) {
    const paragraph = 'The hub reviews this paragraph once a year and keeps it short. ';
    writeFileSync(join(root, 'content', rel), `---\ntitle: Huge\n---\n\n${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`);
  }
  return root;
}

it('the corpus has at least 25 cases and the base is valid', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  const run = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', join(FIXTURES, 'base')], { encoding: 'utf8' });
  expect(run.stdout).toContain('Content check passed');
  expect(run.status).toBe(0);
});

describe.each(cases)('$name: $defect', (c) => {
  it('npm run check fails with file, field and fix, and no stack trace', () => {
    const root = layOut(c);
    const run = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', 'content'], { cwd: root, encoding: 'utf8' });
    rmSync(root, { recursive: true, force: true });
    const out = `${run.stdout}${run.stderr}`;
    expect(run.status, out).toBe(1);
    for (const text of c.expect) expect(out).toContain(text);
    expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(out).toContain('Fix each line above');
  });
});

it('one defect gives one problem: references to a broken entry are not reported again', () => {
  const c = cases.find((x) => x.name === 'team-without-contact')!;
  const root = layOut(c);
  const run = spawnSync(process.execPath, [resolve('scripts/check.ts'), '--dir', 'content'], { cwd: root, encoding: 'utf8' });
  rmSync(root, { recursive: true, force: true });
  expect(run.stderr).toContain('found 1 problem(s)');
});
