/**
 * Transformations of the parsed Markdown tree: callouts from sentinels and GitHub alerts, raw HTML,
 * attribute lists and custom heading ids, template tokens put back, and the last step that makes
 * the tree Markdown-only (.md) or MDX-safe (.mdx).
 */
import type { Blockquote, Heading, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import { toString } from 'mdast-util-to-string';
import { ANY_SENTINEL_RE, calloutType, CLOSE_RE, markerIndex, OPEN_RE, restoreTokens, todoAside, TOKEN_RE, type CalloutMarker } from './templates.ts';
import { convertHtmlRun, isPhrasing, type HtmlContext } from './html.ts';
import { calloutNode, strongestCallout } from './callouts.ts';
import { escapeText } from '../escape.ts';

const hasChildren = (node: Nodes): node is Nodes & Parent => 'children' in node && Array.isArray(node.children);

/** The sentinel a paragraph consists of, if any. */
function sentinelOf(node: RootContent): { open: boolean; n: number } | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
  const value = node.children[0]!.value.trim();
  const open = OPEN_RE.exec(value);
  if (open) return { open: true, n: markerIndex(open) };
  const close = CLOSE_RE.exec(value);
  if (close) return { open: false, n: markerIndex(close) };
  return undefined;
}

/** Replace each pair of callout sentinels with a Callout around what lies between them. */
export function applyCallouts(root: Root, markers: CalloutMarker[], note: (message: string, line?: number) => void): void {
  const asText = (text: string): Paragraph[] => (text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : []);
  const visitParent = (parent: Parent) => {
    for (const child of parent.children) if (hasChildren(child as Nodes)) visitParent(child as Parent);
    if (!parent.children.some((c) => sentinelOf(c as RootContent))) return;
    type Frame = { n: number | undefined; items: RootContent[] };
    const frames: Frame[] = [{ n: undefined, items: [] }];
    const unwind = (frame: Frame) => {
      const m = frame.n === undefined ? undefined : markers[frame.n];
      if (m) note(`the admonition "${m.open}" has no matching end in the same block; its text was kept without a Callout.`, m.line);
      frames[frames.length - 1]!.items.push(...asText(m?.open ?? ''), ...frame.items);
    };
    for (const child of parent.children as RootContent[]) {
      const s = sentinelOf(child);
      if (!s) frames[frames.length - 1]!.items.push(child);
      else if (s.open) frames.push({ n: s.n, items: [] });
      else {
        const depth = frames.findIndex((f) => f.n === s.n);
        if (depth <= 0) {
          const m = markers[s.n];
          if (m) note(`the end of the admonition "${m.open}" is in another block than its start; its text was kept without a Callout.`, m.line);
          frames[frames.length - 1]!.items.push(...asText(m?.close ?? ''));
          continue;
        }
        while (frames.length - 1 > depth) unwind(frames.pop()!);
        const frame = frames.pop()!;
        const m = markers[s.n]!;
        frames[frames.length - 1]!.items.push(calloutNode(m.type, m.title, frame.items));
      }
    }
    while (frames.length > 1) unwind(frames.pop()!);
    parent.children = frames[0]!.items as Parent['children'];
  };
  visitParent(root);
}

const LABEL = /^(NOTE|TIP|HINT|IMPORTANT|INFO|WARNING|CAUTION|DANGER|ATTENTION):[ \t]*(?:\n|$)?/;

/** Remove a leading "Note:" word (text, or bold as in "**Note:**") from a paragraph; returns the kind. */
function takeLabel(p: Paragraph, allowBold: boolean): string | undefined {
  const first = p.children[0];
  if (first?.type === 'text') {
    const m = LABEL.exec(first.value);
    if (!m) return undefined;
    first.value = first.value.slice(m[0].length).replace(/^[ \t]+/, '');
    if (!first.value) p.children.shift();
    return m[1];
  }
  if (allowBold && first?.type === 'strong' && first.children.length === 1 && first.children[0]!.type === 'text') {
    const m = /^(Note|Tip|Hint|Important|Info|Warning|Caution|Danger):?$/i.exec(first.children[0]!.value.trim());
    const next = p.children[1];
    if (!m || (next && next.type === 'text' && !/^\s*[:\n]|^\s/.test(next.value) && !first.children[0]!.value.trim().endsWith(':'))) return undefined;
    p.children.shift();
    const after = p.children[0];
    if (after?.type === 'text') {
      after.value = after.value.replace(/^:?[ \t]*\n?/, '');
      if (!after.value) p.children.shift();
    }
    if (p.children[0]?.type === 'break') p.children.shift();
    return m[1];
  }
  return undefined;
}

/**
 * Alerts that are Callouts in all but name: GitHub and Obsidian alerts (> [!NOTE]), GitHub's older
 * > **Note** form, and markdown-callouts paragraphs (NOTE: text, > NOTE: text) as MkDocs uses them.
 */
export function applyAlerts(root: Root, note: (message: string, line?: number) => void): void {
  const visitParent = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).map((child) => {
      if (hasChildren(child as Nodes)) visitParent(child as Parent);
      if (child.type === 'paragraph' && parent.type !== 'blockquote') {
        const kind = takeLabel(child, false);
        if (!kind) return child;
        const mapped = calloutType(kind)!;
        return calloutNode(mapped.type, mapped.label, child.children.length ? [child] : []);
      }
      if (child.type !== 'blockquote') return child;
      const first = child.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (!first || first.type !== 'paragraph') return child;
      const m = text?.type === 'text' ? /^\[!([A-Za-z]+)\][+-]?[ \t]*([^\n]*)(?:\n|$)/.exec(text.value) : null;
      if (!m || text?.type !== 'text') {
        const kind = takeLabel(first, true);
        if (!kind) return child;
        const mapped = calloutType(kind)!;
        const rest = first.children.length ? child.children : child.children.slice(1);
        return calloutNode(mapped.type, mapped.label, rest as RootContent[]);
      }
      const mapped = calloutType(m[1]!);
      if (!mapped) note(`the alert [!${m[1]}] has no matching Callout type; it became a note.`, child.position?.start.line);
      text.value = text.value.slice(m[0].length);
      if (!text.value) first.children.shift();
      if (first.children[0]?.type === 'break') first.children.shift();
      const rest = first.children.length ? child.children : child.children.slice(1);
      return calloutNode(mapped?.type ?? 'note', m[2]?.trim() || mapped?.label || (mapped ? undefined : m[1]), rest as RootContent[]);
    }) as Parent['children'];
  };
  visitParent(root);
}

/** Convert raw HTML nodes, deepest first, in both block and inline positions. */
export function applyHtml(root: Root, cx: HtmlContext): void {
  const visit = (parent: Parent, context: 'flow' | 'phrasing') => {
    for (const child of parent.children as RootContent[]) {
      if (!hasChildren(child as Nodes)) continue;
      const inner = ['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement'].includes(child.type) ? 'phrasing' : 'flow';
      if (child.type === 'table' || child.type === 'tableRow' || child.type === 'list') visit(child as Parent, 'flow');
      else visit(child as Parent, inner);
    }
    if (!(parent.children as RootContent[]).some((c) => c.type === 'html')) return;
    if (parent.type === 'table' || parent.type === 'tableRow' || parent.type === 'list') return;
    const converted = convertHtmlRun(parent.children as RootContent[], context, cx);
    if (context === 'phrasing') {
      // A line break cannot start or end a paragraph (<p> inside a Markdown paragraph adds one).
      while (converted.length && converted[converted.length - 1]!.type === 'break') converted.pop();
      while (converted.length && converted[0]!.type === 'break') converted.shift();
    }
    parent.children = (context === 'phrasing' ? converted.filter(isPhrasing) : converted) as Parent['children'];
  };
  visit(root, 'flow');
}

const IAL = /\{:[^}\n]*\}|\{[ \t]*(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)))*[ \t]*\}/g;

/**
 * Remove kramdown and attr_list attribute lists ({: .class}, { .md-button }, {#id}) and
 * [TOC] markers; collect custom heading ids so links to them can be rewritten. A paragraph with a
 * kramdown block attribute list naming an admonition class ({: .note .warning}) becomes a Callout.
 */
export function applyAttributeLists(root: Root, note: (message: string, line?: number) => void): Map<Heading, string> {
  const customIds = new Map<Heading, string>();
  const visit = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (child.type === 'heading') {
        const last = child.children[child.children.length - 1];
        if (last?.type === 'text') {
          const m = /[ \t]*\{[ \t]*#([\w:.-]+)[^}]*\}[ \t]*$/.exec(last.value);
          if (m) {
            customIds.set(child, m[1]!);
            last.value = last.value.slice(0, m.index);
          }
        }
      }
      let callout: ReturnType<typeof calloutType>;
      if (child.type === 'paragraph') {
        const text = toString(child).trim();
        if (/^\[TOC\]$|^\{:toc\}$|^\{:\s*\.?no_toc\s*\}$/i.test(text)) {
          note(`removed "${text}": the portal builds its own table of contents.`, child.position?.start.line);
          return [];
        }
        const first = child.children[0];
        const last = child.children[child.children.length - 1];
        const block = (first?.type === 'text' ? /^\{:([^}\n]*)\}[ \t]*(?:\n|$)/.exec(first.value) : null) ?? (last?.type === 'text' ? /(?:^|\n)[ \t]*\{:([^}\n]*)\}[ \t]*$/.exec(last.value) : null);
        if (block) {
          callout = strongestCallout((block[1]!.match(/\.[\w-]+/g) ?? []).map((c) => c.slice(1)));
        }
      }
      if (hasChildren(child as Nodes)) visit(child as Parent);
      if (child.type === 'text') {
        child.value = child.value.replace(IAL, (m) => {
          const admonition = m.startsWith('{:') && strongestCallout((m.match(/\.[\w-]+/g) ?? []).map((c) => c.slice(1)));
          if (!admonition) note(`removed the attribute list ${m}; the portal styles content itself.`, child.position?.start.line);
          return '';
        });
      }
      if (child.type === 'paragraph') {
        // Whitespace left where an attribute list stood.
        const kids = child.children;
        const first = kids[0];
        const last = kids[kids.length - 1];
        if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
        if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
        child.children = kids.filter((c) => !(c.type === 'text' && c.value === ''));
        if (child.children.every((c) => c.type === 'text' && !c.value.trim())) return [];
        if (callout) {
          note(`a paragraph marked {: .${callout.label?.toLowerCase() ?? callout.type}} became a Callout (${callout.type}).`, child.position?.start.line);
          return [calloutNode(callout.type, callout.label, [child])];
        }
      }
      return [child];
    }) as Parent['children'];
  };
  visit(root);
  return customIds;
}

/**
 * Put template tokens back as literal text. A token inside a link or image address cannot be a
 * working address: the link becomes its text followed by the address in brackets.
 */
export function restoreAll(root: Root, tokens: string[], markers: CalloutMarker[], note: (message: string, line?: number) => void, dropMarkers = false, todos: ReadonlySet<number> = new Set()): void {
  const fix = (s: string) =>
    restoreTokens(s, tokens, todos).replace(/\uE002([\uE010-\uE019]+)\uE003|\uE004([\uE010-\uE019]+)\uE005/g, (m) => {
      if (dropMarkers) return '';
      const open = OPEN_RE.exec(m);
      const marker = markers[markerIndex(open ?? CLOSE_RE.exec(m)!)];
      return (open ? marker?.open : marker?.close) ?? '';
    }).replace(ANY_SENTINEL_RE, '');
  const visit = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (hasChildren(child as Nodes)) visit(child as Parent);
      if ((child.type === 'link' || child.type === 'image') && TOKEN_RE.test(child.url)) {
        TOKEN_RE.lastIndex = 0;
        const url = fix(child.url);
        note(`the address of ${child.type === 'link' ? 'a link' : 'an image'} is a template tag (${url}); it was kept as text after the ${child.type === 'link' ? 'link text' : 'image description'}.`, child.position?.start.line);
        const label: PhrasingContent[] = child.type === 'link' ? (child.children as PhrasingContent[]) : [{ type: 'text', value: fix(child.alt ?? '') }];
        return [...label, { type: 'text', value: ` (${url})` }, ...(dropMarkers ? [] : [{ type: 'text', value: todoAside('the address was a template tag; write the real one') }])] as RootContent[];
      }
      TOKEN_RE.lastIndex = 0;
      if ('value' in child && typeof child.value === 'string') child.value = fix(child.value);
      if ('url' in child && typeof child.url === 'string') child.url = fix(child.url);
      if ('title' in child && typeof child.title === 'string') child.title = fix(child.title);
      if ('alt' in child && typeof child.alt === 'string') child.alt = fix(child.alt);
      if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
        for (const a of child.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') a.value = fix(a.value);
      }
      return [child];
    }) as Parent['children'];
  };
  visit(root);
}

/** `[[Page]]` and `[[Text|Page]]` wiki links become links with a `wiki:` address, resolved later. */
export function applyWikiLinks(root: Root): void {
  const visit = (parent: Parent) => {
    if (parent.type === 'link' || parent.type === 'linkReference') return;
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (hasChildren(child as Nodes)) visit(child as Parent);
      if (child.type !== 'text' || !child.value.includes('[[')) return [child];
      const out: PhrasingContent[] = [];
      let last = 0;
      for (const m of child.value.matchAll(/\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]/g)) {
        if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
        const label = (m[1] ?? '').trim();
        const target = (m[2] ?? m[1] ?? '').trim();
        out.push({ type: 'link', url: `wiki:${target}`, title: null, data: { wiki: { label, alt: m[2] ? label : undefined, original: m[0] } } as never, children: [{ type: 'text', value: label }] });
        last = m.index + m[0].length;
      }
      if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
      return out as RootContent[];
    }) as Parent['children'];
  };
  visit(root);
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const openTag = (el: MdxJsxFlowElement | MdxJsxTextElement) =>
  `<${el.name ?? ''}${el.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? (a.value === null || a.value === undefined ? ` ${a.name}` : typeof a.value === 'string' ? ` ${a.name}="${escapeAttr(a.value)}"` : '') : '')).join('')}>`;

/** For .md output: JSX elements (details, sup, tables kept as HTML) become raw HTML tags. */
export function jsxToHtml(root: Root): void {
  const visit = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
      if (hasChildren(child as Nodes)) visit(child as Parent);
      if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
        const open = openTag(child);
        const close = `</${child.name ?? ''}>`;
        const kids = child.children as RootContent[];
        if (child.type === 'mdxJsxFlowElement' && kids.length === 1 && kids[0]!.type === 'paragraph' && kids[0]!.children.every((c) => c.type === 'text')) {
          return [{ type: 'html', value: `${open}${escapeText(toString(kids[0]!))}${close}` }];
        }
        return [{ type: 'html', value: open }, ...kids, { type: 'html', value: close }] as RootContent[];
      }
      return [child];
    }) as Parent['children'];
  };
  visit(root);
}

/** For .mdx output: HTML comments become MDX comments; any other raw HTML left becomes text. */
export function htmlToMdx(root: Root): void {
  const visit = (parent: Parent, inline: boolean) => {
    parent.children = (parent.children as RootContent[]).map((child): RootContent => {
      if (hasChildren(child as Nodes)) visit(child as Parent, isPhrasingParent(child));
      if (child.type !== 'html') return child;
      const comment = /^<!--([\s\S]*?)-->$/.exec(child.value.trim());
      if (comment) {
        const value = `/*${comment[1]!.replace(/\*\//g, '* /')}*/`;
        return inline ? ({ type: 'mdxTextExpression', value } satisfies MdxTextExpression) : ({ type: 'mdxFlowExpression', value } satisfies MdxFlowExpression);
      }
      const text: Text = { type: 'text', value: child.value };
      return inline ? text : { type: 'paragraph', children: [text] };
    }) as Parent['children'];
  };
  visit(root, false);
}
const isPhrasingParent = (node: RootContent) => ['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement'].includes(node.type);

export function contains(root: Parent, test: (node: RootContent) => boolean): boolean {
  return (root.children as RootContent[]).some((c) => test(c) || (hasChildren(c as Nodes) && contains(c as Parent, test)));
}

export type { Blockquote };
