/**
 * Astro hands the content data store to the server code as one module, `\0astro:data-layer-content`:
 * `export default JSON.parse("<the whole store as one string literal>")`. On the bench's 2,000
 * entries that literal is over 20 MB, and every time the module is made (each build, and under
 * `astro dev` at start and after every content change) Astro parses the store to check it and
 * escapes it into the literal, Vite or Rolldown parse and transform the module, and V8 compiles it:
 * seconds of work to carry a file that is already on disk.
 *
 * This integration makes the module read that file when it runs instead: the same JSON text, parsed
 * by the same JSON.parse, so the server gets exactly the same store. The file is Astro's own
 * (`data-store.json` in `.astro/` under `astro dev`, in the cache folder for a build), written before
 * the module is made; the build evaluates the module in the same run, before anything removes it.
 * The module keeps Astro's mark as content data, so incremental builds still leave it out of the
 * hash of the pages' code.
 *
 * Under `astro dev` the module's value is a LiveStore (src/node/live-store.ts), which answers from
 * the file as Astro last wrote it, and the integration lets the content loader have the store
 * written as soon as an edit is stored (src/node/store-flush.ts), through the `refreshContent` the
 * dev server gives integrations.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { CONTENT_LOADER } from '../node/content-layout.ts';
import { flushStore, setStoreFlush } from '../node/store-flush.ts';

/** The module's id (astro/dist/content/consts.js: RESOLVED_DATA_STORE_VIRTUAL_ID). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The store's file name (astro/dist/content/consts.js: DATA_STORE_FILE). */
const DATA_STORE_FILE = 'data-store.json';
/** Astro's mark on content-data modules (astro/dist/core/build/incremental-metadata.js). */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** The module: the store read from `file` when it runs; no file, no content (an empty store), as Astro does. */
export function dataStoreModuleCode(file: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(file)};`,
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
    '',
  ].join('\n');
}

/** Where the dev server's store module takes its Map from. */
const LIVE_STORE = fileURLToPath(new URL('../node/live-store.ts', import.meta.url));

/**
 * The module under `astro dev`: a Map that answers from the store file as it is whenever it is read
 * (src/node/live-store.ts says why).
 */
export function liveDataStoreModuleCode(file: string): string {
  return [`import { LiveStore } from ${JSON.stringify(LIVE_STORE)};`, `export default new LiveStore(${JSON.stringify(file)});`, ''].join('\n');
}

/** The Vite plugin's shape, written out: Vite is Astro's dependency, not the portal's. */
export interface DataStorePlugin {
  name: string;
  load: {
    order: 'pre';
    filter: { id: RegExp };
    handler: () => { code: string; map: { mappings: '' }; meta: typeof CONTENT_DATA_META };
  };
}

/**
 * A Vite plugin whose `load` answers for the data store module before Astro's own does: for a build
 * the store read once, under `astro dev` (`live`) a LiveStore.
 */
export function dataStorePlugin(file: string, live = false): DataStorePlugin {
  const code = live ? liveDataStoreModuleCode(file) : dataStoreModuleCode(file);
  return {
    name: 'hub:data-store-module',
    load: {
      order: 'pre',
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler: () => ({ code, map: { mappings: '' }, meta: CONTENT_DATA_META }),
    },
  };
}

export function dataStoreModule(): AstroIntegration {
  return {
    name: 'hub:data-store-module',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        // Chunked storage (experimental.collectionStorage) makes other modules: left to Astro.
        if (config.experimental.collectionStorage !== undefined && config.experimental.collectionStorage !== 'single-file') return;
        // Where Astro writes the store (astro/dist/content/paths.js: getDataStoreFile).
        const dir = command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir;
        updateConfig({ vite: { plugins: [dataStorePlugin(fileURLToPath(new URL(DATA_STORE_FILE, dir)), command === 'dev')] } });
      },
      'astro:server:setup': ({ refreshContent, logger }) => {
        if (!refreshContent) return;
        setStoreFlush(async (context) => {
          try {
            await refreshContent({ loaders: [CONTENT_LOADER], context });
          } catch (error) {
            logger.warn(`Writing the content store after an edit failed; Astro writes it on its own: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
      },
      // One flush once the server is up: Astro's first sync after its start can rewrite the asset
      // imports module (src/node/store-flush.ts says why that must not happen on an edit).
      'astro:server:start': () => void flushStore(),
      'astro:server:done': () => setStoreFlush(undefined),
    },
  };
}
