/**
 * The content store's module reads the store's file (src/integrations/data-store-module.ts): run,
 * it must give exactly what Astro's own module gives, and it must still be the module, file and
 * mark that the installed Astro uses.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_STORE_MODULE, dataStoreModule, dataStoreModuleCode, dataStorePlugin, type DataStorePlugin } from '../../src/integrations/data-store-module.ts';
// Astro's own definitions, by file: they are internal, so an upgrade that moves them fails here.
import { RESOLVED_DATA_STORE_VIRTUAL_ID } from '../../node_modules/astro/dist/content/consts.js';
import { isContentDataIncrementalModule } from '../../node_modules/astro/dist/core/build/incremental-metadata.js';
import { getDataStoreFile } from '../../node_modules/astro/dist/content/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'hub-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write the module for `file` next to it and run it, as Vite's module runner would. */
async function run(file: string, name: string): Promise<unknown> {
  const module = join(dir, `${name}.mjs`);
  writeFileSync(module, dataStoreModuleCode(file));
  return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

/** Astro's module for the same store (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const astroModule = (json: string): unknown => new Function(`return JSON.parse(${JSON.stringify(json)})`)();

describe('the data store module', () => {
  it('gives exactly the store Astro would give, non-ASCII text, escapes and astral characters included', async () => {
    const json = JSON.stringify([{ playbooks: 1 }, [2], { id: 3, data: 4 }, 'tone', 'Don’t argue — café “rules”, 東京, 🚨, \\ "q" \n', { title: 4 }]);
    const file = join(dir, 'data-store.json');
    writeFileSync(file, json);
    const store = await run(file, 'with-store');
    expect(store).toEqual(astroModule(json));
    expect(store).toEqual(JSON.parse(json));
  });
  it('is an empty store when there is no file, as Astro makes it', async () => {
    expect(await run(join(dir, 'missing.json'), 'no-store')).toEqual(new Map());
  });
});

describe('the Vite plugin', () => {
  const plugin = dataStorePlugin('/cache/data-store.json');
  it('answers for the data store module, and only for it, before Astro does', () => {
    expect(DATA_STORE_MODULE).toBe(RESOLVED_DATA_STORE_VIRTUAL_ID);
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.filter.id.test(DATA_STORE_MODULE)).toBe(true);
    expect(plugin.load.filter.id.test(`${DATA_STORE_MODULE}-chunk:0.json`)).toBe(false);
    expect(plugin.load.filter.id.test('/src/pages/index.astro')).toBe(false);
  });
  it('keeps the mark that keeps it out of the hash of the pages\' code in incremental builds', () => {
    expect(isContentDataIncrementalModule({ meta: plugin.load.handler().meta })).toBe(true);
  });
});

describe('the integration', () => {
  const root = new URL('file:///site/');
  const config = { root, cacheDir: new URL('file:///site/node_modules/.astro/'), experimental: {} };
  /** The file the module reads when the integration is set up for `command`. */
  const fileRead = (command: 'dev' | 'build', experimental: Record<string, unknown> = {}) => {
    const plugins: DataStorePlugin[] = [];
    const setup = dataStoreModule().hooks['astro:config:setup'] as unknown as (options: object) => void;
    setup({ config: { ...config, experimental }, command, updateConfig: (c: { vite: { plugins: DataStorePlugin[] } }) => plugins.push(...c.vite.plugins) });
    if (plugins.length === 0) return undefined;
    return JSON.parse(/const file = (".*");/.exec(plugins[0]!.load.handler().code)![1]!) as string;
  };
  // Astro's settings hold far more; getDataStoreFile reads only these two.
  const settings = { config, dotAstroDir: new URL('.astro/', root) } as unknown as Parameters<typeof getDataStoreFile>[0];
  const astroFile = (isDev: boolean) => fileURLToPath(getDataStoreFile(settings, isDev));

  it('reads the file Astro writes the store to, under astro dev and in a build', () => {
    expect(fileRead('dev')).toBe(astroFile(true));
    expect(fileRead('build')).toBe(astroFile(false));
  });
  it('leaves chunked storage, which makes other modules, to Astro', () => {
    expect(fileRead('build', { collectionStorage: 'chunked' })).toBeUndefined();
    expect(fileRead('build', { collectionStorage: 'single-file' })).toBe(astroFile(false));
  });
});
