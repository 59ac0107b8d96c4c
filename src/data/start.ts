import type { CollectionEntry } from 'astro:content';
import type { PathStep, StartAudienceData } from '../schemas/index.ts';
import type { TocItem } from '../lib/toc.ts';
import { isListed } from '../lib/visibility.ts';
import { toCard, type Card } from './cards.ts';
import type { EntryRef, Site } from './site.ts';

/**
 * A start-here page's words (content/start/<id>.yaml) with its id. `phase` is the phase guide the
 * page recommends; when the path itself has a phase guide step it must be the same guide (the
 * content check refuses a mismatch), so the two pages never disagree.
 */
export type StartAudience = StartAudienceData & { id: string };

const startOf = (e: CollectionEntry<'start'>): StartAudience => ({ ...e.data, id: e.id });

/** The published start-here pages, in their order: the home page's cards and the sections of /start/. */
export const startAudiences = (site: Site): StartAudience[] => site.starts.map(startOf);

/** Every start-here page with a page of its own: published ones and withdrawn ones (with a banner). */
export const startsWithPages = (site: Site): (StartAudience & { withdrawn: boolean })[] => [
  ...site.starts.map((e) => ({ ...startOf(e), withdrawn: false })),
  ...site.withdrawn.starts.map((e) => ({ ...startOf(e), withdrawn: true })),
];

/** One role's section of /start/: its path, every protocol it consults and the playbooks on its path. */
export interface StartSection extends StartAudience {
  pathEntry: CollectionEntry<'paths'> | undefined;
  protocols: CollectionEntry<'protocols'>[];
  playbooks: EntryRef[];
  /** How many listed playbooks are written for the role (its start page lists them all). */
  allPlaybooks: number;
}

export function startSections(site: Site): StartSection[] {
  return startAudiences(site).map((a) => {
    const pathEntry = site.paths.find((p) => p.id === a.path);
    return {
      ...a,
      pathEntry,
      // Every protocol the role consults: a short list cut by name would hide one at random.
      protocols: site.listed.protocols.filter((p) => p.data.consultedBy.includes(a.audience)),
      // The playbooks on the role's own path, in the path's order: chosen by the hub, not by the alphabet.
      playbooks: (pathEntry?.data.steps ?? [])
        .filter((s) => s.entry.startsWith('playbooks/'))
        .map((s) => site.resolve(s.entry))
        .filter((r): r is EntryRef => !!r && isListed(r.status)),
      allPlaybooks: site.listed.playbooks.filter((p) => p.data.audiences.includes(a.audience)).length,
    };
  });
}

/** A role's start page: its path with resolved steps, the protocols and playbooks for it, its phase guide. */
export interface StartPage {
  path: CollectionEntry<'paths'> | undefined;
  steps: (PathStep & { ref: EntryRef | undefined })[];
  protocols: Card[];
  guide: CollectionEntry<'phases'> | undefined;
  playbooks: Card[];
  toc: TocItem[];
}

export function startPage(site: Site, a: StartAudience): StartPage {
  const path = site.paths.find((p) => p.id === a.path);
  const protocols = site.listed.protocols.filter((p) => p.data.consultedBy.includes(a.audience) || p.data.audiences.includes(a.audience));
  const guide = site.listed.phases.find((p) => p.data.phase === a.phase);
  const playbooks = site.listed.playbooks.filter((p) => p.data.audiences.includes(a.audience));
  return {
    path,
    steps: path?.data.steps.map((s) => ({ ...s, ref: site.resolve(s.entry) })) ?? [],
    protocols: protocols.map((p) => toCard('protocols', p, site.today)),
    guide,
    playbooks: playbooks.map((p) => toCard('playbooks', p, site.today)),
    toc: [
      ...(path ? [{ depth: 2 as const, slug: 'path', text: 'Your path' }] : []),
      ...(protocols.length ? [{ depth: 2 as const, slug: 'protocols', text: 'Protocols' }] : []),
      ...(guide ? [{ depth: 2 as const, slug: 'phase', text: 'Your phase guide' }] : []),
      ...(playbooks.length ? [{ depth: 2 as const, slug: 'playbooks', text: 'Playbooks' }] : []),
    ],
  };
}
