/**
 * Raw HTML from imported Markdown, parsed the way a browser parses it (parse5, the WHATWG
 * algorithm: implicit ends of p/li/td, stray and unclosed tags, entities) into a small tree the
 * converter in html.ts walks. Markdown nodes that sit between two raw HTML nodes (a list between
 * `<div>` and `</div>`) travel through the parser as placeholder elements and come back as leaves.
 *
 * Two things browsers do that an importer must not: a lower-case name that is no HTML element
 * (`Array<string>`) is text, not a tag; and a self-closed component (`<TOCInline />`) closes itself
 * instead of swallowing the rest of the page. Component names keep their case for the notes.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { parseEntities } from 'parse-entities';
import type { RootContent } from 'mdast';

export type Attr = [name: string, value: string | true];

export interface HElement {
  type: 'element';
  name: string;
  attrs: Attr[];
  children: HNode[];
}
export type HNode = HElement | { type: 'text'; value: string } | { type: 'comment'; value: string } | { type: 'leaf'; node: RootContent };

/** Decode every character reference (named, decimal, hex) in text that came from HTML or front matter. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? parseEntities(text, { nonTerminated: false }) : text;
}

/** Every element name of HTML (current and obsolete): anything else in lower case is text, like Array<string>. */
const HTML_ELEMENTS = new Set(
  'a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr noframes noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr math'.split(' '),
);
export const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Attributes that mean something without a value: parse5 gives them "", the converter writes them bare. */
const BOOLEAN_ATTRS = new Set(['open', 'checked', 'disabled', 'hidden', 'selected', 'reversed', 'markdown']);

/** HTML elements, components (capitalised: Tabs, TOCInline) and namespaced tags (ac:macro); not <string> or <your-name>. */
export const isTagName = (name: string) => HTML_ELEMENTS.has(name.toLowerCase()) || /^[A-Z]/.test(name) || name.includes(':') || name.includes('.');

const LEAF = 'hub-import-leaf';
const ATTRS = /((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)/.source;
const TAG_LIKE = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(/?)([A-Za-z][\\w:.-]*)(${ATTRS}\\s*(/?)>)?`, 'g');

interface Prepared {
  html: string;
  /** Original spelling of names parse5 lower-cases (components: Tabs, TabItem). */
  names: Map<string, string>;
}

/** Make the HTML say what its author meant before a browser-grade parser reads it. */
function prepare(html: string): Prepared {
  const names = new Map<string, string>();
  const out = html.replace(TAG_LIKE, (whole, slash: string | undefined, name: string | undefined, rest: string | undefined, attrs: string | undefined, selfClose: string | undefined) => {
    if (name === undefined) return whole; // a comment: left as written
    if (!isTagName(name)) return `&lt;${whole.slice(1)}`;
    if (name !== name.toLowerCase()) names.set(name.toLowerCase(), name);
    if (!slash && rest !== undefined && selfClose === '/' && !VOID.has(name.toLowerCase())) return `<${name}${attrs ?? ''}></${name}>`;
    return whole;
  });
  return { html: out, names };
}

type P5Node = DefaultTreeAdapterTypes.ChildNode;

function toHNodes(nodes: P5Node[], names: Map<string, string>, leaves: RootContent[]): HNode[] {
  const out: HNode[] = [];
  for (const n of nodes) {
    if (n.nodeName === '#text') out.push({ type: 'text', value: (n as DefaultTreeAdapterTypes.TextNode).value });
    else if (n.nodeName === '#comment') out.push({ type: 'comment', value: (n as DefaultTreeAdapterTypes.CommentNode).data });
    else if (n.nodeName === '#documentType') continue;
    else {
      const el = n as DefaultTreeAdapterTypes.Element;
      if (el.tagName === LEAF) {
        const leaf = leaves[Number(el.attrs[0]?.value)];
        if (leaf) out.push({ type: 'leaf', node: leaf });
        continue;
      }
      const kids = el.tagName === 'template' ? (el as DefaultTreeAdapterTypes.Template).content.childNodes : el.childNodes;
      out.push({
        type: 'element',
        name: names.get(el.tagName) ?? el.tagName,
        attrs: el.attrs.map((a): Attr => [a.name, a.value === '' && BOOLEAN_ATTRS.has(a.name) ? true : a.value]),
        children: toHNodes(kids, names, leaves),
      });
    }
  }
  return out;
}

/**
 * Parse a run of raw HTML strings and Markdown nodes (in document order) into one tree, as a
 * browser would parse the HTML with the Markdown in place. `note` hears of end tags that close nothing.
 */
export function parseHtmlRun(parts: (string | RootContent)[], note: (message: string) => void = () => {}): HNode[] {
  const leaves: RootContent[] = [];
  const names = new Map<string, string>();
  const html = parts
    .map((p) => {
      if (typeof p !== 'string') return `<${LEAF} n="${leaves.push(p) - 1}"></${LEAF}>`;
      const prepared = prepare(p);
      for (const [k, v] of prepared.names) names.set(k, v);
      return prepared.html;
    })
    .join('');
  const fragment = parseFragment(html, {
    sourceCodeLocationInfo: false,
    onParseError: (error) => {
      if (error.code !== 'end-tag-without-matching-open-element') return;
      const tag = html.slice(error.startOffset, error.endOffset);
      if (!/^<\/(p|br)\b/i.test(tag)) note(`dropped a stray ${tag} that closes nothing here.`);
    },
  });
  return toHNodes(fragment.childNodes, names, leaves);
}

/** The text a reader sees in raw HTML, as runs (one per text node or comment); scripts and styles are code, not text. */
export function htmlTextRuns(html: string): string[] {
  const runs: string[] = [];
  const walk = (nodes: HNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'comment') runs.push(n.value);
      else if (n.type === 'element') {
        if (n.name === 'script' || n.name === 'style') continue;
        for (const [name, value] of n.attrs) if ((name === 'alt' || name === 'title') && typeof value === 'string') runs.push(value);
        walk(n.children);
      }
    }
  };
  walk(parseHtmlRun([html]));
  return runs;
}
