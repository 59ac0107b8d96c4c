import { z } from 'astro/zod';
import { COLLECTIONS, type CollectionName } from './vocab.ts';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A reference to one entry of a known collection, written as its id (the file name without
 * extension). Only the shape is checked here; the content check (`src/lib/validate-content.ts`) checks that the target
 * exists, because Astro 7 only logs a dangling `reference()` and still exits 0.
 */
export function refTo(collection: CollectionName) {
  return z
    .string({ error: `Give the id of an entry in "${collection}" (its file name without extension).` })
    .trim()
    .regex(ID, `Use the ${collection} entry's id: lower-case letters, digits and hyphens.`)
    .describe(`The id of an entry in content/${collection}/ (its file name without extension).`);
}

/** A reference to an entry of any collection, written as `collection/id`, e.g. `playbooks/launch-a-channel`. */
export const AnyRefSchema = z
  .string({ error: 'Write the reference as collection/id, for example playbooks/launch-a-channel.' })
  .trim()
  .refine((value) => {
    const [collection, id, ...rest] = value.split('/');
    return rest.length === 0 && COLLECTIONS.includes(collection as CollectionName) && ID.test(id ?? '');
  }, `Write the reference as collection/id, where collection is one of: ${COLLECTIONS.join(', ')}.`)
  .describe('Another entry, as collection/id, e.g. playbooks/launch-a-channel.');

export type EntryKey = `${CollectionName}/${string}`;
