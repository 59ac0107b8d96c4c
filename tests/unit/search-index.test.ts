import { describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { builtPages, pagesDigest, searchIndexCache } from '../../src/node/search-index-cache.ts';
import * as pagefind from 'pagefind';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { bundleIndex, fragmentUrl, hasLengthenedFragment, hashedFiles } from '../../src/node/pagefind-bundle.ts';

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav data-pagefind-ignore>menu</nav><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A built site of `count` pages. */
function site(count: number): string {
  const dir = tempDir('hub-search-index-');
  for (let i = 0; i < count; i += 1) {
    mkdirSync(join(dir, 'playbooks', `page-${i}`), { recursive: true });
    writeFileSync(join(dir, 'playbooks', `page-${i}`, 'index.html'), html(`Page ${i}`, `Write the purpose of channel ${i} first.`));
  }
  writeFileSync(join(dir, 'index.html'), html('Home', 'Every playbook.'));
  return dir;
}

/** The digest of every page of a built site, and their number. */
function siteDigest(dir: string): { value: string; pages: number } {
  const digest = pagesDigest();
  let pages = 0;
  for (const page of builtPages(dir)) {
    digest.add(page);
    pages += 1;
  }
  return { value: digest.value(), pages };
}

/** Every file of a folder with its bytes, to compare two bundles. */
function bundle(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out[name] = readFileSync(join(dir, name)).toString('base64');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('the pages the search index reads', () => {
  test('every HTML page, outside the search folder, with its path relative to the site', () => {
    const dir = site(3);
    mkdirSync(join(dir, 'pagefind'), { recursive: true });
    writeFileSync(join(dir, 'pagefind', 'stale.html'), html('Stale', 'never indexed'));
    const paths = [...builtPages(dir)].map((p) => p.sourcePath).sort();
    expect(paths).toEqual(['index.html', 'playbooks/page-0/index.html', 'playbooks/page-1/index.html', 'playbooks/page-2/index.html']);
  });

  test('the digest changes with a byte of a page, and only then', () => {
    const dir = site(3);
    const before = siteDigest(dir);
    expect(siteDigest(dir)).toEqual(before);
    expect(before.pages).toBe(4);
    const file = join(dir, 'playbooks', 'page-1', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('first', 'First'));
    expect(siteDigest(dir).value).not.toBe(before.value);
  });

  test('the digest tells pages apart by path and by order, not only by their bytes together', () => {
    const page = (sourcePath: string, text: string) => ({ sourcePath, bytes: Buffer.from(text) });
    const of = (...pages: ReturnType<typeof page>[]) => {
      const d = pagesDigest();
      for (const p of pages) d.add(p);
      return d.value();
    };
    expect(of(page('a.html', 'x'), page('b.html', 'y'))).not.toBe(of(page('b.html', 'y'), page('a.html', 'x')));
    expect(of(page('a.html', 'xy'), page('b.html', ''))).not.toBe(of(page('a.html', 'x'), page('b.html', 'y')));
    expect(of(page('a.html', 'x'))).not.toBe(of(page('c.html', 'x')));
  });

  test('the cache has no bundle until one is kept, and restores what was kept', () => {
    const cacheDir = tempDir('hub-search-index-');
    const cache = searchIndexCache(cacheDir);
    expect(cache.last()).toBeUndefined();
    const out = cache.nextBundle();
    writeFileSync(join(out, 'pagefind-entry.json'), '{"version":"x"}');
    cache.keepBundle(out, 'abc');
    expect(cache.last()).toBe('abc');
    const restored = join(tempDir('hub-search-index-'), 'pagefind');
    cache.restore(restored);
    expect(readFileSync(join(restored, 'pagefind-entry.json'), 'utf8')).toBe('{"version":"x"}');
  });
});

describe('indexing a built site with Pagefind', () => {
  test('the trimmed pages indexed as a folder give the same bundle as a cache copy, and an edit indexes again', async () => {
    const dir = site(40);
    const cacheDir = tempDir('hub-search-index-');
    const first = await indexSite(dir, cacheDir);
    expect(first).toEqual({ pages: 41, reused: false, kept: 0 });
    const written = bundle(join(dir, 'pagefind'));
    expect(Object.keys(written).some((name) => name.startsWith('fragment/'))).toBe(true);

    // Nothing changed: the last bundle is copied, byte for byte.
    expect(await indexSite(dir, cacheDir)).toEqual({ pages: 41, reused: true, kept: 0 });
    expect(bundle(join(dir, 'pagefind'))).toEqual(written);

    // Without a cache the same pages give the same bundle again.
    expect(await indexSite(dir)).toEqual({ pages: 41, reused: false, kept: 0 });
    expect(bundle(join(dir, 'pagefind'))).toEqual(written);

    // And so do the untrimmed pages, sent to Pagefind one at a time.
    rmSync(join(dir, 'pagefind'), { recursive: true });
    try {
      const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error('Pagefind did not start');
      for (const { sourcePath, bytes } of builtPages(dir)) expect((await index.addHTMLFile({ sourcePath, content: bytes.toString('utf8') })).errors).toEqual([]);
      await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    } finally {
      await pagefind.close();
    }
    expect(bundle(join(dir, 'pagefind'))).toEqual(written);

    // One page changed: indexed again, and the bundle differs.
    const file = join(dir, 'playbooks', 'page-7', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Write the purpose', 'Write the escalation path'));
    // The other 40 pages' search records are handed to Pagefind, which does not write them again.
    expect(await indexSite(dir, cacheDir)).toEqual({ pages: 41, reused: false, kept: 40 });
    const edited = bundle(join(dir, 'pagefind'));
    expect(edited).not.toEqual(written);
    // The same bundle as indexing the edited pages without a cache.
    expect(await indexSite(dir)).toEqual({ pages: 41, reused: false, kept: 0 });
    expect(bundle(join(dir, 'pagefind'))).toEqual(edited);
  }, 60_000);

  test('with a cache, only the pages that changed are trimmed again; new, removed or moved pages make the input anew', async () => {
    const dir = site(30);
    const cacheDir = tempDir('hub-search-index-');
    await indexSite(dir, cacheDir);
    const input = searchIndexCache(cacheDir).input;
    expect(readFileSync(join(input, 'playbooks', 'page-3', 'index.html'), 'utf8')).toContain('channel 3');

    // What the cache holds for an unchanged page is what Pagefind reads: it is not trimmed again.
    const kept = join(input, 'playbooks', 'page-3', 'index.html');
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('channel 3', 'channel three'));
    const edit = (i: number, from: string, to: string) => {
      const file = join(dir, 'playbooks', `page-${i}`, 'index.html');
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    };
    edit(7, 'Write the purpose', 'Write the escalation path');
    await indexSite(dir, cacheDir);
    expect(readFileSync(join(input, 'playbooks', 'page-7', 'index.html'), 'utf8')).toContain('escalation path');
    expect(readFileSync(kept, 'utf8')).toContain('channel three');

    // A page added: the folder is made anew from the built pages, and the bundle is a cold one's.
    mkdirSync(join(dir, 'playbooks', 'page-new'));
    writeFileSync(join(dir, 'playbooks', 'page-new', 'index.html'), html('New page', 'Moderate the replies.'));
    // Every unchanged page's record is reused but page 3's: its input was made anew from its built
    // page, so it is no longer what the cache held.
    expect(await indexSite(dir, cacheDir)).toEqual({ pages: 32, reused: false, kept: 30 });
    expect(readFileSync(kept, 'utf8')).toContain('channel 3');
    const warm = bundle(join(dir, 'pagefind'));
    await indexSite(dir);
    expect(bundle(join(dir, 'pagefind'))).toEqual(warm);

    // A page removed: the same.
    rmSync(join(dir, 'playbooks', 'page-12'), { recursive: true });
    edit(4, 'Write the purpose', 'Agree the purpose');
    expect(await indexSite(dir, cacheDir)).toEqual({ pages: 31, reused: false, kept: 30 });
    const removed = bundle(join(dir, 'pagefind'));
    await indexSite(dir);
    expect(bundle(join(dir, 'pagefind'))).toEqual(removed);
  }, 60_000);

  test('the bundle index names every hashed file Pagefind wrote, and the fragments hold their page\'s URL', async () => {
    const dir = site(12);
    await indexSite(dir);
    const out = join(dir, 'pagefind');
    const index = bundleIndex(out);
    expect(index.files).toEqual(hashedFiles(out));
    expect(index.fragments).toHaveLength(13);
    expect(index.fragments.map((f) => fragmentUrl(out, f)).sort()).toEqual(['/', ...Array.from({ length: 12 }, (_, i) => `/playbooks/page-${i}/`)].sort());
    expect(hasLengthenedFragment(index.fragments)).toBe(false);
    expect(hasLengthenedFragment(['fragment/en_746415c.pf_fragment', 'fragment/en_746415c3.pf_fragment'])).toBe(true);
  }, 60_000);

  test('when two search records of one run begin with the same hash, the run is done again with none reused', async () => {
    // Bodies whose records' hashes begin with the same seven characters (ad4266b), found by trying
    // numbers: Pagefind then lengthens the name of the record it meets second, and a record given
    // from the last build under the short name could stand for the other page.
    const body = (k: number) => `Write the purpose of channel k${k} first.`;
    const colliding = { p: body(174584), q: body(139) };
    for (const changed of ['p', 'q'] as const) {
      const dir = tempDir('hub-search-index-');
      const write = (page: string, text: string) => {
        mkdirSync(join(dir, 'playbooks', `page-${page}`), { recursive: true });
        writeFileSync(join(dir, 'playbooks', `page-${page}`, 'index.html'), html(`Page ${page.toUpperCase()}`, text));
      };
      for (const page of ['a', 'b', 'c']) write(page, body(1));
      write('p', changed === 'p' ? body(2) : colliding.p);
      write('q', changed === 'q' ? body(2) : colliding.q);
      const cacheDir = tempDir('hub-search-index-');
      await indexSite(dir, cacheDir);
      write(changed, colliding[changed]);
      expect(await indexSite(dir, cacheDir)).toEqual({ pages: 5, reused: false, kept: 0 });
      const warm = bundle(join(dir, 'pagefind'));
      expect(hasLengthenedFragment(bundleIndex(join(dir, 'pagefind')).fragments)).toBe(true);
      await indexSite(dir);
      expect(bundle(join(dir, 'pagefind')), `${changed} changed`).toEqual(warm);
    }
  }, 60_000);

  test('a build that stopped while changing the input leaves no record of it: the next one makes the input anew', async () => {
    const dir = site(10);
    const cacheDir = tempDir('hub-search-index-');
    await indexSite(dir, cacheDir);
    const cache = searchIndexCache(cacheDir);
    expect(cache.inputPages()).toHaveLength(11);
    // As a build that stopped after forgetting the record and rewriting a page's input.
    cache.forgetInput();
    writeFileSync(join(cache.input, 'playbooks', 'page-2', 'index.html'), html('Page 2', 'Half-written'));
    expect(cache.inputPages()).toBeUndefined();
    const file = join(dir, 'playbooks', 'page-5', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('first', 'last'));
    await indexSite(dir, cacheDir);
    expect(readFileSync(join(cache.input, 'playbooks', 'page-2', 'index.html'), 'utf8')).not.toContain('Half-written');
    expect(cache.inputPages()).toHaveLength(11);
  }, 60_000);
});
