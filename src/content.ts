/**
 * The one place pages read content. getCollection runs once per collection per build; everything
 * here is filtered so that drafts never reach a page, and withdrawn entries are kept only for
 * their own page (lists use `listed`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { DOC_COLLECTIONS, type CollectionName, type DocCollection } from './schemas/index.ts';
import { entryPath } from './lib/urls.ts';
import { nextReviewDay, reviewState, today, type ReviewState } from './lib/review.ts';

export type DocEntry = CollectionEntry<DocCollection>;
export type AnyEntry = CollectionEntry<CollectionName>;

/** What any page needs to link to an entry. */
export interface EntryRef {
  key: string;
  collection: CollectionName;
  id: string;
  title: string;
  summary: string;
  url: string;
  status: 'published' | 'withdrawn';
}

export interface Site {
  /** Published and withdrawn document entries, by collection (drafts removed). */
  docs: { [K in DocCollection]: CollectionEntry<K>[] };
  /** Published document entries only, in reading order: what every list shows. */
  listed: { [K in DocCollection]: CollectionEntry<K>[] };
  /** Every listed document entry, all collections together. */
  allListed: DocEntry[];
  /** Published teams, spokes, glossary terms and paths: what every list shows. */
  teams: CollectionEntry<'teams'>[];
  spokes: CollectionEntry<'spokes'>[];
  glossary: CollectionEntry<'glossary'>[];
  paths: CollectionEntry<'paths'>[];
  /** Published self-assessment dimensions, in questionnaire order (a dimension has no page of its own). */
  assessment: CollectionEntry<'assessment'>[];
  /** Withdrawn teams, spokes, glossary terms and paths: each keeps its page with a banner and leaves every list and search. */
  withdrawn: { teams: CollectionEntry<'teams'>[]; spokes: CollectionEntry<'spokes'>[]; glossary: CollectionEntry<'glossary'>[]; paths: CollectionEntry<'paths'>[] };
  /** Published duty roles and team lines; see lib/contacts.ts for the page's grouping. `contact()` also finds withdrawn ones, which protocols may still name. */
  contacts: CollectionEntry<'contacts'>[];
  contact(id: string): CollectionEntry<'contacts'> | undefined;
  /** Resolve `collection/id` to a link target; undefined for drafts and unknown keys. */
  resolve(key: string): EntryRef | undefined;
  team(id: string): CollectionEntry<'teams'> | undefined;
  /** Listed entries whose `related` names this key: computed once, not per page. */
  pointingTo(key: string): EntryRef[];
  spoke(id: string): CollectionEntry<'spokes'> | undefined;
  /** The build day, used for review status. */
  today: string;
}

const ORDER: { [K in DocCollection]: (a: CollectionEntry<K>, b: CollectionEntry<K>) => number } = {
  policy: (a, b) => a.data.order - b.data.order,
  phases: (a, b) => a.data.phase - b.data.phase,
  playbooks: (a, b) => a.data.title.localeCompare(b.data.title),
  'case-studies': (a, b) => a.data.title.localeCompare(b.data.title),
  protocols: (a, b) => a.data.title.localeCompare(b.data.title),
};

const notDraft = (e: { data: { status: string } }) => e.data.status !== 'draft';
const isPublished = (e: { data: { status: string } }) => e.data.status === 'published';

async function docs<K extends DocCollection>(name: K): Promise<CollectionEntry<K>[]> {
  const all = (await getCollection(name, notDraft)) as CollectionEntry<K>[];
  return all.sort(ORDER[name] as (a: CollectionEntry<K>, b: CollectionEntry<K>) => number);
}

async function build(): Promise<Site> {
  const [policy, phases, playbooks, caseStudies, protocols, teams, spokes, glossary, paths, assessment, contacts] = await Promise.all([
    docs('policy'),
    docs('phases'),
    docs('playbooks'),
    docs('case-studies'),
    docs('protocols'),
    getCollection('teams', notDraft),
    getCollection('spokes', notDraft),
    getCollection('glossary', notDraft),
    getCollection('paths', notDraft),
    getCollection('assessment', isPublished),
    getCollection('contacts', notDraft),
  ]);
  const isWithdrawn = (e: { data: { status: string } }) => e.data.status === 'withdrawn';
  const all = { policy, phases, playbooks, 'case-studies': caseStudies, protocols };
  const listed = Object.fromEntries(DOC_COLLECTIONS.map((c) => [c, all[c].filter(isPublished)])) as Site['listed'];

  const refs = new Map<string, EntryRef>();
  const add = (collection: CollectionName, id: string, title: string, summary: string, status: 'published' | 'withdrawn') =>
    refs.set(`${collection}/${id}`, { key: `${collection}/${id}`, collection, id, title, summary, url: entryPath(collection, id), status });
  for (const c of DOC_COLLECTIONS) for (const e of all[c]) add(c, e.id, e.data.title, e.data.summary, e.data.status as 'published' | 'withdrawn');
  const statusOf = (e: { data: { status: string } }) => (isWithdrawn(e) ? 'withdrawn' : 'published');
  for (const e of paths) add('paths', e.id, e.data.title, e.data.summary, statusOf(e));
  for (const e of glossary) add('glossary', e.id, e.data.term, e.data.definition, statusOf(e));
  for (const e of spokes) add('spokes', e.id, e.data.name, e.data.description, statusOf(e));
  for (const e of teams) add('teams', e.id, e.data.name, e.data.description, statusOf(e));

  const teamById = new Map(teams.map((t) => [t.id, t]));
  const backlinks = new Map<string, EntryRef[]>();
  for (const c of DOC_COLLECTIONS) {
    for (const e of listed[c]) {
      const from = refs.get(`${c}/${e.id}`);
      if (!from) continue;
      for (const to of e.data.related) backlinks.set(to, [...(backlinks.get(to) ?? []), from]);
    }
  }
  const spokeById = new Map(spokes.map((s) => [s.id, s]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  return {
    docs: all,
    listed,
    allListed: DOC_COLLECTIONS.flatMap((c) => listed[c] as DocEntry[]),
    teams: teams.filter(isPublished).sort((a, b) => a.data.name.localeCompare(b.data.name)),
    spokes: spokes.filter(isPublished).sort((a, b) => (a.data.kind === b.data.kind ? a.data.name.localeCompare(b.data.name) : a.data.kind === 'hub' ? -1 : 1)),
    glossary: glossary.filter(isPublished).sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' })),
    paths: paths.filter(isPublished).sort((a, b) => a.data.title.localeCompare(b.data.title)),
    assessment: assessment.sort((a, b) => a.data.order - b.data.order),
    withdrawn: { teams: teams.filter(isWithdrawn), spokes: spokes.filter(isWithdrawn), glossary: glossary.filter(isWithdrawn), paths: paths.filter(isWithdrawn) },
    resolve: (key) => refs.get(key),
    team: (id) => teamById.get(id),
    pointingTo: (key) => backlinks.get(key) ?? [],
    spoke: (id) => spokeById.get(id),
    contacts: contacts.filter(isPublished),
    contact: (id) => contactById.get(id),
    today: today(),
  };
}

let cached: Promise<Site> | undefined;
/** Load the site's content once per build. */
export function getSite(): Promise<Site> {
  // Under `astro dev` content changes while the server runs: never serve a stale copy.
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}

/** Review facts for any governed entry. */
export function reviewOf(data: { lastReviewed: string; reviewEvery?: number | undefined; nextReview?: string | undefined }, day: string): { next: string; state: ReviewState } {
  const next = nextReviewDay(data);
  return { next, state: reviewState(next, day) };
}
