/** Turn entries into the cards the index pages show, with consistent badges. */
import type { CollectionEntry } from 'astro:content';
import { CHANNELS, PHASES, type DocCollection } from '../schemas/index.ts';
import { reviewOf } from './site.ts';
import { entryPath } from '../lib/urls.ts';
import { REVIEW_LABELS } from '../lib/review.ts';
import { phaseSpan } from '../lib/format.ts';

/** One card of an index page or a list of entries (EntryCards.astro renders it). */
export interface Card {
  url: string;
  title: string;
  summary: string;
  badges?: { text: string; kind?: string }[];
  /** Facet values for the quick filters of an A–Z index (see AzIndex.astro). */
  facets?: Record<string, string[]>;
}

export function toCard(collection: DocCollection, entry: CollectionEntry<DocCollection>, today: string): Card {
  const d = entry.data as CollectionEntry<DocCollection>['data'] & { phases?: number[]; phase?: number; channels?: string[]; timeNeeded?: string; version?: string };
  const badges: Card['badges'] = [];
  if (d.version) badges.push({ text: `v${d.version}` });
  const phases = d.phases ?? (d.phase ? [d.phase] : []);
  if (phases.length) badges.push({ text: phaseSpan(phases) });
  if (d.timeNeeded) badges.push({ text: d.timeNeeded });
  if (d.channels?.length) badges.push({ text: d.channels.map((c) => CHANNELS[c as keyof typeof CHANNELS]).slice(0, 3).join(', ') + (d.channels.length > 3 ? '…' : '') });
  const review = reviewOf(d, today);
  if (review.state !== 'fresh') badges.push({ text: REVIEW_LABELS[review.state], kind: review.state });
  return { url: entryPath(collection, entry.id), title: d.title, summary: d.summary, badges };
}

export const phaseTitle = (n: number) => `Phase ${n}: ${PHASES[n as 1]}`;
