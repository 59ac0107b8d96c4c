import { describe, expect, it } from 'vitest';
import { buildFacet, groupByLetter, letterOf, matchesFilters } from '../../src/lib/az-index.ts';

describe('A–Z index', () => {
  it('files titles under their first letter, ignoring case and accents; digits under #', () => {
    expect([letterOf('launch a channel'), letterOf('Écouter'), letterOf('90-day review')]).toEqual(['L', 'E', '#']);
  });
  it('lists each item once, sorted, under its letter', () => {
    const groups = groupByLetter([{ title: 'Run a live Q&A' }, { title: 'bring in an SME' }, { title: 'Build a business case' }, { title: 'Reply rota' }]);
    expect(groups.map((g) => [g.letter, g.items.map((i) => i.title)])).toEqual([
      ['B', ['bring in an SME', 'Build a business case']],
      ['R', ['Reply rota', 'Run a live Q&A']],
    ]);
  });
  it('builds facet options in the given order with counts, leaving out empty ones', () => {
    const items = [{ id: 'a', title: 'A', facets: { phase: ['2', '3'] } }, { id: 'b', title: 'B', facets: { phase: ['3'] } }];
    expect(buildFacet(items, 'phase', 'Phase', { 1: 'One', 2: 'Two', 3: 'Three' }).options).toEqual([
      { value: '2', label: 'Two', count: 1 },
      { value: '3', label: 'Three', count: 2 },
    ]);
  });
  it('matches every chosen facet; no choice matches all', () => {
    const facets = { phase: ['2', '3'], audience: ['pr'] };
    expect(matchesFilters(facets, {})).toBe(true);
    expect(matchesFilters(facets, { phase: '3', audience: '' })).toBe(true);
    expect(matchesFilters(facets, { phase: '3', audience: 'hr' })).toBe(false);
    expect(matchesFilters(facets, { channel: 'x' })).toBe(false);
  });
});
