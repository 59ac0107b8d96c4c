/**
 * Front matter: splitting it off (YAML `---` or Hugo TOML `+++`), mapping other sites' field names
 * onto the portal's governance and collection fields, filling what is missing with values that
 * pass validation (TODO text, defaults, existing ids) and writing it back as commented YAML.
 *
 * Nothing is dropped silently: every source field that is not mapped is listed in the notes and
 * kept as a comment at the top of the front matter.
 */
import { Document, isMap, isScalar, isSeq, parse as parseYaml, type Pair, type Scalar } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { SCHEMAS } from '../../schemas/index.ts';
import { isCalendarDay } from '../../schemas/dates.ts';
import type { DocCollection } from '../../schemas/vocab.ts';
import type { ImportOptions, Note } from './types.ts';
import { decodeEntities } from './html-parse.ts';

/** Character references in front matter values (`&#8217;`, `&amp;`) as the characters they stand for. */
function decodeDeep(value: unknown): unknown {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) return value.map(decodeDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeDeep(v)]));
  return value;
}

export interface SplitFrontmatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the source file where the body starts. */
  bodyLine: number;
  format: 'yaml' | 'toml' | 'none';
  /** Set when the front matter could not be parsed; its text is in `raw`. */
  error?: string;
  raw?: string;
}

export function splitFrontmatter(input: string): SplitFrontmatter {
  const text = input.replace(/^\uFEFF/, '');
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const toml = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n?\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  const match = yaml ?? toml;
  if (!match) return { data: {}, body: text, bodyLine: 1, format: 'none' };
  const raw = match[1] ?? '';
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  const format = yaml ? 'yaml' : 'toml';
  try {
    const data: unknown = yaml ? parseYaml(raw, { uniqueKeys: false }) : parseToml(raw);
    if (data === null || data === undefined) return { data: {}, body, bodyLine, format };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, body, bodyLine, format, error: 'the front matter is not a list of fields', raw };
    return { data: decodeDeep(data) as Record<string, unknown>, body, bodyLine, format };
  } catch (cause) {
    return { data: {}, body, bodyLine, format, error: (cause as Error).message.split('\n')[0] ?? 'unreadable', raw };
  }
}

const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');

const TITLE_KEYS = ['title', 'pagetitle', 'heading'];
const SUMMARY_KEYS = ['summary', 'description', 'excerpt', 'abstract', 'lead', 'teaser', 'metadescription', 'seodescription', 'intro'];
const TAG_KEYS = ['tags', 'keywords', 'categories', 'category', 'topics', 'labels', 'tag', 'keyword'];
const DATE_KEYS = ['lastreviewed', 'lastreviewedon', 'lastmodified', 'lastmodifiedat', 'lastmod', 'updated', 'lastupdated', 'lastupdate', 'modified', 'updatedat', 'modifieddate', 'date', 'publishdate', 'pubdate', 'created', 'createdat', 'published'];
const AUTHOR_KEYS = ['author', 'authors', 'by', 'creator', 'maintainer', 'maintainers', 'contributors', 'owner', 'owners', 'team', 'lastupdatedby', 'lastmodifiedby'];
/** Other names of schema fields, by schema field. */
const ALIASES: Record<string, string[]> = {
  audiences: ['audience', 'audiences', 'persona', 'personas', 'readers'],
  goal: ['goal', 'objective', 'purpose', 'outcome', 'aim'],
  whenToUse: ['whentouse', 'usewhen', 'when'],
  timeNeeded: ['timeneeded', 'time', 'duration', 'estimatedtime', 'timerequired', 'effort', 'timetocomplete'],
  prerequisites: ['prerequisites', 'prereqs', 'requirements', 'beforeyoubegin'],
  related: ['related', 'seealso'],
  nextReview: ['nextreview', 'reviewby', 'reviewdate', 'reviewon'],
  reviewEvery: ['reviewevery', 'reviewmonths', 'reviewinterval', 'reviewin'],
};

type Shape = Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
const shapeOf = (collection: DocCollection) => (SCHEMAS[collection] as unknown as { shape: Shape }).shape;

/** A day as YYYY-MM-DD from the many ways sites write dates, or undefined. */
export function toDay(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null) {
    const inner = (value as Record<string, unknown>).date ?? (value as Record<string, unknown>).at;
    return inner === undefined ? undefined : toDay(inner);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso && isCalendarDay(iso[1]!)) return iso[1];
  if (/^\d{4}$/.test(text)) return undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const y = parsed.getFullYear();
  const day = `${y}-${String(parsed.getMonth() + 1).padStart(2, '0')}-${String(parsed.getDate()).padStart(2, '0')}`;
  return isCalendarDay(day) ? day : undefined;
}

const oneLine = (value: unknown): string => {
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return (text ?? String(value)).replace(/\s+/g, ' ').trim();
};

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(asList);
  if (value === null || value === undefined || value === '') return [];
  if (typeof value === 'object') return Object.keys(value as object);
  return String(value).split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean);
}

export function trimSummary(text: string, max = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface FieldInputs {
  frontmatter: Record<string, unknown>;
  /** The title found in the body (first h1) and the file name, as fallbacks. */
  h1?: string;
  fileTitle: string;
  firstParagraph?: string;
  /** Tags found in the body (wiki categories). */
  bodyTags?: string[];
  /** Import as withdrawn, for this reason (an expired or redirect-only source, with --include-expired). */
  withdrawn?: string;
  /** The front matter could not be read: its raw text, for the notes. */
  unreadable?: { error: string; raw: string };
  source: string;
}

export interface MappedFields {
  data: Record<string, unknown>;
  /** A comment after a field's value, marking placeholders. */
  comments: Record<string, string>;
  /** Lines for the comment block at the top of the front matter. */
  header: string[];
  notes: Note[];
  todo: string[];
  /** Which title source was used, so the caller can remove the h1. */
  titleFrom: 'frontmatter' | 'h1' | 'filename';
}

const TODO = {
  summary: 'TODO: one or two sentences for lists and search results.',
};

/** Defaults for a collection's own required fields: value, comment and checklist line. */
function collectionDefaults(collection: DocCollection, opts: ImportOptions): { key: string; value: unknown; comment: string; todo: string }[] {
  const known = opts.known ?? {};
  const policy = known.policy?.includes('criticism-and-escalation') ? 'criticism-and-escalation' : known.policy?.[0] ?? 'criticism-and-escalation';
  const spoke = known.spokes?.[0] ?? 'social-hub';
  const write = (key: string, value: unknown, what: string) => ({ key, value, comment: 'TODO', todo: `${key}: write ${what} (now "TODO").` });
  const check = (key: string, value: unknown, what: string) => ({ key, value, comment: `TODO: placeholder, ${what}`, todo: `${key}: placeholder ${JSON.stringify(value)}; ${what}.` });
  switch (collection) {
    case 'playbooks':
      return [
        write('goal', 'TODO: say what the reader will have achieved.', 'what the reader will have achieved'),
        write('whenToUse', 'TODO: say when to use this playbook.', 'the situation that calls for this playbook'),
        write('timeNeeded', 'TODO: estimate the time needed, e.g. 2 hours.', 'an honest time estimate, e.g. "2 hours"'),
        check('phases', [2], 'set the adoption phases (1 to 4) the playbook suits'),
        check('channels', ['all-channels'], 'set the channels (linkedin, x, facebook, instagram, youtube, tiktok, blog, communities, messaging, all-channels)'),
      ];
    case 'protocols':
      return [
        check('policySection', policy, 'set the policy chapter this protocol serves (an id from content/policy)'),
        check('consultedBy', ['practitioner'], 'set who consults the protocol (pr, hr, customer-service, legal, ...)'),
        write('firstHour', ['TODO: list what to do in the first hour.'], 'what to do in the first hour, one step per line'),
      ];
    case 'policy':
      return [
        check('order', 99, 'set the chapter position in the policy'),
        check('version', '1.0', 'set the version this import becomes'),
        check('effective', opts.today, 'set the day this version takes effect'),
        write('changes', [{ date: opts.today, type: 'major', note: 'TODO: say what this version changed for readers.' }], 'the change note of the version that makes the chapter effective'),
      ];
    case 'phases':
      return [
        check('phase', 2, 'set the phase (1 to 4) this guide describes'),
        write('name', 'TODO: the phase\'s short name.', 'the phase\'s short name'),
        write('signs', ['TODO: a sign an organisation can check to recognise the phase.'], 'the signs of the phase'),
        write('nextMoves', ['TODO: a move that takes an organisation to the next phase.'], 'the moves to the next phase'),
      ];
    case 'case-studies':
      return [
        check('spoke', spoke, 'set the spoke the story is about (an id from content/spokes)'),
        check('phase', 2, 'set the phase (1 to 4) the spoke was in'),
        write('situation', 'TODO: the starting situation, in a sentence or two.', 'the starting situation'),
        write('actions', ['TODO: what was done.'], 'what was done, step by step'),
        write('outcomes', [{ label: 'TODO: what was measured', before: 0, after: 0, unit: 'TODO: unit' }], 'measured outcomes with real numbers (label, before, after, unit)'),
        write('lessons', ['TODO: what others should take away.'], 'at least one lesson'),
      ];
  }
}

export function mapFields(input: FieldInputs, opts: ImportOptions): MappedFields {
  const { collection } = opts;
  const shape = shapeOf(collection);
  const notes: Note[] = [];
  const todo: string[] = [];
  const comments: Record<string, string> = {};
  const header: string[] = [`Imported from ${input.source} on ${opts.today} by npm run import.`];
  const used = new Set<string>();
  const src = input.frontmatter;
  const keys = Object.keys(src);
  const note = (message: string) => notes.push({ kind: 'field', message });
  const unmapped: string[] = [];
  /** Source keys whose normalised name is in `names`, in source order. */
  const pick = (names: string[]) => keys.filter((k) => names.includes(norm(k)) && !used.has(k));
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

  if (input.unreadable) {
    note(`the front matter could not be read (${input.unreadable.error}); its text was kept here and in the comment at the top: ${oneLine(input.unreadable.raw)}`);
    header.push('The source front matter could not be read; it was:', ...input.unreadable.raw.split('\n').map((l) => `  ${l}`));
  }

  // Title.
  let title = '';
  let titleFrom: MappedFields['titleFrom'] = 'filename';
  for (const k of pick(TITLE_KEYS)) {
    if (!title && str(src[k])) {
      title = str(src[k]);
      titleFrom = 'frontmatter';
      used.add(k);
    }
  }
  if (!title && input.h1) {
    title = input.h1;
    titleFrom = 'h1';
  }
  if (!title) {
    title = input.fileTitle;
    todo.push(`title: made from the file name ("${title}"); write a real title.`);
    comments.title = 'TODO: made from the file name';
  }

  // Summary.
  let summary = '';
  for (const k of pick(SUMMARY_KEYS)) {
    const v = str(src[k]);
    if (!v) continue;
    used.add(k);
    if (!summary) {
      summary = trimSummary(v, 320);
      if (summary !== v.replace(/\s+/g, ' ').trim()) note(`${k} was longer than 320 characters and was shortened for summary; the full text was: ${v}`);
      if (norm(k) !== 'summary') note(`${k} became summary.`);
    } else note(`${k} was not used (summary came from another field): ${oneLine(src[k])}`);
  }
  if (!summary && input.firstParagraph) {
    summary = trimSummary(input.firstParagraph);
    todo.push('summary: taken from the first paragraph; check that it reads as a summary.');
  }
  if (!summary) {
    summary = TODO.summary;
    todo.push('summary: write one or two sentences (now "TODO").');
    comments.summary = 'TODO';
  }

  // Owner: a team id, never a person.
  const teams = opts.known?.teams ?? [];
  let owner = opts.owner;
  for (const k of pick(AUTHOR_KEYS)) {
    used.add(k);
    const value = oneLine(src[k]);
    if (!owner && ['owner', 'team', 'owners'].includes(norm(k)) && teams.includes(str(src[k]))) {
      owner = str(src[k]);
      note(`${k}: "${value}" is a portal team and became owner.`);
      continue;
    }
    note(`${k}: ${value} (kept as a note: owner must be a team, not a person).`);
    header.push(`${k}: ${value}`);
  }
  if (!owner) {
    owner = teams.includes('hub-editorial') ? 'hub-editorial' : teams[0] ?? 'hub-editorial';
    comments.owner = 'TODO: placeholder, set the owning team';
    todo.push(`owner: placeholder "${owner}"; set the team that owns this entry (--owner, or an id from content/teams).`);
  }

  // Status.
  let draft = !opts.publish;
  for (const k of pick(['draft', 'published', 'status', 'hidden', 'unlisted', 'private'])) {
    const v = src[k];
    const n = norm(k);
    used.add(k);
    if (n === 'draft' && (v === true || v === 'true')) {
      if (opts.publish) note(`${k}: true in the source, so the entry stays a draft despite --publish.`);
      draft = true;
    } else if (n === 'published' && (v === false || v === 'false')) {
      if (opts.publish) note(`${k}: false in the source, so the entry stays a draft despite --publish.`);
      draft = true;
    } else if (n === 'published' && toDay(v)) {
      used.delete(k); // a publication date: handled with the dates
    } else if (n === 'status' && typeof v === 'string' && ['draft', 'published', 'withdrawn'].includes(v.toLowerCase())) {
      if (v.toLowerCase() === 'draft') draft = true;
      if (v.toLowerCase() === 'withdrawn') note(`status: withdrawn in the source; imported as ${draft ? 'draft' : 'published'}. Withdraw it by hand if it is still obsolete (and set replacedBy).`);
    } else if (!(n === 'draft' && (v === false || v === 'false')) && !(n === 'published' && (v === true || v === 'true'))) {
      note(`${k}: ${oneLine(v)} has no equivalent; the entry is ${draft ? 'a draft' : 'published'}.`);
      header.push(`${k}: ${oneLine(v)}`);
    }
  }
  const status = input.withdrawn ? 'withdrawn' : draft ? 'draft' : 'published';
  if (input.withdrawn) {
    note(`imported as withdrawn: the source ${input.withdrawn}`);
    todo.push('status: withdrawn; set replacedBy to the entry that replaces it, or delete the file if nothing should.');
  } else if (draft) todo.push('status: draft; set it to published when every TODO is done and the owner has reviewed the entry.');

  // Dates: the most recent becomes lastReviewed.
  const dates = pick(DATE_KEYS)
    .map((k) => ({ k, day: toDay(src[k]) }))
    .filter((d): d is { k: string; day: string } => d.day !== undefined);
  for (const d of dates) used.add(d.k);
  const newest = [...dates].sort((a, b) => b.day.localeCompare(a.day))[0];
  let lastReviewed = opts.today;
  if (newest && newest.day <= opts.today) {
    lastReviewed = newest.day;
    note(`${newest.k} (${newest.day}) became lastReviewed.`);
    todo.push(`lastReviewed: ${newest.day} is when the source was last changed; set today's date once the owner has reviewed the entry.`);
  } else {
    if (newest) note(`${newest.k} (${newest.day}) is in the future; lastReviewed is today instead.`);
    todo.push(`lastReviewed: set to today (${opts.today}); the source had no usable date.`);
  }
  for (const d of dates) if (d !== newest) note(`${d.k}: ${d.day} (an older date; lastReviewed uses the newest).`);

  // Tags.
  const tags: string[] = [];
  for (const k of pick(TAG_KEYS)) {
    used.add(k);
    for (const t of asList(src[k])) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
    if (norm(k) !== 'tags' && asList(src[k]).length) note(`${k} became tags.`);
  }
  for (const t of input.bodyTags ?? []) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
  if (!tags.length) todo.push('tags: add the words readers will search for.');

  // Fields with the portal's own names (or close aliases), checked against the real schema.
  const direct: Record<string, unknown> = {};
  for (const field of Object.keys(shape)) {
    if (['title', 'summary', 'owner', 'status', 'lastReviewed', 'tags', 'slug', 'replacedBy'].includes(field)) continue;
    const names = ALIASES[field] ?? [norm(field)];
    for (const k of pick([...names, norm(field)])) {
      used.add(k);
      let value = src[k];
      const schema = shape[field]!;
      // GOV.UK tech docs write the review interval as "6 months" or "1 year".
      const interval = field === 'reviewEvery' && typeof value === 'string' ? /^(\d+)\s*(month|year)s?$/i.exec(value.trim()) : null;
      if (interval) value = Number(interval[1]) * (interval[2]!.toLowerCase() === 'year' ? 12 : 1);
      if (!schema.safeParse(value).success && !Array.isArray(value) && value !== undefined && schema.safeParse([value]).success) value = [value];
      if (schema.safeParse(value).success && direct[field] === undefined) {
        direct[field] = value;
        if (k !== field) note(`${k} became ${field}.`);
      } else {
        note(`${k}: ${oneLine(src[k])} does not fit ${field}; it was not used.`);
        header.push(`${k}: ${oneLine(src[k])}`);
      }
    }
  }

  // Everything else: listed, never dropped.
  for (const k of keys) {
    if (used.has(k)) continue;
    unmapped.push(k);
    note(`${k}: ${oneLine(src[k])} (no equivalent in the portal; not imported).`);
    header.push(`${k}: ${oneLine(src[k])}`);
  }
  if (header.length > 1 && !input.unreadable) header.splice(1, 0, 'Source fields with no portal equivalent:');

  // Assemble in the order the portal's entries use.
  const data: Record<string, unknown> = { title, summary, owner, audiences: direct.audiences, status, lastReviewed };
  if (!direct.audiences) {
    data.audiences = ['practitioner'];
    comments.audiences = 'TODO: placeholder, set who the entry is for';
    todo.push('audiences: placeholder [practitioner]; set who the entry is for (practitioner, spoke-lead, sme, pr, hr, customer-service, legal, exec).');
  }
  if (direct.nextReview !== undefined && direct.reviewEvery === undefined) data.nextReview = direct.nextReview;
  else {
    data.reviewEvery = direct.reviewEvery ?? 12;
    if (direct.reviewEvery === undefined) comments.reviewEvery = 'months; TODO: check';
  }
  data.tags = tags;
  data.related = direct.related ?? [];
  if (!(direct.related as unknown[] | undefined)?.length) {
    comments.related = 'TODO: 2 to 6 entries as collection/id';
    todo.push('related: add 2 to 6 related entries as collection/id (published entries need them).');
  }
  if (direct.changes !== undefined) data.changes = direct.changes;
  for (const d of collectionDefaults(collection, opts)) {
    if (direct[d.key] !== undefined && d.key !== 'changes') continue;
    if (d.key === 'changes' && Array.isArray(direct.changes) && (direct.changes as { type?: string }[]).some((c) => c.type === 'major')) continue;
    data[d.key] = d.key === 'changes' && Array.isArray(direct.changes) ? [...(direct.changes as unknown[]), ...(d.value as unknown[])] : d.value;
    comments[d.key] = d.comment;
    todo.push(d.todo);
  }
  for (const field of Object.keys(shape)) {
    if (data[field] === undefined && direct[field] !== undefined) data[field] = direct[field];
  }
  return { data, comments, header, notes, todo, titleFrom };
}

/** The front matter as YAML: scalar lists in flow style, placeholder comments, a header comment. */
export function frontmatterYaml(data: Record<string, unknown>, comments: Record<string, string>, header: string[]): string {
  const doc = new Document(data);
  doc.commentBefore = header.map((l) => ` ${l.replace(/\n/g, ' ')}`).join('\n');
  const map = doc.contents;
  if (isMap(map)) {
    for (const pair of map.items as Pair<Scalar, unknown>[]) {
      const key = String(pair.key.value);
      const value = pair.value;
      if (isSeq(value) && value.items.every((i) => isScalar(i))) value.flow = true;
      const comment = comments[key];
      if (comment && (isScalar(value) || (isSeq(value) && value.flow))) (value as Scalar).comment = ` ${comment}`;
      else if (comment && value && typeof value === 'object') (pair.key as Scalar).commentBefore = ` ${comment}`;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
