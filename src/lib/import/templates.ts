/**
 * The text pass that runs before Markdown parsing. Template languages (Liquid, Hugo shortcodes,
 * Jinja, ERB) and container syntaxes (Docusaurus `:::`, MkDocs `!!!`, pandoc fenced divs) are not
 * Markdown: left alone, a `:::tip` block becomes one run-on paragraph and an MkDocs admonition an
 * indented code block. This pass:
 *
 * - turns admonition containers into sentinel paragraphs that the tree pass makes into <Callout>;
 * - turns code shortcodes (`{% highlight %}`, `{{< highlight >}}`, `{{< code >}}`) into fences;
 * - resolves tags that have a clear equivalent (`{% link %}`, `{{< ref >}}`, `relative_url`,
 *   `{% raw %}`, `{% comment %}`, figures, params found in the front matter);
 * - replaces every other tag with a token made of private-use characters, so Markdown parsing
 *   cannot break it apart; tokens are put back as literal text after the tree pass (and escaped on
 *   output). A tag with no equivalent comes back as a visible to-do ("TODO: {{< x >}}"), which the
 *   content check refuses on publishing, and is listed in the notes.
 *
 * Code fences and inline code are never changed: template tags there are examples, not templates.
 */
import type { Note } from './types.ts';

export type CalloutType = 'note' | 'tip' | 'warning' | 'danger';

export interface CalloutMarker {
  type: CalloutType;
  /** The title shown, when the source gave one or the source kind differs from the type (Info, Important). */
  title?: string;
  /** The source line of the opener, for notes. */
  line: number;
  /** The opener and closer as written, put back as text if the pair cannot be matched in the tree. */
  open: string;
  close: string;
}

export interface PrepassResult {
  text: string;
  /** For each line of `text` (0-based), the 1-based line of the source file it came from. */
  lineMap: number[];
  /** Original text of each template token, by index. */
  tokens: string[];
  /** Indexes of tokens with no equivalent: they come back as "TODO: <tag>". */
  todos: Set<number>;
  /** Wiki categories ([[Category:Crisis]]), which become tags. */
  categories: string[];
  markers: CalloutMarker[];
  notes: Note[];
}

export interface PrepassContext {
  /** The file line where the body starts, so notes point into the source file. */
  firstLine: number;
  /** The source front matter, to resolve {{ page.title }}, {{% param x %}} and the like. */
  frontmatter: Record<string, unknown>;
  /** True for .mdx sources: their import/export lines and {/* comments *\/} are handled too. */
  mdxSource: boolean;
}

const PUA_DIGIT = 0xe010;
const encode = (n: number) => [...String(n)].map((d) => String.fromCharCode(PUA_DIGIT + Number(d))).join('');
const decode = (s: string) => Number([...s].map((c) => String(c.charCodeAt(0) - PUA_DIGIT)).join(''));

/** Sentinels: private-use characters, which Markdown treats as ordinary text. */
export const TOKEN_RE = /\uE000([\uE010-\uE019]+)\uE001/g;
export const OPEN_RE = /^\uE002([\uE010-\uE019]+)\uE003$/;
export const CLOSE_RE = /^\uE004([\uE010-\uE019]+)\uE005$/;
export const ANY_SENTINEL_RE = /[\uE000-\uE005\uE010-\uE019]/g;
const token = (n: number) => `\uE000${encode(n)}\uE001`;
const openSentinel = (n: number) => `\uE002${encode(n)}\uE003`;
const closeSentinel = (n: number) => `\uE004${encode(n)}\uE005`;
export const markerIndex = (match: RegExpExecArray | RegExpMatchArray) => decode(match[1] ?? '');

/** The visible to-do an unconverted construct leaves in a draft: the content check refuses "TODO" on publishing. */
export const todoText = (original: string) => `TODO: ${original}`;

/** A to-do added beside a link or image, in brackets; it is the importer's words, not source text. */
export const todoAside = (what: string) => ` (TODO: ${what.replace(/[()]/g, '')})`;

/** Text without the to-dos the importer added beside links and images, for the round-trip comparison. */
export const withoutAsides = (text: string) => text.replace(/ ?\(TODO: [^()]*\)/g, ' ');

/** Put template tokens back as the text they stood for; tokens in `todos` as a visible to-do. */
export function restoreTokens(value: string, tokens: string[], todos: ReadonlySet<number> = new Set()): string {
  return value.replace(TOKEN_RE, (_, digits: string) => {
    const n = decode(digits);
    const original = tokens[n] ?? '';
    return todos.has(n) ? todoText(original) : original;
  });
}

/** The Callout type for an admonition kind, and the title to show when the kind says more. */
export function calloutType(kind: string): { type: CalloutType; label?: string } | undefined {
  const k = kind.toLowerCase().replace(/^callout-/, '');
  const label = k.charAt(0).toUpperCase() + k.slice(1);
  if (['note', 'notes', 'remark'].includes(k)) return { type: 'note' };
  if (['info', 'information', 'important', 'abstract', 'summary', 'tldr', 'question', 'faq', 'example', 'quote', 'cite', 'seealso', 'todo', 'primary', 'secondary'].includes(k)) return { type: 'note', label };
  if (['tip', 'tips'].includes(k)) return { type: 'tip' };
  if (['hint', 'success', 'check', 'done', 'good', 'best-practice'].includes(k)) return { type: 'tip', label };
  if (k === 'warning') return { type: 'warning' };
  if (['caution', 'warn', 'attention', 'bug', 'notice', 'alert'].includes(k)) return { type: 'warning', label };
  if (k === 'danger') return { type: 'danger' };
  if (['error', 'failure', 'fail', 'missing', 'critical', 'security'].includes(k)) return { type: 'danger', label };
  return undefined;
}

/** Shortcode and include names that show an image (figure, img, legacy-img, screenshot...). */
const IMAGE_TAG = /^(figure|img|image|picture|photo|screenshot)$|[-_](img|image|figure)$|^(img|image)[-_]/;
/** Shortcode and include names that render a link styled as a button. */
const BUTTON_TAG = /^(button|btn|link-button|cta|button\.html|btn\.html|cta\.html)$/;
/** Shortcode names that fold their content away: they become <details>. */
const DETAILS_TAGS = new Set(['details', 'expand', 'accordion', 'collapse', 'collapsible', 'spoiler', 'toggle']);

/** Shortcode and include names that are admonitions whatever their arguments say. */
const CALLOUT_TAGS = new Set(['note', 'tip', 'warning', 'caution', 'danger', 'info', 'important', 'hint', 'alert', 'callout', 'admonition', 'notice', 'warn', 'error', 'attention']);

interface Line {
  text: string;
  line: number;
}

interface Args {
  positional: string[];
  named: Record<string, string>;
}

/** Parse shortcode arguments: positional values and key=value pairs, quoted or not. */
export function parseTagArgs(s: string): Args {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of s.matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"']+))|"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'=]+)/g)) {
    if (m[1]) named[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/\\"/g, '"');
    else positional.push((m[6] ?? m[7] ?? m[8] ?? m[9] ?? '').replace(/\\"/g, '"'));
  }
  return { positional, named };
}

function lookup(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.').filter(Boolean)) {
    if (!value || typeof value !== 'object') return undefined;
    const obj = value as Record<string, unknown>;
    const key = Object.keys(obj).find((k) => k.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : obj[key];
  }
  return value;
}

const FENCE_RE = /^([ \t]*(?:>[ \t]?)*)[ \t]*(`{3,}|~{3,})(.*)$/;
const indentWidth = (s: string) => [...s].reduce((n, c) => n + (c === '\t' ? 4 - (n % 4) : 1), 0);
const leading = (s: string) => /^[ \t]*/.exec(s)?.[0] ?? '';

/** Remove `width` columns of leading indentation, expanding tabs. */
function dedent(text: string, width: number): string {
  let col = 0;
  let i = 0;
  while (i < text.length && col < width && (text[i] === ' ' || text[i] === '\t')) {
    col += text[i] === '\t' ? 4 - (col % 4) : 1;
    i++;
  }
  return ' '.repeat(Math.max(0, col - width)) + text.slice(i);
}

/** TOML, YAML or JSON, for Hugo's code-toggle shortcode, which does not say. */
function guessConfigLanguage(lines: string[]): string {
  const text = lines.join('\n').trim();
  if (text.startsWith('{')) return 'json';
  if (/^\s*\[[\w.]+\]\s*$|^\s*[\w.-]+\s*=/m.test(text)) return 'toml';
  return 'yaml';
}

/** A code fence long enough to hold `code`. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * Put block container tags on lines of their own. `{{< note >}} **Text.** {{< /note >}}` on one
 * line, or a closing tag stuck to the last list item (`- last item{{< /steps >}}`), would otherwise
 * be read as inline tags, and the container would swallow what follows up to a later closing tag.
 * A container is a shortcode with a closing tag somewhere in the page (Liquid: an admonition or
 * fold with its end tag); buttons around their label are inline and stay as they are.
 */
export function splitContainerTags(lines: Line[]): Line[] {
  const body = lines.map((l) => l.text).join('\n');
  const hugoClosed = new Set([...body.matchAll(/\{\{[<%]\s*\/\s*([\w-]+)\s*[>%]\}\}/g)].map((m) => m[1]!.toLowerCase()));
  const liquidClosed = new Set([...body.matchAll(/\{%-?\s*end([\w-]+)\s*-?%\}/g)].map((m) => m[1]!.toLowerCase()).filter((n) => CALLOUT_TAGS.has(n) || DETAILS_TAGS.has(n)));
  const blockOpened = new Set([...body.matchAll(/^[ \t]*(?:\{\{[<%]\s*([\w-]+)|\{%-?\s*([\w-]+))/gm)].map((m) => (m[1] ?? m[2])!.toLowerCase()));
  const container = (name: string, closing: boolean) => {
    const n = name.toLowerCase();
    if (BUTTON_TAG.test(n)) return false;
    return (hugoClosed.has(n) || liquidClosed.has(n)) && (!closing || blockOpened.has(n));
  };
  const OPEN_AT_START = /^([ \t]*)(\{\{[<%][ \t]*([\w-]+)\b[^\n]*?[>%]\}\}|\{%-?[ \t]*([\w-]+)\b[^\n]*?-?%\})[ \t]*(\S.*)$/;
  const CLOSE_AT_END = /^(.*?\S)[ \t]*(\{\{[<%][ \t]*\/[ \t]*([\w-]+)[ \t]*[>%]\}\}|\{%-?[ \t]*end([\w-]+)[ \t]*-?%\})[ \t]*$/;
  const out: Line[] = [];
  let fence: string | undefined;
  for (const l of lines) {
    const f = FENCE_RE.exec(l.text);
    if (fence || f) {
      if (fence && f && f[2]!.startsWith(fence) && f[3]!.trim() === '') fence = undefined;
      else if (!fence && f) fence = f[2];
      out.push(l);
      continue;
    }
    const indent = leading(l.text);
    let text = l.text;
    const head: string[] = [];
    const tail: string[] = [];
    for (let open = OPEN_AT_START.exec(text); open && container(open[3] ?? open[4]!, false) && !(open[4] && /^end/.test(open[4])); open = OPEN_AT_START.exec(text)) {
      head.push(indent + open[2]!);
      text = indent + open[5]!;
    }
    for (let close = CLOSE_AT_END.exec(text); close && container(close[3] ?? close[4]!, true); close = CLOSE_AT_END.exec(text)) {
      tail.unshift(indent + close[2]!);
      text = close[1]!;
    }
    if (!head.length && !tail.length) {
      out.push(l);
      continue;
    }
    for (const h of head) out.push({ text: h, line: l.line });
    if (text.trim()) out.push({ text, line: l.line });
    for (const t of tail) out.push({ text: t, line: l.line });
  }
  return out;
}

export function prepass(body: string, ctx: PrepassContext): PrepassResult {
  const tokens: string[] = [];
  const todos = new Set<number>();
  const categories: string[] = [];
  const markers: CalloutMarker[] = [];
  const notes: Note[] = [];
  const note = (kind: Note['kind'], message: string, line?: number) => notes.push({ kind, message, line });

  const addMarker = (m: CalloutMarker) => {
    markers.push(m);
    return markers.length - 1;
  };
  /** The lines of a callout: sentinels as their own paragraphs, with the container's prefix. */
  const calloutLines = (prefix: string, n: number, inner: Line[], line: number): Line[] => {
    const blank = { text: prefix.replace(/[ \t]+$/, ''), line };
    return [blank, { text: prefix + openSentinel(n), line }, blank, ...inner, blank, { text: prefix + closeSentinel(n), line }, blank];
  };

  /** A fold as HTML <details>, which the HTML pass keeps; the content stays Markdown. */
  const detailsLines = (indent: string, title: string, inner: Line[], line: number, endLine: number): Line[] => [
    { text: '', line },
    { text: `${indent}<details>`, line },
    { text: `${indent}<summary>${escapeHtml(title)}</summary>`, line },
    { text: '', line },
    ...inner,
    { text: '', line: endLine },
    { text: `${indent}</details>`, line: endLine },
    { text: '', line: endLine },
  ];

  let defNoted = false;
  let confluenceNoted = false;
  const srcLines: Line[] = body.split(/\r?\n/).map((text, i) => ({ text, line: ctx.firstLine + i }));

  /** Find a closing line for a paired construct, skipping code fences. */
  const findClose = (lines: Line[], from: number, isOpen: (t: string) => boolean, isClose: (t: string) => boolean, nests = true): number => {
    let depth = 0;
    let fence: string | undefined;
    for (let j = from; j < lines.length; j++) {
      const t = lines[j]!.text;
      const f = FENCE_RE.exec(t);
      if (fence) {
        if (f && f[2]!.startsWith(fence) && f[3]!.trim() === '') fence = undefined;
        continue;
      }
      if (f) {
        fence = f[2]!;
        continue;
      }
      if (isClose(t)) {
        if (depth === 0) return j;
        depth--;
      } else if (nests && isOpen(t)) depth++;
    }
    return -1;
  };

  /**
   * A block pass looks at line `i`: when it recognises a construct there, it writes what the construct
   * becomes to `out` and returns the index of the construct's last line; otherwise undefined.
   */
  type BlockPass = (lines: Line[], i: number, out: Line[]) => number | undefined;

  /** Code fences: copied untouched. */
  const codeFence: BlockPass = (lines, i, out) => {
    const fence = FENCE_RE.exec(lines[i]!.text);
    if (!fence) return undefined;
    const marker = fence[2]!;
    out.push(lines[i]!);
    let j = i + 1;
    for (; j < lines.length; j++) {
      out.push(lines[j]!);
      const f = FENCE_RE.exec(lines[j]!.text);
      if (f && f[2]!.startsWith(marker) && f[3]!.trim() === '') break;
    }
    return j;
  };

  /** MkDocs admonitions (!!! note "Title"), collapsible ones (??? / ???+) and content tabs (=== "Tab"). */
  const mkdocsBlock: BlockPass = (lines, i, out) => {
    const cur = lines[i]!;
    const t = cur.text;
    const mk = /^([ \t]*)(!!!|\?\?\?\+?|===)[ \t]*(?:([A-Za-z][\w-]*)((?:[ \t]+[\w-]+)*))?(?:[ \t]+"([^"]*)")?[ \t]*$/.exec(t)
      ?? /^([ \t]*)(===)[ \t]*()()"([^"]*)"[ \t]*$/.exec(t);
    if (!mk || !((mk[2] !== '===' || mk[5] !== undefined) && (mk[2] === '===' || mk[3]))) return undefined;
    const indent = mk[1] ?? '';
    const width = indentWidth(indent) + 4;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const lt = lines[j]!.text;
      if (lt.trim() === '') continue;
      if (indentWidth(leading(lt)) >= width) last = j;
      else break;
    }
    const inner = lines.slice(i + 1, last + 1).map((l) => ({ text: l.text.trim() === '' ? '' : indent + dedent(l.text, width), line: l.line }));
    if (mk[2] === '===') {
      note('structure', `content tab "${mk[5]}" became a bold line followed by the tab's content; tabs have no equivalent in the portal.`, cur.line);
      out.push({ text: '', line: cur.line }, { text: `${indent}**${mk[5]}**`, line: cur.line }, { text: '', line: cur.line }, ...blocks(inner));
      return last;
    }
    const kind = mk[3]!;
    const mapped = calloutType(kind);
    const title = mk[5] !== undefined ? mk[5] || undefined : mapped?.label;
    if (!mapped) note('structure', `admonition "${kind}" has no matching Callout type; it became a note titled "${title ?? kind}".`, cur.line);
    if (mk[2] !== '!!!') {
      // A collapsible admonition is a fold: it stays one, titled as in the source.
      note('structure', `collapsible admonition ${t.trim()} became a <details> block.`, cur.line);
      out.push(...detailsLines(indent, title ?? mapped?.label ?? kind, blocks(inner), cur.line, lines[last]!.line));
      return last;
    }
    const n = addMarker({ type: mapped?.type ?? 'note', title: mapped ? title : title ?? kind, line: cur.line, open: t.trim(), close: '' });
    out.push(...calloutLines(indent, n, blocks(inner), cur.line));
    return last;
  };

  /** Docusaurus, VitePress and pandoc containers (:::tip Title / :::note[Title] / ::: {.warning}), and pymdownx blocks (/// warning | Title). */
  const fencedContainer: BlockPass = (lines, i, out) => {
    const cur = lines[i]!;
    const t = cur.text;
    const colon = /^([ \t]*(?:>[ \t]?)*)[ \t]*(:{3,}|\/{3,})[ \t]*(?:\{([^}]*)\}|([A-Za-z][\w-]*))[ \t]*(?:\[([^\]]*)\])?[ \t]*(?:\|[ \t]*)?(.*?)[ \t]*(?:\{([^}]*)\})?[ \t]*$/.exec(t);
    if (!colon) return undefined;
    const prefix = colon[1] ?? '';
    const ch = colon[2]!.charAt(0);
    const isClose = (s: string) => new RegExp(`^[ \\t]*(?:>[ \\t]?)*[ \\t]*\\${ch}{3,}[ \\t]*$`).test(s);
    const isOpen = (s: string) => new RegExp(`^[ \\t]*(?:>[ \\t]?)*[ \\t]*\\${ch}{3,}[ \\t]*[{A-Za-z]`).test(s);
    const j = findClose(lines, i + 1, isOpen, isClose);
    if (j < 0) return undefined;
    const classes = colon[3] ?? '';
    const attrs = parseTagArgs(`${classes} ${colon[7] ?? ''}`);
    const kind = colon[4] ?? /\.([\w-]+)/.exec(classes)?.[1] ?? '';
    const mapped = calloutType(kind);
    const given = colon[5] ?? (colon[6] || undefined) ?? attrs.named.title;
    const inner = blocks(lines.slice(i + 1, j));
    if (mapped) {
      const n = addMarker({ type: mapped.type, title: given ?? mapped.label, line: cur.line, open: t.trim(), close: lines[j]!.text.trim() });
      out.push(...calloutLines(prefix, n, inner, cur.line));
    } else {
      // An unknown container (tabs, details, columns...): keep its content, drop the fences.
      note('structure', `container "${t.trim()}" has no equivalent; its content was kept without it${given ? ` (its title "${given}" became a bold line)` : ''}.`, cur.line);
      out.push({ text: prefix.trimEnd(), line: cur.line });
      if (given) out.push({ text: `${prefix}**${given}**`, line: cur.line }, { text: prefix.trimEnd(), line: cur.line });
      out.push(...inner, { text: prefix.trimEnd(), line: lines[j]!.line });
    }
    return j;
  };

  /**
   * Paired tags on their own lines: folds ({{< expand >}}), callouts ({{< note >}}, {% hint %}), code
   * ({% highlight %}, {{< code >}}) and Hugo containers with no equivalent (content kept, tags as TODOs).
   */
  const pairedTags: BlockPass = (lines, i, out) => {
    const cur = lines[i]!;
    const t = cur.text;
    const paired = /^([ \t]*)(?:\{\{([<%])[ \t]*([\w-]+)\b(.*?)[ \t]*[>%]\}\}|\{%-?[ \t]*([\w-]+)\b(.*?)-?%\})[ \t]*$/.exec(t);
    if (!paired) return undefined;
    const indent = paired[1] ?? '';
    const hugo = paired[3] !== undefined;
    const name = (paired[3] ?? paired[5] ?? '').toLowerCase();
    const args = parseTagArgs(paired[4] ?? paired[6] ?? '');
    const closeRe = hugo
      ? new RegExp(`^[ \\t]*\\{\\{[<%][ \\t]*/[ \\t]*${name}[ \\t]*[>%]\\}\\}[ \\t]*$`, 'i')
      : new RegExp(`^[ \\t]*\\{%-?[ \\t]*end${name}[ \\t]*-?%\\}[ \\t]*$`, 'i');
    const isCode = ['highlight', 'code', 'codeblock', 'code-block', 'code-toggle'].includes(name);
    const isCallout = CALLOUT_TAGS.has(name) || name === 'pageinfo';
    const j = findClose(lines, i + 1, () => false, (s) => closeRe.test(s), false);
    if (j < 0) return undefined;
    const close = lines[j]!;
    if (DETAILS_TAGS.has(name)) {
      // A fold (accordion, expand, details) becomes <details> with its title as the summary.
      const title = args.named.title ?? args.named.summary ?? args.named.header ?? args.positional[0] ?? 'More';
      note('structure', `${t.trim()} became a <details> block titled "${title}".`, cur.line);
      out.push(...detailsLines(indent, title, blocks(lines.slice(i + 1, j)), cur.line, close.line));
      return j;
    }
    if (isCode) {
      const code = lines.slice(i + 1, j).map((l) => l.text);
      const lang = args.named.lang ?? args.named.language ?? args.positional[0] ?? (name === 'code-toggle' ? guessConfigLanguage(code) : '');
      const fenceText = fenceFor(code.join('\n'));
      const title = args.named.file ?? args.named.title ?? args.named.filename;
      if (title) out.push({ text: `${indent}*${title}*`, line: cur.line }, { text: '', line: cur.line });
      out.push({ text: `${indent}${fenceText}${/^[\w+#.-]+$/.test(lang) ? lang : ''}`, line: cur.line }, ...code.map((text, k) => ({ text, line: cur.line + k + 1 })), { text: `${indent}${fenceText}`, line: close.line });
      if (name === 'code-toggle') note('template', `${t.trim()} (configuration shown in several formats) became one ${lang || 'plain'} code block.`, cur.line);
      const dropped = Object.entries(args.named).filter(([k]) => !['lang', 'language', 'file', 'title', 'filename'].includes(k));
      if (dropped.length && name !== 'code-toggle') note('template', `${t.trim()} became a code fence; its options ${dropped.map(([k, v]) => `${k}=${v}`).join(', ')} were dropped.`, cur.line);
      return j;
    }
    if (isCallout) {
      const kind = name === 'hint' || name === 'alert' || name === 'callout' || name === 'admonition' || name === 'notice'
        ? args.named.style ?? args.named.type ?? args.named.color ?? args.positional[0] ?? (name === 'hint' || name === 'alert' ? 'info' : name)
        : name;
      const mapped = calloutType(kind) ?? calloutType(name) ?? (name === 'pageinfo' ? { type: 'note' as const, label: undefined } : { type: 'note' as const, label: kind });
      const title = args.named.title ?? (name === 'notice' || name === 'admonition' ? args.positional[1] : undefined) ?? mapped.label;
      const n = addMarker({ type: mapped.type, title, line: cur.line, open: t.trim(), close: close.text.trim() });
      out.push(...calloutLines(indent, n, blocks(lines.slice(i + 1, j)), cur.line));
      return j;
    }
    if (hugo && !['tab', 'tabs', 'tabpane', 'columns'].includes(name) && !BUTTON_TAG.test(name)) {
      // A container the portal has no equivalent for: its content is kept, its tags become to-dos.
      out.push({ text: '', line: cur.line }, { text: indent + keep(t.trim(), cur.line, true, `the container ${t.trim()} … ${close.text.trim()} has no equivalent: its content was kept and its tags left as TODOs.`), line: cur.line }, { text: '', line: cur.line });
      out.push(...blocks(lines.slice(i + 1, j)));
      out.push({ text: '', line: close.line }, { text: indent + keep(close.text.trim(), close.line, true, `closing tag ${close.text.trim()} left as a TODO.`), line: close.line }, { text: '', line: close.line });
      return j;
    }
    return undefined;
  };

  /**
   * Definition lists (PHP Markdown Extra, pymdownx): ":   definition" with its content indented by
   * four. Left alone, the content is an indented code block; the definition becomes paragraphs.
   */
  const definitionList: BlockPass = (lines, i, out) => {
    const cur = lines[i]!;
    const def = /^([ \t]*):[ \t]{1,3}(\S.*)$/.exec(cur.text);
    if (!def) return undefined;
    const prevText = out.length ? out[out.length - 1]!.text : '';
    const termBefore = out.slice().reverse().find((l) => l.text.trim() !== '');
    if (!((termBefore && !/^[ \t]*:/.test(termBefore.text)) || (/^[ \t]*:/.test(termBefore?.text ?? '') && prevText.trim() === ''))) return undefined;
    const indent = def[1] ?? '';
    const width = indentWidth(indent) + 4;
    let last = i;
    let lazy = true;
    for (let j = i + 1; j < lines.length; j++) {
      const lt = lines[j]!.text;
      if (lt.trim() === '') {
        lazy = false;
        continue;
      }
      if (indentWidth(leading(lt)) >= width || lazy) last = j;
      else break;
    }
    const inner = lines.slice(i + 1, last + 1).map((l) => ({ text: l.text.trim() === '' ? '' : indent + dedent(l.text, width), line: l.line }));
    if (!defNoted) note('structure', 'a definition list (":   definition") became a term followed by paragraphs; Markdown in the portal has no definition lists.', cur.line);
    defNoted = true;
    // A leading HTML comment would swallow its line as an HTML block: give it a line of its own.
    const lead = /^((?:<!--[\s\S]*?-->\s*)+)(\S.*)$/.exec(def[2]!);
    const first = lead ? [{ text: `${indent}${lead[1]!.trim()}`, line: cur.line }, { text: '', line: cur.line }, { text: `${indent}${lead[2]}`, line: cur.line }] : [{ text: `${indent}${def[2]}`, line: cur.line }];
    out.push({ text: '', line: cur.line }, ...first, ...blocks(inner));
    return last;
  };

  /** Snippet includes (pymdownx --8<--): the included file is not part of the page. */
  const snippetInclude: BlockPass = (lines, i, out) => {
    const cur = lines[i]!;
    const snippet = /^([ \t]*)-{1,2}8<-{1,2}[ \t]+(.+?)[ \t]*$/.exec(cur.text);
    if (!snippet) return undefined;
    const t = cur.text.trim();
    out.push({ text: '', line: cur.line }, { text: snippet[1] + keep(t, cur.line, true, `${t}: the snippet ${snippet[2]} was not imported; write its text here (left as a TODO).`), line: cur.line }, { text: '', line: cur.line });
    return i;
  };

  /** MediaWiki magic words (__NOTOC__) go, the portal builds its own contents; category links become tags. */
  const wikiMarkup: BlockPass = (lines, i) => {
    const cur = lines[i]!;
    if (/^[ \t]*__(NOTOC|TOC|FORCETOC|NOEDITSECTION|NEWSECTIONLINK)__[ \t]*$/.test(cur.text)) {
      note('structure', `removed ${cur.text.trim()}: the portal builds its own table of contents.`, cur.line);
      return i;
    }
    const category = /^[ \t]*\[\[Category:([^\]|]+)(?:\|[^\]]*)?\]\][ \t]*$/i.exec(cur.text);
    if (!category) return undefined;
    categories.push(category[1]!.trim());
    note('field', `the wiki category "${category[1]!.trim()}" became a tag.`, cur.line);
    return i;
  };

  /** MDX import/export lines are code for the old site (Docusaurus treats .md files as MDX too). */
  const esmLines: BlockPass = (lines, i) => {
    const t = lines[i]!.text;
    const esm = /^import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"];?\s*$|^export\s+(?:const|let|var|function|default|\{)/.test(t);
    if (!((ctx.mdxSource && /^(import|export)\s/.test(t)) || esm)) return undefined;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.text.trim() !== '' && !/;\s*$/.test(lines[j]!.text)) j++;
    const code = lines.slice(i, j + 1).map((l) => l.text).join('\n');
    note('template', `MDX ${t.startsWith('import') ? 'import' : 'export'} removed (the portal provides its own components): ${code}`, lines[i]!.line);
    return j;
  };

  const BLOCK_PASSES: BlockPass[] = [codeFence, mkdocsBlock, fencedContainer, pairedTags, definitionList, snippetInclude, wikiMarkup, esmLines];

  /** Run the block passes over lines; a line no pass recognises is kept as it is. */
  function blocks(lines: Line[]): Line[] {
    const out: Line[] = [];
    for (let i = 0; i < lines.length; i++) {
      let end: number | undefined;
      for (const pass of BLOCK_PASSES) {
        end = pass(lines, i, out);
        if (end !== undefined) break;
      }
      if (end === undefined) out.push(lines[i]!);
      else i = end;
    }
    return out;
  }

  const lines = blocks(splitContainerTags(srcLines));
  const { text, lineMap } = inline(lines);
  return { text, lineMap, tokens, todos, markers, notes, categories };

  /** Replace template tags outside code with their equivalent, a comment or a token. */
  function inline(all: Line[]): { text: string; lineMap: number[] } {
    // Split into fenced code (kept) and prose segments.
    const parts: { text: string; lines: Line[]; code: boolean }[] = [];
    let buf: Line[] = [];
    const flush = () => {
      if (buf.length) parts.push({ text: buf.map((l) => l.text).join('\n'), lines: buf, code: false });
      buf = [];
    };
    for (let i = 0; i < all.length; i++) {
      const f = FENCE_RE.exec(all[i]!.text);
      if (!f) {
        buf.push(all[i]!);
        continue;
      }
      flush();
      const code: Line[] = [all[i]!];
      let j = i + 1;
      for (; j < all.length; j++) {
        code.push(all[j]!);
        const c = FENCE_RE.exec(all[j]!.text);
        if (c && c[2]!.startsWith(f[2]!) && c[3]!.trim() === '') break;
      }
      parts.push({ text: code.map((l) => l.text).join('\n'), lines: code, code: true });
      i = j;
    }
    flush();
    const out = parts.map((p) => (p.code ? { text: p.text, lineMap: p.lines.map((l) => l.line) } : prose(p.text, p.lines)));
    return { text: out.map((o) => o.text).join('\n'), lineMap: out.flatMap((o) => o.lineMap) };
  }

  /**
   * Template tags in prose; `lines` are the text's lines with their source line numbers. Returns the
   * text and, for each of its lines, the source line it came from.
   */
  function prose(raw: string, lines: Line[]): { text: string; lineMap: number[] } {
    // MediaWiki bold and italics ('''bold''', ''italic'') left by a partial conversion.
    // Pandoc marks links it made from MediaWiki [[Page]] with the title "wikilink", which is not a title.
    const text = raw.replace(/'''([^'\n]+)'''/g, '**$1**').replace(/''([^'\n]+)''/g, '*$1*').replace(/(\]\([^)\s]+) "wikilink"\)/g, '$1)');
    const lineAt = (offset: number) => lines[Math.min(lines.length - 1, text.slice(0, offset).match(/\n/g)?.length ?? 0)]!.line;
    const TAG = new RegExp(
      [
        /(?<tick>`+)(?:[^\n]|\n(?![ \t]*\n))*?[^`\n]\k<tick>(?!`)|(?<ticks>`+)\k<ticks>/.source, // inline code: kept
        /\{%-?\s*raw\s*-?%\}(?<raw>[\s\S]*?)\{%-?\s*endraw\s*-?%\}/.source,
        /\{%-?\s*comment\s*-?%\}(?<comment>[\s\S]*?)\{%-?\s*endcomment\s*-?%\}/.source,
        /\{\{(?<escOpen>[<%])\/\*(?<escBody>[\s\S]{0,2000}?)\*\/(?<escClose>[>%])\}\}/.source, // Hugo's escaped shortcodes, {{</* x */>}}
        // A button written as a pair around its label: {{< button href="/x/" >}}Sign up{{< /button >}}.
        /\{\{[<%]\s*(?<button>button|btn|link-button|cta)\b(?<buttonArgs>[^\n]{0,500}?)[>%]\}\}(?<buttonText>[^\n]{0,500}?)\{\{[<%]\s*\/\s*\k<button>\s*[>%]\}\}/.source,
        /\{\{[<%][\s\S]{0,2000}?[>%]\}\}/.source,
        /\{%[\s\S]{0,2000}?%\}/.source,
        /\{\{[\s\S]{0,2000}?\}\}/.source,
        /<%[\s\S]{0,2000}?%>/.source,
        /\{#[\s\S]{0,2000}?#\}/.source,
        ctx.mdxSource ? /\{\/\*(?<mdxComment>[\s\S]*?)\*\/\}/.source : /(?!)(?<mdxComment>[\s\S])/.source,
        /<ac:parameter\b[^>]*>(?<acParam>[\s\S]*?)<\/ac:parameter>/.source, // Confluence storage format
        /<\/?(?:ac|ri):[\w-]+(?:\s[^>]*)?\/?>/.source,
      ]
        .map((s) => `(?:${s})`)
        .join('|'),
      'g',
    );
    // Build the output piece by piece, so each output line knows the source line it came from.
    let last = 0;
    let inputLine = 0;
    const pieces: string[] = [];
    const emit = (piece: string, advancesInput: boolean, sourceLine?: number) => {
      pieces.push(piece);
      for (const ch of piece) {
        if (ch !== '\n') continue;
        if (advancesInput) inputLine++;
        lineMap.push(sourceLine ?? lines[Math.min(lines.length - 1, inputLine)]!.line);
      }
    };
    const lineMap: number[] = [lines[0]?.line ?? 0];
    for (const match of text.matchAll(TAG)) {
      emit(text.slice(last, match.index), true);
      const at = lines[Math.min(lines.length - 1, inputLine)]!.line;
      const replacement = replaceTag(...(match as unknown as unknown[]), match.index, text, match.groups ?? {});
      emit(replacement, false, at);
      // Lines the tag itself spanned are gone from the output but still count in the input.
      inputLine += (match[0].match(/\n/g) ?? []).length;
      last = match.index + match[0].length;
    }
    emit(text.slice(last), true);
    return { text: pieces.join(''), lineMap };

    function replaceTag(...m: unknown[]): string {
      const whole = m[0] as string;
      const g = m[m.length - 1] as Record<string, string | undefined>;
      const offset = m[m.length - 3] as number;
      const line = lineAt(offset);
      if (g.tick !== undefined || g.ticks !== undefined) return whole;
      if (g.raw !== undefined) return g.raw;
      if (g.comment !== undefined) {
        note('comment', `template comment kept as a comment: ${g.comment.trim()}`, line);
        return `<!--${safeComment(g.comment)}-->`;
      }
      if (g.escBody !== undefined) return keep(`{{${g.escOpen}${g.escBody}${g.escClose}}}`, line, false);
      if (g.button !== undefined) {
        const made = buttonFrom(g.button, parseTagArgs(g.buttonArgs ?? ''), whole, line, g.buttonText);
        if (made) return made;
        return keep(whole, line);
      }
      if (g.mdxComment !== undefined) {
        note('comment', `MDX comment kept as a comment: ${g.mdxComment.trim()}`, line);
        return `<!--${safeComment(g.mdxComment)}-->`;
      }
      const macro = /^<ac:structured-macro\b[^>]*\bac:name="([^"]+)"/.exec(whole);
      if (macro) return keep(whole, line, true, `the Confluence macro "${macro[1]}" has no equivalent; it was left as a TODO (its parameters follow as bold text).`);
      if (g.acParam !== undefined || /^<\/?(ac|ri):/.test(whole)) {
        if (!confluenceNoted) note('template', 'Confluence macro markup (<ac:…>, <ri:…>) was removed; the macros\' text was kept (parameters as bold text).', line);
        confluenceNoted = true;
        return g.acParam !== undefined && g.acParam.trim() ? `**${g.acParam.trim()}** ` : '';
      }
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      let lineEnd = text.indexOf('\n', offset + whole.length);
      if (lineEnd < 0) lineEnd = text.length;
      const before = text.slice(lineStart, offset);
      const wholeLine = before.trim() === '' && text.slice(offset + whole.length, lineEnd).trim() === '';
      return resolve(whole, line, wholeLine ? before : undefined);
    }
  }

  /** A tag kept as literal text: `todo` marks one with no equivalent, reported and shown as a to-do. */
  function keep(original: string, line: number, todo = true, message = `template tag with no equivalent, left as a TODO: ${original.replace(/\s+/g, ' ')}`): string {
    tokens.push(original);
    if (todo) {
      todos.add(tokens.length - 1);
      note('todo', message, line);
    }
    return token(tokens.length - 1);
  }

  /** A link made from a button shortcode or include ({{< button href="…" text="…" >}}), or undefined. */
  function buttonFrom(name: string, args: Args, original: string, line: number, label?: string): string | undefined {
    if (!BUTTON_TAG.test(name)) return undefined;
    const href = args.named.href ?? args.named.url ?? args.named.link ?? args.named.to ?? args.positional.find((p) => /^(\/|\.|https?:)/.test(p));
    const text = (label ?? args.named.text ?? args.named.label ?? args.named.title ?? args.positional.find((p) => p !== href) ?? '').trim();
    if (!href || !text) return undefined;
    note('template', `${original.replace(/\s+/g, ' ')} became a link.`, line);
    return `[${text.replace(/[[\]]/g, '\\$&')}](${href.includes(' ') ? `<${href}>` : href})`;
  }

  /** A callout made from a one-line tag such as {% include note.html content="..." %}. */
  function calloutFrom(kind: string, content: string, original: string, line: number, indent: string | undefined): string | undefined {
    const mapped = calloutType(kind);
    if (!mapped || indent === undefined) return undefined;
    const n = addMarker({ type: mapped.type, title: mapped.label, line, open: original, close: '' });
    return ['', `${indent}${openSentinel(n)}`, '', `${indent}${content}`, '', `${indent}${closeSentinel(n)}`, ''].join('\n');
  }

  /** A Hugo shortcode ({{< name args >}}, {{% name %}}): its equivalent, or a TODO. */
  function resolveShortcode(tag: string, line: number, indent: string | undefined): string | undefined {
    const fm = ctx.frontmatter;
    const hugo = /^\{\{([<%])\s*(\/)?\s*([\w./-]+)([\s\S]*?)[>%]\}\}$/.exec(tag);
    if (!hugo) return undefined;
    const name = hugo[3]!.toLowerCase();
    const args = parseTagArgs(hugo[4] ?? '');
    const first = args.positional[0] ?? args.named.path ?? '';
    if (hugo[2]) {
      if (['tab', 'tabs', 'tabpane', 'columns'].includes(name)) return '';
      return keep(tag, line);
    }
    if (name === 'ref' || name === 'relref') return first;
    if (name === 'param') {
      const value = lookup(fm, `params.${first}`) ?? lookup(fm, first);
      if (value !== undefined && typeof value !== 'object') {
        note('template', `${tag} replaced with the front matter value "${String(value)}".`, line);
        return String(value);
      }
      return keep(tag, line);
    }
    const button = buttonFrom(name, args, tag, line);
    if (button) return button;
    if (IMAGE_TAG.test(name)) {
      const src = args.named.src ?? args.named.url ?? first;
      const alt = args.named.alt ?? args.named.caption ?? args.named.title ?? '';
      const caption = args.named.caption ?? args.named.title;
      if (src) return `![${alt.replace(/[[\]]/g, '\\$&')}](${src.includes(' ') ? `<${src}>` : src})${caption ? ` *${caption}*` : ''}`;
    }
    if (name === 'youtube' || name === 'vimeo') {
      const id = args.named.id ?? first;
      const url = name === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
      note('template', `${tag} became a link to the video; the portal does not embed videos.`, line);
      return `[${args.named.title ?? 'Video'}](${url})`;
    }
    if (name === 'tab') {
      note('structure', `tab ${tag} became a bold line; tabs have no equivalent in the portal.`, line);
      const title = args.named.name ?? args.named.title ?? args.named.header ?? first;
      return title ? `**${title}**` : '';
    }
    if (['tabs', 'tabpane', 'columns'].includes(name)) {
      note('structure', `${tag} removed; its content was kept.`, line);
      return '';
    }
    if (CALLOUT_TAGS.has(name)) {
      const content = args.named.content ?? args.named.text;
      if (content) {
        const made = calloutFrom(args.named.type ?? name, content, tag, line, indent);
        if (made) return made;
      }
    }
    return keep(tag, line);
  }

  /** A Liquid tag ({% name args %}): a link, callout, button, image, or a TODO. */
  function resolveLiquidTag(tag: string, line: number, indent: string | undefined): string | undefined {
    const liquid = /^\{%-?\s*([\w-]+)([\s\S]*?)-?%\}$/.exec(tag);
    if (!liquid) return undefined;
    const name = liquid[1]!.toLowerCase();
    const argText = (liquid[2] ?? '').trim();
    const args = parseTagArgs(argText);
    const first = args.positional[0] ?? '';
    if (name === 'raw' || name === 'endraw') return '';
    if (name === 'link') return `/${argText.replace(/^\//, '')}`;
    if (name === 'post_url') return `/_posts/${argText}`;
    if (name === 'include' || name === 'include_relative' || name === 'render') {
      const base = first.replace(/\.\w+$/, '').toLowerCase();
      const content = args.named.content ?? args.named.text;
      if (content && (CALLOUT_TAGS.has(base) || base === 'callout')) {
        const made = calloutFrom(args.named.type ?? base, content, tag, line, indent);
        if (made) return made;
      }
      const made = buttonFrom(base, args, tag, line);
      if (made) return made;
      if (IMAGE_TAG.test(base) && (args.named.src ?? args.named.file ?? args.named.url)) {
        const src = args.named.src ?? args.named.file ?? args.named.url ?? '';
        const alt = args.named.alt ?? args.named.caption ?? args.named.title ?? '';
        return `![${alt.replace(/[[\]]/g, '\\$&')}](${src.includes(' ') ? `<${src}>` : src})`;
      }
      return keep(tag, line, true, `${tag}: the included file "${first}" was not imported; write its text here (left as a TODO).`);
    }
    if (name === 'embed') {
      const url = args.named.url ?? first;
      if (url) return `<${url}>`;
    }
    if (['tabs', 'endtabs', 'endtab', 'content-ref', 'endcontent-ref'].includes(name)) {
      note('structure', `${tag} removed; its content was kept.`, line);
      return '';
    }
    if (name === 'tab') {
      note('structure', `${tag} became a bold line; tabs have no equivalent in the portal.`, line);
      return args.named.title ? `**${args.named.title}**` : '';
    }
    if (['if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'for', 'endfor', 'case', 'when', 'endcase', 'capture', 'endcapture', 'assign'].includes(name)) {
      return keep(tag, line, true, `template logic left as a TODO (every branch is kept; keep the one readers need): ${tag.replace(/\s+/g, ' ')}`);
    }
    return keep(tag, line);
  }

  /** MediaWiki templates: {{Note|text}}, {{Warning|text}} are admonitions. */
  function resolveWikiTemplate(tag: string, line: number, indent: string | undefined): string | undefined {
    const wikiTemplate = /^\{\{\s*([A-Za-z][\w ]*?)\s*\|([\s\S]*)\}\}$/.exec(tag);
    if (wikiTemplate && !/\s\|/.test(tag.slice(2, tag.indexOf('|') + 1))) {
      const content = wikiTemplate[2]!.replace(/^\s*(?:1|text|content)\s*=\s*/, '').trim();
      const made = calloutFrom(wikiTemplate[1]!.trim(), content, tag, line, indent);
      if (made) return made;
    }
    return undefined;
  }

  /** A template variable ({{ page.title }}, {{ '/x/' | relative_url }}): its value where known, or a TODO. */
  function resolveVariable(tag: string, line: number): string | undefined {
    const fm = ctx.frontmatter;
    const variable = /^\{\{-?\s*([\s\S]*?)\s*-?\}\}$/.exec(tag);
    if (variable && !tag.startsWith('{{<') && !tag.startsWith('{{%')) {
      const [expr = '', ...filters] = variable[1]!.split('|').map((s) => s.trim());
      const literal = /^(["'])(.*)\1$/.exec(expr);
      if (literal && filters.every((f) => /^(relative_url|absolute_url|url|prepend:\s*site\.baseurl|escape|uri_escape)$/.test(f))) return literal[2]!;
      if (/^(site\.baseurl|site\.url|base|base_url|\.Site\.BaseURL|site_url|config\.site_url)$/i.test(expr)) {
        note('template', `${tag} removed: the portal adds its own base path.`, line);
        return '';
      }
      const field = /^(?:page\.|\.Params\.|\.|page\.meta\.|meta\.)?(title|description|summary|excerpt)$/i.exec(expr) ?? /^(?:page\.|\.Params\.|page\.meta\.)([\w.]+)$/i.exec(expr);
      if (field && filters.length === 0) {
        const value = lookup(fm, field[1]!) ?? lookup(fm, `params.${field[1]!}`);
        if (value !== undefined && typeof value !== 'object') {
          note('template', `${tag} replaced with the front matter value "${String(value)}".`, line);
          return String(value);
        }
      }
      return keep(tag, line);
    }
    return undefined;
  }

  /** ERB (<%= … %>): GOV.UK helpers become callouts, comments stay comments, the rest a TODO. */
  function resolveErb(tag: string, line: number, indent: string | undefined): string | undefined {
    const erb = /^<%([=#-]?)([\s\S]*?)-?%>$/.exec(tag);
    // Helpers such as GOV.UK tech docs' <%= warning_text("...") %> render an admonition.
    const helper = /^<%=\s*([a-z_]*?(warning|note|tip|info|important|caution|danger)[a-z_]*)\s*\(?\s*(["'])([\s\S]*)\3\s*\)?\s*-?%>$/i.exec(tag);
    if (helper) {
      const content = helper[4]!.replace(/\\(["'])/g, '$1').replace(/<br\s*\/?>\s*(?:<br\s*\/?>)+/gi, `\n\n${indent ?? ''}`);
      const made = calloutFrom(helper[2]!, content, tag, line, indent);
      if (made) {
        note('template', `${helper[1]}(...) became a Callout.`, line);
        return made;
      }
    }
    if (erb) {
      if (erb[1] === '#') {
        note('comment', `template comment kept as a comment: ${erb[2]!.trim()}`, line);
        return `<!--${safeComment(erb[2]!)}-->`;
      }
      return keep(tag, line);
    }
    return undefined;
  }

  /** A template tag outside code: its equivalent, a comment, or a TODO that keeps it as text. */
  function resolve(tag: string, line: number, indent: string | undefined): string {
    for (const step of [resolveShortcode, resolveLiquidTag, resolveWikiTemplate, resolveVariable, resolveErb]) {
      const made = step(tag, line, indent);
      if (made !== undefined) return made;
    }
    if (tag.startsWith('{#')) {
      note('comment', `template comment kept as a comment: ${tag.slice(2, -2).trim()}`, line);
      return `<!--${safeComment(tag.slice(2, -2))}-->`;
    }
    return keep(tag, line);
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text that can sit inside <!-- --> without ending it early. */
export function safeComment(s: string): string {
  return s.replace(/--+>?/g, (m) => m.split('').join(' ')).replace(/^\s*>/, ' >');
}
