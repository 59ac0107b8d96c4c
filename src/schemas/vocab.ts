/**
 * Controlled vocabularies. Every enum the schemas use is defined here once, with the label readers
 * see, so that an unknown value fails validation and pages never invent their own wording.
 */

export const AUDIENCES = {
  practitioner: 'Practitioners',
  'spoke-lead': 'Spoke leads',
  sme: 'Subject-matter experts',
  pr: 'PR',
  hr: 'HR',
  'customer-service': 'Customer service',
  legal: 'Legal',
  exec: 'Executives',
} as const;
export type Audience = keyof typeof AUDIENCES;
export const AUDIENCE_IDS = Object.keys(AUDIENCES) as [Audience, ...Audience[]];

export const CHANNELS = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  blog: 'Company blog',
  communities: 'Forums and communities',
  messaging: 'Messaging apps',
  'all-channels': 'All channels',
} as const;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as [Channel, ...Channel[]];

export const STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

export const PHASES = {
  1: 'Missing or mistrusting',
  2: 'Experimenting',
  3: 'Integrating',
  4: 'Operationalizing and scaling',
} as const;
export type PhaseNumber = 1 | 2 | 3 | 4;
export const PHASE_NUMBERS: PhaseNumber[] = [1, 2, 3, 4];

/** The document collections, in the order the navigation shows them. */
export const DOC_COLLECTIONS = ['policy', 'phases', 'playbooks', 'case-studies', 'protocols'] as const;
export type DocCollection = (typeof DOC_COLLECTIONS)[number];

/** Data collections: YAML files, one entry per file. */
export const DATA_COLLECTIONS = ['glossary', 'spokes', 'teams', 'paths', 'assessment', 'contacts', 'start'] as const;
export type DataCollection = (typeof DATA_COLLECTIONS)[number];

export const COLLECTIONS = [...DOC_COLLECTIONS, ...DATA_COLLECTIONS] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const COLLECTION_LABELS: Record<CollectionName, { singular: string; plural: string }> = {
  policy: { singular: 'Policy section', plural: 'Social media policy' },
  phases: { singular: 'Phase guide', plural: 'Phase guides' },
  playbooks: { singular: 'Playbook', plural: 'Playbooks' },
  'case-studies': { singular: 'Case study', plural: 'Case studies' },
  protocols: { singular: 'Protocol', plural: 'Protocols' },
  glossary: { singular: 'Glossary term', plural: 'Glossary' },
  spokes: { singular: 'Spoke', plural: 'Spokes and hub' },
  teams: { singular: 'Team', plural: 'Teams' },
  paths: { singular: 'Onboarding path', plural: 'Onboarding paths' },
  assessment: { singular: 'Assessment dimension', plural: 'Self-assessment' },
  contacts: { singular: 'Contact', plural: 'Duty rota and contacts' },
  start: { singular: 'Start-here page', plural: 'Start here' },
};
