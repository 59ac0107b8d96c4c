import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEntry } from '../../src/node/read-content.ts';
import { validateEntry } from '../../src/lib/validate-content.ts';

/**
 * `npm run dev` checks every file again after each edit; unchanged files keep their parsed and
 * checked entry, and an edited file is always read and checked afresh.
 */
describe('re-checking content after an edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-recheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'playbooks'));
  const file = join(dir, 'playbooks', 'build-a-business-case.md');
  copyFileSync('content/playbooks/build-a-business-case.md', file);
  const original = readFileSync(file, 'utf8');

  it('keeps the parsed and checked entry of a file whose text is unchanged', () => {
    const first = readEntry('playbooks', file, dir);
    expect(readEntry('playbooks', file, dir)).toBe(first);
    expect(validateEntry(first)).toBe(validateEntry(first));
    expect(validateEntry(first).problems).toEqual([]);
  });

  it('reads and checks an edited file again, and sees the problem it now has', () => {
    const before = readEntry('playbooks', file, dir);
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: ""'));
    const after = readEntry('playbooks', file, dir);
    expect(after).not.toBe(before);
    expect((after.data as { title: string }).title).toBe('');
    expect(validateEntry(after).problems.map((p) => p.field)).toContain('title');
    writeFileSync(file, original);
    expect(validateEntry(readEntry('playbooks', file, dir)).problems).toEqual([]);
  });
});
