/**
 * The portal's content loader: Astro's glob() loader with a guard on what it stores.
 *
 * - Drafts are never stored, so nothing of theirs is rendered or compiled, and no image or asset
 *   used only by a draft is emitted into dist/_astro/.
 * - Under `astro dev` the build's content check only reports (the server keeps running), so each
 *   file is checked again as it is stored, and a file with any problem is left out: an MDX page
 *   that imports code is never compiled, even on an author's machine.
 * - No body is stored, rendered or raw: an entry page renders its body when it is rendered
 *   (src/node/entry-html.ts), so a build reads and writes only the entries' data, and a warm build
 *   renders only the bodies of the pages it renders. MDX is never compiled to JavaScript: its
 *   body is rendered as Markdown, components written as HTML. The images a body shows are
 *   registered here, so that Astro bundles them and `render()` finds them, as for a Markdown entry
 *   it renders itself.
 * - Under `astro dev`, once glob() has stored or deleted an entry for a changed file, the store is
 *   written at once (src/node/store-flush.ts), not after Astro's 500 ms wait.
 * In a build the content check runs beside the loaders and fails the build before anything is
 * rendered (src/integrations/content-check.ts). When Astro's loader fails on a file (a schema or a
 * front matter it cannot read) and the check found problems, the loader leaves the error to the
 * check's report, which names every problem, not only the first Astro met.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import type { CollectionName } from '../schemas/vocab.ts';
import { validateEntry, type EntryData } from '../lib/validate-content.ts';
import { isBuilt } from '../lib/visibility.ts';
import { readEntry } from './read-content.ts';
import { checkInProgress } from './checked-content.ts';
import { parseBody } from '../lib/body.ts';
import { entryBody, isMdx } from './entry-body.ts';
import { CONTENT_LOADER, DOC_EXTENSIONS } from './content-layout.ts';
import { flushStore, isFlushOnly } from './store-flush.ts';

type Store = LoaderContext['store'];
type Watcher = NonNullable<LoaderContext['watcher']>;
type StoredEntry = Parameters<Store['set']>[0];

/** A property of a proxy's target as the target has it: its methods bound to the target. */
function passThrough(target: object, key: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, key, receiver);
  return typeof value === 'function' ? value.bind(target) : value;
}

/** Whether an entry may be stored: never a draft; under dev, only a file with no problem. */
function storable(collection: CollectionName, entry: StoredEntry, dev: boolean, root: string): boolean {
  if (!isBuilt({ data: entry.data as EntryData })) return false;
  if (!dev || !entry.filePath) return true;
  return validateEntry(readEntry(collection, resolve(root, entry.filePath), root)).problems.length === 0;
}

/** The entry types by file extension: Astro gives them to its own loaders beside the documented context. */
type EntryTypes = Map<string, ContentEntryType>;

/**
 * The entry types with `.md` and `.mdx` read (front matter and body) but neither rendered nor
 * compiled: without a render function or a `contentModuleTypes`, Astro's loader stores the data alone.
 */
function readingOnly(entryTypes: EntryTypes): EntryTypes {
  const types = new Map(entryTypes);
  for (const ext of DOC_EXTENSIONS) {
    const type = entryTypes.get(ext);
    if (type) types.set(ext, { extensions: type.extensions, getEntryInfo: (params) => type.getEntryInfo(params) });
  }
  return types;
}

/**
 * The local images a body shows, as Astro's Markdown pipeline finds them (an image whose address is
 * neither a URL nor a path on the site), relative to the entry's file.
 */
export function localImages(body: string, mdx: boolean): string[] {
  if (!body.includes('![')) return [];
  return parseBody(body, { mdx }).images.map(({ url }) => decodeURI(url)).filter((url) => !URL.canParse(url) && !url.startsWith('/'));
}

/** A document entry with the local images of its body registered (`root`: the project's folder). */
function withImages(entry: StoredEntry, root: string): StoredEntry {
  if (!entry.filePath || !DOC_EXTENSIONS.some((ext) => entry.filePath?.endsWith(ext))) return entry;
  const images = localImages(entryBody({ filePath: resolve(root, entry.filePath), digest: entry.digest }), isMdx(entry));
  return images.length ? { ...entry, assetImports: images } : entry;
}

/** glob() over `base` with `pattern`, storing only what the portal may publish. */
export function contentLoader(collection: CollectionName, pattern: string, base: string): Loader {
  // No bodies in the store: src/node/entry-body.ts reads one from its file when a page needs it.
  const inner = glob({ pattern, base, retainBody: false });
  return {
    name: CONTENT_LOADER,
    load: async (context) => {
      if (isFlushOnly(context.refreshContextData)) return;
      const dev = Boolean(context.watcher);
      const root = fileURLToPath(context.config.root);
      // Whether glob() stored or deleted an entry since its watcher's last handler ran.
      let changed = false;
      const store = new Proxy(context.store, {
        get(target, key, receiver) {
          if (key === 'set') {
            return (entry: StoredEntry) => {
              changed = true;
              if (storable(collection, entry, dev, root)) return target.set(withImages(entry, root));
              target.delete(entry.id);
              return false;
            };
          }
          if (key === 'delete') {
            return (id: string) => {
              changed = true;
              target.delete(id);
            };
          }
          return passThrough(target, key, receiver);
        },
      });
      // The watcher glob() listens on: after each handler that changed the store, the store is written.
      const watching = (watcher: Watcher): Watcher =>
        new Proxy(watcher, {
          get(target, key, receiver) {
            if (key === 'on') {
              return (event: string, listener: (...args: unknown[]) => unknown) =>
                target.on(event, async (...args: unknown[]) => {
                  await listener(...args);
                  if (!changed) return;
                  changed = false;
                  await flushStore();
                });
            }
            return passThrough(target, key, receiver);
          },
        });
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (!entryTypes) context.logger.warn('Astro gave the loader no entry types: it stores rendered Markdown and compiles MDX bodies the pages never use. Check the Astro version against package-lock.json.');
      try {
        await inner.load({ ...context, store, ...(context.watcher ? { watcher: watching(context.watcher) } : {}), ...(entryTypes ? { entryTypes: readingOnly(entryTypes) } : {}) });
        changed = false;
      } catch (error) {
        const check = checkInProgress();
        const reported = check ? await check.then(({ problems }) => problems.length > 0, () => false) : false;
        if (!reported) throw error;
      }
    },
  };
}
