/** The adoption-curve page: each published phase guide with what the hub offers and how much there is to read. */
import type { CollectionEntry } from 'astro:content';
import type { Site } from './site.ts';

export interface PhaseCard {
  guide: CollectionEntry<'phases'>;
  /** The first three things the hub offers, without trailing punctuation. */
  offers: string[];
  playbooks: number;
  studies: number;
}
export interface PhasesIndex { cards: PhaseCard[]; questionCount: number }

export function phasesIndex(site: Site): PhasesIndex {
  return {
    cards: site.listed.phases.map((guide) => ({
      guide,
      offers: guide.data.hubOffers.slice(0, 3).map((o) => o.trim().replace(/[.;]+$/, '')),
      playbooks: site.listed.playbooks.filter((p) => p.data.phases.includes(guide.data.phase)).length,
      studies: site.listed['case-studies'].filter((s) => s.data.phase === guide.data.phase).length,
    })),
    // Published dimensions only: the questionnaire the reader will see.
    questionCount: site.assessment.reduce((n, d) => n + d.data.questions.length, 0),
  };
}
