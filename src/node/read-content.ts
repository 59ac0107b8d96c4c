import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname, basename, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CORE_SCHEMA, load } from 'js-yaml';
import { COLLECTIONS, DATA_COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import type { RawEntry } from '../lib/validate-content.ts';
import { CONTENT_DIR, DATA_EXTENSIONS, DOC_EXTENSIONS } from './content-layout.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** Files above this size are refused: no real entry is this long, and it would slow every build. */
export const MAX_FILE_BYTES = 1_000_000;

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = join(dir, name);
    if (name.startsWith('_') || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
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
  const file = relative(root, fullPath);
  const ext = extname(fullPath);
  const fileId = basename(fullPath, ext);
  const base = { collection, file, fileId } as const;
  const size = statSync(fullPath).size;
  if (size > MAX_FILE_BYTES) {
    return { ...base, data: undefined, parseError: { message: `is ${Math.round(size / 1024)} KB; entries must stay under ${MAX_FILE_BYTES / 1000} KB. Split it into several entries.` } };
  }
  const text = readFileSync(fullPath, 'utf8').replace(/^\uFEFF/, '');
  if ((DATA_COLLECTIONS as readonly string[]).includes(collection)) {
    return { ...base, ...parseYaml(text, 0) };
  }
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return { ...base, data: undefined, parseError: { line: 1, message: 'has no frontmatter. Start the file with a --- line, the fields, and another --- line.' } };
  }
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  return { ...base, body, bodyLine, ...parseYaml(match[1] ?? '', 1) };
}

/** Read every entry of every collection under the content directory. */
export function readContent(contentDir = CONTENT_DIR, root = process.cwd()): RawEntry[] {
  const dir = resolve(root, contentDir);
  return COLLECTIONS.flatMap((collection) => {
    const allowed = (DATA_COLLECTIONS as readonly string[]).includes(collection) ? DATA_EXTENSIONS : DOC_EXTENSIONS;
    return listFiles(join(dir, collection))
      .filter((f) => allowed.includes(extname(f)))
      .sort()
      .map((f) => readEntry(collection, f, root));
  });
}
