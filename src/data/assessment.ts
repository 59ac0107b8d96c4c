/** The self-assessment's questionnaire and phase guides, as plain props for its island. */
import { href } from '../site.ts';
import type { Phase } from '../lib/maturity.ts';
import { isListed } from '../lib/visibility.ts';
import type { EntryRef, Site } from './site.ts';

export interface Link { title: string; url: string }
export interface DimensionProps {
  id: string;
  title: string;
  description: string;
  playbooks: Link[];
  questions: { id: string; text: string; help?: string | undefined; options: { label: string; phase: number }[] }[];
}
export interface PhaseProps { n: Phase; name: string; url: string; nextMoves: string[]; playbooks: Link[] }
export interface AssessmentData { dimensions: DimensionProps[]; phases: PhaseProps[]; questionCount: number }

/** A link to a published entry; nothing for a withdrawn or unknown one. */
const linkTo = (r: EntryRef | undefined): Link[] => (r && isListed(r.status) ? [{ title: r.title, url: href(r.url) }] : []);

/** Published dimensions in questionnaire order, and every published phase guide with its starter playbooks. */
export function assessmentData(site: Site): AssessmentData {
  const dimensions: DimensionProps[] = site.assessment.map((d) => ({
    id: d.id,
    title: d.data.title,
    description: d.data.description,
    playbooks: d.data.playbooks.flatMap((id) => linkTo(site.resolve(`playbooks/${id}`))),
    questions: d.data.questions.map((q) => ({ id: q.id, text: q.text, help: q.help, options: q.options })),
  }));
  const phases: PhaseProps[] = site.listed.phases.map((p) => ({
    n: p.data.phase,
    name: p.data.name,
    url: href(`/phases/${p.id}/`),
    nextMoves: p.data.nextMoves,
    playbooks: p.data.playbooks.flatMap((id) => linkTo(site.resolve(`playbooks/${id}`))),
  }));
  return { dimensions, phases, questionCount: dimensions.reduce((n, d) => n + d.questions.length, 0) };
}
