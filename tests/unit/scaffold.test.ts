import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaffold, slugify } from '../../src/lib/scaffold.ts';
import { readEntry } from '../../src/node/read-content.ts';
import { validateEntry } from '../../src/lib/validate-content.ts';
import { COLLECTIONS } from '../../src/schemas/vocab.ts';
import { tempDir } from './helpers.ts';

describe('slugify', () => {
  it('makes ids from titles', () => {
    expect(slugify('Run a live Q&A session')).toBe('run-a-live-q-and-a-session');
    expect(slugify('  Café  crème: règles ')).toBe('cafe-creme-regles');
    expect(slugify('!!!')).toBe('');
  });
});

describe('scaffold', () => {
  it.each(COLLECTIONS.map((c) => [c]))('a new %s entry passes its schema as it is', (collection) => {
    const { text, extension, todo } = scaffold(collection, 'A brand new entry', { owner: 'hub-editorial', today: '2026-11-28' });
    const dir = join(tempDir('scaffold-'), collection);
    mkdirSync(dir);
    const file = join(dir, `a-brand-new-entry${extension}`);
    writeFileSync(file, text);
    expect(validateEntry(readEntry(collection, file, dir)).problems).toEqual([]);
    expect(todo.length).toBeGreaterThan(0);
    if (extension !== '.yaml' || collection === 'paths' || collection === 'glossary') expect(text).toContain('TODO');
  });
});

describe('scaffolds are drafts until written', () => {
  it.each(COLLECTIONS.map((c) => [c]))('a new %s entry is a draft, and publishing it unchanged is refused for its TODOs', (collection) => {
    const { text, extension } = scaffold(collection, 'A brand new entry', { owner: 'hub-editorial', today: '2026-11-28' });
    expect(text).toMatch(/^status: draft\b/m);
    const dir = join(tempDir('scaffold-'), collection);
    mkdirSync(dir);
    const file = join(dir, `a-brand-new-entry${extension}`);
    writeFileSync(file, text.replace(/^status: draft.*$/m, 'status: published'));
    const problems = validateEntry(readEntry(collection, file, dir)).problems;
    expect(problems.some((p) => p.message.includes('TODO placeholder'))).toBe(true);
  });
});
