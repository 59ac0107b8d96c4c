import type { z } from 'astro/zod';
import { SCHEMAS, COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names.ts';
import { parseBody, type ParsedBody } from './body.ts';
import { checkLinks, type LinkTarget } from './check-links.ts';

/** An entry as read from disk, before validation. */
export interface RawEntry {
  collection: CollectionName;
  /** Path relative to the project, for messages. */
  file: string;
  /** The file name without extension. */
  fileId: string;
  /** Parsed frontmatter or YAML data; undefined when parsing failed. */
  data: unknown;
  /** The Markdown body, for document collections. */
  body?: string;
  /** 1-based line where the body starts in the file. */
  bodyLine?: number;
  /** 1-based line of a field, where the parser knows it. */
  lineOf?: (path: PropertyKey[]) => number | undefined;
  /** A parse error already found by the reader. */
  parseError?: { message: string; line?: number };
}

export interface ContentProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface ValidEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /** Root-relative links found in the body (for orphan and coverage reports). */
  links?: string[];
  data: Record<string, unknown> & { status?: string; title?: string };
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Render a problem as one line a person can act on: `file:line  field: message`. */
export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}  ${p.field}: ${p.message}` : `${where}  ${p.message}`;
}

function fieldName(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

/** Explain one zod issue in words, adding what the author can do about it. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path;
  let value: unknown = data;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  if (issue.code === 'invalid_type' && value === undefined) {
    return `is missing. ${issue.message.startsWith('Invalid input') ? `Add it (expected ${issue.expected}).` : issue.message}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const got = typeof value === 'string' ? `the text "${value}"` : Array.isArray(value) ? 'a list' : value === null ? 'nothing' : `a ${typeof value}`;
    return `must be a ${issue.expected}, but it is ${got}. ${issue.expected === 'number' ? 'Write digits only, e.g. 12.' : issue.expected === 'array' ? 'Write a list, e.g. [a, b].' : ''}`.trim();
  }
  return issue.message;
}

/** Validate one entry against its collection's schema. Returns the parsed data or problems. */
export function validateEntry(raw: RawEntry): { data?: Record<string, unknown>; problems: ContentProblem[]; parsed?: ParsedBody } {
  if (raw.parseError) {
    return { problems: [{ file: raw.file, line: raw.parseError.line, message: raw.parseError.message }] };
  }
  const problems: ContentProblem[] = [];
  if (raw.data === null || typeof raw.data !== 'object' || Array.isArray(raw.data)) {
    return { problems: [{ file: raw.file, message: 'has no fields. Start the file with frontmatter between --- lines (or YAML fields for data files).' }] };
  }
  const result = SCHEMAS[raw.collection].safeParse(raw.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          problems.push({ file: raw.file, line: raw.lineOf?.(path), field: fieldName(path), message: 'is not a field of this collection. Check the spelling (fields are case-sensitive) or remove it.' });
        }
        continue;
      }
      problems.push({
        file: raw.file,
        line: raw.lineOf?.(issue.path),
        field: issue.path.length ? fieldName(issue.path) : undefined,
        message: describeIssue(issue, raw.data),
      });
    }
    return { problems };
  }
  if (raw.body !== undefined && raw.body.trim() === '' && (raw.data as { status?: string }).status !== 'draft') {
    problems.push({ file: raw.file, message: 'has an empty body. Write the entry below the frontmatter, or set status: draft.' });
  }
  let parsed: ParsedBody | undefined;
  if (raw.body !== undefined) {
    const mdx = raw.file.endsWith('.mdx');
    if (mdx) problems.push(...checkMdxComponents(raw));
    parsed = parseBody(raw.body, { mdx, firstLine: raw.bodyLine ?? 1 });
    if (parsed.error) problems.push({ file: raw.file, line: parsed.error.line, message: parsed.error.message });
    for (const h of parsed.emptySections) {
      problems.push({ file: raw.file, line: h.line, message: `the section "${h.text}" is empty. Write something under it or remove the heading.` });
    }
  }
  return { data: result.data as Record<string, unknown>, problems, parsed };
}

/** Lines of the body that use a component the portal does not provide. */
function checkMdxComponents(raw: RawEntry): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  const bodyStart = raw.bodyLine ?? 1;
  let inFence = false;
  (raw.body ?? '').split('\n').forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
      const name = match[1] ?? '';
      if (!known.has(name)) {
        problems.push({
          file: raw.file,
          line: bodyStart + index,
          message: `uses <${name}>, which is not a portal component. Use one of: ${MDX_COMPONENT_NAMES.join(', ')}.`,
        });
      }
    }
  });
  return problems;
}

/** Each reference field of each collection, with the collection it points into ('any' = collection/id). */
type RefSpec = { path: string; into: CollectionName | 'any' };
const REFERENCE_FIELDS: Record<CollectionName, RefSpec[]> = {
  policy: [],
  phases: [{ path: 'playbooks[]', into: 'playbooks' }],
  playbooks: [],
  'case-studies': [{ path: 'spoke', into: 'spokes' }],
  protocols: [
    { path: 'policySection', into: 'policy' },
    { path: 'contacts[].role', into: 'contacts' },
  ],
  glossary: [
    { path: 'seeAlso[]', into: 'glossary' },
    { path: 'owner', into: 'teams' },
  ],
  spokes: [],
  teams: [],
  paths: [{ path: 'steps[].entry', into: 'any' }],
  assessment: [{ path: 'playbooks[]', into: 'playbooks' }],
  contacts: [{ path: 'team', into: 'teams' }],
};
const GOVERNED_REFS: RefSpec[] = [
  { path: 'owner', into: 'teams' },
  { path: 'related[]', into: 'any' },
  { path: 'replacedBy', into: 'any' },
];
const GOVERNED = new Set<CollectionName>(['policy', 'phases', 'playbooks', 'case-studies', 'protocols', 'paths']);

/** All values at a path like `steps[].entry`, with their concrete paths. */
function valuesAt(data: unknown, spec: string): { value: unknown; path: PropertyKey[] }[] {
  let nodes: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  for (const part of spec.split('.')) {
    const isList = part.endsWith('[]');
    const key = isList ? part.slice(0, -2) : part;
    const next: typeof nodes = [];
    for (const node of nodes) {
      const value = node.value && typeof node.value === 'object' ? (node.value as Record<string, unknown>)[key] : undefined;
      if (value === undefined) continue;
      if (isList && Array.isArray(value)) value.forEach((v, i) => next.push({ value: v, path: [...node.path, key, i] }));
      else if (!isList) next.push({ value, path: [...node.path, key] });
    }
    nodes = next;
  }
  return nodes;
}

/** The entry id Astro will use: the slug field if given, else the file name. */
export function entryId(raw: RawEntry, data: Record<string, unknown> | undefined): string {
  return typeof data?.slug === 'string' ? data.slug : raw.fileId;
}

/**
 * Validate a whole corpus: every schema, unique ids and slugs, and every reference, including
 * path steps and related entries, which must point at an entry that exists and is not a draft.
 */
export function validateContent(raws: RawEntry[]): { entries: ValidEntry[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const entries: ValidEntry[] = [];
  const byKey = new Map<string, { entry: ValidEntry; raw: RawEntry; parsed?: ParsedBody }>();
  const lookup = new Map<string, ValidEntry>();

  // Entries whose file exists but failed validation: references to them are not reported again.
  const invalid = new Set<string>();
  for (const raw of raws) {
    if (!ID.test(raw.fileId)) {
      problems.push({
        file: raw.file,
        message: `the file name "${raw.fileId}" cannot be an id. Rename the file using lower-case letters, digits and hyphens only.`,
      });
    }
    const { data, problems: own, parsed } = validateEntry(raw);
    problems.push(...own);
    if (!data) {
      invalid.add(`${raw.collection}/${raw.fileId}`);
      continue;
    }
    const id = entryId(raw, data);
    const entry: ValidEntry = { collection: raw.collection, id, file: raw.file, data, links: parsed?.links.map((l) => l.url).filter((u) => u.startsWith('/')) };
    const key = `${raw.collection}/${id}`;
    const clash = byKey.get(key);
    if (clash) {
      // Blame the file whose slug field caused the clash, if one has it.
      const clashHasSlug = typeof clash.entry.data.slug === 'string' && typeof data.slug !== 'string';
      const [culprit, other] = clashHasSlug ? [clash.raw, raw] : [raw, clash.raw];
      const field = clashHasSlug || typeof data.slug === 'string' ? 'slug' : undefined;
      problems.push({
        file: culprit.file,
        line: field ? culprit.lineOf?.(['slug']) : undefined,
        field,
        message: `the id "${id}" is already used by ${other.file}. Each ${raw.collection} entry needs its own ${field ? 'slug' : 'file name'}; ${field ? 'change the slug' : 'rename one of them'}.`,
      });
      continue;
    }
    byKey.set(key, { entry, raw, parsed });
    lookup.set(key, entry);
    entries.push(entry);
  }

  for (const { entry, raw } of byKey.values()) {
    const specs = [...(GOVERNED.has(entry.collection) ? GOVERNED_REFS : []), ...REFERENCE_FIELDS[entry.collection]];
    for (const spec of specs) {
      for (const { value, path } of valuesAt(entry.data, spec.path)) {
        if (typeof value !== 'string') continue;
        const key = spec.into === 'any' ? value : `${spec.into}/${value}`;
        const target = lookup.get(key);
        const field = fieldName(path);
        if (!target && invalid.has(key)) continue; // its own error is already listed
        if (target && !(target.data.status === 'draft' && entry.data.status !== 'draft')) continue; // fine
        // Finding a line parses the file again with positions: only worth it for a problem.
        const line = raw.lineOf?.(path);
        if (!target) {
          const collection = key.split('/')[0] as CollectionName;
          const known = [...lookup.keys()].filter((k) => k.startsWith(`${collection}/`)).map((k) => k.slice(collection.length + 1));
          const hint = known.length
            ? `Known ${collection} ids include: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}.`
            : `There are no ${collection} entries yet.`;
          problems.push({ file: raw.file, line, field, message: `points to "${value}", which does not exist. ${hint}` });
        } else if (target.data.status === 'draft' && entry.data.status !== 'draft') {
          problems.push({
            file: raw.file,
            line,
            field,
            message: `points to "${value}", which is a draft and is never built. Publish ${target.file} first or remove the reference.`,
          });
        }
      }
    }
  }
  const targets = new Map<string, LinkTarget>();
  for (const [key, { entry, parsed }] of byKey) {
    targets.set(key, { collection: entry.collection, id: entry.id, draft: entry.data.status === 'draft', headings: parsed?.headings });
  }
  for (const [key, { entry, raw, parsed }] of byKey) {
    if (!parsed || entry.data.status === 'draft') continue;
    for (const p of checkLinks(parsed.links, key, targets)) problems.push({ file: raw.file, line: p.line, message: p.message });
  }
  return { entries, problems };
}

export { COLLECTIONS };
