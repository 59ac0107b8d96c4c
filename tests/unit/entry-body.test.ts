import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { entryBody } from '../../src/node/entry-body.ts';

/** What Astro's Markdown and MDX loaders store as `body` (their getEntryInfo). */
const astroBody = (text: string) => parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();

const docFiles = ['policy', 'phases', 'playbooks', 'case-studies', 'protocols'].flatMap((c) =>
  readdirSync(join('content', c)).filter((f) => /\.mdx?$/.test(f)).map((f) => join('content', c, f)),
);

describe('entryBody', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entry-body-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the body Astro would have stored, for every shipped entry', () => {
    expect(docFiles.length).toBeGreaterThan(20);
    for (const file of docFiles) expect(entryBody({ filePath: file, digest: 'a' }), file).toBe(astroBody(readFileSync(file, 'utf8')));
  });

  it('agrees with Astro on leading blank lines, a byte order mark and no frontmatter', () => {
    const cases = ['\n\n---\ntitle: A\n---\n\nBody text.\n', '\uFEFF---\ntitle: B\n---\nSecond.\n', 'No frontmatter at all.\n'];
    cases.forEach((text, i) => {
      const file = join(dir, `case-${i}.md`);
      writeFileSync(file, text);
      expect(entryBody({ filePath: relative(process.cwd(), file), digest: `d${i}` })).toBe(astroBody(text));
    });
  });

  it('reads the file again when its digest changes (an edit under astro dev)', () => {
    const file = relative(process.cwd(), join(dir, 'edited.md'));
    writeFileSync(file, '---\ntitle: A\n---\nFirst.\n');
    expect(entryBody({ filePath: file, digest: '1' })).toBe('First.');
    writeFileSync(file, '---\ntitle: A\n---\nSecond.\n');
    expect(entryBody({ filePath: file, digest: '1' })).toBe('First.');
    expect(entryBody({ filePath: file, digest: '2' })).toBe('Second.');
  });
});
