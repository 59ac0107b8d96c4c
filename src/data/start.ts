import type { CollectionEntry } from 'astro:content';
import type { Audience, PathStep } from '../schemas/index.ts';
import type { TocItem } from '../lib/toc.ts';
import { isListed } from '../lib/visibility.ts';
import { toCard, type Card } from './cards.ts';
import type { EntryRef, Site } from './site.ts';

/**
 * The start-here entry points, one per audience, with the path written for it. `phase` is the phase
 * guide the start page recommends; when the path itself has a phase guide step it must be the same
 * guide (tests/e2e/reader.spec.ts checks), so the two pages never disagree.
 */
export interface StartAudience { id: string; audience: Audience; title: string; pitch: string; path: string; phase: 1 | 2 | 3 | 4; phaseWhy: string }

export const START_AUDIENCES: StartAudience[] = [
  { id: 'new-practitioner', audience: 'practitioner', title: 'New to social media at the company', pitch: 'Read the policy in plain language, find your phase, and learn the playbooks you will use every week.', path: 'new-practitioner', phase: 3, phaseWhy: 'Most spokes are integrating (phase 3), so this guide tells you what your team is likely doing and what it is aiming for next; your path includes it.' },
  { id: 'spoke-lead', audience: 'spoke-lead', title: 'Leading a spoke', pitch: 'Place your unit on the adoption curve, plan the next phase and know which protocols your team must follow.', path: 'spoke-lead', phase: 3, phaseWhy: 'Spoke leads move a unit from experiments to a plan tied to the business: take the self-assessment first, then read the guide for your phase.' },
  { id: 'sme', audience: 'sme', title: 'Subject-matter experts', pitch: 'Short, safe rules for joining conversations as an engineer, product person or specialist.', path: 'sme', phase: 4, phaseWhy: 'Phase 4 is where SMEs join conversations as a habit: this guide shows how your part fits.' },
  { id: 'pr', audience: 'pr', title: 'PR and communications', pitch: 'Crisis escalation, media enquiries on social, executive posts and dark periods, step by step.', path: 'pr-officer', phase: 4, phaseWhy: 'Phase 4 explains how PR, customer service and HR work with marketing on shared tools and protocols.' },
  { id: 'hr', audience: 'hr', title: 'HR partners', pitch: 'Misconduct reported on social media, employee advocacy and what the law protects.', path: 'hr-partner', phase: 4, phaseWhy: 'Phase 4 covers advocacy programmes and how HR works with the hub over the long term.' },
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
  return START_AUDIENCES.map((a) => {
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
