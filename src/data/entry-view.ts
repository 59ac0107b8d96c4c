/**
 * Everything an entry page shows besides its body, computed once per page from the site's
 * content. The .astro files only render what this returns.
 */
import type { CollectionEntry } from 'astro:content';
import { AUDIENCES, CHANNELS, COLLECTION_LABELS, PHASES, type DocCollection, type PhaseNumber, type Change } from '../schemas/index.ts';
import { reviewOf, type EntryRef, type Site } from './site.ts';
import { pathPositions, type PathPosition } from '../lib/paths.ts';
import { newestFirst } from '../lib/format.ts';
import type { ReviewState } from '../lib/review.ts';
import { href } from '../site.ts';
import { isListed, isWithdrawn } from '../lib/visibility.ts';
import { SECTION } from '../lib/sections.ts';
import { buildToc, type TocItem } from '../lib/toc.ts';
import { sidebarWindow } from '../lib/sidebar.ts';
import { panelToc, type KindPanel } from './panels.ts';

export type Governed = CollectionEntry<DocCollection> | CollectionEntry<'paths'>;

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

/** The phases an entry is written for (one for a phase guide, any number for others). */
export function phasesOf(entry: Governed): PhaseNumber[] {
  const d = entry.data as { phase?: PhaseNumber; phases?: PhaseNumber[] };
  if (Array.isArray(d.phases)) return d.phases;
  if (typeof d.phase === 'number') return [d.phase];
  return [];
}

/** The feedback link goes to the owning team's tracker or mailbox, with the page filled in. */
function feedbackLink(team: CollectionEntry<'teams'> | undefined, title: string, pageUrl: string): FeedbackLink | undefined {
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
  const explicit = data.related.map((k) => site.resolve(k)).filter((r): r is EntryRef => !!r && isListed(r.status));
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
    withdrawn: isWithdrawn(entry),
    replacedBy: data.replacedBy ? site.resolve(data.replacedBy) : undefined,
    related,
    changes: newestFirst(data.changes),
    positions,
    feedback: feedbackLink(team, data.title, pageUrl),
  };
}

/** The sibling sidebar of an entry page: its collection's entries around it, and the collection's size. */
export interface Siblings {
  label: string;
  path: string;
  items: { title: string; url: string; current: boolean }[];
  /** How many listed entries the collection has; more than `items.length` when the sidebar shows a window. */
  total: number;
}

/** The entries beside this one in its collection, in the collection's reading order, for the sidebar. */
export function siblingsOf(site: Site, collection: DocCollection, id: string): Siblings {
  const listed = site.listed[collection] as CollectionEntry<DocCollection>[];
  const { start, end } = sidebarWindow(listed.length, listed.findIndex((e) => e.id === id));
  return {
    label: COLLECTION_LABELS[collection].plural,
    path: `/${collection}/`,
    items: listed.slice(start, end).map((e) => ({ title: e.data.title, url: `/${collection}/${e.id}/`, current: e.id === id })),
    total: listed.length,
  };
}

/** An entry page's table of contents: its panel's sections, the body's headings, then related and history. */
export function entryToc(headings: Parameters<typeof buildToc>[0], panel: KindPanel, view: EntryView): TocItem[] {
  const trailing: TocItem[] = [
    ...(view.related.length ? [{ depth: 2 as const, slug: SECTION.related, text: 'Related' }] : []),
    ...(view.changes.length ? [{ depth: 2 as const, slug: SECTION.history, text: 'Change history' }] : []),
  ];
  return buildToc(headings, panelToc(panel), trailing);
}
