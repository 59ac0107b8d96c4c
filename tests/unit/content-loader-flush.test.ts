/**
 * The content loader's side of the store flush (src/node/content-loader.ts, src/node/store-flush.ts):
 * Astro's own glob() loader runs inside it, on real files, with a watcher that the test fires as
 * the dev server's would. Only Astro's data store and `refreshContent` are stand-ins: the store is
 * a Map, and the flush runs the loader again with the refresh data, as Astro's sync does.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { LoaderContext } from 'astro/loaders';
import { contentLoader } from '../../src/node/content-loader.ts';
import { setStoreFlush } from '../../src/node/store-flush.ts';

const root = mkdtempSync(join(tmpdir(), 'hub-loader-flush-'));
const teams = join(root, 'content', 'teams');
const file = join(teams, 'hub-editorial.yaml');
const good = readFileSync(new URL('../../content/teams/hub-editorial.yaml', import.meta.url), 'utf8');
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Entry = { id: string; data: Record<string, unknown>; digest?: string; filePath?: string };

/** A scoped data store over a Map: what the loader and glob() call on Astro's. */
function mapStore() {
  const entries = new Map<string, Entry>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    clear: () => entries.clear(),
    addAssetImports: () => undefined,
    addModuleImport: () => undefined,
  };
  return { entries, store };
}

/** Each flush, with what the store held for the team when it ran; the loader runs with the flush's refresh data. */
let flushes: (string | undefined)[];
let entries: Map<string, Entry>;
let watcher: EventEmitter & { add: () => void };

beforeEach(async () => {
  rmSync(teams, { recursive: true, force: true });
  mkdirSync(teams, { recursive: true });
  writeFileSync(file, good);
  const made = mapStore();
  entries = made.entries;
  watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  const loader = contentLoader('teams', '[^_]*.{yaml,yml}', teams);
  const context = {
    collection: 'teams',
    store: made.store,
    meta: new Map<string, string>(),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    watcher,
    entryTypes: new Map([['.yaml', { extensions: ['.yaml'], getEntryInfo: ({ contents }: { contents: string }) => ({ data: parse(contents) as Record<string, unknown>, body: '', slug: '', rawData: contents }) }]]),
  } as unknown as LoaderContext;
  await loader.load(context);
  flushes = [];
  setStoreFlush(async (refreshContextData) => {
    flushes.push(entries.get('hub-editorial')?.data.name as string | undefined);
    await loader.load({ ...context, refreshContextData });
  });
});
afterEach(() => setStoreFlush(undefined));

/** Fire the watcher as chokidar does, and wait until every handler (glob()'s, then the flush) has run. */
async function fire(event: 'change' | 'unlink', path = file): Promise<void> {
  await Promise.all(watcher.listeners(event).map((listener) => (listener as (path: string) => unknown)(path)));
}

describe('the content loader under astro dev', () => {
  it('stores the files on its first load without a flush', () => {
    expect(entries.get('hub-editorial')?.data.name).toBe('Hub editorial');
    expect(flushes).toEqual([]);
  });

  it('flushes the store once glob() has stored an edited file, with the edit in it', async () => {
    writeFileSync(file, good.replace('name: Hub editorial', 'name: Hub editorial desk'));
    await fire('change');
    expect(flushes).toEqual(['Hub editorial desk']);
    // The flush's own load left the store as it was.
    expect(entries.get('hub-editorial')?.data.name).toBe('Hub editorial desk');
    expect(entries.size).toBe(1);
  });

  it('does not flush when a change leaves the file as it was', async () => {
    await fire('change');
    expect(flushes).toEqual([]);
  });

  it('flushes when a file with a problem takes its entry out of the store', async () => {
    writeFileSync(file, good.replace(/^name: .*$/m, ''));
    await fire('change');
    expect(flushes).toEqual([undefined]);
    expect(entries.has('hub-editorial')).toBe(false);
  });

  it('flushes when a file is deleted', async () => {
    unlinkSync(file);
    await fire('unlink');
    expect(flushes).toEqual([undefined]);
    expect(entries.size).toBe(0);
  });

  it('ignores changes to files it does not load', async () => {
    writeFileSync(join(teams, '_template.yaml'), good);
    await fire('change', join(teams, '_template.yaml'));
    expect(flushes).toEqual([]);
  });
});
