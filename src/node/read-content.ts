import { lstatSync, readdirSync, readFileSync, readSync, openSync, closeSync, type Stats } from 'node:fs';
import { join, relative, extname, basename, resolve, sep } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CORE_SCHEMA, load } from 'js-yaml';
import { COLLECTIONS, DATA_COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import type { ContentAsset, ContentProblem, RawEntry } from '../lib/validate-content.ts';
import { MAX_FILE_BYTES, MAX_YAML_VALUES } from '../lib/limits.ts';
import { CONTENT_DIR, DATA_EXTENSIONS, DOC_EXTENSIONS, IMAGE_TYPES } from './content-layout.ts';

export { MAX_FILE_BYTES };

/**
 * Frontmatter exactly as Astro finds it (the expression of @astrojs/internal-helpers'
 * frontmatter.js; a unit test holds the two together): leading blank lines are allowed, and the
 * block ends at the first line that *starts* with --- or +++. The check reads the same block the
 * build reads, and refuses the shapes where an author would expect something else.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(---|\+\+\+)/;
/** Images may be larger than entries, but not without bound. */
const MAX_IMAGE_BYTES = 5_000_000;
/** Sub-folders under a collection, for images: deeper is a mistake or a loop. */
const MAX_FOLDER_DEPTH = 4;

const posix = (path: string) => path.split(sep).join('/');
const entryExtensions = (collection: CollectionName) => ((DATA_COLLECTIONS as readonly string[]).includes(collection) ? DATA_EXTENSIONS : DOC_EXTENSIONS);

/** The first bytes of each allowed image type; a file whose bytes disagree with its name is refused. */
function looksLike(ext: string, head: Buffer): boolean {
  const ascii = head.toString('latin1');
  switch (ext) {
    case '.png': return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case '.jpg':
    case '.jpeg': return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    case '.gif': return ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a');
    case '.webp': return ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP';
    case '.avif': return ascii.slice(4, 8) === 'ftyp' && /^avi[fs]/.test(ascii.slice(8, 12));
    default: return false;
  }
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

/** Everything found under the content directory: entries to validate, images, and misplaced files. */
export interface ContentScan { entries: RawEntry[]; assets: ContentAsset[]; problems: ContentProblem[] }

/**
 * Walk the content directory without following links. Entries live directly in
 * content/<collection>/; images may sit in sub-folders; every other file is refused, as are links
 * (a dangling link or a loop would otherwise crash the walk, and a link can reach outside content/).
 * Names starting with "." are ignored; entries and folders starting with "_" are kept out of the
 * site, but their files must still be content.
 */
export function scanContent(contentDir = CONTENT_DIR, root = process.cwd()): ContentScan {
  const dir = resolve(root, contentDir);
  const scan: ContentScan = { entries: [], assets: [], problems: [] };
  const rel = (full: string) => posix(relative(root, full));
  const refuse = (full: string, message: string) => scan.problems.push({ file: rel(full), message });
  const list = (folder: string): string[] => {
    try {
      return readdirSync(folder).filter((n) => !n.startsWith('.')).sort();
    } catch {
      return [];
    }
  };
  const stat = (full: string): Stats | undefined => {
    try {
      return lstatSync(full);
    } catch {
      return undefined;
    }
  };
  const walk = (collection: CollectionName, folder: string, depth: number, hidden: boolean) => {
    for (const name of list(folder)) {
      const full = join(folder, name);
      const info = stat(full);
      if (!info) continue;
      if (info.isSymbolicLink()) {
        refuse(full, 'is a symbolic link. Content must be real files: replace the link with the file it points to, or remove it.');
        continue;
      }
      if (info.isDirectory()) {
        if (depth >= MAX_FOLDER_DEPTH) refuse(full, `is nested ${depth + 1} folders deep; the limit is ${MAX_FOLDER_DEPTH}. Move its files up.`);
        else walk(collection, full, depth + 1, hidden || name.startsWith('_'));
        continue;
      }
      if (!info.isFile()) {
        refuse(full, 'is not a regular file. Remove it.');
        continue;
      }
      const ext = extname(name).toLowerCase();
      if (entryExtensions(collection).includes(ext) && extname(name) === ext) {
        if (hidden || name.startsWith('_')) continue;
        if (depth > 0) {
          refuse(full, `is in a sub-folder. Entries live directly in ${rel(join(dir, collection))}/: move it there, or start the folder's name with _ to keep it out of the site.`);
          continue;
        }
        scan.entries.push(readEntry(collection, full, root));
        continue;
      }
      if (IMAGE_TYPES.includes(ext)) {
        if (info.size > MAX_IMAGE_BYTES) refuse(full, `is ${Math.round(info.size / 1_000_000)} MB; images must stay under ${MAX_IMAGE_BYTES / 1_000_000} MB. Export it smaller.`);
        else if (!looksLike(ext, readHead(full))) refuse(full, `is not a ${ext.slice(1).toUpperCase()} image: its content does not match its name. Export it again as ${ext.slice(1).toUpperCase()}.`);
        else scan.assets.push({ file: rel(full), path: posix(resolve(full)), hidden: hidden || name.startsWith('_') });
        continue;
      }
      if (ext === '.svg') {
        refuse(full, 'is an SVG, which can carry scripts, so content may not hold one. Export the image as PNG or WebP.');
        continue;
      }
      const expected = entryExtensions(collection).join(' or ');
      refuse(full, `is not content. ${rel(join(dir, collection))}/ holds entries (${expected}) and images (${IMAGE_TYPES.join(', ')}); remove it${['.js', '.mjs', '.ts', '.jsx', '.tsx', '.html', '.css'].includes(ext) ? ', or ask the hub to add reviewed code in src/' : ''}.`);
    }
  };
  const top = stat(dir);
  if (top?.isSymbolicLink()) {
    refuse(dir, 'is a symbolic link. Point the build at the real content folder.');
    return scan;
  }
  // A wrong HUB_CONTENT_DIR (or a checkout without content/) must not build an empty portal over the published one.
  const where = `Run from the project's folder, or set HUB_CONTENT_DIR to the folder that holds ${COLLECTIONS.slice(0, 3).map((c) => `${c}/`).join(', ')} and the other collections.`;
  if (!top) {
    refuse(dir, `does not exist, so there is no content to build. ${where}`);
    return scan;
  }
  if (!top.isDirectory()) {
    refuse(dir, `is a file, not the content folder. ${where}`);
    return scan;
  }
  const names = list(dir);
  if (!names.some((name) => (COLLECTIONS as readonly string[]).includes(name))) refuse(dir, `holds none of the collections (${COLLECTIONS.map((c) => `${c}/`).join(', ')}), so the portal would be empty. ${where}`);
  for (const name of names) {
    const full = join(dir, name);
    const info = stat(full);
    if (!info) continue;
    if ((COLLECTIONS as readonly string[]).includes(name) && info.isDirectory() && !info.isSymbolicLink()) {
      walk(name as CollectionName, full, 0, false);
      continue;
    }
    if (name.startsWith('_')) continue;
    refuse(full, (COLLECTIONS as readonly string[]).includes(name)
      ? 'is a symbolic link or a file, not a folder. Make it a real folder holding the entries.'
      : `is not a collection. Content lives in one of: ${COLLECTIONS.map((c) => `${c}/`).join(', ')}.`);
  }
  return scan;
}

/**
 * Why YAML data is unsafe to use, or undefined. Aliases (`*name`) are refused: the same object
 * reached twice can multiply into millions of values (a "billion laughs") or loop forever.
 */
function yamlShapeProblem(data: unknown): string | undefined {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  let count = 0;
  while (stack.length) {
    const value = stack.pop();
    if (++count > MAX_YAML_VALUES) return `has more than ${MAX_YAML_VALUES} values; the limit is ${MAX_YAML_VALUES}. Split it into several entries.`;
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return 'uses a YAML alias (*name) to repeat a value. Write the value out in full.';
    seen.add(value);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return undefined;
}

/** 1-based line of the node at `path` in a YAML document, or undefined. */
function lineFinder(doc: Document, counter: LineCounter, offsetLines: number) {
  return (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      const start = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
      if (start !== undefined) return counter.linePos(start).line + offsetLines;
      // For a missing key, point at its parent instead.
    }
    const parent = path.length > 1 ? doc.getIn(path.slice(0, 1) as string[], true) : undefined;
    if (parent && (isMap(parent) || isSeq(parent)) && parent.range) return counter.linePos(parent.range[0]).line + offsetLines;
    return undefined;
  };
}

/**
 * Parse YAML the fast way first: js-yaml, the parser Astro reads frontmatter with, here with the
 * core schema so that dates stay text and an impossible date like 2026-02-30 is reported rather
 * than rolled over to March. The slower `yaml` document, which knows the line of every field, is
 * built only when an error or a problem needs a line number.
 */
function parseYaml(text: string, offsetLines: number) {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return parseYamlWithLines(text, offsetLines);
  }
  const shape = yamlShapeProblem(data);
  if (shape) return { data: undefined, parseError: { line: offsetLines + 1, message: shape } };
  let finder: ((path: PropertyKey[]) => number | undefined) | undefined;
  return {
    data,
    lineOf: (path: PropertyKey[]) => {
      if (!finder) {
        const counter = new LineCounter();
        finder = lineFinder(parseDocument(text, { lineCounter: counter, prettyErrors: false }), counter, offsetLines);
      }
      return finder(path);
    },
  };
}

/** The slow path: a `yaml` document with positions, for its error messages and lines. */
function parseYamlWithLines(text: string, offsetLines: number) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line;
    return {
      data: undefined,
      parseError: {
        line: line + offsetLines,
        message: `is not valid YAML: ${error.message.split('\n')[0]}. Check indentation, quotes and colons near this line.`,
      },
    };
  }
  return { data: doc.toJS() as unknown, lineOf: lineFinder(doc, counter, offsetLines) };
}

/** Read one content file into a RawEntry, never throwing: problems become parseError. */
export function readEntry(collection: CollectionName, fullPath: string, root = process.cwd()): RawEntry {
  const file = posix(relative(root, fullPath));
  const ext = extname(fullPath);
  const fileId = basename(fullPath, ext);
  const base = { collection, file, fileId, path: posix(resolve(fullPath)) } as const;
  let size: number;
  try {
    size = lstatSync(fullPath).size;
  } catch {
    return { ...base, data: undefined, parseError: { message: 'cannot be read. Check that the file exists and is a real file.' } };
  }
  if (size > MAX_FILE_BYTES) {
    return { ...base, data: undefined, parseError: { message: `is ${Math.round(size / 1024)} KB; entries must stay under ${MAX_FILE_BYTES / 1000} KB. Split it into several entries.` } };
  }
  const bytes = readFileSync(fullPath);
  const text = bytes.toString('utf8');
  // Under `astro dev` every edit checks all files again: a file whose text is unchanged keeps its
  // parsed entry (shared through globalThis, since Vite's module runner loads its own copy of
  // this module for the content loader).
  const key = `${collection}\0${root}\0${fullPath}`;
  const hit = readCache.get(key);
  if (hit && hit.text === text) return hit.entry;
  const entry = entryFromText(collection, base, bytes, text);
  readCache.set(key, { text, entry });
  return entry;
}

type Parsed = { readonly collection: CollectionName; readonly file: string; readonly fileId: string; readonly path: string };
const READ_CACHE = Symbol.for('hub-portal.read-entry-cache');
const readCache: Map<string, { text: string; entry: RawEntry }> = ((globalThis as Record<symbol, unknown>)[READ_CACHE] ??= new Map()) as Map<string, { text: string; entry: RawEntry }>;

function entryFromText(collection: CollectionName, base: Parsed, bytes: Buffer, text: string): RawEntry {
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
    return { ...base, data: undefined, parseError: { message: 'is not UTF-8 text. Save it as UTF-8.' } };
  }
  if ((DATA_COLLECTIONS as readonly string[]).includes(collection)) {
    return { ...base, ...parseYaml(text.replace(/^\uFEFF/, ''), 0) };
  }
  const match = ASTRO_FRONTMATTER.exec(text);
  if (!match) {
    return { ...base, data: undefined, parseError: { line: 1, message: 'has no frontmatter. Start the file with a --- line, the fields, and another --- line.' } };
  }
  const [whole, open, yaml = '', close] = match;
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  if (open === '+++' || close === '+++') {
    return { ...base, data: undefined, parseError: { line: lineAt(match.index + whole.length), message: 'uses +++ (TOML) frontmatter. Write the fields as YAML between --- lines.' } };
  }
  if (!/^\r?\n/.test(yaml)) {
    return { ...base, data: undefined, parseError: { line: lineAt(match.index), message: 'has text on the opening --- line. Put --- alone on the first line and the fields below it.' } };
  }
  const end = match.index + whole.length;
  const rest = /^[^\n]*/.exec(text.slice(end))?.[0] ?? '';
  if (rest.trim() !== '') {
    return {
      ...base,
      data: undefined,
      parseError: { line: lineAt(end), message: `a line starting with --- ("---${rest.slice(0, 30)}") ends the frontmatter early. Quote that value, or remove the leading dashes.` },
    };
  }
  const bodyStart = end + rest.length + 1;
  const body = text.slice(bodyStart);
  const bodyLine = lineAt(bodyStart);
  return { ...base, body, bodyLine, ...parseYaml(yaml.replace(/^\r?\n/, ''), lineAt(match.index + whole.length - close!.length - yaml.length) ) };
}

/** Read every entry of every collection under the content directory. */
export function readContent(contentDir = CONTENT_DIR, root = process.cwd()): RawEntry[] {
  return scanContent(contentDir, root).entries;
}
