/**
 * Under `astro dev`: the content store as a Map that always holds what Astro last wrote to its file
 * (src/integrations/data-store-module.ts makes it the store's module's value).
 *
 * Astro's runtime loads the store once (astro/dist/content/data-store.js keeps it for as long as
 * that module runs) and counts on that module being run again after each write: it invalidates the
 * store's module as a hot update, and the next request runs again whatever Vite's module graph
 * marks as changed. When requests came while the store and `.astro/content-assets.mjs` were written
 * together (as a build in the same project makes the second one change), the graph could end up
 * marking Astro's runtime as current while the runner kept the one that had loaded the old store:
 * every page showed the content before an edit until the next one (with the store written as soon
 * as an edit was stored, src/node/store-flush.ts: 19 of 75 edits). Vite keeps a module transformed
 * while a hot update arrives (its transformRequest discards only work begun before a plain
 * invalidation); a plain invalidation of the store's module, made by hand once a page was stale,
 * brought the edit back.
 *
 * This Map reads the file again whenever it was written since it was last read (a new inode, time
 * or size: Astro writes the store to a temporary file and renames it), so a runtime that kept its
 * store still answers from the last one written. Reading the file is the same work the store's
 * module did each time it ran.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'devalue';

/** A collection's entries by id, as Astro stores them. */
type Collection = Map<string, unknown>;

/** What was last read of each store file: its stamp and its collections. Shared by every LiveStore. */
const lastRead = new Map<string, { stamp: string; collections: Map<string, Collection> }>();

/** The collections the store file holds now; an absent file is an empty store, as Astro reads it. */
function currentCollections(file: string): Map<string, Collection> {
  const stats = statSync(file, { throwIfNoEntry: false });
  const stamp = stats ? `${stats.ino}:${stats.mtimeMs}:${stats.size}` : 'none';
  const last = lastRead.get(file);
  if (last?.stamp === stamp) return last.collections;
  const collections: Map<string, Collection> = stats ? parse(readFileSync(file, 'utf8')) : new Map();
  lastRead.set(file, { stamp, collections });
  return collections;
}

/** A read-only Map of the store's collections that answers from the store file as it is now. */
export class LiveStore extends Map<string, Collection> {
  readonly #file: string;

  constructor(file: string) {
    super();
    this.#file = file;
  }

  #now(): Map<string, Collection> {
    return currentCollections(this.#file);
  }

  override get(name: string): Collection | undefined {
    return this.#now().get(name);
  }

  override has(name: string): boolean {
    return this.#now().has(name);
  }

  override get size(): number {
    return this.#now().size;
  }

  override keys(): MapIterator<string> {
    return this.#now().keys();
  }

  override values(): MapIterator<Collection> {
    return this.#now().values();
  }

  override entries(): MapIterator<[string, Collection]> {
    return this.#now().entries();
  }

  override [Symbol.iterator](): MapIterator<[string, Collection]> {
    return this.#now()[Symbol.iterator]();
  }

  override forEach(callback: (value: Collection, key: string, map: Map<string, Collection>) => void, thisArg?: unknown): void {
    this.#now().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  override set(): this {
    throw new TypeError('The content store is read-only: Astro writes it.');
  }

  override delete(): boolean {
    throw new TypeError('The content store is read-only: Astro writes it.');
  }

  override clear(): void {
    throw new TypeError('The content store is read-only: Astro writes it.');
  }
}
