/**
 * Everything an entry page shows besides its body, computed once per page from the site's
 * content. The .astro files only render what this returns.
 */
import type { CollectionEntry } from 'astro:content';
import { AUDIENCES, CHANNELS, COLLECTION_LABELS, PHASES, type DocCollection, type PhaseNumber, type Change } from './schemas/index.ts';
import { reviewOf, type EntryRef, type Site } from './content.ts';
import { pathPositions, type PathPosition } from './lib/paths.ts';
import { newestFirst, phaseSpan } from './lib/format.ts';
import { pageSearchRecords, type SearchFields } from './lib/search-record.ts';
import { buildLexicon, buildVocabulary, commonWords, type SearchHelp } from './lib/search-lexicon.ts';
import { entryPath } from './lib/urls.ts';
import { START_AUDIENCES } from './start.ts';
import type { ReviewState } from './lib/review.ts';
import { ASK_THE_HUB_TEAM, href } from './site.ts';
import { entryBody } from './node/entry-body.ts';

type Governed = CollectionEntry<DocCollection> | CollectionEntry<'paths'>;

export interface FeedbackLink { url: string; label: string }

export interface EntryView {
  key: string;
  typeLabel: string;
  owner: { id: string; name: string; url: string } | undefined;
  audiences: string[];
  phases: { n: PhaseNumber; label: string; url?: string }[];
  channels: string[];
  lastReviewed: string;
  nextReview: string;
  reviewState: ReviewState;
  controlled: boolean;
  version?: { version: string; effective: string };
  withdrawn: boolean;
  replacedBy?: EntryRef;
  related: EntryRef[];
  changes: Change[];
  positions: (PathPosition & { prevRef?: EntryRef; nextRef?: EntryRef })[];
  feedback?: FeedbackLink;
}

function phasesOf(entry: Governed): PhaseNumber[] {
  const d = entry.data as { phase?: PhaseNumber; phases?: PhaseNumber[] };
  if (Array.isArray(d.phases)) return d.phases;
  if (typeof d.phase === 'number') return [d.phase];
  return [];
}

/** The feedback link goes to the owning team's tracker or mailbox, with the page filled in. */
export function feedbackLink(team: CollectionEntry<'teams'> | undefined, title: string, pageUrl: string): FeedbackLink | undefined {
  if (!team) return undefined;
  const subject = `Feedback on "${title}"`;
  const body = `Page: ${pageUrl}\n\nWhat is wrong or missing, or what helped:\n`;
  if (team.data.contact.url) {
    const url = new URL(team.data.contact.url);
    url.searchParams.set('title', subject);
    url.searchParams.set('body', body);
    return { url: url.href, label: `${team.data.name} tracker` };
  }
  const params = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { url: `mailto:${team.data.contact.email}?${params}`, label: team.data.contact.email ?? team.data.name };
}

export function buildEntryView(site: Site, collection: DocCollection | 'paths', entry: Governed, pageUrl: string): EntryView {
  const key = `${collection}/${entry.id}`;
  const data = entry.data;
  const team = site.team(data.owner);
  const review = reviewOf(data, site.today);
  const phaseGuides = site.listed.phases;
  const explicit = data.related.map((k) => site.resolve(k)).filter((r): r is EntryRef => !!r && r.status === 'published');
  // Entries that point here are related too: a reader of a protocol wants the playbooks that cite it.
  const backlinks = site.pointingTo(key);
  const seen = new Set<string>([key]);
  const related = [...explicit, ...backlinks].filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
  const positions = pathPositions(site.paths, key).map((p) => ({
    ...p,
    prevRef: p.prev ? site.resolve(p.prev) : undefined,
    nextRef: p.next ? site.resolve(p.next) : undefined,
  }));
  const policy = collection === 'policy' ? (data as CollectionEntry<'policy'>['data']) : undefined;
  const controlled = 'controlled' in data ? Boolean(data.controlled) : false;
  return {
    key,
    typeLabel: COLLECTION_LABELS[collection].singular,
    owner: team ? { id: team.id, name: team.data.name, url: href(`/teams/${team.id}/`) } : undefined,
    audiences: data.audiences.map((a) => AUDIENCES[a]),
    phases: phasesOf(entry).map((n) => {
      const guide = phaseGuides.find((p) => p.data.phase === n);
      return { n, label: PHASES[n], url: guide ? href(`/phases/${guide.id}/`) : undefined };
    }),
    channels: 'channels' in data && Array.isArray(data.channels) ? (data.channels as (keyof typeof CHANNELS)[]).map((c) => CHANNELS[c]) : [],
    lastReviewed: data.lastReviewed,
    nextReview: review.next,
    reviewState: review.state,
    controlled,
    version: policy ? { version: policy.version, effective: policy.effective } : undefined,
    withdrawn: data.status === 'withdrawn',
    replacedBy: data.replacedBy ? site.resolve(data.replacedBy) : undefined,
    related,
    changes: newestFirst(data.changes),
    positions,
    feedback: feedbackLink(team, data.title, pageUrl),
  };
}

const ALL_CHANNELS: string = CHANNELS['all-channels'];
/**
 * A page written for all channels is found under each channel's filter, and "All channels" is
 * never a filter value of its own (it would hide those pages from every specific channel).
 */
const searchChannels = (labels: string[]): string[] =>
  labels.includes(ALL_CHANNELS) ? Object.values(CHANNELS).filter((c) => c !== ALL_CHANNELS) : labels;

/** What the search index records about an entry page (see src/lib/search-record.ts). */
export function searchFieldsOf(site: Site, entry: Governed, view: EntryView): SearchFields {
  const spoke = entry.collection === 'case-studies' ? site.spoke((entry.data as { spoke: string }).spoke)?.data.name : undefined;
  return {
    type: view.typeLabel,
    phases: view.phases.map((p) => `Phase ${p.n}: ${p.label}`),
    phaseBadge: view.phases.length ? phaseSpan(view.phases.map((p) => p.n)) : undefined,
    audiences: view.audiences,
    channels: searchChannels(view.channels),
    spokes: spoke ? [spoke] : [],
    review: view.reviewState,
    owner: view.owner?.name,
    updated: view.changes[0]?.date ?? view.lastReviewed,
    keywords: [...entry.data.tags, ...entry.data.searchTerms],
  };
}

/** The page records beyond entries (index pages, start pages), by path without the base. */
export const pageRecords = () => pageSearchRecords(START_AUDIENCES);

/**
 * What search needs besides the index: the hub's vocabulary (glossary terms with aliases,
 * protocols' incident words), the protocols and the hub's mailbox for a query that finds nothing.
 */
export function searchHelpOf(site: Site): SearchHelp {
  const team = site.team(ASK_THE_HUB_TEAM);
  const email = team?.data.contact.email;
  return {
    ...buildLexicon(
      site.glossary.map((t) => ({ term: t.data.term, aliases: t.data.aliases })),
      site.listed.protocols.map((p) => ({ url: entryPath('protocols', p.id), searchTerms: p.data.searchTerms })),
      commonWordsOf(site),
    ),
    protocols: site.listed.protocols.map((p) => ({ title: p.data.title, url: href(entryPath('protocols', p.id)) })),
    ...(team && email ? { ask: { email, team: team.data.name } } : {}),
  };
}

/** The texts of every indexed page (title, summary, body, keywords): published content only. */
function indexedTexts(site: Site): string[][] {
  return [
    ...site.allListed.map((e) => [e.data.title, e.data.summary, entryBody(e), ...e.data.tags, ...e.data.searchTerms]),
    ...site.paths.map((p) => [p.data.title, p.data.summary, ...p.data.tags, ...p.data.searchTerms, ...p.data.steps.map((s) => s.why)]),
    ...site.glossary.map((t) => [t.data.term, t.data.definition, ...t.data.aliases]),
    ...pageRecords().map(([, r]) => [r.title, ...(r.fields.keywords ?? [])]),
  ];
}

/** The words most indexed pages hold: gathering the pages' texts once for both counts. */
function commonWordsOf(site: Site): string[] {
  const texts = indexedTexts(site);
  return commonWords(buildVocabulary(texts), texts.length);
}

/** The words of every indexed page with their page counts, for spelling correction. */
export const searchVocabularyOf = (site: Site): Record<string, number> => buildVocabulary(indexedTexts(site));
/** The entries beside this one in its collection, in the collection's reading order, for the sidebar. */
export function siblingsOf(site: Site, collection: DocCollection, id: string): { label: string; path: string; items: { title: string; url: string; current: boolean }[] } {
  return {
    label: COLLECTION_LABELS[collection].plural,
    path: `/${collection}/`,
    items: (site.listed[collection] as CollectionEntry<DocCollection>[]).map((e) => ({ title: e.data.title, url: `/${collection}/${e.id}/`, current: e.id === id })),
  };
}
