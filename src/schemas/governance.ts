import { z } from 'astro/zod';
import { DaySchema } from './dates.ts';
import { AnyRefSchema, refTo } from './refs.ts';
import { AUDIENCE_IDS, PHASES, STATUSES } from './vocab.ts';

/**
 * Invisible characters that change how text displays: bidirectional overrides (which can make a
 * title read differently from what it says), zero-width spaces and control characters. Ordinary
 * right-to-left text (Arabic, Hebrew) is fine.
 */
export const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u2060\u202A-\u202E\u2066-\u2069\uFEFF]/;

export const nonBlank = (what: string) =>
  z
    .string({ error: `Add a ${what}.` })
    .trim()
    .min(1, `The ${what} is empty (or only spaces). Write a ${what}.`)
    .refine((s) => !INVISIBLE.test(s), `The ${what} contains an invisible control or direction-override character. Retype it, or delete and rewrite the affected words.`);

export const PhaseNumberSchema = z
  .number({ error: 'Give the phase as a number from 1 to 4.' })
  .int()
  .min(1, 'Phases run from 1 to 4.')
  .max(4, 'Phases run from 1 to 4.')
  .transform((n) => n as keyof typeof PHASES);

/** One line of an entry's change history. A major change must say what changed. */
export const ChangeSchema = z
  .strictObject({
    /** The day the change was published. */
    date: DaySchema,
    /** The version this change produced, for versioned documents such as the policy. */
    version: z.string().trim().optional(),
    /** Major changes alter what a reader must do; minor ones fix wording or links. */
    type: z.enum(['major', 'minor'], { error: 'Set type to major or minor.' }),
    /** What changed, for readers. Required for a major change. */
    note: z.string().trim().optional(),
  })
  .superRefine((change, ctx) => {
    if (change.type === 'major' && !change.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'A major change needs a note that says what changed for readers.' });
    }
  });
export type Change = z.output<typeof ChangeSchema>;

/** Fields every document entry carries, whatever its collection. */
export const governanceShape = {
  /** The page title. */
  title: nonBlank('title'),
  /** One or two sentences for lists, search results and link previews. */
  summary: nonBlank('summary').max(320, 'Keep the summary under 320 characters; put detail in the body.'),
  /** The team that owns and reviews this entry: an id from content/teams. */
  owner: refTo('teams'),
  /** Who the entry is written for. */
  audiences: z
    .array(z.enum(AUDIENCE_IDS, { error: `Use audiences from: ${AUDIENCE_IDS.join(', ')}.` }), {
      error: `List the audiences, from: ${AUDIENCE_IDS.join(', ')}.`,
    })
    .min(1, 'Name at least one audience.'),
  /** draft entries are never built; withdrawn entries keep a page with a banner and leave every list. */
  status: z.enum(STATUSES, { error: `Set status to one of: ${STATUSES.join(', ')}.` }),
  /** The day the owner last confirmed the entry is right. */
  lastReviewed: DaySchema,
  /** How often the entry must be reviewed, in months. Give this or nextReview. */
  reviewEvery: z.number().int().min(1).max(36).optional(),
  /** A fixed next review day. Give this or reviewEvery. */
  nextReview: DaySchema.optional(),
  /** Free keywords that help search. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /**
   * Words readers use for this entry that its text does not: everyday words, acronyms, other
   * spellings ("boss", "got hacked"). Search finds the entry by them; they are never shown. On a
   * protocol they name its incident, and a query naming one puts the protocol first.
   */
  searchTerms: z.array(z.string().trim().min(1).max(60, 'Keep each search term under 60 characters.')).max(30, 'List at most 30 search terms.').default([]),
  /** Other entries a reader should see next, as collection/id. */
  related: z.array(AnyRefSchema).default([]),
  /** For withdrawn entries: what replaces this one, as collection/id. */
  replacedBy: AnyRefSchema.optional(),
  /** Optional URL segment that replaces the file name. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens in a slug.').optional(),
  /** Change history, any order; pages show it newest first. */
  changes: z.array(ChangeSchema).default([]),
  /** Set to false to keep glossary terms in this page's body unlinked (they are linked at first use). */
  glossaryLinks: z.boolean().default(true),
};

type GovernanceFields = {
  reviewEvery?: number | undefined;
  nextReview?: string | undefined;
  status: string;
  replacedBy?: string | undefined;
};

/** Cross-field rules every governed entry obeys; applied to each composed schema. */
export function checkGovernance(data: GovernanceFields, ctx: z.RefinementCtx): void {
  if (data.reviewEvery === undefined && data.nextReview === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewEvery'],
      message: 'Set reviewEvery (months between reviews, e.g. 12) or nextReview (a date).',
    });
  }
  if (data.replacedBy && data.status !== 'withdrawn') {
    ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'Only withdrawn entries have replacedBy. Remove it or set status: withdrawn.' });
  }
}
