import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/node/read-content.ts';
import { validateContent } from '../../src/lib/validate-content.ts';
import { compareVersions, findSectionPages, planBinders, sectionHeading } from '../../src/lib/binders.ts';

const shipped = () => validateContent(readContent('content')).entries;

describe('compareVersions', () => {
  it('compares dotted numbers numerically', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('3', '3.0')).toBe(0);
    expect(compareVersions('1.2.3', '1.3')).toBeLessThan(0);
  });
});

describe('planBinders, on the shipped content', () => {
  const binders = planBinders(shipped());
  const entries = shipped();
  const published = (c: string) => entries.filter((e) => e.collection === c && e.data.status === 'published');

  it('makes the policy, the protocols and one binder per published path', () => {
    expect(binders.map((b) => b.file)).toEqual(['policy.pdf', 'protocols.pdf', ...published('paths').map((p) => `path-${p.id}.pdf`).sort()]);
  });
  it('orders the policy by chapter, with its newest version and effective date, and its change history', () => {
    const policy = binders.find((b) => b.kind === 'policy')!;
    const chapters = published('policy').sort((a, b) => Number(a.data.order) - Number(b.data.order));
    expect(policy.sections.map((s) => s.path)).toEqual(chapters.map((c) => `/policy/${c.id}/`));
    expect(policy.sections[0]!.label).toBe('Chapter 1');
    const facts = Object.fromEntries(policy.facts);
    expect(facts.Effective).toBe(chapters.map((c) => String(c.data.effective)).sort().at(-1));
    expect(chapters.some((c) => c.data.version === facts.Version)).toBe(true);
    expect(policy.history.length).toBe(chapters.reduce((n, c) => n + (c.data.changes as unknown[]).length, 0));
  });
  it('leaves drafts and withdrawn entries out', () => {
    const left = entries.filter((e) => e.data.status !== 'published').map((e) => `/${e.collection}/${e.id}/`);
    expect(left.length).toBeGreaterThan(0);
    for (const b of binders) for (const s of b.sections) expect(left).not.toContain(s.path);
  });
});

describe('findSectionPages', () => {
  const sections = [{ label: 'Chapter 1', title: 'Scope', path: '/policy/scope/' }, { label: 'Chapter 2', title: 'Data', path: '/policy/data/' }];
  it('finds the page each section starts on, in order, ignoring the contents page', () => {
    const pages = ['Title', 'Contents\nChapter 1 Scope 3\nChapter 2 Data 4', sectionHeading(sections[0]!) + '\ntext', 'more text mentioning Chapter 2', `${sectionHeading(sections[1]!)}\ntext`];
    expect(findSectionPages(pages, sections)).toEqual([3, 5]);
  });
  it('reports a section it cannot find', () => {
    expect(findSectionPages(['Chapter 1 · Scope'], sections)).toEqual([1, undefined]);
  });
});
