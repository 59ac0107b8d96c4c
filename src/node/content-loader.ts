/**
 * The portal's content loader: Astro's glob() loader with a guard on what it stores.
 *
 * - Drafts are never stored, so nothing of theirs is rendered or compiled, and no image or asset
 *   used only by a draft is emitted into dist/_astro/.
 * - Under `astro dev` the build's content check only reports (the server keeps running), so each
 *   file is checked again as it is stored, and a file with any problem is left out: an MDX page
 *   that imports code is never compiled, even on an author's machine.
 * - An MDX entry is stored rendered, like a Markdown one: its body becomes Markdown with each
 *   component written as HTML (src/markdown/mdx-body.ts), rendered by Astro's Markdown pipeline
 *   with the portal's plugins. MDX is never compiled to JavaScript: nothing in a body can run, and
 *   the build bundles no module per MDX entry. Astro's MDX integration still reads the file (its
 *   frontmatter and body); only how the body is rendered changes.
 * - A Markdown entry's rendered metadata keeps, of its front matter, only what the Markdown plugins
 *   add (`remarkPluginFrontmatter`: the glossary terms its body links). Astro stores the whole front
 *   matter there a second time beside the entry's data, and nothing reads it: about a tenth of the
 *   store (2.7 of 26 MB on the bench's 2,000 entries).
 * In a build the content check runs beside the loaders and fails the build before anything is
 * rendered (src/integrations/content-check.ts). When Astro's loader fails on a file (a schema or a
 * front matter it cannot read) and the check found problems, the loader leaves the error to the
 * check's report, which names every problem, not only the first Astro met.
 */
import { resolve } from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import type { CollectionName } from '../schemas/vocab.ts';
import { validateEntry, type EntryData } from '../lib/validate-content.ts';
import { isBuilt } from '../lib/visibility.ts';
import { readEntry } from './read-content.ts';
import { checkInProgress } from './checked-content.ts';
import { LINKED_TERMS_KEY } from '../lib/glossary-links.ts';
import { mdxBodyToMarkdown } from '../markdown/mdx-body.ts';

type Store = LoaderContext['store'];
type StoredEntry = Parameters<Store['set']>[0];

/** Whether an entry may be stored: never a draft; under dev, only a file with no problem. */
function storable(collection: CollectionName, entry: StoredEntry, dev: boolean, root: string): boolean {
  if (!isBuilt({ data: entry.data as EntryData })) return false;
  if (!dev || !entry.filePath) return true;
  return validateEntry(readEntry(collection, resolve(root, entry.filePath), root)).problems.length === 0;
}

/** The entry with only the plugin-added part of the front matter in its rendered metadata. */
function withPluginFrontmatterOnly(entry: StoredEntry): StoredEntry {
  const metadata = entry.rendered?.metadata;
  if (!entry.rendered || !metadata?.frontmatter) return entry;
  const added = metadata.frontmatter[LINKED_TERMS_KEY];
  const frontmatter = added === undefined ? {} : { [LINKED_TERMS_KEY]: added };
  return { ...entry, rendered: { ...entry.rendered, metadata: { ...metadata, frontmatter } } };
}

/** The entry types by file extension: Astro gives them to its own loaders beside the documented context. */
type EntryTypes = Map<string, ContentEntryType>;

/**
 * The entry types with `.mdx` rendered through the Markdown entry type's renderer, its body first
 * turned into Markdown; `.mdx` files are read by the MDX entry type as before. Without a
 * `contentModuleTypes`, Astro's loader stores the rendered HTML instead of a module to compile.
 */
export function renderingMdxAsMarkdown(entryTypes: EntryTypes): EntryTypes {
  const mdx = entryTypes.get('.mdx');
  const markdown = entryTypes.get('.md');
  if (!mdx || !markdown?.getRenderFunction) return entryTypes;
  const renderMarkdown = markdown.getRenderFunction.bind(markdown);
  const asMarkdown: ContentEntryType = {
    extensions: mdx.extensions,
    getEntryInfo: (params) => mdx.getEntryInfo(params),
    async getRenderFunction(config) {
      const render = await renderMarkdown(config);
      return (entry) => render({ ...entry, body: mdxBodyToMarkdown(entry.body ?? '', entry.data) });
    },
  };
  return new Map([...entryTypes, ['.mdx', asMarkdown]]);
}

/** glob() over `base` with `pattern`, storing only what the portal may publish. */
export function contentLoader(collection: CollectionName, pattern: string, base: string): Loader {
  // No bodies in the store: src/node/entry-body.ts reads one from its file when a page needs it.
  const inner = glob({ pattern, base, retainBody: false });
  return {
    name: 'hub-content-loader',
    load: async (context) => {
      const dev = Boolean(context.watcher);
      const root = context.config.root.pathname;
      const store = new Proxy(context.store, {
        get(target, key, receiver) {
          if (key !== 'set') {
            const value: unknown = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return (entry: StoredEntry) => {
            // Astro's loader logs a failed render and stores the entry without its body: refuse
            // that, so a page never goes out empty.
            if (entry.filePath?.endsWith('.mdx') && !entry.rendered && !entry.deferredRender) {
              throw new Error(`${entry.filePath}: the body could not be rendered (the error is logged above). Run npm run check, which names the line to fix.`);
            }
            if (storable(collection, entry, dev, root)) return target.set(withPluginFrontmatterOnly(entry));
            target.delete(entry.id);
            return false;
          };
        },
      });
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      try {
        await inner.load({ ...context, store, ...(entryTypes ? { entryTypes: renderingMdxAsMarkdown(entryTypes) } : {}) });
      } catch (error) {
        const check = checkInProgress();
        const reported = check ? await check.then(({ problems }) => problems.length > 0, () => false) : false;
        if (!reported) throw error;
      }
    },
  };
}
