/**
 * The site's content as the pages see it, built by one pure function from every collection's
 * entries: drafts are removed here, withdrawn entries are kept only for their own page (lists use
 * `listed`). `getSite()` in ./load.ts is the only code that reads collections and calls this once
 * per build; tests call `buildSite` with plain entries.
 */
import type { CollectionEntry } from 'astro:content';
import { COLLECTIONS, DOC_COLLECTIONS, type CollectionName, type DocCollection } from '../schemas/index.ts';
import { entryPath } from '../lib/urls.ts';
import { nextReviewDay, reviewState, type ReviewState } from '../lib/review.ts';
import type { Status } from '../schemas/vocab.ts';
import { isBuilt, isListed, isWithdrawn } from '../lib/visibility.ts';

export type DocEntry = CollectionEntry<DocCollection>;

/** Every entry of every collection, in any status, as the content layer holds them. */
export type SiteContent = { [K in CollectionName]: CollectionEntry<K>[] };

/** What any page needs to link to an entry. */
export interface EntryRef {
  key: string;
  collection: CollectionName;
  id: string;
  title: string;
  summary: string;
  url: string;
  /** Drafts have no page, so a reference is to a published or a withdrawn entry. */
  status: Exclude<Status, 'draft'>;
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
  /** Published start-here pages, one per audience, in their `order`. */
  starts: CollectionEntry<'start'>[];
  /** Withdrawn teams, spokes, glossary terms, paths and start pages: each keeps its page with a banner and leaves every list and search. */
  withdrawn: { teams: CollectionEntry<'teams'>[]; spokes: CollectionEntry<'spokes'>[]; glossary: CollectionEntry<'glossary'>[]; paths: CollectionEntry<'paths'>[]; starts: CollectionEntry<'start'>[] };
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

/** A document collection's built entries (drafts removed), in its reading order. */
function docs<K extends DocCollection>(content: SiteContent, name: K): CollectionEntry<K>[] {
  const order: (a: CollectionEntry<K>, b: CollectionEntry<K>) => number = ORDER[name];
  return content[name].filter(isBuilt).sort(order);
}

/** The status of a built entry: drafts never reach a page, so published or withdrawn. */
const builtStatus = (e: CollectionEntry<CollectionName>): EntryRef['status'] => (isWithdrawn(e) ? 'withdrawn' : 'published');

/** The site's content for the pages, from every entry of every collection and the build day. */
export function buildSite(content: SiteContent, today: string): Site {
  const all = { policy: docs(content, 'policy'), phases: docs(content, 'phases'), playbooks: docs(content, 'playbooks'), 'case-studies': docs(content, 'case-studies'), protocols: docs(content, 'protocols') };
  const [teams, spokes, glossary, paths, contacts] = [content.teams.filter(isBuilt), content.spokes.filter(isBuilt), content.glossary.filter(isBuilt), content.paths.filter(isBuilt), content.contacts.filter(isBuilt)] as const;
  const assessment = content.assessment.filter(isListed);
  const listed: Site['listed'] = { policy: all.policy.filter(isListed), phases: all.phases.filter(isListed), playbooks: all.playbooks.filter(isListed), 'case-studies': all['case-studies'].filter(isListed), protocols: all.protocols.filter(isListed) };

  const refs = new Map<string, EntryRef>();
  const add = (collection: CollectionName, id: string, title: string, summary: string, status: EntryRef['status']) =>
    refs.set(`${collection}/${id}`, { key: `${collection}/${id}`, collection, id, title, summary, url: entryPath(collection, id), status });
  for (const c of DOC_COLLECTIONS) for (const e of all[c]) add(c, e.id, e.data.title, e.data.summary, builtStatus(e));
  for (const e of paths) add('paths', e.id, e.data.title, e.data.summary, builtStatus(e));
  for (const e of glossary) add('glossary', e.id, e.data.term, e.data.definition, builtStatus(e));
  for (const e of spokes) add('spokes', e.id, e.data.name, e.data.description, builtStatus(e));
  for (const e of teams) add('teams', e.id, e.data.name, e.data.description, builtStatus(e));

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
    teams: teams.filter(isListed).sort((a, b) => a.data.name.localeCompare(b.data.name)),
    spokes: spokes.filter(isListed).sort((a, b) => (a.data.kind === b.data.kind ? a.data.name.localeCompare(b.data.name) : a.data.kind === 'hub' ? -1 : 1)),
    glossary: glossary.filter(isListed).sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' })),
    paths: paths.filter(isListed).sort((a, b) => a.data.title.localeCompare(b.data.title)),
    assessment: assessment.sort((a, b) => a.data.order - b.data.order),
    starts: content.start.filter(isListed).sort((a, b) => a.data.order - b.data.order),
    withdrawn: { teams: teams.filter(isWithdrawn), spokes: spokes.filter(isWithdrawn), glossary: glossary.filter(isWithdrawn), paths: paths.filter(isWithdrawn), starts: content.start.filter(isWithdrawn) },
    resolve: (key) => refs.get(key),
    team: (id) => teamById.get(id),
    pointingTo: (key) => backlinks.get(key) ?? [],
    spoke: (id) => spokeById.get(id),
    contacts: contacts.filter(isListed),
    contact: (id) => contactById.get(id),
    today,
  };
}

/** Every document entry with a page (published and withdrawn), with its collection. */
export function docPages(site: Site): { collection: DocCollection; entry: DocEntry }[] {
  return DOC_COLLECTIONS.flatMap((collection) => site.docs[collection].map((entry: DocEntry) => ({ collection, entry })));
}

/** Review facts for any governed entry. */
export function reviewOf(data: { lastReviewed: string; reviewEvery?: number | undefined; nextReview?: string | undefined }, day: string): { next: string; state: ReviewState } {
  const next = nextReviewDay(data);
  return { next, state: reviewState(next, day) };
}

/**
 * What a site is built from: every entry's id and digest (Astro's hash of its file), and the day;
 * undefined when an entry has no digest, so that nothing can stand for it. Under `astro dev` the
 * site is built again only when this changes, not for every module of a request that asks for it.
 */
export function contentVersion(content: SiteContent, day: string): string | undefined {
  const parts = [day];
  for (const name of COLLECTIONS) {
    const ids: string[] = [];
    for (const e of content[name]) {
      if (e.digest === undefined) return undefined;
      ids.push(`${e.id}@${e.digest}`);
    }
    parts.push(`${name}:${ids.join(',')}`);
  }
  return parts.join('\n');
}
