import { describe, expect, it } from 'vitest';
import { checkFiles, PLAYBOOK } from './helpers.ts';
import { formatProblem } from '../../src/lib/validate-content.ts';
import { parseBody } from '../../src/lib/body.ts';

const withBody = (body: string, name = 'playbooks/launch.md') => ({ [name]: PLAYBOOK.replace('## Steps\n\nWrite the purpose down first.\n', body) });
const messages = (files: Record<string, string>) => checkFiles(files).problems.map(formatProblem);
const OTHER = PLAYBOOK.replace('title: Launch a channel', 'title: Other');

describe('internal links and anchors', () => {
  it('accepts links to pages, sections and glossary terms that exist', () => {
    const body = '## Steps\n\nSee [other](/playbooks/other/#steps), [this](#steps), [home](/) and [site](https://example.com).\n';
    expect(messages({ ...withBody(body), 'playbooks/other.md': OTHER })).toEqual([]);
  });
  it('fails a link to a page that does not exist, naming file, line and link', () => {
    const out = messages(withBody('## Steps\n\nSee [x](/playbooks/nowhere/).\n'));
    expect(out).toEqual([expect.stringMatching(/^content\/playbooks\/launch\.md:18 {2}links to "\/playbooks\/nowhere\/", which is not a page/)]);
  });
  it('fails a link to a missing section of another page', () => {
    const out = messages({ ...withBody('## Steps\n\nSee [x](/playbooks/other/#nope).\n'), 'playbooks/other.md': OTHER });
    expect(out.join()).toContain('has no section "#nope"');
  });
  it('fails a missing same-page anchor', () => {
    expect(messages(withBody('## Steps\n\nSee [x](#stpes).\n')).join()).toContain('"#stpes"');
  });
  it('fails relative links and missing trailing slashes with the fix', () => {
    const out = messages({ ...withBody('## Steps\n\n[a](../other/) and [b](/playbooks/other).\n'), 'playbooks/other.md': OTHER }).join('\n');
    expect(out).toContain('relative link');
    expect(out).toContain('Write /playbooks/other/');
  });
  it('fails a link to a glossary term that does not exist', () => {
    expect(messages(withBody('## Steps\n\n[x](/glossary/#nothing).\n')).join()).toContain('glossary term "nothing"');
  });
  it('fails a link to a draft', () => {
    const draft = OTHER.replace('status: published', 'status: draft');
    expect(messages({ ...withBody('## Steps\n\n[x](/playbooks/other/).\n'), 'playbooks/other.md': draft }).join()).toContain('a draft that is never built');
  });
});

describe('body structure', () => {
  it('reports an MDX syntax error with its line in the file', () => {
    const out = messages(withBody('## Steps\n\nText with a stray { brace.\n', 'playbooks/launch.mdx'));
    expect(out.join()).toMatch(/launch\.mdx:18 {2}is not valid MDX/);
  });
  it('reports an unclosed tag', () => {
    const out = messages(withBody('## Steps\n\n<Callout type="tip">\nNever closed.\n', 'playbooks/launch.mdx'));
    expect(out.join()).toContain('is not valid MDX');
  });
  it('reports an empty section', () => {
    const out = messages(withBody('## Steps\n\n## Pitfalls\n\nSome text.\n'));
    expect(out.join()).toContain('the section "Steps" is empty');
  });
  it('finds headings with the slugs the page uses', () => {
    const { headings } = parseBody('## What to do first\n\ntext\n\n## What to do first\n\nmore\n', { mdx: false });
    expect(headings.map((h) => h.slug)).toEqual(['what-to-do-first', 'what-to-do-first-1']);
  });
});

describe('advice that points at what exists', () => {
  it('suggests the closest heading for a misspelt anchor, on the page and on another page', () => {
    expect(messages(withBody('## Steps\n\nSee [x](#stpes).\n')).join()).toContain('Did you mean #steps?');
    const out = messages({ ...withBody('## Steps\n\nSee [x](/playbooks/other/#step).\n'), 'playbooks/other.md': OTHER });
    expect(out.join()).toContain('has no section "#step". Did you mean /playbooks/other/#steps?');
  });
  it('lists the sections when no heading is close', () => {
    expect(messages(withBody('## Steps\n\nSee [x](#zzz).\n')).join()).toContain('Its sections are: #steps.');
  });
  it('suggests the slash fix only when it leads to a page, else the closest page', () => {
    const fixable = messages({ ...withBody('## Steps\n\n[b](/playbooks/other).\n'), 'playbooks/other.md': OTHER }).join();
    expect(fixable).toContain('without the trailing slash. Write /playbooks/other/.');
    const moved = messages({ ...withBody('## Steps\n\n[b](/docs/othr).\n'), 'playbooks/other.md': OTHER }).join();
    expect(moved).not.toContain('trailing slash');
    expect(moved).toContain('links to "/docs/othr", which is not a page of the portal. Did you mean /playbooks/other/?');
  });
  it('refuses a link to a source file and names the page', () => {
    const out = messages({ ...withBody('## Steps\n\n[b](/resources/other.md).\n'), 'playbooks/other.md': OTHER }).join();
    expect(out).toContain('links to "/resources/other.md", a source file, which is not served. Did you mean /playbooks/other/?');
  });
});
