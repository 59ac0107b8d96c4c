/** A team's page: the pages it owns by next review, and its contact lines. */
import type { CollectionEntry } from 'astro:content';
import { DOC_COLLECTIONS, type DocCollection } from '../schemas/index.ts';
import type { ReviewState } from '../lib/review.ts';
import { reviewOf, type Site } from './site.ts';

export interface OwnedPage { c: DocCollection | 'paths'; id: string; data: { title: string }; review: { next: string; state: ReviewState } }
export interface TeamPage { rows: OwnedPage[]; lines: CollectionEntry<'contacts'>[] }

/** Every team with a page: published ones and withdrawn ones (which keep their page with a banner). */
export const teamsWithPages = (site: Site): CollectionEntry<'teams'>[] => [...site.teams, ...site.withdrawn.teams];

/** The listed pages a team owns, soonest review first, and the team's own contact lines. */
export function teamPage(site: Site, team: CollectionEntry<'teams'>): TeamPage {
  const rows = [
    ...DOC_COLLECTIONS.flatMap((c) => site.listed[c].filter((e) => e.data.owner === team.id).map((e) => ({ c, id: e.id, data: e.data }))),
    ...site.paths.filter((p) => p.data.owner === team.id).map((e) => ({ c: 'paths' as const, id: e.id, data: e.data })),
  ]
    .map((r) => ({ ...r, review: reviewOf(r.data, site.today) }))
    .sort((a, b) => a.review.next.localeCompare(b.review.next));
  return { rows, lines: site.contacts.filter((c) => c.data.team === team.id) };
}
