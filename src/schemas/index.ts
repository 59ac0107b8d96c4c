/** The collection schemas, composed in one place for the build, the scripts and the tests. */
import { CaseStudySchema } from './case-study.ts';
import { GlossarySchema } from './glossary.ts';
import { PathSchema } from './path.ts';
import { PhaseSchema } from './phase.ts';
import { PlaybookSchema } from './playbook.ts';
import { PolicySchema } from './policy.ts';
import { ProtocolSchema } from './protocol.ts';
import { SpokeSchema } from './spoke.ts';
import { TeamSchema } from './team.ts';
import { AssessmentSchema } from './assessment.ts';
import { ContactSchema } from './contact.ts';
import { StartSchema } from './start.ts';
import type { CollectionName } from './vocab.ts';

export const SCHEMAS = {
  policy: PolicySchema,
  phases: PhaseSchema,
  playbooks: PlaybookSchema,
  'case-studies': CaseStudySchema,
  protocols: ProtocolSchema,
  glossary: GlossarySchema,
  spokes: SpokeSchema,
  teams: TeamSchema,
  paths: PathSchema,
  assessment: AssessmentSchema,
  contacts: ContactSchema,
  start: StartSchema,
} as const satisfies Record<CollectionName, unknown>;

export * from './vocab.ts';
export type { Policy } from './policy.ts';
export type { Phase } from './phase.ts';
export type { Playbook } from './playbook.ts';
export type { CaseStudy, Outcome } from './case-study.ts';
export type { Protocol, SeverityTier } from './protocol.ts';
export type { GlossaryTerm } from './glossary.ts';
export type { Spoke } from './spoke.ts';
export type { Team } from './team.ts';
export type { Path, PathStep } from './path.ts';
export type { Change } from './governance.ts';
export type { AssessmentDimension } from './assessment.ts';
export type { Contact } from './contact.ts';
export type { StartAudienceData } from './start.ts';
