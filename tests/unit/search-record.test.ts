import { describe, expect, it } from 'vitest';
import { countFacets, facetOptions, FACET_KEYS, FACETS } from '../../src/lib/search/facets.ts';
import { byUpdated, firstView, pageSearchInputs, searchRecord, type SearchInput } from '../../src/lib/search/record.ts';
import { parseState, resolveFilterValues, serializeState } from '../../src/lib/search/state.ts';

const playbook: SearchInput = {
  path: '/playbooks/run-a-webinar/',
  title: 'Run a webinar',
  summary: 'Plan <b>and</b> host one.',
  type: 'playbooks',
  phases: [3, 2],
  audiences: ['practitioner', 'pr'],
  channels: ['linkedin', 'youtube'],
  review: 'due',
  owner: 'Hub editorial',
  updated: '2026-11-02',
  keywords: ['webinar', 'live event'],
};

describe('a page\'s search record', () => {
  it('holds filter values as ids, each with the label readers see', () => {
    const r = searchRecord(playbook);
    expect(r.filters).toEqual([
      { key: 'type', value: 'playbooks', label: 'Playbook' },
      { key: 'phase', value: 'phase-3', label: 'Phase 3: Integrating' },
      { key: 'phase', value: 'phase-2', label: 'Phase 2: Experimenting' },
      { key: 'audience', value: 'practitioner', label: 'Practitioners' },
      { key: 'audience', value: 'pr', label: 'PR' },
      { key: 'channel', value: 'linkedin', label: 'LinkedIn' },
      { key: 'channel', value: 'youtube', label: 'YouTube' },
      { key: 'review', value: 'due', label: 'Due soon' },
    ]);
  });

  it('keeps labels in the metadata results show and the ranking weighs, with the sort key by day then title', () => {
    const r = searchRecord(playbook);
    expect(r.meta).toEqual([
      ['type', 'Playbook'],
      ['owner', 'Hub editorial'],
      ['phase', 'Phases 2–3'],
      ['updated', '2026-11-02'],
      ['keywords', 'webinar live event'],
    ]);
    expect(r.sort).toBe('2026-11-02 Run a webinar');
  });

  it('files a page for all channels under every channel, never under "All channels"', () => {
    const values = searchRecord({ ...playbook, channels: ['all-channels'] }).filters.filter((f) => f.key === 'channel').map((f) => f.value);
    expect(values).toContain('linkedin');
    expect(values).toContain('tiktok');
    expect(values).not.toContain('all-channels');
    expect(new Set(values).size).toBe(values.length);
  });

  it('names a case study\'s spoke by id, labelled with its name; commas never reach Pagefind', () => {
    const r = searchRecord({ path: '/case-studies/x/', title: 'X', type: 'case-studies', spoke: { id: 'retail-banking', name: 'Retail, banking' }, keywords: ['a, b'] });
    expect(r.filters).toContainEqual({ key: 'spoke', value: 'retail-banking', label: 'Retail, banking' });
    expect(r.meta).toContainEqual(['keywords', 'a  b']);
  });

  it('writes section, start and glossary pages with the same function', () => {
    const [first, ...rest] = pageSearchInputs([{ id: 'pr', title: 'PR and communications', audience: 'pr' }]).map(searchRecord);
    expect(first?.filters).toEqual([{ key: 'type', value: 'page', label: 'Page' }]);
    const start = rest.at(-1)!;
    expect(start).toMatchObject({ path: '/start/pr/', title: 'Start here: PR and communications', filters: [{ key: 'type', value: 'start', label: 'Start here' }] });
    expect(start.meta).toEqual([['type', 'Start here'], ['keywords', 'PR pr']]);
    const term = searchRecord({ path: '/glossary/sme/', title: 'SME', type: 'glossary', keywords: [] });
    expect(term.meta).toEqual([['type', 'Glossary term']]);
    expect(term.sort).toBe('0000-00-00 SME');
  });
});

describe('the facet list', () => {
  it('is the one list of keys the URL state reads and writes', () => {
    expect(FACET_KEYS).toEqual(FACETS.map((f) => f.key));
    const state = parseState(`?${FACET_KEYS.map((k) => `${k}=x`).join('&')}&colour=red`);
    expect(Object.keys(state.filters)).toEqual([...FACET_KEYS]);
    expect(serializeState(state)).toBe(`?${FACET_KEYS.map((k) => `${k}=x`).join('&')}`);
  });

  it('lists the values pages hold, facet by facet in display order, values by label, with counts by id', () => {
    const records = [
      searchRecord(playbook),
      searchRecord({ path: '/protocols/p/', title: 'P', type: 'protocols', audiences: ['hr'], review: 'fresh' }),
      searchRecord({ path: '/glossary/t/', title: 'T', type: 'glossary' }),
    ];
    const options = facetOptions(records);
    expect(options.map((o) => o.key)).toEqual(['type', 'phase', 'audience', 'channel', 'review']);
    expect(options.find((o) => o.key === 'type')?.values.map((v) => v.label)).toEqual(['Glossary term', 'Playbook', 'Protocol']);
    expect(options.find((o) => o.key === 'audience')?.values).toEqual([
      { value: 'hr', label: 'HR' },
      { value: 'pr', label: 'PR' },
      { value: 'practitioner', label: 'Practitioners' },
    ]);
    expect(countFacets(records)).toEqual({
      type: { playbooks: 1, protocols: 1, glossary: 1 },
      phase: { 'phase-2': 1, 'phase-3': 1 },
      audience: { practitioner: 1, pr: 1, hr: 1 },
      channel: { linkedin: 1, youtube: 1 },
      review: { due: 1, fresh: 1 },
    });
  });
});

describe('the search page\'s first view', () => {
  it('counts and lists from the records: newest first, same-day pages by title (Z to A, as Pagefind sorts the key descending), undated last, summaries escaped', () => {
    // Same-day and undated pages in an order that is neither sorted nor reversed, so only a sort by title passes.
    const records = [
      searchRecord({ path: '/g/', title: 'Gamma', type: 'playbooks', updated: '2026-01-02' }),
      searchRecord({ path: '/aa/', title: 'Aardvark', type: 'glossary' }),
      searchRecord({ path: '/a/', title: 'Alpha', type: 'playbooks', updated: '2026-01-02' }),
      searchRecord({ ...playbook, path: '/b/', title: 'Beta', updated: '2026-03-01' }),
      searchRecord({ path: '/d/', title: 'Delta', type: 'playbooks', updated: '2026-01-02' }),
      searchRecord({ path: '/t/', title: 'Term', type: 'glossary' }),
    ];
    expect([...records].sort(byUpdated).map((p) => p.title)).toEqual(['Beta', 'Gamma', 'Delta', 'Alpha', 'Term', 'Aardvark']);
    const view = firstView(records, (p) => `/base${p}`, 3);
    expect(view.total).toBe(6);
    expect(view.results.map((r) => r.url)).toEqual(['/base/b/', '/base/g/', '/base/d/']);
    expect(view.results[0]).toMatchObject({ excerpt: 'Plan &lt;b&gt;and&lt;/b&gt; host one.', meta: { title: 'Beta', type: 'Playbook', phase: 'Phases 2–3' } });
    expect(view.counts.type).toEqual({ playbooks: 4, glossary: 2 });
  });
});

describe('links shared before facet values were ids', () => {
  const facets = facetOptions([searchRecord(playbook), searchRecord({ path: '/c/', title: 'C', type: 'case-studies', spoke: { id: 'retail', name: 'Retail banking' } })]);

  it('read a label as its id, ignoring case, and keep ids and unknown values as they are', () => {
    const state = resolveFilterValues(parseState('?q=crisis&type=Playbook&type=case-studies&phase=Phase+3%3A+Integrating&audience=pr&spoke=retail+BANKING&channel=Myspace'), facets);
    expect(state).toEqual({
      q: 'crisis',
      sort: 'relevance',
      filters: { type: ['playbooks', 'case-studies'], phase: ['phase-3'], audience: ['pr'], channel: ['Myspace'], spoke: ['retail'] },
    });
    expect(serializeState(state)).toBe('?q=crisis&type=case-studies&type=playbooks&phase=phase-3&audience=pr&channel=Myspace&spoke=retail');
  });

  it('merge a label and its id given together into one value', () => {
    expect(resolveFilterValues(parseState('?audience=PR&audience=pr'), facets).filters).toEqual({ audience: ['pr'] });
  });
});
