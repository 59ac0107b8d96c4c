import { describe, expect, it } from 'vitest';
import { describeCount, filterCount, hasFilters, searchableQuery, isWeakMatch, parseState, safeExcerpt, serializeState, toggleFilter, toPagefindFilters, EMPTY_STATE } from '../../src/lib/search.ts';
import { byUpdated, countFacets, sortKey } from '../../src/lib/search-record.ts';

describe('search state in the URL', () => {
  it('round-trips query, filters and sort', () => {
    const state = parseState('?q=crisis+plan&type=Protocol&audience=HR&audience=PR&sort=updated');
    expect(state).toEqual({ q: 'crisis plan', filters: { type: ['Protocol'], audience: ['HR', 'PR'] }, sort: 'updated' });
    expect(parseState(serializeState(state))).toEqual(state);
  });
  it('counts chosen filter values over all facets', () => {
    const state = parseState('?type=Protocol&audience=HR&audience=PR');
    expect(filterCount(state)).toBe(3);
    expect(hasFilters(state)).toBe(true);
    expect(filterCount(toggleFilter(toggleFilter(EMPTY_STATE, 'type', 'Protocol'), 'type', 'Protocol'))).toBe(0);
    expect(hasFilters(EMPTY_STATE)).toBe(false);
  });
  it('gives equal URLs for equal states whatever the click order', () => {
    let a = toggleFilter(EMPTY_STATE, 'audience', 'PR');
    a = toggleFilter(a, 'audience', 'HR');
    let b = toggleFilter(EMPTY_STATE, 'audience', 'HR');
    b = toggleFilter(b, 'audience', 'PR');
    expect(serializeState(a)).toBe(serializeState(b));
  });
  it('keeps "search the words as typed" in the URL, only with a query', () => {
    const state = parseState('?q=aproval+workflow&type=Playbook&spelling=as-typed');
    expect(state.exact).toBe(true);
    expect(serializeState(state)).toBe('?q=aproval+workflow&type=Playbook&spelling=as-typed');
    expect(parseState('?spelling=as-typed').exact).toBeUndefined();
    expect(serializeState({ ...state, exact: false })).toBe('?q=aproval+workflow&type=Playbook');
  });
  it('ignores unknown parameters and bad sort values', () => {
    expect(parseState('?colour=red&sort=random&q=')).toEqual(EMPTY_STATE);
  });
  it('toggling a value twice removes the facet', () => {
    const s = toggleFilter(toggleFilter(EMPTY_STATE, 'phase', 'Phase 2: Experimenting'), 'phase', 'Phase 2: Experimenting');
    expect(s.filters).toEqual({});
  });
  it('maps values within a facet to any, facets to all', () => {
    const s = parseState('?type=Playbook&type=Protocol&phase=Phase+4');
    expect(toPagefindFilters(s)).toEqual({ type: { any: ['Playbook', 'Protocol'] }, phase: { any: ['Phase 4'] } });
  });
});

describe('excerpts and announcements', () => {
  it('keeps <mark> and drops every other tag', () => {
    expect(safeExcerpt('a <mark>crisis</mark> <img src=x onerror=alert(1)> b')).toBe('a <mark>crisis</mark>  b');
    expect(safeExcerpt('&lt;script&gt; stays text')).toBe('&lt;script&gt; stays text');
  });
  it('describes counts for screen readers', () => {
    expect(describeCount(0, 'x', false)).toBe('No results for “x”');
    expect(describeCount(1, '', true)).toBe('1 result with the chosen filters');
    expect(describeCount(12, 'crisis', false)).toBe('12 results for “crisis”');
  });
});

describe('weak matches', () => {
  it('flags results whose marks share nothing with the query', () => {
    expect(isWeakMatch('infleuncer', ['taking part <mark>in</mark> conversations'])).toBe(true);
    expect(isWeakMatch('heron', ['about 1 <mark>h</mark> 50 min'])).toBe(true);
  });
  it('accepts stems and prefixes of the query words', () => {
    expect(isWeakMatch('escalation', ['the <mark>escalating</mark> post'])).toBe(false);
    expect(isWeakMatch('crisis plan', ['a <mark>crisis</mark>'])).toBe(false);
  });
});

describe('search records (what the index and the search page\'s first view share)', () => {
  it('counts each page once per facet value, with values cleaned as the index stores them', () => {
    const counts = countFacets([
      { type: 'Playbook', channels: ['Instagram', 'Instagram'], review: 'due' },
      { type: 'Playbook', audiences: ['PR, comms'] },
      { type: 'Glossary term' },
    ]);
    expect(counts).toEqual({ type: { Playbook: 2, 'Glossary term': 1 }, channel: { Instagram: 1 }, review: { 'Due soon': 1 }, audience: { 'PR  comms': 1 } });
  });

  it('orders newest first, same-day pages by title (Z to A, as Pagefind sorts the key descending), undated pages last', () => {
    // Same-day titles in an order that is neither sorted nor reversed, so only a sort by title passes.
    const page = (title: string, updated?: string) => ({ title, sort: sortKey({ type: 'Playbook', ...(updated ? { updated } : {}) }, title) });
    const pages = [page('Gamma', '2026-01-02'), page('Aardvark'), page('Alpha', '2026-01-02'), page('Beta', '2026-03-01'), page('Delta', '2026-01-02'), page('Term')];
    expect([...pages].sort(byUpdated).map((p) => p.title)).toEqual(['Beta', 'Gamma', 'Delta', 'Alpha', 'Term', 'Aardvark']);
  });
});

describe('what is searched while typing', () => {
  it('waits for a second letter of the last word, and keeps two-letter words', () => {
    expect(searchableQuery('influencer d')).toBe('influencer');
    expect(searchableQuery('i')).toBe('');
    expect(searchableQuery('HR')).toBe('HR');
    expect(searchableQuery('  crisis  escalation ')).toBe('crisis escalation');
    expect(searchableQuery('')).toBe('');
  });
  it('keeps a last word that is a digit: "phase 3" is a whole query', () => {
    expect(searchableQuery('phase 3')).toBe('phase 3');
    expect(searchableQuery('phase 3 g')).toBe('phase 3');
  });
});
