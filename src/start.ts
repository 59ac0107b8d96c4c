import type { Audience } from './schemas/index.ts';

/** The start-here entry points, one per audience, with the path written for it. */
export const START_AUDIENCES: { id: string; audience: Audience; title: string; pitch: string; path: string }[] = [
  { id: 'new-practitioner', audience: 'practitioner', title: 'New to social media at the company', pitch: 'Read the policy in plain language, find your phase, and learn the playbooks you will use every week.', path: 'new-practitioner' },
  { id: 'spoke-lead', audience: 'spoke-lead', title: 'Leading a spoke', pitch: 'Place your unit on the adoption curve, plan the next phase and know which protocols your team must follow.', path: 'spoke-lead' },
  { id: 'sme', audience: 'sme', title: 'Subject-matter experts', pitch: 'Short, safe rules for joining conversations as an engineer, product person or specialist.', path: 'sme' },
  { id: 'pr', audience: 'pr', title: 'PR and communications', pitch: 'Crisis escalation, media enquiries on social, executive posts and dark periods, step by step.', path: 'pr-officer' },
  { id: 'hr', audience: 'hr', title: 'HR partners', pitch: 'Misconduct reported on social media, employee advocacy and what the law protects.', path: 'hr-partner' },
];
