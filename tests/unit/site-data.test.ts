/**
 * The pages' data (src/data/) as pure functions of the site's content: the shipped content, read
 * and validated as the build does, plus entries changed one at a time for the cases it lacks.
 */
import { describe, expect, it } from 'vitest';
import type { CollectionEntry } from 'astro:content';
import { readContent } from '../../src/node/read-content.ts';
import { validateContent, type ValidEntry } from '../../src/lib/validate-content.ts';
import { CHANNELS, COLLECTIONS, type CollectionName, type Status } from '../../src/schemas/index.ts';
import { buildSite, contentVersion, type SiteContent } from '../../src/data/site.ts';
import { teamPage } from '../../src/data/teams.ts';
import { termPage, termsWithPages } from '../../src/data/glossary.ts';
import { spokePage } from '../../src/data/spokes.ts';
import { startAudiences, startPage, startSections, startsWithPages } from '../../src/data/start.ts';
import { phasesIndex } from '../../src/data/phases.ts';
import { assessmentData } from '../../src/data/assessment.ts';
import { homeData } from '../../src/data/home.ts';
import { kindPanelOf, panelToc, percentChange } from '../../src/data/panels.ts';
import { PAGE_SECTION_IDS } from '../../src/lib/sections.ts';
import { siblingsOf } from '../../src/data/entry-view.ts';
import { SIDEBAR_FULL_LIST, SIDEBAR_WINDOW } from '../../src/lib/sidebar.ts';
import { caseStudyIndex, playbookIndex, protocolIndex, spokeGroups, teamsIndex } from '../../src/data/indexes.ts';

const DAY = '2026-12-04';
const raws = readContent('content');
const { entries, problems } = validateContent(raws);
const bodyOf = (e: ValidEntry) => raws.find((r) => r.collection === e.collection && r.file === e.file)?.body;

/** A validated entry in the shape the content layer stores: the same schema output as `data`. */
function stored(e: ValidEntry): CollectionEntry<CollectionName> {
  return { id: e.id, collection: e.collection, data: e.data, body: bodyOf(e) } as unknown as CollectionEntry<CollectionName>;
}

/** The shipped content, with `change` applied to copies of the named entries' data. */
function content(changes: Record<string, Record<string, unknown>> = {}): SiteContent {
  const byCollection = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as CollectionEntry<CollectionName>[]]));
  for (const e of entries) {
    const change = changes[`${e.collection}/${e.id}`];
    byCollection[e.collection]!.push(stored(change ? { ...e, data: { ...e.data, ...change } } : e));
  }
  return byCollection as unknown as SiteContent;
}

const site = buildSite(content(), DAY);
const withStatus = (key: string, status: Status) => buildSite(content({ [key]: { status } }), DAY);
const firstPlaybook = site.listed.playbooks[0]!;

it('reads the shipped content without problems', () => {
  expect(problems).toEqual([]);
});

describe('buildSite', () => {
  it('keeps drafts out of everything, and withdrawn entries out of every list', () => {
    const key = `playbooks/${firstPlaybook.id}`;
    const draft = withStatus(key, 'draft');
    expect(draft.docs.playbooks.map((e) => e.id)).not.toContain(firstPlaybook.id);
    expect(draft.resolve(key)).toBeUndefined();
    const withdrawn = withStatus(key, 'withdrawn');
    expect(withdrawn.docs.playbooks.map((e) => e.id)).toContain(firstPlaybook.id);
    expect(withdrawn.listed.playbooks.map((e) => e.id)).not.toContain(firstPlaybook.id);
    expect(withdrawn.allListed.map((e) => e.id)).not.toContain(firstPlaybook.id);
    expect(withdrawn.resolve(key)?.status).toBe('withdrawn');
    expect(site.resolve(key)?.status).toBe('published');
  });
  it('keeps a withdrawn term, team or spoke for its own page only', () => {
    const term = site.glossary[0]!;
    const s = withStatus(`glossary/${term.id}`, 'withdrawn');
    expect(s.glossary.map((t) => t.id)).not.toContain(term.id);
    expect(s.withdrawn.glossary.map((t) => t.id)).toEqual([term.id]);
    expect(termsWithPages(s).map((t) => t.id)).toContain(term.id);
  });
  it('puts document collections in reading order and terms in alphabetical order', () => {
    expect(site.listed.phases.map((p) => p.data.phase)).toEqual([1, 2, 3, 4]);
    const terms = site.glossary.map((t) => t.data.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(site.today).toBe(DAY);
  });
  it('finds the listed entries that point to an entry through `related`', () => {
    const from = site.allListed.find((e) => e.data.related.length > 0)!;
    const to = from.data.related[0]!;
    expect(site.pointingTo(to).map((r) => r.key)).toContain(`${from.collection}/${from.id}`);
  });
});

describe('contentVersion', () => {
  /** The shipped content with a digest per entry, as the content layer stores it. */
  const digested = (digestOf: (key: string) => string | undefined = (key) => `d-${key}`): SiteContent => {
    const c = content() as unknown as Record<string, { id: string; collection: string; digest?: string }[]>;
    return Object.fromEntries(Object.entries(c).map(([name, list]) => [name, list.map((e) => ({ ...e, digest: digestOf(`${e.collection}/${e.id}`) }))])) as unknown as SiteContent;
  };
  const version = contentVersion(digested(), DAY);
  it('is the same for the same content and day', () => {
    expect(version).toBeDefined();
    expect(contentVersion(digested(), DAY)).toBe(version);
  });
  it('changes when one entry changes, or the day', () => {
    const key = `playbooks/${firstPlaybook.id}`;
    expect(contentVersion(digested((k) => (k === key ? 'edited' : `d-${k}`)), DAY)).not.toBe(version);
    expect(contentVersion(digested(), '2026-12-05')).not.toBe(version);
  });
  it('changes when an entry is added or removed', () => {
    const fewer = digested() as unknown as Record<string, unknown[]>;
    fewer.playbooks = fewer.playbooks!.slice(1);
    expect(contentVersion(fewer as unknown as SiteContent, DAY)).not.toBe(version);
  });
  it('is undefined when an entry has no digest', () => {
    const key = `glossary/${site.glossary[0]!.id}`;
    expect(contentVersion(digested((k) => (k === key ? undefined : `d-${k}`)), DAY)).toBeUndefined();
  });
});

describe('page data', () => {
  it('a team page lists the listed pages it owns, soonest review first', () => {
    const owner = firstPlaybook.data.owner;
    const { rows } = teamPage(site, site.team(owner)!);
    expect(rows.map((r) => `${r.c}/${r.id}`)).toContain(`playbooks/${firstPlaybook.id}`);
    expect(rows.map((r) => r.review.next)).toEqual(rows.map((r) => r.review.next).sort());
    const without = teamPage(withStatus(`playbooks/${firstPlaybook.id}`, 'withdrawn'), site.team(owner)!);
    expect(without.rows.map((r) => r.id)).not.toContain(firstPlaybook.id);
  });
  it('a term page finds the entries that tag the term or link to it', () => {
    const term = site.glossary.find((t) => site.allListed.some((e) => e.data.tags.includes(t.id)))!;
    const tagged = site.allListed.filter((e) => e.data.tags.includes(term.id)).map((e) => `${e.collection}/${e.id}`);
    const page = termPage(site, term);
    expect(page.withdrawn).toBe(false);
    expect(page.usedIn.map((r) => r.key)).toEqual(expect.arrayContaining(tagged));
  });
  it('a spoke page never repeats a playbook for its phase under "written for"', () => {
    for (const spoke of site.spokes) {
      const page = spokePage(site, spoke);
      const recommended = new Set(page.recommended.map((c) => c.url));
      expect(page.writtenFor.filter((c) => recommended.has(c.url))).toEqual([]);
      expect(page.writtenFor.length).toBeLessThanOrEqual(6);
      expect(page.starts.every((s) => spoke.data.audiences.includes(s.audience))).toBe(true);
    }
  });
  it('the start sections list only published playbooks of the path, in its order', () => {
    const section = startSections(site).find((s) => s.playbooks.length > 1)!;
    const steps = section.pathEntry!.data.steps.map((s) => s.entry).filter((k) => k.startsWith('playbooks/'));
    expect(section.playbooks.map((r) => r.key)).toEqual(steps);
    const gone = steps[0]!;
    const after = startSections(withStatus(gone, 'withdrawn')).find((s) => s.id === section.id)!;
    expect(after.playbooks.map((r) => r.key)).toEqual(steps.slice(1));
  });
  it('a start page lists its sections in the table of contents only when they have content', () => {
    const page = startPage(site, startAudiences(site)[0]!);
    expect(page.toc.map((t) => t.slug)).toEqual(['path', 'protocols', 'phase', 'playbooks']);
    const noPath = startPage(site, { ...startAudiences(site)[0]!, path: 'no-such-path' });
    expect(noPath.toc.map((t) => t.slug)).toEqual(['protocols', 'phase', 'playbooks']);
  });
  it('the phases page counts the listed playbooks and case studies of each phase', () => {
    const { cards, questionCount } = phasesIndex(site);
    expect(cards.map((c) => c.guide.data.phase)).toEqual([1, 2, 3, 4]);
    for (const c of cards) {
      expect(c.playbooks).toBe(site.listed.playbooks.filter((p) => p.data.phases.includes(c.guide.data.phase)).length);
      expect(c.offers.length).toBeLessThanOrEqual(3);
      expect(c.offers.every((o) => !/[.;]$/.test(o))).toBe(true);
    }
    expect(questionCount).toBe(site.assessment.reduce((n, d) => n + d.data.questions.length, 0));
  });
  it('the assessment links only published playbooks', () => {
    const dimension = site.assessment.find((d) => d.data.playbooks.length > 0)!;
    const gone = dimension.data.playbooks[0]!;
    const before = assessmentData(site).dimensions.find((d) => d.id === dimension.id)!;
    const after = assessmentData(withStatus(`playbooks/${gone}`, 'withdrawn')).dimensions.find((d) => d.id === dimension.id)!;
    expect(before.playbooks).toHaveLength(dimension.data.playbooks.length);
    expect(after.playbooks).toHaveLength(dimension.data.playbooks.length - 1);
    expect(after.playbooks.map((l) => l.url)).not.toContain(`/playbooks/${gone}/`);
  });
  it('the home page offers every protocol and the eight latest changes', () => {
    const home = homeData(site);
    expect(home.urgent.map((p) => p.id)).toEqual(site.listed.protocols.map((p) => p.id));
    expect(home.changed).toHaveLength(8);
    expect(home.starts.map((s) => s.id)).toEqual(['new-practitioner', 'spoke-lead', 'sme', 'pr', 'hr']);
    expect(home.pathData.map((p) => p.id)).toEqual(site.paths.map((p) => p.id));
  });
});

describe('kind panels', () => {
  it('resolve a protocol\'s contacts and policy section, and list its sections in the table of contents', () => {
    const protocol = site.listed.protocols.find((p) => p.data.tiers.length > 0)!;
    const panel = kindPanelOf(site, protocol);
    if (panel.kind !== 'protocols') throw new Error('expected a protocol panel');
    expect(panel.contacts.map((c) => c.contact.name)).toEqual(protocol.data.contacts.map((c) => site.contact(c.role)!.data.name));
    expect(panel.policy?.key).toBe(`policy/${protocol.data.policySection}`);
    expect(panel.bodyHasMatrix).toBe((protocol.body ?? '').includes('<EscalationMatrix'));
    expect(panelToc({ ...panel, bodyHasMatrix: false }).map((t) => t.slug)).toEqual(['first-hour', 'severity-tiers', 'who-to-call']);
    expect(panelToc({ ...panel, bodyHasMatrix: true }).map((t) => t.slug)).toEqual(['first-hour', 'who-to-call']);
  });
  it('give a phase guide its published starter playbooks and a heading for its next moves', () => {
    const last = site.listed.phases.at(-1)!;
    const panel = kindPanelOf(site, last);
    if (panel.kind !== 'phases') throw new Error('expected a phase panel');
    expect(panel.starters.every((r) => r.status === 'published')).toBe(true);
    expect(panelToc(panel).map((t) => t.text)).toEqual(['Signs you are here', 'Moves that keep you scaling']);
    const first = kindPanelOf(site, site.listed.phases[0]!);
    expect(panelToc(first).map((t) => t.text)).toEqual(['Signs you are here', 'Moves to phase 2']);
    const gone = last.data.playbooks[0]!;
    const without = kindPanelOf(withStatus(`playbooks/${gone}`, 'withdrawn'), last);
    expect(without.kind === 'phases' && without.starters.map((r) => r.id)).not.toContain(gone);
  });
  it('give a case study its spoke and each outcome\'s change', () => {
    const study = site.listed['case-studies'][0]!;
    const panel = kindPanelOf(site, study);
    if (panel.kind !== 'case-studies') throw new Error('expected a case-study panel');
    expect(panel.spoke?.id).toBe(study.data.spoke);
    expect(percentChange(40, 50)).toBe('+25%');
    expect(percentChange(50, 40)).toBe('-20%');
    expect(percentChange(0, 10)).toBe('');
  });
  it('use only section ids that links may point to', () => {
    for (const e of site.allListed) for (const t of panelToc(kindPanelOf(site, e))) expect(PAGE_SECTION_IDS).toContain(t.slug);
  });
});

describe('start-here pages as content', () => {
  it('are validated by the content check: an unknown path or audience is refused with the file and field', () => {
    const start = raws.find((r) => r.collection === 'start')!;
    const broken = { ...start, data: { ...(start.data as object), path: 'no-such-path', audience: 'nobody' } };
    const found = validateContent([...raws.filter((r) => r !== start), broken]).problems.filter((p) => p.file === start.file);
    expect(found.map((p) => p.field)).toContain('audience');
    const unknownPath = validateContent([...raws.filter((r) => r !== start), { ...start, data: { ...(start.data as object), path: 'no-such-path' } }]).problems;
    expect(unknownPath).toEqual([expect.objectContaining({ file: start.file, field: 'path', message: expect.stringContaining('"no-such-path", which does not exist') })]);
  });
  it('are listed in their order, and a withdrawn one leaves every list but keeps its page', () => {
    expect(site.starts.map((s) => s.data.order)).toEqual([...site.starts.map((s) => s.data.order)].sort((a, b) => a - b));
    const s = withStatus('start/sme', 'withdrawn');
    expect(startAudiences(s).map((a) => a.id)).not.toContain('sme');
    expect(homeData(s).starts.map((a) => a.id)).not.toContain('sme');
    expect(startsWithPages(s).find((a) => a.id === 'sme')?.withdrawn).toBe(true);
  });
});

describe('index pages', () => {
  it('file a playbook for all channels under every channel filter, never under "all channels"', () => {
    const { items, facets } = playbookIndex(site);
    const channel = facets.find((f) => f.key === 'channel')!;
    expect(channel.options.map((o) => o.value)).not.toContain('all-channels');
    const everywhere = site.listed.playbooks.find((p) => p.data.channels.includes('all-channels'));
    expect(everywhere).toBeDefined();
    expect(items.find((i) => i.id === everywhere!.id)!.facets.channel).toEqual(Object.keys(CHANNELS).filter((c) => c !== 'all-channels'));
    expect(items).toHaveLength(site.listed.playbooks.length);
  });
  it('badge a case study with its spoke, and a protocol with its fastest tier', () => {
    const study = caseStudyIndex(site).items[0]!;
    const entry = site.listed['case-studies'].find((s) => s.id === study.id)!;
    expect(study.badges?.[0]?.text).toBe(site.spoke(entry.data.spoke)!.data.name);
    const protocol = protocolIndex(site).items.find((i) => site.listed.protocols.find((p) => p.id === i.id)!.data.tiers.length > 0)!;
    expect(protocol.badges?.[0]?.text).toMatch(/^Top tier: /);
  });
  it('count the pages each team owns as its own page lists them, and group spokes by kind', () => {
    for (const { team, owned } of teamsIndex(site)) expect(owned).toBe(teamPage(site, team).rows.length);
    expect(teamsIndex(site).reduce((n, t) => n + t.owned, 0)).toBe(site.allListed.length + site.paths.length);
    const groups = spokeGroups(site);
    expect(groups.flatMap((g) => g.items).length).toBe(site.spokes.length);
    expect(groups[0]!.items.every((s) => s.data.kind === 'hub')).toBe(true);
  });
});

describe('start page and path agree on the phase guide', () => {
  it('the check refuses a start page whose phase is not the phase guide on its path', () => {
    const start = raws.find((r) => r.collection === 'start' && r.fileId === 'new-practitioner')!;
    const wrong = { ...start, data: { ...(start.data as object), phase: 1 } };
    const found = validateContent([...raws.filter((r) => r !== start), wrong]).problems;
    expect(found).toEqual([expect.objectContaining({ file: start.file, field: 'phase', message: expect.stringContaining('leads through the phase 3 guide') })]);
  });
});

describe('siblingsOf', () => {
  it('lists every shipped playbook, the current one marked', () => {
    const s = siblingsOf(site, 'playbooks', firstPlaybook.id);
    expect(s.items.map((i) => i.url)).toEqual(site.listed.playbooks.map((e) => `/playbooks/${e.id}/`));
    expect(s.items.filter((i) => i.current).map((i) => i.url)).toEqual([`/playbooks/${firstPlaybook.id}/`]);
    expect(s.total).toBe(site.listed.playbooks.length);
  });

  it('lists a window around the page in a collection too long to list whole', () => {
    const many = Array.from({ length: SIDEBAR_FULL_LIST + 60 }, (_, i) => ({ ...firstPlaybook, id: `p-${String(i).padStart(3, '0')}` }));
    const long = { ...site, listed: { ...site.listed, playbooks: many } };
    const s = siblingsOf(long, 'playbooks', 'p-050');
    expect(s.total).toBe(many.length);
    expect(s.items).toHaveLength(SIDEBAR_WINDOW);
    expect(s.items.find((i) => i.current)?.url).toBe('/playbooks/p-050/');
  });
});
