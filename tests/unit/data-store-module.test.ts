/**
 * The content store's module reads the store's file (src/integrations/data-store-module.ts): run,
 * it must give exactly what Astro's own module gives, and it must still be the module, file and
 * mark that the installed Astro uses. Under astro dev its value is a LiveStore
 * (src/node/live-store.ts), which must answer from the file as last written, through Astro's own
 * store class.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'devalue';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_STORE_MODULE, dataStoreModule, dataStoreModuleCode, dataStorePlugin, liveDataStoreModuleCode, type DataStorePlugin } from '../../src/integrations/data-store-module.ts';
import { LiveStore } from '../../src/node/live-store.ts';
// Astro's own definitions, by file: they are internal, so an upgrade that moves them fails here.
import { RESOLVED_DATA_STORE_VIRTUAL_ID } from '../../node_modules/astro/dist/content/consts.js';
import { isContentDataIncrementalModule } from '../../node_modules/astro/dist/core/build/incremental-metadata.js';
import { getDataStoreFile } from '../../node_modules/astro/dist/content/paths.js';
import { ImmutableDataStore } from '../../node_modules/astro/dist/content/data-store.js';

const dir = mkdtempSync(join(tmpdir(), 'hub-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write the module for `file` next to it and run it, as Vite's module runner would. */
async function run(file: string, name: string, code = dataStoreModuleCode): Promise<unknown> {
  const module = join(dir, `${name}.mjs`);
  writeFileSync(module, code(file));
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

/** Write a store as Astro does: serialised by devalue to a temporary file, renamed over the last. */
function writeStore(file: string, titles: Record<string, string>): void {
  const entries = new Map(Object.entries(titles).map(([id, title]) => [id, { id, data: { title }, digest: title }]));
  writeFileSync(`${file}.tmp`, stringify(new Map([['playbooks', entries]])));
  renameSync(`${file}.tmp`, file);
}

describe('the live store (astro dev)', () => {
  it('answers through Astro\'s own store class from the file as last written, by the same object', async () => {
    const file = join(dir, 'live-store.json');
    writeStore(file, { start: 'Start a channel' });
    const live = await run(file, 'live', liveDataStoreModuleCode);
    expect(live).toBeInstanceOf(LiveStore);
    expect(live).toBeInstanceOf(Map);
    // What astro/dist/content/data-store.js does with a Map it is given: it keeps it for as long as it runs.
    const store = await ImmutableDataStore.fromMap(live as Map<string, Map<string, unknown>>);
    expect(store.get('playbooks', 'start')).toMatchObject({ data: { title: 'Start a channel' } });
    writeStore(file, { start: 'Start a channel again', second: 'A second playbook' });
    expect(store.get('playbooks', 'start')).toMatchObject({ data: { title: 'Start a channel again' } });
    expect(store.keys('playbooks')).toEqual(['start', 'second']);
    expect(store.hasCollection('playbooks')).toBe(true);
    expect([...(live as Map<string, unknown>).keys()]).toEqual(['playbooks']);
    expect((live as Map<string, unknown>).size).toBe(1);
  });
  it('is an empty store while there is no file, and reads the file once it is written', () => {
    const file = join(dir, 'live-later.json');
    const live = new LiveStore(file);
    expect(live.size).toBe(0);
    expect(live.has('playbooks')).toBe(false);
    writeStore(file, { start: 'Start a channel' });
    expect(live.get('playbooks')?.get('start')).toMatchObject({ data: { title: 'Start a channel' } });
  });
  it('cannot be written to: Astro writes the store', () => {
    const live = new LiveStore(join(dir, 'live-store.json'));
    expect(() => live.set()).toThrow(/read-only/);
    expect(() => live.delete()).toThrow(/read-only/);
    expect(() => live.clear()).toThrow(/read-only/);
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
    return JSON.parse(/(?:const file = |new LiveStore\()(".*?")/.exec(plugins[0]!.load.handler().code)![1]!) as string;
  };
  // Astro's settings hold far more; getDataStoreFile reads only these two.
  const settings = { config, dotAstroDir: new URL('.astro/', root) } as unknown as Parameters<typeof getDataStoreFile>[0];
  const astroFile = (isDev: boolean) => fileURLToPath(getDataStoreFile(settings, isDev));

  it('makes a live store under astro dev, and reads the store once in a build', () => {
    const code = (command: 'dev' | 'build') => {
      const plugins: DataStorePlugin[] = [];
      const setup = dataStoreModule().hooks['astro:config:setup'] as unknown as (options: object) => void;
      setup({ config, command, updateConfig: (c: { vite: { plugins: DataStorePlugin[] } }) => plugins.push(...c.vite.plugins) });
      return plugins[0]!.load.handler().code;
    };
    expect(code('dev')).toContain('new LiveStore(');
    expect(code('build')).not.toContain('LiveStore');
  });
  it('reads the file Astro writes the store to, under astro dev and in a build', () => {
    expect(fileRead('dev')).toBe(astroFile(true));
    expect(fileRead('build')).toBe(astroFile(false));
  });
  it('leaves chunked storage, which makes other modules, to Astro', () => {
    expect(fileRead('build', { collectionStorage: 'chunked' })).toBeUndefined();
    expect(fileRead('build', { collectionStorage: 'single-file' })).toBe(astroFile(false));
  });
});
