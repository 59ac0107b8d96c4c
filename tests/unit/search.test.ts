import { describe, expect, it } from 'vitest';
import { filterCount, hasFilters, parseState, serializeState, toggleFilter, toPagefindFilters, EMPTY_STATE } from '../../src/lib/search/state.ts';
import { describeCount, isWeakMatch, safeExcerpt } from '../../src/lib/search/results.ts';
import { searchableQuery } from '../../src/lib/search/query.ts';

describe('search state in the URL', () => {
  it('round-trips query, filters and sort', () => {
    const state = parseState('?q=crisis+plan&type=protocols&audience=hr&audience=pr&sort=updated');
    expect(state).toEqual({ q: 'crisis plan', filters: { type: ['protocols'], audience: ['hr', 'pr'] }, sort: 'updated' });
    expect(parseState(serializeState(state))).toEqual(state);
  });
  it('counts chosen filter values over all facets', () => {
    const state = parseState('?type=protocols&audience=hr&audience=pr');
    expect(filterCount(state)).toBe(3);
    expect(hasFilters(state)).toBe(true);
    expect(filterCount(toggleFilter(toggleFilter(EMPTY_STATE, 'type', 'protocols'), 'type', 'protocols'))).toBe(0);
    expect(hasFilters(EMPTY_STATE)).toBe(false);
  });
  it('gives equal URLs for equal states whatever the click order', () => {
    let a = toggleFilter(EMPTY_STATE, 'audience', 'pr');
    a = toggleFilter(a, 'audience', 'hr');
    let b = toggleFilter(EMPTY_STATE, 'audience', 'hr');
    b = toggleFilter(b, 'audience', 'pr');
    expect(serializeState(a)).toBe(serializeState(b));
  });
  it('keeps "search the words as typed" in the URL, only with a query', () => {
    const state = parseState('?q=aproval+workflow&type=playbooks&spelling=as-typed');
    expect(state.exact).toBe(true);
    expect(serializeState(state)).toBe('?q=aproval+workflow&type=playbooks&spelling=as-typed');
    expect(parseState('?spelling=as-typed').exact).toBeUndefined();
    expect(serializeState({ ...state, exact: false })).toBe('?q=aproval+workflow&type=playbooks');
  });
  it('ignores unknown parameters and bad sort values', () => {
    expect(parseState('?colour=red&sort=random&q=')).toEqual(EMPTY_STATE);
  });
  it('toggling a value twice removes the facet', () => {
    const s = toggleFilter(toggleFilter(EMPTY_STATE, 'phase', 'phase-2'), 'phase', 'phase-2');
    expect(s.filters).toEqual({});
  });
  it('maps values within a facet to any, facets to all', () => {
    const s = parseState('?type=playbooks&type=protocols&phase=phase-4');
    expect(toPagefindFilters(s)).toEqual({ type: { any: ['playbooks', 'protocols'] }, phase: { any: ['phase-4'] } });
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
