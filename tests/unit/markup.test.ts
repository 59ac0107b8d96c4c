import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLiteral, unsafeUrl } from '../../src/lib/markup.ts';
import { parseBody } from '../../src/lib/body.ts';
import { readEntry } from '../../src/node/read-content.ts';
import { tempDir } from './helpers.ts';

describe('parseLiteral accepts literals only', () => {
  it.each([
    ['"text"', 'text'],
    ["'it\\'s'", "it's"],
    ['["a", \'b\',]', ['a', 'b']],
    ['{ a: 1, "b": [true, null] }', { a: 1, b: [true, null] }],
    ['-2.5', -2.5],
  ])('%s', (source, value) => expect(parseLiteral(source)).toEqual({ value }));
  it.each(['process.env.HOME', 'items', '`template`', '[a]', '"a" + "b"', 'fn()', '[...x]', '"unclosed', '{ [k]: 1 }'])('refuses %s', (source) => {
    expect(parseLiteral(source)).toBeUndefined();
  });
});

describe('unsafeUrl', () => {
  it.each(['https://a.example/', 'http://a.example/', 'mailto:hub@a.example', 'tel:+15550100', '/playbooks/x/', '#steps', './image.png'])('allows %s', (url) => {
    expect(unsafeUrl(url)).toBeUndefined();
  });
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/'])('refuses %s', (url) => {
    expect(unsafeUrl(url)).toBeDefined();
  });
});

describe('the markup boundary', () => {
  it('accepts the components with literal props, comments, literal expressions and allowed HTML', () => {
    const body = '{/* a note */}\n\n<Callout type="tip" title="Before you post">Check the facts.</Callout>\n\n<DoDont do={["Ask"]} dont={[\'Guess\']} />\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>; {"literal"}.\n\n<details open><summary>More</summary>\n\nText.\n\n</details>\n';
    expect(parseBody(body, { mdx: true }).problems).toEqual([]);
    expect(parseBody('Press <kbd title="copy">Ctrl</kbd>.\n\n<details><summary>More</summary>\n\nText.\n\n</details>\n', { mdx: false }).problems).toEqual([]);
  });
  it('reports each refused construct on its own line', () => {
    const { problems } = parseBody('import x from "y"\n\n{x}\n\n<Callout {...x}>a</Callout>\n', { mdx: true });
    expect(problems.map((p) => p.line)).toEqual([1, 3, 5]);
  });
});

describe('frontmatter is found exactly as Astro finds it', () => {
  const dir = tempDir('frontmatter-');
  mkdirSync(join(dir, 'playbooks'));
  const cases = [
    '---\ntitle: A\n---\n\nBody\n',
    '\n\n---\ntitle: A\n---\nBody\n',
    '---\ntitle: A\nsummary: |\n  one\n---two\n---\nBody\n',
    '---\ntitle: A\n--- \nBody\n',
    '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n',
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c]))('%s', (_, text) => {
    const file = join(dir, 'playbooks', 'x.md');
    writeFileSync(file, text);
    const raw = readEntry('playbooks', file, dir);
    const astro = parseFrontmatter(text);
    if (raw.parseError) {
      // Refused where Astro would read a different block than the author wrote.
      expect(raw.parseError.message).toMatch(/ends the frontmatter early/);
      expect(astro.content).toMatch(/^two\n---/);
    } else {
      expect(raw.data).toEqual(astro.frontmatter);
      expect(raw.body?.trim()).toBe(astro.content.trim());
    }
  });
});
