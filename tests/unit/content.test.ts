/**
 * Holds the shipped content to the curriculum's bar, so later edits cannot quietly erode it.
 * Reads content/ through the same reader and schemas as the build.
 */
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/node/read-content.ts';
import { validateContent, type ValidEntry } from '../../src/lib/validate-content.ts';
import { parseBody } from '../../src/lib/body.ts';
import { nextReviewDay, reviewState } from '../../src/lib/review.ts';

const raws = readContent('content');
const { entries, problems } = validateContent(raws);
const published = (c: string) => entries.filter((e) => e.collection === c && e.data.status !== 'draft' && e.data.status !== 'withdrawn');
const bodyOf = (e: ValidEntry) => raws.find((r) => r.collection === e.collection && r.file === e.file)?.body ?? '';
const d = (e: ValidEntry) => e.data as Record<string, any>;
const allText = (c: string) => published(c).map((e) => `${d(e).title}\n${d(e).summary}\n${JSON.stringify(e.data)}\n${bodyOf(e)}`).join('\n').toLowerCase();
/** The day the curriculum was written against; review states are checked as of this day. */
const AUTHORED_ON = '2026-11-28';

it('the shipped content has no problems', () => {
  expect(problems).toEqual([]);
});

describe('counts per collection', () => {
  it.each([
    ['phases', 4, 4],
    ['playbooks', 16, Infinity],
    ['case-studies', 8, Infinity],
    ['protocols', 10, Infinity],
    ['glossary', 50, Infinity],
    ['spokes', 6, Infinity],
    ['paths', 4, Infinity],
    ['policy', 10, Infinity],
  ])('%s has between %i and %s published entries', (c, min, max) => {
    expect(published(c).length).toBeGreaterThanOrEqual(min);
    expect(published(c).length).toBeLessThanOrEqual(max);
  });
  it('there is one guide per phase, 1 to 4', () => {
    expect(published('phases').map((p) => d(p).phase).sort()).toEqual([1, 2, 3, 4]);
  });
  it('playbooks cover all four phases', () => {
    for (const n of [1, 2, 3, 4]) expect(published('playbooks').filter((p) => d(p).phases.includes(n)).length, `phase ${n}`).toBeGreaterThanOrEqual(3);
  });
  it('spokes include PR, HR and customer service functions, and the hub', () => {
    const names = published('spokes').map((s) => `${d(s).name} ${s.id}`.toLowerCase()).join(' | ');
    for (const w of ['pr', 'hr', 'customer']) expect(names).toContain(w);
    expect(published('spokes').some((s) => d(s).kind === 'hub')).toBe(true);
  });
});

describe('every entry is owned, reviewed and linked', () => {
  const docs = ['policy', 'phases', 'playbooks', 'case-studies', 'protocols'].flatMap(published);
  it.each(docs.map((e) => [`${e.collection}/${e.id}`, e] as const))('%s', (_, e) => {
    expect(d(e).owner).toBeTruthy();
    expect(d(e).audiences.length).toBeGreaterThan(0);
    expect(d(e).related.length, 'related entries').toBeGreaterThanOrEqual(2);
    const internal = parseBody(bodyOf(e), { mdx: e.file.endsWith('.mdx') }).links.filter((l) => l.url.startsWith('/'));
    expect(internal.length, 'links into the rest of the portal').toBeGreaterThanOrEqual(1);
    expect(bodyOf(e).split(/\s+/).length, 'body words').toBeGreaterThan(250);
    expect(bodyOf(e)).not.toMatch(/lorem ipsum|\bTODO\b|\bTBD\b|\bFIXME\b/i);
  });
  it('some entries are overdue and some due soon, so review tooling has something to show', () => {
    const states = docs.map((e) => reviewState(nextReviewDay(d(e) as any), AUTHORED_ON));
    expect(states.filter((s) => s === 'overdue').length).toBeGreaterThanOrEqual(3);
    expect(states.filter((s) => s === 'due').length).toBeGreaterThanOrEqual(3);
    expect(states.filter((s) => s === 'fresh').length).toBeGreaterThan(docs.length / 2);
  });
});

describe('the glossary', () => {
  const terms = published('glossary');
  it('defines every term once (terms and aliases are unique)', () => {
    const names = terms.flatMap((t) => [d(t).term, ...d(t).aliases].map((n: string) => n.toLowerCase()));
    const dupes = names.filter((n, i) => names.indexOf(n) !== i);
    expect(dupes).toEqual([]);
  });
  it('answers every word readers search for (domain.md, "Words people will search for")', () => {
    const words = ['hub', 'spoke', 'centre of excellence', 'sme', 'guest destination', 'listening', 'monitoring', 'sentiment', 'social crm', 'advocacy', 'influencer', 'escalation', 'crisis', 'holding statement', 'dark period', 'takedown', 'disclosure', 'brand voice', 'content calendar', 'launch', 'event', 'engagement rate', 'share of voice', 'attribution', 'lead', 'campaign', 'channel plan', 'community management', 'moderation', 'house rules', 'response time', 'approval workflow'];
    const names = terms.flatMap((t) => [d(t).term, ...d(t).aliases, t.id.replace(/-/g, ' ')].map((n: string) => n.toLowerCase()));
    const missing = words.filter((w) => !names.some((n) => n === w || n.startsWith(`${w} `) || n.endsWith(` ${w}`) || n.includes(w)));
    expect(missing).toEqual([]);
  });
});

describe('the policy', () => {
  const chapters = published('policy');
  it('opens with a plain-language summary and every chapter has a version history of two or more', () => {
    expect(chapters.find((c) => d(c).order === 1)?.id).toBe('policy-at-a-glance');
    for (const c of chapters) expect(d(c).changes.length, c.id).toBeGreaterThanOrEqual(2);
  });
  it('covers every topic a complete social media policy needs', () => {
    const text = allText('policy');
    const topics: [string, RegExp][] = [
      ['scope: channels and private messages', /private messag|direct messag/],
      ['on and off duty', /off duty|off-duty|outside work/],
      ['pseudonyms', /pseudonym|anonymous/],
      ['disclosing employment', /disclos\w+ (that you work|your employ|where you work)|say (that )?you work/],
      ['authorised spokesperson', /authori[sz]ed spokes/],
      ['confidential information', /confidential/],
      ['forward-looking and financial statements', /forward-looking/],
      ['personal data', /personal data/],
      ['endorsements and material connections', /material connection/],
      ['clear and conspicuous disclosure', /clear and conspicuous/],
      ['copyright, trademarks, logos', /copyright[\s\S]*trademark|trademark[\s\S]*copyright/],
      ['brand accounts registry', /registry/],
      ['advocacy and pre-approved content', /pre-approved/],
      ['influencers', /influencer/],
      ['contests and promotions', /contest|sweepstake|giveaway/],
      ['criticism and escalation', /escalat/],
      ['media and legal enquiries', /media enquir|journalist/],
      ['harassment', /harass/],
      ['accessibility: alt text, captions, camel case', /alt text[\s\S]*caption|caption[\s\S]*alt text/],
      ['camel case hashtags', /camel ?case/],
      ['records retention', /retention|retain/],
      ['two-factor authentication', /two-factor|2fa|multi-factor/],
      ['hijacked accounts', /hijack|compromis/],
      ['labour law on working conditions', /working conditions/],
      ['data protection law', /data protection|gdpr/],
      ['exceptions that expire', /exception[\s\S]*expir|expir[\s\S]*exception/],
      ['consequences of breaches', /breach/],
      ['review cycle', /review/],
    ];
    const missing = topics.filter(([, re]) => !re.test(text)).map(([name]) => name);
    expect(missing).toEqual([]);
  });
  it('every protocol links to the policy section it serves', () => {
    const ids = new Set(chapters.map((c) => c.id));
    for (const p of published('protocols')) expect(ids.has(d(p).policySection), p.id).toBe(true);
  });
});

describe('phase 4 covers operationalizing and scaling in depth', () => {
  it('has a home for every mark of phase 4 practitioners', () => {
    const guide = published('phases').find((p) => d(p).phase === 4)!;
    const text = `${JSON.stringify(guide.data)}\n${bodyOf(guide)}`.toLowerCase();
    const ideas: [string, RegExp][] = [
      ['careabouts', /careabout/], ['human, conversational voice', /conversational|human/], ['industry, everyday and company topics', /industry[\s\S]*everyday[\s\S]*company/],
      ['a purpose per channel', /purpose/], ['everyday vs special occasions', /special occasion/], ['SMEs in two-way conversations', /sme/],
      ['guest destinations', /guest destination/], ['offline and back', /offline/], ['budgets and tools', /budget/], ['listening and monitoring', /listening[\s\S]*monitoring/],
      ['analytics and social CRM', /social crm/], ['qualitative questions', /qualitative/], ['followed by the right people', /right people/], ['ties to sales', /sales/],
      ['advocacy and influencers', /advoca[\s\S]*influencer|influencer[\s\S]*advoca/], ['best-practice sharing', /best[- ]practice/], ['policy as a given', /policy/],
      ['scale', /scale/], ['support system of tools, people and practices', /tools, people and practices|people, tools and practices/], ['PR, customer service, HR', /customer (service|care)[\s\S]*hr|hr[\s\S]*customer (service|care)/],
      ['where are we on the curve', /adoption curve/],
    ];
    expect(ideas.filter(([, re]) => !re.test(text)).map(([n]) => n)).toEqual([]);
    expect(bodyOf(guide).split(/\s+/).length).toBeGreaterThan(1200);
  });
});

describe('protocols are usable under stress', () => {
  it.each(published('protocols').map((p) => [p.id, p] as const))('%s has first-hour steps, tiers with response times and contacts', (_, p) => {
    expect(d(p).firstHour.length).toBeGreaterThanOrEqual(3);
    expect(d(p).tiers.length).toBeGreaterThanOrEqual(3);
    for (const t of d(p).tiers) expect(t.responseTime).toMatch(/\d|immediate/i);
    expect(d(p).contacts.length).toBeGreaterThanOrEqual(1);
  });
});

describe('case studies and paths', () => {
  it('case studies have measured outcomes, and some show failure and recovery', () => {
    for (const c of published('case-studies')) expect(d(c).outcomes.length, c.id).toBeGreaterThanOrEqual(2);
    expect(published('case-studies').filter((c) => d(c).recovery).length).toBeGreaterThanOrEqual(2);
  });
  it('paths exist for the five audiences, with 6 to 12 steps each and no step twice', () => {
    const byAudience = new Set(published('paths').map((p) => d(p).audience));
    for (const a of ['practitioner', 'spoke-lead', 'sme', 'pr', 'hr']) expect(byAudience.has(a), a).toBe(true);
    for (const p of published('paths')) {
      const steps = d(p).steps.map((s: { entry: string }) => s.entry);
      expect(steps.length, p.id).toBeGreaterThanOrEqual(6);
      expect(steps.length, p.id).toBeLessThanOrEqual(12);
      expect(new Set(steps).size, p.id).toBe(steps.length);
    }
  });
});
