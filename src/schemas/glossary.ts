import { z } from 'astro/zod';
import { STATUSES } from './vocab.ts';
import { refTo } from './refs.ts';
import { nonBlank } from './governance.ts';

/** A term the portal uses, defined once. */
export const GlossarySchema = z.strictObject({
  /** The term as readers write it. */
  term: nonBlank('term'),
  /** Other spellings and abbreviations that search should match. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** One to three plain sentences. */
  definition: z.string({ error: 'Add a definition.' }).trim().min(1, 'The definition is empty.'),
  /** Related glossary terms, as glossary ids. */
  seeAlso: z.array(refTo('glossary')).default([]),
  /** The team that owns the definition. */
  owner: refTo('teams').optional(),
  status: z.enum(STATUSES).default('published'),
  /** Set to false to stop pages linking this term at its first use (for words too common to link). */
  autoLink: z.boolean().default(true),
});
export type GlossaryTerm = z.output<typeof GlossarySchema>;
