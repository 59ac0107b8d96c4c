/**
 * The worker thread that writes the search index while Astro renders the pages
 * (src/integrations/search-while-rendering.ts sends them). It indexes each page as it arrives, in
 * the order sent; when told the build is finished, it checks that the pages it indexed are exactly
 * the HTML files of the built site, byte for byte, and only then writes the bundle (or copies the
 * last build's, when the same pages came in the same order: src/node/search-index-cache.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { openPageIndexer, type PageIndexer } from '../integrations/pagefind.ts';
import { builtPages, pagesDigest, searchIndexCache, type BuiltPage } from './search-index-cache.ts';

/** What the build's thread sends: a page as built, or the end of the build (`site`: its folder). */
export type ToSearchIndexer = { kind: 'page'; sourcePath: string; bytes: Uint8Array } | { kind: 'finish'; site: string; cacheDir: string } | { kind: 'close' };

/** The answer to `finish`: the bundle is in `site/pagefind/`, or why it is not. */
export type FromSearchIndexer = { kind: 'written'; pages: number; reused: boolean } | { kind: 'failed'; reason: string };

const port = parentPort;
if (!port) throw new Error('src/node/search-index-worker.ts runs as a worker thread (src/integrations/search-while-rendering.ts starts it).');

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const digest = pagesDigest();
/** The digest of each page indexed, by path: what the built site is checked against. */
const indexed = new Map<string, string>();
let indexer: Promise<PageIndexer> | undefined;
/** Pages are handed to Pagefind one after the other, in the order they came. */
let queue: Promise<void> = Promise.resolve();
let failure: string | undefined;

/** Why the built site is not the pages indexed, or undefined when it is. */
function differenceFromBuilt(site: string): string | undefined {
  let seen = 0;
  for (const page of builtPages(site)) {
    const hash = indexed.get(page.sourcePath);
    if (hash === undefined) return `${page.sourcePath} was built but never sent to the index`;
    if (hash !== hashOf(page.bytes)) return `${page.sourcePath} changed after it was indexed`;
    seen += 1;
  }
  return seen === indexed.size ? undefined : `${indexed.size - seen} page(s) sent to the index are not in the built site`;
}

async function finish(site: string, cacheDir: string): Promise<FromSearchIndexer> {
  if (failure) return { kind: 'failed', reason: failure };
  const difference = differenceFromBuilt(site);
  if (difference) return { kind: 'failed', reason: difference };
  const outputPath = join(site, 'pagefind');
  const cache = searchIndexCache(cacheDir);
  const value = digest.value();
  if (cache.last() === value) {
    cache.restore(outputPath);
    return { kind: 'written', pages: indexed.size, reused: true };
  }
  await (await (indexer ??= openPageIndexer())).write(outputPath);
  cache.save(value, outputPath);
  return { kind: 'written', pages: indexed.size, reused: false };
}

port.on('message', (message: ToSearchIndexer) => {
  if (message.kind === 'page') {
    const page: BuiltPage = { sourcePath: message.sourcePath, bytes: Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) };
    digest.add(page);
    indexed.set(page.sourcePath, hashOf(page.bytes));
    queue = queue
      .then(async () => {
        if (!failure) await (await (indexer ??= openPageIndexer())).add(page);
      })
      .catch((cause: unknown) => {
        failure ??= messageOf(cause);
      });
    return;
  }
  const done = message.kind === 'finish' ? queue.then(() => finish(message.site, message.cacheDir)) : queue.then(() => undefined);
  void done
    .catch((cause: unknown): FromSearchIndexer => ({ kind: 'failed', reason: messageOf(cause) }))
    .then(async (answer) => {
      await pagefind.close();
      if (answer) port.postMessage(answer);
      port.close();
    });
});
