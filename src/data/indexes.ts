/** The collections' index pages: A–Z cards with their quick filters, teams with what they own, spokes by kind. */
import type { CollectionEntry } from 'astro:content';
import { AUDIENCES, CHANNELS, PHASE_NUMBERS, type Channel } from '../schemas/index.ts';
import { buildFacet, type Facet } from '../lib/az-index.ts';
import { joinWords } from '../lib/format.ts';
import { phaseTitle, toCard, type Card } from './cards.ts';
import type { Site } from './site.ts';
import { teamPage } from './teams.ts';

/** The cards of an A–Z index with the facet values its quick filters read, and those filters. */
export interface AzIndexData { items: (Card & { id: string; facets: Record<string, string[]> })[]; facets: Facet[] }

const phaseLabels = () => Object.fromEntries(PHASE_NUMBERS.map((n) => [String(n), phaseTitle(n)]));

export function playbookIndex(site: Site): AzIndexData {
  // A playbook for all channels serves whichever channel a reader picks.
  const everyChannel = (Object.keys(CHANNELS) as Channel[]).filter((c) => c !== 'all-channels');
  const items = site.listed.playbooks.map((p) => ({
    ...toCard('playbooks', p, site.today),
    id: p.id,
    facets: {
      phase: p.data.phases.map(String),
      audience: p.data.audiences,
      channel: p.data.channels.includes('all-channels') ? everyChannel : p.data.channels,
    },
  }));
  return {
    items,
    facets: [
      buildFacet(items, 'phase', 'Phase', phaseLabels()),
      buildFacet(items, 'audience', 'For', AUDIENCES),
      buildFacet(items, 'channel', 'Channel', Object.fromEntries(everyChannel.map((c) => [c, CHANNELS[c]]))),
    ],
  };
}

export function caseStudyIndex(site: Site): AzIndexData {
  const items = site.listed['case-studies'].map((s) => {
    const card = toCard('case-studies', s, site.today);
    const spoke = site.spoke(s.data.spoke);
    return {
      ...card,
      id: s.id,
      badges: [{ text: spoke?.data.name ?? s.data.spoke }, ...(s.data.recovery ? [{ text: 'Failure and recovery', kind: 'due' }] : []), ...(card.badges ?? [])],
      facets: { phase: [String(s.data.phase)], spoke: [s.data.spoke], audience: s.data.audiences },
    };
  });
  return {
    items,
    facets: [
      buildFacet(items, 'phase', 'Phase', phaseLabels()),
      buildFacet(items, 'spoke', 'Spoke', Object.fromEntries(site.spokes.map((s) => [s.id, s.data.name]))),
      buildFacet(items, 'audience', 'For', AUDIENCES),
    ],
  };
}

export function protocolIndex(site: Site): AzIndexData {
  const items = site.listed.protocols.map((p) => {
    const card = toCard('protocols', p, site.today);
    const fastest = p.data.tiers[0]?.responseTime;
    return {
      ...card,
      id: p.id,
      badges: [...(fastest ? [{ text: `Top tier: ${fastest}` }] : []), { text: `For ${joinWords(p.data.consultedBy.map((a) => AUDIENCES[a]))}` }, ...(card.badges ?? [])],
      facets: { audience: p.data.consultedBy },
    };
  });
  return { items, facets: [buildFacet(items, 'audience', 'Consulted by', AUDIENCES)] };
}

/** Published teams with how many listed pages each owns (the rows of its own page). */
export const teamsIndex = (site: Site): { team: CollectionEntry<'teams'>; owned: number }[] =>
  site.teams.map((team) => ({ team, owned: teamPage(site, team).rows.length }));

/** Published spokes grouped: the hub, business units, functions; empty groups left out. */
export const spokeGroups = (site: Site): { id: string; title: string; items: CollectionEntry<'spokes'>[] }[] =>
  [
    { id: 'hub', title: 'The hub', items: site.spokes.filter((s) => s.data.kind === 'hub') },
    { id: 'business-units', title: 'Business units', items: site.spokes.filter((s) => s.data.kind === 'spoke' && s.data.type === 'business-unit') },
    { id: 'functions', title: 'Functions', items: site.spokes.filter((s) => s.data.kind === 'spoke' && s.data.type === 'function') },
  ].filter((g) => g.items.length);
