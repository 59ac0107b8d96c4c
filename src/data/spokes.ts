/** A spoke's page: its case studies, the playbooks for its phase and its people, and where to start. */
import type { CollectionEntry } from 'astro:content';
import { toCard, type Card } from './cards.ts';
import type { Site } from './site.ts';
import { startAudiences, type StartAudience } from './start.ts';

export interface SpokePage {
  studies: Card[];
  /** The published guide for the spoke's phase, when it has one. */
  guide: CollectionEntry<'phases'> | undefined;
  /** Playbooks for the spoke's phase. */
  recommended: Card[];
  /** Other playbooks written for the spoke's people (six at most). */
  writtenFor: Card[];
  /** Protocols the spoke's people consult. */
  forAudiences: Card[];
  /** The start-here pages for the spoke's people. */
  starts: StartAudience[];
}

/** Every spoke with a page: published ones and withdrawn ones. */
export const spokesWithPages = (site: Site): CollectionEntry<'spokes'>[] => [...site.spokes, ...site.withdrawn.spokes];

export function spokePage(site: Site, spoke: CollectionEntry<'spokes'>): SpokePage {
  const d = spoke.data;
  const phase = d.phase;
  const recommended = phase ? site.listed.playbooks.filter((p) => p.data.phases.includes(phase)) : [];
  return {
    studies: site.listed['case-studies'].filter((c) => c.data.spoke === spoke.id).map((s) => toCard('case-studies', s, site.today)),
    guide: phase ? site.listed.phases.find((p) => p.data.phase === phase) : undefined,
    recommended: recommended.map((p) => toCard('playbooks', p, site.today)),
    writtenFor: site.listed.playbooks
      .filter((p) => p.data.audiences.some((a) => d.audiences.includes(a)) && !recommended.includes(p))
      .slice(0, 6)
      .map((p) => toCard('playbooks', p, site.today)),
    forAudiences: site.listed.protocols.filter((p) => p.data.consultedBy.some((a) => d.audiences.includes(a))).map((p) => toCard('protocols', p, site.today)),
    starts: startAudiences(site).filter((s) => d.audiences.includes(s.audience)),
  };
}
