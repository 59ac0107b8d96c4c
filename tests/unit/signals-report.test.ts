import { describe, expect, it } from 'vitest';
import { checkFiles, PLAYBOOK } from './helpers.ts';
import { encodeSignals, type Signal } from '../../src/lib/signals.ts';
import { buildSignalsReport, newEntryCommand, renderSignalsHtml, renderSignalsMarkdown, tallySignals } from '../../src/lib/signals-report.ts';

const line = (time: string, ...signals: Signal[]) => `${time} ${encodeSignals(signals)}`;
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T09:00:00+00:00`;
const LOG = [
  line(day(1), { type: 'search', query: 'paid boost', results: 0, opened: false }),
  line(day(10), { type: 'search', query: 'Holding statement', results: 0, opened: false }, { type: 'search', query: 'crisis', results: 5, opened: false }),
  line(day(11), { type: 'search', query: 'holding  statement', results: 0, opened: false }),
  line(day(12), { type: 'open', query: 'crisis', rank: 2, page: '/social-hub/playbooks/launch/' }, { type: 'search', query: 'crisis', results: 5, opened: true }),
  line(day(12), { type: 'open', query: 'launch', rank: 1, page: '/social-hub/playbooks/launch/' }),
  'not a signal line',
  `${day(13)} v=1&t=search&q=x`,
  '',
  line(day(14), { type: 'vote', page: '/social-hub/playbooks/launch/', helpful: false, reason: 'out-of-date', comment: 'Mail me at a.b@corp.example' }),
  line(day(14), { type: 'vote', page: '/social-hub/playbooks/launch/', helpful: false, reason: 'out-of-date' }),
  line(day(15), { type: 'vote', page: '/social-hub/playbooks/launch/', helpful: true }),
  line(day(15), { type: 'vote', page: '/social-hub/glossary/', helpful: true }),
];

describe('the signal findings', () => {
  const { entries } = checkFiles({ 'playbooks/launch.md': PLAYBOOK });

  it('skips and counts malformed lines, and leaves out lines before --since', async () => {
    const tally = await tallySignals(LOG, { since: '2026-11-05' });
    expect([tally.lines, tally.malformed, tally.malformedAt, tally.skipped]).toEqual([11, 2, [6, 7], 1]);
  });
  it('finds queries with no results (case and spacing folded) and pre-fills a new-entry command', async () => {
    const r = buildSignalsReport(await tallySignals(LOG, { since: '2026-11-05' }), entries, { site: 'https://intranet.example/social-hub/' });
    expect(r.noResults.map((q) => [q.query, q.count])).toEqual([['Holding statement', 2]]);
    expect(r.noResults[0]!.newCommand).toBe("npm run new -- playbooks 'Holding statement'");
    expect(r.noResults[0]!.searchUrl).toBe('https://intranet.example/social-hub/search/?q=Holding%20statement');
    expect(r.noClick.map((q) => [q.query, q.count, q.searches])).toEqual([['crisis', 1, 2]]);
  });
  it('ranks unhelpful pages with reasons and redacted comments, per page and per owner', async () => {
    const r = buildSignalsReport(await tallySignals(LOG), entries, {});
    expect(r.unhelpful).toEqual([{ page: expect.objectContaining({ title: 'Launch a channel', owner: 'editorial', key: 'playbooks/launch' }), no: 2, yes: 1, reasons: [{ label: 'It is out of date or wrong', count: 2 }], comments: ['Mail me at [e-mail]'] }]);
    expect(r.perPage.map((p) => [p.page.title, p.share])).toEqual([['Launch a channel', 33], ['/social-hub/glossary/', 100]]);
    expect(r.perOwner.map((o) => [o.owner, o.yes, o.no])).toEqual([['editorial', 1, 2], ['no owner (not an entry)', 1, 0]]);
  });
  it('lists the searches that led to each page with their mean rank', async () => {
    const r = buildSignalsReport(await tallySignals(LOG), entries, {});
    expect(r.ledTo).toEqual([{ page: expect.objectContaining({ key: 'playbooks/launch' }), opens: 2, queries: [{ query: 'crisis', opens: 1, meanRank: 2 }, { query: 'launch', opens: 1, meanRank: 1 }] }]);
  });
  it('renders every finding in Markdown and escaped HTML with links', async () => {
    const r = buildSignalsReport(await tallySignals([...LOG, line(day(16), { type: 'search', query: '<b>x</b>', results: 0, opened: false })]), entries, {});
    const md = renderSignalsMarkdown(r);
    for (const h of ['Searches with no results (3)', 'Searches where no result was opened (1)', 'Pages most often not helpful (1)', 'Helpfulness per page', 'Helpfulness per owner team', 'Searches that led to each page']) expect(md).toContain(h);
    expect(md).toContain('2 malformed lines skipped (first at line 6, 7)');
    const html = renderSignalsHtml(r);
    expect(html).toContain('<a href="/social-hub/playbooks/launch/">Launch a channel</a>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x');
  });
  it('quotes queries for the shell', () => expect(newEntryCommand("it's $HOME")).toBe("npm run new -- playbooks 'It'\\''s $HOME'"));
});
