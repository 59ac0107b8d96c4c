import type { z } from 'astro/zod';
import { SCHEMAS, COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { INVISIBLE } from '../schemas/governance.ts';
import { parseBody, type ParsedBody } from './body.ts';
import { checkLinks, type LinkTarget } from './check-links.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';
import { aliasClashes } from './search/lexicon.ts';
import { isBuilt, isListed, statusOf } from './visibility.ts';
import type { Status } from '../schemas/vocab.ts';

/** An entry as read from disk, before validation. */
export interface RawEntry {
  collection: CollectionName;
  /** Path relative to the project, for messages. */
  file: string;
  /** The file name without extension. */
  fileId: string;
  /** Absolute path, to resolve relative image links against. */
  path?: string;
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

/** An image under content/, which entries may show. */
export interface ContentAsset {
  /** Path relative to the project, for messages. */
  file: string;
  /** Absolute path, to resolve an entry's relative image links against. */
  path: string;
  /** In a folder or file starting with "_": kept out of the site. */
  hidden: boolean;
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
  data: EntryData;
}

/** An entry's data after its collection's schema accepted it (a status is then one of STATUSES). */
export type EntryData = Record<string, unknown> & { status?: Status; title?: string };

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

/** In a body only direction overrides are refused: zero-width joiners belong in some scripts and emoji. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Fields that name an entry: shown as headings and in search results. */
const NAME_FIELDS = ['title', 'term', 'name'];

/** Every text value in the data, with its path. */
function textsOf(data: unknown, path: PropertyKey[] = []): { text: string; path: PropertyKey[] }[] {
  if (typeof data === 'string') return [{ text: data, path }];
  if (Array.isArray(data)) return data.flatMap((v, i) => textsOf(v, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => textsOf(v, [...path, k]));
  return [];
}

/**
 * Where an entry still holds placeholder text: "TODO" in any field or in the body, as the
 * scaffold (`npm run new`) and the importer write it. Empty required text is refused by the
 * schemas themselves. A published entry with a placeholder is refused by the check.
 */
export function findPlaceholders(data: unknown, body?: string, bodyLine = 1): { field?: string; line?: number; path?: PropertyKey[] }[] {
  const TODO = /\bTODO\b/;
  const found: { field?: string; line?: number; path?: PropertyKey[] }[] = textsOf(data)
    .filter(({ text }) => TODO.test(text))
    .map(({ path }) => ({ field: fieldName(path), path }));
  (body ?? '').split('\n').forEach((text, i) => {
    if (TODO.test(text)) found.push({ line: bodyLine + i });
  });
  return found;
}

/** Rules on every text of an entry: no invisible characters, names that fit a heading, no placeholders once published. */
function checkText(raw: RawEntry, data: EntryData): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { text, path } of textsOf(raw.data)) {
    if (INVISIBLE.test(text)) {
      problems.push({ file: raw.file, line: raw.lineOf?.(path), field: fieldName(path), message: 'contains an invisible control, zero-width or direction-override character. Retype the value.' });
    }
  }
  for (const key of NAME_FIELDS) {
    const value = data[key];
    if (typeof value === 'string' && value.length > MAX_TITLE_LENGTH) {
      problems.push({ file: raw.file, line: raw.lineOf?.([key]), field: key, message: `is ${value.length} characters long; keep it under ${MAX_TITLE_LENGTH} and put the detail in the summary or body.` });
    }
  }
  (raw.body ?? '').split('\n').forEach((text, i) => {
    if (BIDI.test(text)) problems.push({ file: raw.file, line: (raw.bodyLine ?? 1) + i, message: 'contains a direction-override character that can make text read differently from what it says. Retype the line.' });
  });
  if (isListed({ data })) {
    for (const p of findPlaceholders(raw.data, raw.body, raw.bodyLine)) {
      problems.push({
        file: raw.file,
        line: p.line ?? (p.path ? raw.lineOf?.(p.path) : undefined),
        field: p.field,
        message: 'still holds a TODO placeholder and the entry is published. Write the text, or set status: draft until it is ready.',
      });
    }
  }
  return problems;
}

/** Validate one entry against its collection's schema. Returns the parsed data or problems. */
function checkEntry(raw: RawEntry): { data?: EntryData; problems: ContentProblem[]; parsed?: ParsedBody } {
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
  // The schema accepted it: its status, when present, is one of STATUSES.
  const data = result.data as EntryData;
  problems.push(...checkText(raw, data));
  if (raw.body !== undefined && raw.body.trim() === '' && isBuilt({ data })) {
    problems.push({ file: raw.file, message: 'has an empty body. Write the entry below the frontmatter, or set status: draft.' });
  }
  let parsed: ParsedBody | undefined;
  if (raw.body !== undefined) {
    parsed = parseBody(raw.body, { mdx: raw.file.endsWith('.mdx'), firstLine: raw.bodyLine ?? 1 });
    if (parsed.error) problems.push({ file: raw.file, line: parsed.error.line, message: parsed.error.message });
    for (const p of parsed.problems) problems.push({ file: raw.file, line: p.line, message: p.message });
    for (const h of parsed.emptySections) {
      problems.push({ file: raw.file, line: h.line, message: `the section "${h.text}" is empty. Write something under it or remove the heading.` });
    }
  }
  return { data, problems, parsed };
}

/**
 * The check of one entry depends on the entry alone: an entry object read again unchanged
 * (src/node/read-content.ts keeps it while its text is the same, so `astro dev` re-checks only
 * the edited file) is not checked again. Shared through globalThis like that cache.
 */
const VALIDATED = Symbol.for('hub-portal.validated-entries');
const validated = ((globalThis as Record<symbol, unknown>)[VALIDATED] ??= new WeakMap()) as WeakMap<RawEntry, ReturnType<typeof checkEntry>>;
export function validateEntry(raw: RawEntry): ReturnType<typeof checkEntry> {
  let result = validated.get(raw);
  if (!result) validated.set(raw, (result = checkEntry(raw)));
  return result;
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
  start: [{ path: 'path', into: 'paths' }],
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

/** Why an image link cannot be shown, or undefined. Images come from content/, beside the entry. */
function checkImage(url: string, entryPath: string, images: Map<string, ContentAsset>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) {
    return `shows the image "${url.slice(0, 60)}" from outside content/. Save the image beside the entry and write ![what it shows](./name.png).`;
  }
  let target: string;
  try {
    target = decodeURIComponent(new URL(url, `file://${encodeURI(entryPath)}`).pathname);
  } catch {
    return `shows the image "${url.slice(0, 60)}", which is not a valid path. Write ![what it shows](./name.png).`;
  }
  const image = images.get(target);
  if (!image) return `shows the image "${url}", but there is no image file there. Check the name and folder, or add the file (.png, .jpg, .gif, .webp or .avif).`;
  if (image.hidden) return `shows the image "${url}", which is in a place starting with _ and is never published. Move it.`;
  return undefined;
}

type Checked = { entry: ValidEntry; raw: RawEntry };

/**
 * Rules across entries: dates that cannot be true, replacements that loop, one glossary term and
 * one question id per meaning, one guide per phase, one spoke per name.
 */
function checkCorpus(all: Checked[], lookup: Map<string, ValidEntry>, today?: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = ({ raw }: Checked, path: PropertyKey[], message: string) =>
    problems.push({ file: raw.file, line: raw.lineOf?.(path), field: fieldName(path), message });

  for (const item of all) {
    const d = item.entry.data as Record<string, unknown>;
    const last = typeof d.lastReviewed === 'string' ? d.lastReviewed : undefined;
    if (last && today && last > today) at(item, ['lastReviewed'], `is ${last}, after today (${today}). Give the day the owner really reviewed the entry.`);
    if (last && typeof d.nextReview === 'string' && d.nextReview <= last) at(item, ['nextReview'], `is ${d.nextReview}, not after lastReviewed (${last}). Give a later day, or use reviewEvery.`);
    // replacedBy: no entry replaces itself, directly or through a chain.
    if (typeof d.replacedBy === 'string') {
      const self = `${item.entry.collection}/${item.entry.id}`;
      const seen = new Set([self]);
      let next: string | undefined = d.replacedBy;
      while (next && !seen.has(next)) {
        seen.add(next);
        const r: unknown = lookup.get(next)?.data.replacedBy;
        next = typeof r === 'string' ? r : undefined;
      }
      if (next === self) at(item, ['replacedBy'], d.replacedBy === self ? 'points to the entry itself. Name the entry that replaces this one.' : `leads back to this entry through ${[...seen].slice(1).join(' -> ')}. Point to an entry that is not withdrawn.`);
      else {
        const target = lookup.get(d.replacedBy);
        if (target && !isListed(target)) at(item, ['replacedBy'], `points to "${d.replacedBy}", which is ${statusOf(target)}. Point to a published entry.`);
      }
    }
  }

  const firstBy = new Map<string, Checked>();
  const once = (key: string, item: Checked, path: PropertyKey[], message: (other: Checked) => string) => {
    const other = firstBy.get(key);
    if (other) at(item, path, message(other));
    else firstBy.set(key, item);
  };
  const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
  for (const item of all) {
    const { collection, data } = item.entry;
    if (!isBuilt(item.entry)) continue;
    if (collection === 'glossary') {
      // Aliases that clash are reported by aliasClashes (search/lexicon.ts); here, the same term twice.
      const term = data.term;
      if (typeof term === 'string') once(`term:${fold(term)}`, item, ['term'], (o) => `"${term}" is already defined in ${o.raw.file}. Keep one definition and link to it.`);
    }
    if (collection === 'phases' && typeof data.phase === 'number') {
      once(`phase:${data.phase}`, item, ['phase'], (o) => `phase ${data.phase} already has a guide: ${o.raw.file}. Each phase has one guide; merge them or withdraw one.`);
    }
    if (collection === 'spokes' && typeof data.name === 'string') {
      once(`spoke:${fold(data.name)}`, item, ['name'], (o) => `"${data.name}" is the name of ${o.raw.file} too. Give each spoke its own name.`);
    }
    if (collection === 'start' && typeof data.path === 'string' && typeof data.phase === 'number') {
      // The start page and its path must recommend the same phase guide, or the two pages disagree.
      const steps = (lookup.get(`paths/${data.path}`)?.data.steps as { entry?: unknown }[] | undefined) ?? [];
      const guides = steps.map((st) => (typeof st.entry === 'string' && st.entry.startsWith('phases/') ? lookup.get(st.entry) : undefined)).filter((g) => g !== undefined);
      const other = guides.find((g) => g.data.phase !== data.phase);
      if (other && !guides.some((g) => g.data.phase === data.phase)) {
        at(item, ['phase'], `is ${data.phase}, but the path "${data.path}" leads through the phase ${String(other.data.phase)} guide (${other.file}). Name the same phase, or change the path's step.`);
      }
    }
    if (collection === 'assessment') {
      ((data.questions as { id?: unknown }[] | undefined) ?? []).forEach((q, i) => {
        if (typeof q.id === 'string') once(`question:${q.id}`, item, ['questions', i, 'id'], (o) => `the question id "${q.id}" is already used in ${o.raw.file}; one answer would count for both. Give this question its own id.`);
      });
    }
  }

  return problems;
}

/** The entry id Astro will use: the slug field if given, else the file name. */
export function entryId(raw: RawEntry, data: Record<string, unknown> | undefined): string {
  return typeof data?.slug === 'string' ? data.slug : raw.fileId;
}

/**
 * Validate a whole corpus: every schema, unique ids and slugs, and every reference, including
 * path steps and related entries, which must point at an entry that exists and is not a draft.
 */
export function validateContent(
  raws: RawEntry[],
  { assets, today, publicFiles }: { assets?: ContentAsset[]; today?: string; publicFiles?: Set<string> } = {},
): { entries: ValidEntry[]; problems: ContentProblem[] } {
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
        const toDraft = target !== undefined && !isBuilt(target) && isBuilt(entry);
        // A published page must not send readers to a withdrawn entry (paths, related, owner, assessment…).
        const toWithdrawn = target !== undefined && statusOf(target) === 'withdrawn' && isListed(entry);
        if (target && !toDraft && !toWithdrawn) continue; // fine
        // Finding a line parses the file again with positions: only worth it for a problem.
        const line = raw.lineOf?.(path);
        if (!target) {
          const collection = key.split('/')[0] as CollectionName;
          const known = [...lookup.keys()].filter((k) => k.startsWith(`${collection}/`)).map((k) => k.slice(collection.length + 1));
          const hint = known.length
            ? `Known ${collection} ids include: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}.`
            : `There are no ${collection} entries yet.`;
          problems.push({ file: raw.file, line, field, message: `points to "${value}", which does not exist. ${hint}` });
        } else if (!isBuilt(target) && isBuilt(entry)) {
          problems.push({
            file: raw.file,
            line,
            field,
            message: `points to "${value}", which is a draft and is never built. Publish ${target.file} first or remove the reference.`,
          });
        } else {
          const instead = typeof target.data.replacedBy === 'string' ? ` Point to ${target.data.replacedBy}, which replaces it, or remove it.` : ' Remove it, or point to another entry.';
          problems.push({ file: raw.file, line, field, message: `points to "${value}", which is withdrawn.${instead}` });
        }
      }
    }
  }
  problems.push(...checkCorpus([...byKey.values()], lookup, today));
  if (assets) {
    const images = new Map(assets.map((a) => [a.path, a]));
    for (const { raw, parsed } of byKey.values()) {
      for (const image of parsed?.images ?? []) {
        const message = checkImage(image.url, raw.path ?? raw.file, images);
        if (message) problems.push({ file: raw.file, line: image.line, message });
      }
    }
  }
  if (publicFiles) {
    // Links to files (a path ending in .pdf, .png…) must reach a file the site serves from public/.
    for (const { raw, parsed } of byKey.values()) {
      for (const link of parsed?.links ?? []) {
        const path = link.url.split(/[?#]/)[0] ?? '';
        if (!path.startsWith('/') || path.startsWith('//') || !/\.[a-z0-9]+$/i.test(path) || publicFiles.has(decodeURI(path))) continue;
        problems.push({ file: raw.file, line: link.line, message: `links to "${link.url}", but the site has no such file. Check the name, or ask the hub to add the file to public/.` });
      }
    }
  }
  const targets = new Map<string, LinkTarget>();
  for (const [key, { entry, parsed }] of byKey) {
    targets.set(key, { collection: entry.collection, id: entry.id, draft: !isBuilt(entry), headings: parsed?.headings });
  }
  for (const [key, { entry, raw, parsed }] of byKey) {
    if (!parsed || !isBuilt(entry)) continue;
    for (const p of checkLinks(parsed.links, key, targets)) problems.push({ file: raw.file, line: p.line, message: p.message });
  }
  const glossary = [...byKey.values()].filter(({ entry }) => entry.collection === 'glossary' && isBuilt(entry));
  problems.push(
    ...aliasClashes(glossary.map(({ entry, raw }) => ({ file: raw.file, term: String(entry.data.term), aliases: entry.data.aliases as string[], aliasLine: (i) => raw.lineOf?.(['aliases', i]) }))),
  );
  return { entries, problems };
}

export { COLLECTIONS };
