import { z } from 'astro/zod';
import { checkGovernance, governanceShape } from './governance.ts';
import { refTo } from './refs.ts';
import { AUDIENCE_IDS } from './vocab.ts';

/** One row of an escalation matrix. */
export const SeverityTierSchema = z.strictObject({
  /** Short tier name, e.g. "Tier 1" or "SEV-2". */
  tier: z.string().trim().min(1),
  /** What a situation at this tier looks like. */
  looksLike: z.string().trim().min(1),
  /** How fast the first response must go out, e.g. "within 1 hour". */
  responseTime: z.string().trim().min(1),
  /** The role that acts. */
  whoActs: z.string().trim().min(1),
  /** Roles that are informed. */
  inform: z.array(z.string().trim().min(1)).default([]),
});
export type SeverityTier = z.output<typeof SeverityTierSchema>;

/** Whom to call in this protocol: a contact by id, and when. The ways to reach it live in content/contacts. */
export const ProtocolContactSchema = z.strictObject({
  /** The contact's id: a file name in content/contacts (a role, never a person). */
  role: refTo('contacts'),
  /** When to call this role in this protocol. */
  when: z.string().trim().min(1),
  /** Anything this protocol adds to the contact's usual channels, e.g. how to mark the case. */
  note: z.string().trim().min(1).optional(),
});

/** A procedure PR, HR, customer service or legal consult. */
export const ProtocolSchema = z
  .strictObject({
    ...governanceShape,
    /** The policy section this protocol serves: an id from content/policy. */
    policySection: refTo('policy'),
    /** Who consults the protocol. */
    consultedBy: z.array(z.enum(AUDIENCE_IDS)).min(1, 'Say who consults the protocol (consultedBy).'),
    /** What to do in the first hour: shown first on the page. */
    firstHour: z.array(z.string().trim().min(1)).min(1, 'List what to do in the first hour (firstHour).'),
    /** Severity tiers with response times, from most to least severe. */
    tiers: z.array(SeverityTierSchema).default([]),
    /** Escalation contacts, by role. */
    contacts: z.array(ProtocolContactSchema).default([]),
    /** Protocols are controlled documents. */
    controlled: z.boolean().default(true),
  })
  .superRefine(checkGovernance);
export type Protocol = z.output<typeof ProtocolSchema>;
