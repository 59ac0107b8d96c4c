/**
 * The importer's pipeline, pure (no file system): source files in, entry files out.
 *
 *   front matter   split, mapped to the portal's fields, gaps filled (fields.ts)
 *   templates      containers and template tags made safe before parsing (templates.ts)
 *   parse          remark + GFM
 *   tree           callouts, raw HTML, attribute lists, tokens back as text (tree.ts, html.ts)
 *   title          front matter title or first h1 (then removed), headings demoted if h1s remain
 *   links          batch-aware rewriting (links.ts), after every file's headings are known
 *   output         .mdx when a Callout is needed, else .md; serialised, re-parsed and compared
 *                  with the source text, so nothing is lost silently (text-units.ts)
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { parseBody } from '../body.ts';
import { importedHeadingId } from './html.ts';
import { prepass, restoreTokens, withoutAsides, type PrepassResult } from './templates.ts';
import { applyAlerts, applyAttributeLists, applyCallouts, applyHtml, applyWikiLinks, contains, htmlToMdx, jsxToHtml, restoreAll } from './tree.ts';
import { frontmatterYaml, mapFields, splitFrontmatter, type MappedFields, type SplitFrontmatter } from './fields.ts';
import { rewriteLinks, routeOf, type Batch, type BatchFile } from './links.ts';
import { planIds } from './ids.ts';
import { lifecycleOf, skipReason, textProblem } from './gate.ts';
import { missingUnits, plain, sourceLineOf, textUnits, words, type LostUnit } from './text-units.ts';
import type { Asset, ImportOptions, ImportResult, Note, SourceFile } from './types.ts';

const mdParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

const SERIALIZE: ToMarkdownOptions = { bullet: '-', rule: '-', listItemIndent: 'one', fences: true, incrementListMarker: true, tightDefinitions: true };

interface Working {
  file: SourceFile;
  id: string;
  tree: Root;
  notes: Note[];
  fields: MappedFields;
  before: string[];
  droppedAttrs: DroppedAttrs;
  batchFile: BatchFile;
  /** Source file line of a line of the parsed text (1-based in, 1-based out), so notes point into the file. */
  sourceLine: (line: number | undefined) => number | undefined;
  /** Images found beside the sources, to copy (filled in by the link pass). */
  assets: Asset[];
  error?: string;
}

const isCallout = (n: RootContent) => n.type === 'mdxJsxFlowElement' && n.name === 'Callout';

/** Convert a batch of source files into entries of one collection. */
export function importBatch(files: SourceFile[], opts: ImportOptions): ImportResult[] {
  const ids = planIds(files.map((f) => f.path));
  const working: Working[] = [];
  const results: ImportResult[] = [];

  for (const file of files) {
    const { id, wanted } = ids.get(file.path)!;
    const gate = admit(file, opts);
    if (gate.error || gate.skipped) {
      results.push({ ...emptyResult(file, id), ...gate });
      continue;
    }
    try {
      const w = prepare(file, id, opts, gate.withdrawn);
      if (id !== wanted) w.notes.push({ kind: 'structure', message: `another file of this import also makes the id "${wanted}", so this one is "${id}".` });
      working.push(w);
    } catch (cause) {
      results.push(failed(file, id, cause));
    }
  }

  const batch: Batch = {
    collection: opts.collection,
    files: working.map((w) => w.batchFile),
    existing: new Set(opts.known?.entries ?? []),
    siteUrls: (opts.siteUrls ?? []).map((u) => u.replace(/\/+$/, '')),
    others: opts.files ?? [],
  };
  for (const w of working) {
    try {
      rewriteLinks(w.tree, {
        batch,
        self: w.batchFile,
        note: (kind, message, line) => w.notes.push({ kind, message, line: w.sourceLine(line) }),
        asset: (a) => w.assets.push(a),
      });
      results.push(finish(w));
    } catch (cause) {
      results.push(failed(w.file, w.id, cause));
    }
  }
  const order = new Map(files.map((f, i) => [f.path, i]));
  return results.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
}

function emptyResult(file: SourceFile, id: string): ImportResult {
  return { source: file.path, id, extension: '.md', text: '', data: {}, notes: [], todo: [], lost: [], units: 0, assets: [] };
}

function failed(file: SourceFile, id: string, cause: unknown): ImportResult {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { ...emptyResult(file, id), error: `could not be converted: ${message}` };
}

/** Whether a source is imported: refused (not text), skipped (expired, redirect-only) or imported as withdrawn. */
function admit(file: SourceFile, opts: ImportOptions): { error?: string; skipped?: string; withdrawn?: string } {
  const problem = textProblem(file.text);
  if (problem) return { error: problem };
  const reason = skipReason(lifecycleOf(splitFrontmatter(file.text).data, opts.today));
  if (!reason) return {};
  return opts.includeExpired ? { withdrawn: reason } : { skipped: reason };
}

type DroppedAttrs = Map<string, { count: number; elements: Set<string> }>;

/** Parse one source and run every pass that needs only the file itself (links wait for the batch). */
function prepare(file: SourceFile, id: string, opts: ImportOptions, withdrawn?: string): Working {
  const notes: Note[] = [];
  const split = splitFrontmatter(file.text);
  const pre = prepass(split.body, { firstLine: split.bodyLine, frontmatter: split.data, mdxSource: /\.mdx$/i.test(file.path) });
  notes.push(...pre.notes);
  const tree = mdParser.parse(pre.text) as Root;
  const sourceLine = (line: number | undefined) => (line === undefined ? undefined : pre.lineMap[line - 1] ?? line + split.bodyLine - 1);
  const note = (kind: Note['kind']) => (message: string, line?: number) => notes.push({ kind, message, line: sourceLine(line) });

  const before = referenceUnits(tree, pre);
  const droppedAttrs: DroppedAttrs = new Map();
  const customIds = convertTree(tree, pre, notes, note, droppedAttrs);
  const fields = takeTitleAndFields(tree, { file, id, split, pre, withdrawn, notes }, opts);
  const headings = demoteHeadings(tree, notes);
  const { slugs, anchors } = headingAnchors(headings, customIds);
  const routes = routesOf(file.path, split.data);
  return { file, id, tree, notes, fields, before, droppedAttrs, sourceLine, assets: [], batchFile: { source: file.path, id, routes, anchors, slugs } };
}

/** What the source says, with template tags as they were written: the text units the draft must hold. */
function referenceUnits(tree: Root, pre: PrepassResult): string[] {
  const reference = structuredClone(tree);
  restoreAll(reference, pre.tokens, pre.markers, () => {}, true);
  applyAlerts(reference, () => {});
  applyAttributeLists(reference, () => {});
  applyWikiLinks(reference);
  return textUnits(reference);
}

/** The Markdown passes: callouts, alerts, raw HTML, attribute lists, template tokens, wiki links. Returns custom heading ids. */
function convertTree(tree: Root, pre: PrepassResult, notes: Note[], note: (kind: Note['kind']) => (message: string, line?: number) => void, droppedAttrs: DroppedAttrs): Map<Heading, string> {
  applyCallouts(tree, pre.markers, (m, line) => notes.push({ kind: 'structure', message: m, line }));
  applyAlerts(tree, note('structure'));
  applyHtml(tree, {
    note: (message) => notes.push({ kind: 'html', message }),
    dropped: (attr, element, value) => {
      if (value?.trim() && ['title', 'alt', 'aria-label', 'label', 'summary', 'placeholder'].includes(attr)) {
        notes.push({ kind: 'html', message: `dropped ${attr}="${value.trim()}" from an HTML <${element}>.` });
      }
      const entry = droppedAttrs.get(attr) ?? { count: 0, elements: new Set<string>() };
      entry.count++;
      entry.elements.add(element);
      droppedAttrs.set(attr, entry);
    },
    parseMarkdown: (text) => (mdParser.parse(text) as Root).children,
  });
  const customIds = applyAttributeLists(tree, note('structure'));
  keepHtmlHeadingIds(tree, customIds);
  restoreAll(tree, pre.tokens, pre.markers, note('template'), false, pre.todos);
  applyWikiLinks(tree);
  return customIds;
}

/** The first paragraph that reads like a summary: not a byline, not a to-do, at least four words. */
function summaryCandidate(tree: Root): string | undefined {
  for (const n of tree.children) {
    if (n.type !== 'paragraph') continue;
    const text = toString(n).replace(/\s+/g, ' ').trim();
    // Export bylines ("Created by Hub Editorial, last modified on Mar 03, 2025") are not summaries.
    if (/^(created|last (modified|updated)|added|posted) by\b/i.test(text)) continue;
    if (text.startsWith('TODO:')) continue;
    if (words(text).split(' ').length >= 4) return text;
  }
  return undefined;
}

/** Title (front matter, else the first h1, which then leaves the body, else the file name) and every other field. */
function takeTitleAndFields(
  tree: Root,
  src: { file: SourceFile; id: string; split: SplitFrontmatter; pre: PrepassResult; withdrawn?: string; notes: Note[] },
  opts: ImportOptions,
): MappedFields {
  const { file, id, split, pre, withdrawn, notes } = src;
  const firstH1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const h1Text = firstH1 ? toString(firstH1).trim() : undefined;
  const fileTitle = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  // The summary must not be the h1 about to be removed: decide the title first.
  const probe = mapFields({ frontmatter: split.data, h1: h1Text, fileTitle, source: file.path }, opts);
  if (firstH1 && (probe.titleFrom === 'h1' || (tree.children[0] === firstH1 && words(h1Text ?? '') === words(String(probe.data.title))))) {
    tree.children.splice(tree.children.indexOf(firstH1), 1);
  }
  const fields = mapFields(
    {
      frontmatter: split.data,
      h1: h1Text,
      fileTitle,
      firstParagraph: summaryCandidate(tree),
      source: file.path,
      bodyTags: pre.categories,
      withdrawn,
      unreadable: split.error ? { error: split.error, raw: split.raw ?? '' } : undefined,
    },
    opts,
  );
  if (split.format === 'toml') notes.push({ kind: 'field', message: 'the front matter was TOML (+++); it was converted to YAML.' });
  if (fields.titleFrom === 'h1') notes.push({ kind: 'field', message: `the first heading "${h1Text}" became the title and was removed from the body.` });
  return fields;
}

/** The page shows the title as its only h1: when the body has h1s too, every heading moves down a level. */
function demoteHeadings(tree: Root, notes: Note[]): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'heading', (h: Heading) => {
    headings.push(h);
  });
  if (headings.some((h) => h.depth === 1)) {
    for (const h of headings) h.depth = Math.min(6, h.depth + 1) as Heading['depth'];
    notes.push({ kind: 'structure', message: 'the body had level-1 headings besides the title: every heading moved down one level.' });
  }
  return headings;
}

/** Heading slugs as the portal makes them, and the custom ids ({#id}, <h2 id>) that pointed at them. */
function headingAnchors(headings: Heading[], customIds: Map<Heading, string>): { slugs: Set<string>; anchors: Map<string, string> } {
  const slugger = new GithubSlugger();
  const slugs = new Set<string>();
  const anchors = new Map<string, string>();
  for (const h of headings) {
    const slug = slugger.slug(toString(h));
    slugs.add(slug);
    const custom = customIds.get(h);
    if (custom && custom !== slug) anchors.set(custom, slug);
  }
  return { slugs, anchors };
}

/** The site paths the old site served a page at: from its file path and its permalink, slug or aliases. */
function routesOf(path: string, data: Record<string, unknown>): string[] {
  const routeFields = ['permalink', 'url', 'slug', 'aliases', 'redirect_from', 'redirectfrom', 'id'];
  // Hugo serves content/docs/x.md at /docs/x/: the path without content/ is the page's site path.
  const routes: string[] = path.startsWith('content/') ? [`/${routeOf(path.slice('content/'.length))}`] : [];
  for (const [k, v] of Object.entries(data)) {
    if (!routeFields.includes(k.toLowerCase())) continue;
    for (const r of Array.isArray(v) ? v : [v]) {
      if (typeof r !== 'string' || !r.trim()) continue;
      if (r.startsWith('/')) routes.push(r);
      else if (k.toLowerCase() === 'slug' || k.toLowerCase() === 'id') {
        const dir = routeOf(path).split('/').slice(0, -1).join('/');
        routes.push(`/${dir ? `${dir}/` : ''}${r}`);
      }
    }
  }
  return routes;
}

/** Ids of HTML headings (<h2 id="find">) join the custom ids, so links to them reach the portal's slug. */
function keepHtmlHeadingIds(tree: Root, customIds: Map<Heading, string>): void {
  visit(tree, 'heading', (h: Heading) => {
    const id = importedHeadingId(h);
    if (id && !customIds.has(h)) customIds.set(h, id);
  });
}

function serialize(tree: Root, mdx: boolean): string {
  // In MDX a line starting with "import " or "export " is JavaScript: escape its first letter.
  const unsafe = mdx ? [{ character: 'i', atBreak: true, after: 'mport[ \\t]' }, { character: 'e', atBreak: true, after: 'xport[ \\t]' }] : [];
  return toMarkdown(tree, { ...SERIALIZE, unsafe, extensions: mdx ? [gfmToMarkdown(), mdxToMarkdown()] : [gfmToMarkdown()] });
}

/** Callouts as blockquotes with a bold title: the fallback when MDX cannot be written safely. */
function calloutsToBlockquotes(tree: Root): void {
  const visit = (nodes: RootContent[]): RootContent[] =>
    nodes.map((n) => {
      if ('children' in n && Array.isArray(n.children)) (n as { children: RootContent[] }).children = visit(n.children as RootContent[]);
      if (!isCallout(n)) return n;
      const el = n as MdxJsxFlowElement;
      const attr = (name: string) => el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      const label = String(attr('title') ?? attr('type') ?? 'Note');
      return { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label.charAt(0).toUpperCase() + label.slice(1) }] }] }, ...(el.children as RootContent[])] } as RootContent;
    });
  tree.children = visit(tree.children) as Root['children'];
}

/** Write the entry: its body as .mdx or .md, the accounting of its text, and its to-do list. */
function finish(w: Working): ImportResult {
  const { notes, fields } = w;
  notes.push(...droppedAttrNotes(w.droppedAttrs));
  const out = writeBody(w.tree, notes);
  // The draft's text as a reader gets it, without the to-dos added beside links and images.
  const outText = withoutAsides(plain((out.mdx ? mdxParser : mdParser).parse(out.body) as Root));
  const lost = accountForText(w, out, outText);
  const todo = [...fields.todo, ...bodyTodos(w, out, outText, lost.length)];
  const yaml = frontmatterYaml(fields.data, fields.comments, fields.header);
  return {
    source: w.file.path,
    id: w.id,
    extension: out.mdx ? '.mdx' : '.md',
    text: `---\n${yaml}---\n\n${out.body}`,
    data: fields.data,
    notes: dedupe([...fields.notes, ...notes]),
    todo,
    lost,
    units: w.before.length,
    assets: w.assets,
  };
}

/** One note per dropped attribute name, with how often and on which elements. */
function droppedAttrNotes(dropped: DroppedAttrs): Note[] {
  return [...dropped].map(([attr, { count, elements }]) => ({ kind: 'html' as const, message: `dropped ${attr}= from ${count} HTML element${count > 1 ? 's' : ''} (${[...elements].map((e) => `<${e}>`).join(', ')}); the portal styles content itself.` }));
}

interface WrittenBody {
  body: string;
  mdx: boolean;
  /** The tree as serialised (JSX or HTML made safe for the format). */
  working: Root;
  /** The body as the checker parses it: links, and an error when it does not parse. */
  check: ReturnType<typeof parseBody>;
}

/** Serialise the tree: .mdx when a Callout needs it (callouts become blockquotes if that MDX would not parse), else .md. */
function writeBody(tree: Root, notes: Note[]): WrittenBody {
  const mdx = contains(tree, isCallout);
  const working = structuredClone(tree);
  if (mdx) htmlToMdx(working);
  else jsxToHtml(working);
  const body = serialize(working, mdx);
  const check = parseBody(body, { mdx });
  if (check.error && mdx) {
    notes.push({ kind: 'structure', message: `the MDX version did not parse (${check.error.message}); callouts became blockquotes and the entry is plain Markdown.` });
    const fallback = structuredClone(tree);
    calloutsToBlockquotes(fallback);
    jsxToHtml(fallback);
    const plainBody = serialize(fallback, false);
    const plainCheck = parseBody(plainBody, { mdx: false });
    if (plainCheck.error) notes.push({ kind: 'structure', message: `the output does not parse: ${plainCheck.error.message}` });
    return { body: plainBody, mdx: false, working: fallback, check: plainCheck };
  }
  if (check.error) notes.push({ kind: 'structure', message: `the output does not parse: ${check.error.message}` });
  return { body, mdx, working, check };
}

/**
 * The round trip: every text unit of the source must be in the draft (its body, title, summary or
 * front matter comments), and nothing may be lost between the tree and the written file.
 */
function accountForText(w: Working, out: WrittenBody, outText: string): LostUnit[] {
  const extra = [String(w.fields.data.title ?? ''), String(w.fields.data.summary ?? ''), ...w.fields.header];
  const lostText = missingUnits(w.before, outText, extra);
  for (const u of missingUnits(textUnits(out.working, withoutAsides), outText)) if (!lostText.includes(u)) lostText.push(u);
  return lostText.map((text) => ({ text, line: sourceLineOf(text, w.file.text) }));
}

/** Checklist lines that come from the body: length, links, what needs attention, lost text, TODO markers. */
function bodyTodos(w: Working, out: WrittenBody, outText: string, lost: number): string[] {
  const todo: string[] = [];
  const bodyWords = words(outText).split(' ').filter(Boolean).length;
  if (!out.body.trim()) todo.push('body: the source had no text; write the entry.');
  else if (bodyWords <= 250) todo.push(`body: ${bodyWords} words; published entries are expected to have more than 250.`);
  if (!out.check.links.some((l) => l.url.startsWith('/'))) todo.push('body: link to at least one other portal page, e.g. [launch a channel](/playbooks/launch-a-channel/).');
  const attention = w.notes.filter((n) => n.kind === 'link' || n.kind === 'image').length;
  if (attention) todo.push(`links and images: ${attention} need attention (see the notes).`);
  if (lost) todo.push(`text: ${lost} of ${w.before.length} passages of the source are missing from the draft (listed with their source lines); copy them in by hand.`);
  const markers = w.notes.filter((n) => n.kind === 'todo').length;
  if (markers) todo.push(`TODO markers: ${markers} construct(s) had no equivalent and are marked "TODO:" in the text; rewrite or remove each.`);
  return todo;
}

/** Merge repeated notes, keeping the first line and a count. */
function dedupe(notes: Note[]): Note[] {
  const seen = new Map<string, Note & { count: number }>();
  for (const n of notes) {
    const key = `${n.kind}\u0000${n.message}`;
    const prev = seen.get(key);
    if (prev) prev.count++;
    else seen.set(key, { ...n, count: 1 });
  }
  return [...seen.values()]
    .map(({ count, ...n }) => (count > 1 ? { ...n, message: `${n.message} (${count} times)` } : n))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Convert one file on its own (links to other files stay as they are). */
export function importFile(file: SourceFile, opts: ImportOptions): ImportResult {
  return importBatch([file], opts)[0]!;
}

export { restoreTokens };
