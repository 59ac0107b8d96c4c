/**
 * Raw HTML in imported Markdown, turned into Markdown nodes where Markdown has the construct
 * (p, headings, lists, emphasis, links, images, code, simple tables) and into JSX elements where it
 * does not but the portal can show it (details, sup, kbd, complex tables). Wrappers (div, span,
 * font, center) are unwrapped; class, style and event attributes are dropped; scripts and styles
 * are dropped with their text in the notes; unknown or component tags keep their content.
 *
 * The HTML is parsed as a browser parses it (html-parse.ts), so the result is balanced, which MDX
 * requires, whatever the source left open or closed twice.
 */
import type { Heading, List, ListItem, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { calloutNode, strongestCallout } from './callouts.ts';
import { parseHtmlRun, type HElement, type HNode } from './html-parse.ts';

export interface HtmlContext {
  note: (message: string) => void;
  /** Count a dropped attribute, reported once per file; text-bearing ones (title, alt) with their value. */
  dropped: (attr: string, element: string, value?: string) => void;
  /** Parse Markdown text (for elements with markdown="1"). */
  parseMarkdown: (text: string) => RootContent[];
}

const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'iframe', 'video', 'audio', 'object', 'caption', 'colgroup']);
/** Inline elements kept as they are: MDX and Markdown both accept them and Markdown has no equivalent. */
const KEEP_INLINE = new Set(['sup', 'sub', 'kbd', 'mark', 'u', 'ins', 'abbr', 'small', 'q', 'time', 'var', 'dfn', 'bdi', 'bdo', 'cite']);
const WRAPPERS = new Set(['div', 'span', 'font', 'center', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'hgroup', 'address', 'big', 'nobr', 'label', 'fieldset', 'legend', 'form', 'body', 'html', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col', 'picture', 'noscript', 'menu', 'p']);
const ALLOWED_ATTRS: Record<string, string[]> = {
  '*': ['id', 'lang', 'dir', 'title'],
  abbr: ['title'],
  details: ['open'],
  time: ['datetime'],
  q: ['cite'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  ol: ['start'],
};

const attr = (el: HElement, name: string): string | undefined => {
  const found = el.attrs.find(([n]) => n.toLowerCase() === name);
  return found === undefined ? undefined : found[1] === true ? '' : found[1];
};

/** Raw text of a subtree (for code and notes), entities decoded. */
export function textOf(nodes: HNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value;
      if (n.type === 'element') return n.name === 'br' ? '\n' : textOf(n.children);
      if (n.type === 'leaf') return 'value' in n.node && typeof n.node.value === 'string' ? n.node.value : '';
      return '';
    })
    .join('');
}

const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ');

export class HtmlConverter {
  cx: HtmlContext;
  /** Callouts do not nest: inside one, admonition classes are only unwrapped. */
  calloutDepth = 0;
  /** True while a heading's content is converted: its anchors are kept as the heading's id. */
  inHeading = false;
  constructor(cx: HtmlContext) {
    this.cx = cx;
  }

  comment(value: string) {
    if (value.trim()) this.cx.note(`an HTML comment was kept as a comment, which readers do not see: ${value.trim().replace(/\s+/g, ' ')}`);
  }

  /** Keep only attributes the portal accepts; report the rest. */
  attributes(el: HElement): MdxJsxAttribute[] {
    const allowed = new Set([...(ALLOWED_ATTRS['*'] ?? []), ...(ALLOWED_ATTRS[el.name] ?? [])]);
    const out: MdxJsxAttribute[] = [];
    for (const [name, value] of el.attrs) {
      const n = name.toLowerCase();
      if (allowed.has(n)) out.push({ type: 'mdxJsxAttribute', name: n, value: value === true ? null : value });
      else this.cx.dropped(n.startsWith('on') ? 'on… event handlers' : n, el.name, typeof value === 'string' ? value : undefined);
    }
    return out;
  }

  /** Report every attribute of an element that is converted to Markdown (which has no attributes). */
  dropAll(el: HElement, keep: string[] = []) {
    for (const [name, value] of el.attrs) {
      if (!keep.includes(name.toLowerCase())) this.cx.dropped(name.toLowerCase().startsWith('on') ? 'on… event handlers' : name.toLowerCase(), el.name, typeof value === 'string' ? value : undefined);
    }
  }

  flowElement(name: string, el: HElement, children: RootContent[]): MdxJsxFlowElement {
    return { type: 'mdxJsxFlowElement', name, attributes: this.attributes(el), children: children as MdxJsxFlowElement['children'] };
  }

  /** Convert nodes in a block context. */
  flow(nodes: HNode[]): RootContent[] {
    const out: RootContent[] = [];
    let inline: HNode[] = [];
    const flushInline = () => {
      const phrasing = trimPhrasing(this.phrasing(inline));
      if (phrasing.length) out.push({ type: 'paragraph', children: phrasing });
      inline = [];
    };
    for (const node of nodes) {
      if (node.type === 'leaf') {
        if (isPhrasing(node.node)) inline.push(node);
        else {
          flushInline();
          out.push(node.node);
        }
      } else if (node.type === 'comment') {
        flushInline();
        this.comment(node.value);
        out.push({ type: 'html', value: `<!--${node.value}-->` });
      } else if (node.type === 'text') {
        if (node.value.trim() || inline.length) inline.push(node);
      } else if (isBlockish(node)) {
        flushInline();
        out.push(...this.block(node));
      } else inline.push(node);
    }
    flushInline();
    return out;
  }

  block(el: HElement): RootContent[] {
    const name = el.name;
    const hint = this.calloutDepth === 0 ? this.calloutHint(el) : undefined;
    if (hint) {
      this.dropAll(el);
      this.calloutDepth++;
      const children = this.flow(el.children);
      this.calloutDepth--;
      return [calloutNode(hint.type, hint.label, children)];
    }
    const fold = this.confluenceExpand(el);
    if (fold) return fold;
    if (attr(el, 'markdown') !== undefined && el.children.every((c) => c.type === 'text')) {
      this.dropAll(el, ['markdown']);
      return this.cx.parseMarkdown(textOf(el.children));
    }
    if (/^h[1-6]$/.test(name)) {
      this.dropAll(el, ['id']);
      this.inHeading = true;
      const heading: Heading = { type: 'heading', depth: Number(name[1]) as Heading['depth'], children: trimPhrasing(this.phrasing(el.children)) };
      this.inHeading = false;
      // The id links pointed at: kept so links to it can be rewritten to the portal's heading slug.
      const id = attr(el, 'id') ?? anchorIdIn(el);
      if (id) heading.data = { ...heading.data, importId: id } as Heading['data'];
      return heading.children.length ? [heading] : [];
    }
    switch (name) {
      case 'p': {
        this.dropAll(el);
        const children = trimPhrasing(this.phrasing(el.children));
        return children.length ? [{ type: 'paragraph', children }] : [];
      }
      case 'ul':
      case 'ol':
      case 'menu':
        return [this.list(el)];
      case 'blockquote':
        this.dropAll(el, ['cite']);
        return [{ type: 'blockquote', children: this.flow(el.children) as never }];
      case 'pre': {
        this.dropAll(el);
        const code = el.children.length === 1 && el.children[0]!.type === 'element' && el.children[0]!.name === 'code' ? el.children[0] : undefined;
        const cls = `${(code && attr(code, 'class')) ?? ''} ${attr(el, 'class') ?? ''} ${attr(el, 'data-lang') ?? ''}`;
        const lang = /(?:language-|lang-|brush:\s*)([\w+#-]+)/.exec(cls)?.[1] ?? (attr(el, 'data-lang') || null);
        const value = textOf(el.children).replace(/^\n/, '').replace(/\n$/, '');
        return [{ type: 'code', lang, meta: null, value }];
      }
      case 'hr':
        return [{ type: 'thematicBreak' }];
      case 'br':
        return [];
      case 'img':
        return [{ type: 'paragraph', children: this.phrasing([el]) }];
      case 'table':
        return this.table(el);
      case 'details':
        return [this.flowElement('details', el, this.flow(el.children))];
      case 'summary':
        return [this.flowElement('summary', el, [{ type: 'paragraph', children: trimPhrasing(this.phrasing(el.children)) }])];
      case 'dl': {
        this.dropAll(el);
        this.cx.note('a definition list (<dl>) became bold terms followed by their definitions.');
        const out: RootContent[] = [];
        for (const c of el.children) {
          if (c.type !== 'element') continue;
          if (c.name === 'dt') out.push({ type: 'paragraph', children: [{ type: 'strong', children: trimPhrasing(this.phrasing(c.children)) }] });
          else out.push(...this.flow(c.children));
        }
        return out;
      }
      case 'dt':
        return [{ type: 'paragraph', children: [{ type: 'strong', children: trimPhrasing(this.phrasing(el.children)) }] }];
      case 'figcaption':
        return [{ type: 'paragraph', children: [{ type: 'emphasis', children: trimPhrasing(this.phrasing(el.children)) }] }];
      case 'iframe':
      case 'video':
      case 'audio':
      case 'embed':
      case 'object': {
        const src = attr(el, 'src') ?? attr(el, 'data') ?? (el.children.find((c): c is HElement => c.type === 'element' && c.name === 'source') && attr(el.children.find((c): c is HElement => c.type === 'element' && c.name === 'source')!, 'src'));
        const label = attr(el, 'title') || textOf(el.children).trim() || `Embedded ${name === 'iframe' ? 'content' : name}`;
        this.cx.note(`<${name}> became a link to ${src ?? '(no source)'}; the portal does not embed external content.`);
        if (!src) return label ? [{ type: 'paragraph', children: [{ type: 'text', value: label }] }] : [];
        return [{ type: 'paragraph', children: [{ type: 'link', url: src, title: null, children: [{ type: 'text', value: label }] }] }];
      }
      case 'script':
      case 'style':
      case 'template': {
        const text = textOf(el.children).trim();
        if (text) this.cx.note(`dropped a <${name}> element; its content was: ${text.length > 500 ? `${text.slice(0, 500)}…` : text}`);
        return [];
      }
      case 'li':
        return this.flow(el.children);
      case 'tr':
      case 'td':
      case 'th':
        this.dropAll(el);
        return this.flow(el.children);
      default:
        return this.unwrap(el, 'flow') as RootContent[];
    }
  }

  /** Confluence's expand macro as exported to HTML (expand-container, -control-text, -content) becomes <details>. */
  confluenceExpand(el: HElement): RootContent[] | undefined {
    if (!hasClass(el, 'expand-container')) return undefined;
    const title = findByClass(el, 'expand-control-text');
    const content = findByClass(el, 'expand-content');
    if (!content) return undefined;
    this.dropAll(el);
    const summary: RootContent = { type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [{ type: 'paragraph', children: title ? trimPhrasing(this.phrasing(title.children)) : [{ type: 'text', value: 'More' }] }] };
    this.cx.note('a Confluence expand macro became a <details> block.');
    return [{ type: 'mdxJsxFlowElement', name: 'details', attributes: [], children: [summary, ...this.flow(content.children)] as MdxJsxFlowElement['children'] }];
  }

  /** An admonition written as HTML: <div class="admonition warning">, <div class="alert alert-info">. */
  calloutHint(el: HElement) {
    if (!['div', 'aside', 'blockquote', 'section', 'p'].includes(el.name)) return undefined;
    const cls = `${attr(el, 'class') ?? ''} ${attr(el, 'role') ?? ''}`.toLowerCase();
    if (!/\b(admonition|alert|callout|notice|note|tip|warning|danger|caution|info|important|confluence-information-macro)/.test(cls)) return undefined;
    const mapped = strongestCallout(cls.split(/[\s_]+|-(?=\w)/));
    if (mapped) this.cx.note(`<${el.name} class="${attr(el, 'class')}"> became a Callout (${mapped.type}).`);
    return mapped;
  }

  unwrap(el: HElement, context: 'flow' | 'phrasing'): RootContent[] | PhrasingContent[] {
    const known = WRAPPERS.has(el.name) || BLOCK.has(el.name) || KEEP_INLINE.has(el.name) || ['a', 'b', 'i', 'em', 'strong', 'code', 'tt', 'samp', 's', 'del', 'strike'].includes(el.name);
    if (!known) {
      const empty = !textOf(el.children).trim() && !el.children.some((c) => c.type === 'leaf' || (c.type === 'element' && c.name === 'img'));
      this.cx.note(
        empty
          ? `<${el.name}${el.attrs.map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${v}"`)).join('')} /> shows content from elsewhere on the old site (a component or macro); that content is not imported. Write it here if the page needs it.`
          : `<${el.name}${el.attrs.map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${v}"`)).join('')}> is not an HTML element the portal can show; its tags were removed and its content kept.`,
      );
    }
    else this.dropAll(el);
    return context === 'flow' ? this.flow(el.children) : this.phrasing(el.children);
  }

  list(el: HElement): List {
    this.dropAll(el, ['start']);
    const ordered = el.name === 'ol';
    const start = ordered ? Number(attr(el, 'start') ?? 1) || 1 : null;
    const items: ListItem[] = [];
    for (const c of el.children) {
      if (c.type === 'text' && !c.value.trim()) continue;
      if (c.type === 'element' && c.name === 'li') {
        this.dropAll(c);
        let checked: boolean | null = null;
        const kids = [...c.children];
        const first = kids.findIndex((k) => !(k.type === 'text' && !k.value.trim()));
        const box = kids[first];
        if (box && box.type === 'element' && box.name === 'input' && (attr(box, 'type') ?? '').toLowerCase() === 'checkbox') {
          checked = attr(box, 'checked') !== undefined;
          kids.splice(first, 1);
        }
        const children = this.flow(kids);
        items.push({ type: 'listItem', spread: false, checked, children: (children.length ? children : [{ type: 'paragraph', children: [] }]) as ListItem['children'] });
      } else {
        const children = c.type === 'element' ? this.block(c) : this.flow([c]);
        if (children.length) items.push({ type: 'listItem', spread: false, checked: null, children: children as ListItem['children'] });
      }
    }
    return { type: 'list', ordered, start, spread: false, children: items };
  }

  /** A simple table becomes a GFM table; one with merged cells or block content stays HTML. */
  table(el: HElement): RootContent[] {
    const rows: HElement[] = [];
    const stray: HNode[] = [];
    const collect = (nodes: HNode[]) => {
      for (const n of nodes) {
        if (n.type === 'element' && n.name === 'tr') rows.push(n);
        else if (n.type === 'element' && ['thead', 'tbody', 'tfoot'].includes(n.name)) collect(n.children);
        else if (n.type === 'element' && ['caption', 'colgroup', 'col'].includes(n.name)) continue;
        else if (!(n.type === 'text' && !n.value.trim())) stray.push(n);
      }
    };
    collect(el.children);
    const after: RootContent[] = stray.length ? this.flow(stray) : [];
    if (after.length) this.cx.note('text between the rows of an HTML table (often template logic) was moved below the table.');
    const cellsOf = (row: HElement) => row.children.filter((c): c is HElement => c.type === 'element' && (c.name === 'td' || c.name === 'th'));
    const caption = el.children.find((c): c is HElement => c.type === 'element' && c.name === 'caption');
    const complex = rows.some((r) =>
      cellsOf(r).some((cell) => Number(attr(cell, 'colspan') ?? 1) > 1 || Number(attr(cell, 'rowspan') ?? 1) > 1 || hasBlocks(cell.children)),
    );
    const before: RootContent[] = caption ? [{ type: 'paragraph', children: [{ type: 'strong', children: trimPhrasing(this.phrasing(caption.children)) }] }] : [];
    if (!rows.length) return [...before, ...after];
    if (complex) {
      this.cx.note('an HTML table with merged cells or lists in its cells was kept as an HTML table; check how it looks.');
      const jsxRow = (r: HElement): MdxJsxFlowElement =>
        this.flowElement('tr', r, cellsOf(r).map((cell) => this.flowElement(cell.name, cell, this.flow(cell.children))));
      return [...before, this.flowElement('table', el, rows.map(jsxRow)), ...after];
    }
    this.dropAll(el);
    const width = Math.max(...rows.map((r) => cellsOf(r).length));
    const headerIsTh = cellsOf(rows[0]!).every((c) => c.name === 'th');
    if (!headerIsTh) this.cx.note('an HTML table without header cells: its first row became the Markdown header row.');
    const align: Table['align'] = cellsOf(rows[0]!).map((c) => {
      const a = (attr(c, 'align') ?? /text-align:\s*(\w+)/.exec(attr(c, 'style') ?? '')?.[1] ?? '').toLowerCase();
      return a === 'left' || a === 'right' || a === 'center' ? a : null;
    });
    const tableRows: TableRow[] = rows.map((r) => {
      const cells: TableCell[] = cellsOf(r).map((cell) => {
        this.dropAll(cell, ['align', 'style']);
        return { type: 'tableCell', children: trimPhrasing(this.phrasing(cell.children)) };
      });
      while (cells.length < width) cells.push({ type: 'tableCell', children: [] });
      return { type: 'tableRow', children: cells };
    });
    return [...before, { type: 'table', align, children: tableRows }, ...after];
  }

  /** Convert nodes in an inline context. */
  phrasing(nodes: HNode[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (const node of nodes) {
      if (node.type === 'text') out.push({ type: 'text', value: collapse(node.value) });
      else if (node.type === 'comment') {
        this.comment(node.value);
        out.push({ type: 'html', value: `<!--${node.value}-->` });
      }
      else if (node.type === 'leaf') {
        out.push(...flattenToPhrasing(node.node));
      } else out.push(...this.inline(node));
    }
    return mergeText(out);
  }

  inline(el: HElement): PhrasingContent[] {
    const kids = () => this.phrasing(el.children);
    switch (el.name) {
      case 'strong':
      case 'b':
        this.dropAll(el);
        return [{ type: 'strong', children: kids() }];
      case 'em':
      case 'i':
        this.dropAll(el);
        return [{ type: 'emphasis', children: kids() }];
      case 'del':
      case 's':
      case 'strike':
        this.dropAll(el);
        return [{ type: 'delete', children: kids() }];
      case 'code':
      case 'tt':
      case 'samp':
        this.dropAll(el);
        return [{ type: 'inlineCode', value: textOf(el.children) }];
      case 'br':
        return [{ type: 'break' }];
      case 'wbr':
        return [];
      case 'a': {
        const href = attr(el, 'href');
        if (href === undefined || href === '') {
          const id = attr(el, 'name') ?? attr(el, 'id');
          // Inside a heading the anchor becomes the heading's id (see anchorIdIn); elsewhere it is lost.
          if (id && !this.inHeading) this.cx.note(`dropped the HTML anchor "${id}" (<a name/id>); links to #${id} need a heading instead.`);
          return kids();
        }
        this.dropAll(el, ['href', 'title']);
        // A link cannot hold a link (GFM turns a URL written as the text of <a> into one).
        const inner = kids().flatMap((k) => (k.type === 'link' ? (k.children as PhrasingContent[]) : [k]));
        return [{ type: 'link', url: href, title: attr(el, 'title') ?? null, children: inner }];
      }
      case 'img': {
        this.dropAll(el, ['src', 'alt', 'title']);
        const src = attr(el, 'src') ?? '';
        if (!src) return attr(el, 'alt') ? [{ type: 'text', value: attr(el, 'alt')! }] : [];
        return [{ type: 'image', url: src, alt: attr(el, 'alt') ?? '', title: attr(el, 'title') ?? null }];
      }
      case 'input': {
        if ((attr(el, 'type') ?? '').toLowerCase() === 'checkbox') return [{ type: 'text', value: attr(el, 'checked') !== undefined ? '[x] ' : '[ ] ' }];
        const value = attr(el, 'value') ?? attr(el, 'placeholder');
        this.cx.note(`an HTML form field <input> was removed${value ? `; its text "${value}" was kept` : ''}.`);
        return value ? [{ type: 'text', value }] : [];
      }
      case 'script':
      case 'style':
      case 'template':
        this.block(el);
        return [];
      case 'p':
      case 'div':
      case 'li':
      case 'tr': {
        this.dropAll(el);
        const inner = kids();
        return inner.length ? [...inner, { type: 'break' }] : [];
      }
      default:
        if (KEEP_INLINE.has(el.name)) {
          const node: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: el.name, attributes: this.attributes(el), children: kids() };
          return [node];
        }
        if (BLOCK.has(el.name)) {
          const blocks = this.block(el);
          return blocks.flatMap((b) => ('children' in b ? (flattenToPhrasing(b) as PhrasingContent[]) : []));
        }
        return this.unwrap(el, 'phrasing') as PhrasingContent[];
    }
  }
}

const hasClass = (el: HElement, name: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

/** The first element below `el` with the class `name`, depth first. */
function findByClass(el: HElement, name: string): HElement | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (hasClass(c, name)) return c;
    const inner = findByClass(c, name);
    if (inner) return inner;
  }
  return undefined;
}

/** The id of an anchor (<a name="x">, <span id="x">) inside a heading, which was the heading's link target. */
function anchorIdIn(el: HElement): string | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if ((c.name === 'a' || c.name === 'span') && !attr(c, 'href')) {
      const id = attr(c, 'id') ?? attr(c, 'name');
      if (id) return id;
    }
  }
  return undefined;
}

/** The id an HTML heading carried (<h2 id="find">), kept on the Markdown heading by the HTML pass. */
export const importedHeadingId = (heading: Heading): string | undefined => (heading.data as { importId?: string } | undefined)?.importId;

function flattenToPhrasing(node: RootContent): PhrasingContent[] {
  if (isPhrasing(node)) return [node];
  if ('children' in node) return (node.children as RootContent[]).flatMap(flattenToPhrasing);
  if ('value' in node && typeof node.value === 'string') return [{ type: 'text', value: node.value }];
  return [];
}

const PHRASING_TYPES = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference', 'footnoteReference', 'html', 'mdxJsxTextElement', 'mdxTextExpression']);
export const isPhrasing = (node: RootContent): node is PhrasingContent => PHRASING_TYPES.has(node.type);

function isBlockish(el: HElement): boolean {
  return BLOCK.has(el.name) || ['script', 'style', 'template'].includes(el.name);
}

function hasBlocks(nodes: HNode[]): boolean {
  return nodes.some((n) => (n.type === 'element' && (BLOCK.has(n.name) && n.name !== 'p' ? true : hasBlocks(n.children))) || (n.type === 'leaf' && !isPhrasing(n.node)))
    || nodes.filter((n) => n.type === 'element' && n.name === 'p').length > 1;
}

/** Join adjacent text nodes. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (n.type === 'text' && prev?.type === 'text') prev.value += n.value;
    else out.push(n);
  }
  return out;
}

/** Trim whitespace at the start and end of a run of inline nodes, and around line breaks. */
export function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = nodes.filter((n) => !(n.type === 'text' && n.value === ''));
  while (out.length && out[out.length - 1]!.type === 'break') out.pop();
  while (out.length && out[0]!.type === 'break') out.shift();
  out.forEach((n, i) => {
    if (n.type !== 'text') return;
    if (i === 0 || out[i - 1]!.type === 'break') n.value = n.value.replace(/^\s+/, '');
    if (i === out.length - 1 || out[i + 1]!.type === 'break') n.value = n.value.replace(/\s+$/, '');
  });
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

/** Convert a run of sibling Markdown nodes, some of them raw HTML, into Markdown and JSX nodes. */
export function convertHtmlRun(children: RootContent[], context: 'flow' | 'phrasing', cx: HtmlContext): RootContent[] {
  const tree = parseHtmlRun(children.map((child) => (child.type === 'html' ? child.value : child)), cx.note);
  const converter = new HtmlConverter(cx);
  if (context === 'flow') return converter.flow(tree);
  // Keep the spacing the Markdown had around inline tags: only collapse, never trim, inside a paragraph.
  return converter.phrasing(tree);
}
