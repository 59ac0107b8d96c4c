import { describe, expect, it } from 'vitest';
import { checkCounts, type DistFacts } from '../../src/lib/count-check.ts';
import type { ValidEntry } from '../../src/lib/validate-content.ts';
import type { Status } from '../../src/schemas/vocab.ts';

const entry = (collection: ValidEntry['collection'], id: string, status: Status = 'published'): ValidEntry => ({ collection, id, file: `content/${collection}/${id}.md`, data: { status } });
const entries = [entry('playbooks', 'a'), entry('playbooks', 'b', 'withdrawn'), entry('playbooks', 'c', 'draft'), entry('glossary', 'hub')];
const good: DistFacts = {
  hasPage: (u) => ['/playbooks/a/', '/playbooks/b/', '/glossary/hub/'].includes(u),
  indexHtml: (c) => (c === 'playbooks' ? '<a href="/playbooks/a/">' : c === 'glossary' ? '<div id="hub">' : ''),
  searchUrls: ['/playbooks/a/', '/glossary/hub/'],
};

describe('count check', () => {
  it('passes when every published entry has a page, a list entry and a search record', () => {
    const r = checkCounts(entries, good);
    expect(r.problems).toEqual([]);
    expect(r.summary).toBe('2 published entries: 2 pages, 2 listed on index pages, 2 in the search index (with 0 other pages); 1 withdrawn (page kept, unlisted), 1 draft (not built).');
  });
  it('expects the pages that are not entries in the search index too, and only those', () => {
    const withPage = checkCounts(entries, { ...good, searchUrls: [...good.searchUrls, '/glossary/'] }, '/', ['/glossary/']);
    expect(withPage.problems).toEqual([]);
    expect(withPage.summary).toContain('(with 1 other pages)');
    expect(checkCounts(entries, good, '/', ['/glossary/']).problems).toEqual(['The page /glossary/ should be in the search index, and is not.']);
    expect(checkCounts(entries, { ...good, searchUrls: [...good.searchUrls, '/glossary/'] }).problems).toEqual(['The search index holds /glossary/, which is not a published entry.']);
  });
  it('catches a missing page, a missing list entry and a missing search record', () => {
    const r = checkCounts(entries, { ...good, hasPage: (u) => u === '/playbooks/b/', indexHtml: () => '', searchUrls: [] });
    expect(r.problems.join('\n')).toContain('content/playbooks/a.md: no page was built at /playbooks/a/.');
    expect(r.problems.join('\n')).toContain('missing from the playbooks index page');
    expect(r.problems.join('\n')).toContain('content/glossary/hub.md: is published but not in the search index.');
  });
  it('catches leaks: a draft page, a withdrawn entry listed or searchable', () => {
    const r = checkCounts(entries, {
      hasPage: () => true,
      indexHtml: (c) => (c === 'playbooks' ? '<a href="/playbooks/a/"><a href="/playbooks/b/">' : '<div id="hub">'),
      searchUrls: ['/playbooks/a/', '/glossary/hub/', '/playbooks/b/'],
    });
    expect(r.problems).toEqual([
      'content/playbooks/c.md: is a draft, but a page was built at /playbooks/c/.',
      'content/playbooks/b.md: is withdrawn but still listed on the playbooks index page.',
      'The search index holds /playbooks/b/, which is not a published entry.',
    ]);
  });
  it('respects a base path', () => {
    const r = checkCounts([entry('playbooks', 'a')], { hasPage: (u) => u === '/hub/playbooks/a/', indexHtml: (c) => (c === 'playbooks' ? 'href="/hub/playbooks/a/"' : ''), searchUrls: ['/playbooks/a/'] }, '/hub/');
    expect(r.problems).toEqual([]);
  });
});
