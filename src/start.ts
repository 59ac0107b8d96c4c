import type { Audience } from './schemas/index.ts';

/**
 * The start-here entry points, one per audience, with the path written for it. `phase` is the phase
 * guide the start page recommends; when the path itself has a phase guide step it must be the same
 * guide (tests/e2e/reader.spec.ts checks), so the two pages never disagree.
 */
export const START_AUDIENCES: { id: string; audience: Audience; title: string; pitch: string; path: string; phase: 1 | 2 | 3 | 4; phaseWhy: string }[] = [
  { id: 'new-practitioner', audience: 'practitioner', title: 'New to social media at the company', pitch: 'Read the policy in plain language, find your phase, and learn the playbooks you will use every week.', path: 'new-practitioner', phase: 3, phaseWhy: 'Most spokes are integrating (phase 3), so this guide tells you what your team is likely doing and what it is aiming for next; your path includes it.' },
  { id: 'spoke-lead', audience: 'spoke-lead', title: 'Leading a spoke', pitch: 'Place your unit on the adoption curve, plan the next phase and know which protocols your team must follow.', path: 'spoke-lead', phase: 3, phaseWhy: 'Spoke leads move a unit from experiments to a plan tied to the business: take the self-assessment first, then read the guide for your phase.' },
  { id: 'sme', audience: 'sme', title: 'Subject-matter experts', pitch: 'Short, safe rules for joining conversations as an engineer, product person or specialist.', path: 'sme', phase: 4, phaseWhy: 'Phase 4 is where SMEs join conversations as a habit: this guide shows how your part fits.' },
  { id: 'pr', audience: 'pr', title: 'PR and communications', pitch: 'Crisis escalation, media enquiries on social, executive posts and dark periods, step by step.', path: 'pr-officer', phase: 4, phaseWhy: 'Phase 4 explains how PR, customer service and HR work with marketing on shared tools and protocols.' },
  { id: 'hr', audience: 'hr', title: 'HR partners', pitch: 'Misconduct reported on social media, employee advocacy and what the law protects.', path: 'hr-partner', phase: 4, phaseWhy: 'Phase 4 covers advocacy programmes and how HR works with the hub over the long term.' },
];
