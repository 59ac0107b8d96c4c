/**
 * The files of a Pagefind bundle, read as Pagefind 1.x lays them out (Node only).
 *
 * Most of a bundle's files carry the hash of their content in their name: the metadata
 * (`pagefind.<hash>.pf_meta`), one fragment per page (`fragment/<hash>.pf_fragment`: its URL,
 * text, metadata and filters, from that page alone), the word index's chunks (`index/`) and the
 * filters' (`filter/`). Pagefind does not compress and write such a file again when it already
 * exists in its output folder. Given the fragments of the pages that did not change, it writes
 * only the others (on the bench's 2,000 entries, 1-1.5 s less): that is how a warm build reuses
 * the last build's search records (src/integrations/pagefind.ts).
 *
 * Only fragments are given, and only those of pages this run indexes unchanged: the same page
 * gives the same fragment. A name holds only the first characters of its content's hash; when two
 * pages of one run share them, Pagefind lengthens the name of the one it meets second, and which
 * one that is can change from run to run. A page could then take the short name of another page's
 * fragment that was given, and Pagefind would keep the wrong file: hasLengthenedFragment finds
 * such a run, and it is done again without any given file. A file left from an earlier run that no
 * page of this run indexes is never given, so no other name can meet one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { z } from 'astro/zod';

/** The folders of hashed files and their extension; the metadata sits at the top. */
const HASHED_FOLDERS = { fragment: '.pf_fragment', index: '.pf_index', filter: '.pf_filter' } as const;
const META = /^pagefind\.(.+)\.pf_meta$/;
/** What Pagefind writes before the content of every compressed file. */
const MARKER = 'pagefind_dcd';

const Entry = z.object({ languages: z.record(z.string(), z.object({ hash: z.string() })) });
/** The part of the metadata that names files: pages (fragments), index chunks and filters. */
const Meta = z.tuple(
  [
    z.string(), // Pagefind's version
    z.array(z.tuple([z.string()], z.unknown())), // pages: [fragment hash, word count, ...]
    z.array(z.tuple([z.string(), z.string(), z.string()], z.unknown())), // index chunks: [from, to, hash]
    z.array(z.tuple([z.string(), z.string()], z.unknown())), // filters: [name, hash]
  ],
  z.unknown(),
);

/** The length of a fragment's hash in its name when no other fragment of its run began the same. */
const HASH_LENGTH = 7;
const Fragment = z.object({ url: z.string() });

/** The content of a compressed bundle file, without Pagefind's marker. */
function content(file: string): Buffer {
  const bytes = gunzipSync(readFileSync(file));
  if (bytes.subarray(0, MARKER.length).toString('latin1') !== MARKER) throw new Error(`${file} does not start with Pagefind's marker`);
  return bytes.subarray(MARKER.length);
}

/** The hashed files (paths relative to the bundle, with `/`) a bundle folder holds. */
export function hashedFiles(bundle: string): Set<string> {
  const files = new Set<string>();
  if (!existsSync(bundle)) return files;
  for (const name of readdirSync(bundle)) if (META.test(name)) files.add(name);
  for (const [folder, extension] of Object.entries(HASHED_FOLDERS)) {
    const dir = join(bundle, folder);
    if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.endsWith(extension)) files.add(`${folder}/${name}`);
  }
  return files;
}

export interface BundleIndex {
  /** Every hashed file the index names, relative to the bundle. */
  files: Set<string>;
  /** The page fragments among them. */
  fragments: string[];
}

/**
 * The hashed files a bundle's index names: for each language in `pagefind-entry.json`, its
 * metadata and the fragments, index chunks and filters the metadata lists. Throws when the bundle
 * is not laid out as Pagefind 1.x writes it.
 */
export function bundleIndex(bundle: string): BundleIndex {
  const files = new Set<string>();
  const fragments: string[] = [];
  const entry = Entry.parse(JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')));
  for (const { hash } of Object.values(entry.languages)) {
    const metaName = `pagefind.${hash}.pf_meta`;
    files.add(metaName);
    const [, pages, chunks, filters] = Meta.parse(decode(content(join(bundle, metaName))));
    for (const [page] of pages) fragments.push(`fragment/${page}${HASHED_FOLDERS.fragment}`);
    for (const [, , chunk] of chunks) files.add(`index/${chunk}${HASHED_FOLDERS.index}`);
    for (const [, filter] of filters) files.add(`filter/${filter}${HASHED_FOLDERS.filter}`);
  }
  for (const fragment of fragments) files.add(fragment);
  return { files, fragments };
}

/** The URL of the page a fragment (a path relative to the bundle) holds. */
export const fragmentUrl = (bundle: string, fragment: string): string => Fragment.parse(JSON.parse(content(join(bundle, fragment)).toString('utf8'))).url;

/** Whether Pagefind lengthened a fragment's name because another fragment of its run began the same. */
export const hasLengthenedFragment = (fragments: Iterable<string>): boolean =>
  [...fragments].some((fragment) => {
    const name = fragment.slice(fragment.lastIndexOf('/') + 1, -HASHED_FOLDERS.fragment.length);
    return name.length - name.indexOf('_') - 1 > HASH_LENGTH;
  });
