/**
 * What Pagefind reads of a page. Pagefind parses every byte of the HTML it is given, but skips the
 * content of elements marked `data-pagefind-ignore` (it still reads filters and metadata inside
 * them), and on a page with a `data-pagefind-body` it reads no text outside that body. Most of an
 * entry page's bytes are such content: the sidebar listing the entries around it, the table of
 * contents, the site header, and inside the body the related entries, the change history and the
 * glossary popovers. Emptying them before indexing gives Pagefind the same index from a fraction of
 * the bytes (on the bench's 2,000 entries, 50 MB instead of 83 MB, and an identical bundle, byte
 * for byte).
 *
 * What is emptied, always keeping the element itself with its attributes, and only when nothing
 * inside it carries a `data-pagefind-*` attribute:
 * - outside the page's `data-pagefind-body` elements: ignored elements, and the page's landmarks
 *   (header, nav, footer, aside);
 * - inside a body: ignored elements that are blocks. Pagefind ends a word at a block's edges
 *   whatever it holds, but its spacing around an inline element depends on the element's content,
 *   so an ignored inline element is left as it is.
 * A page without a body is indexed whole and left as it is. What is left gets the word breaks the
 * built page leaves out (src/lib/word-breaks.ts).
 */

import { addWordBreaks } from '../word-breaks.ts';

/** Elements Pagefind ends a word at, whatever they hold: an ignored one is emptied inside a body too. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'header', 'main', 'nav', 'ol', 'p', 'section', 'table', 'ul']);
/** Landmarks: outside a body, where Pagefind reads no text, they are emptied like ignored elements. */
const LANDMARKS = 'header|nav|footer|aside';
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is not markup: a `<nav` inside them is not a tag. */
const RAW = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** The opening and closing tags of elements named `name`, one expression per name, reused. */
const TAGS = new Map<string, RegExp>();

/**
 * The end (index just past `</name>`) of the element whose opening tag ends at `from`, counting
 * nested elements of the same name; -1 when it is never closed.
 */
function closingEnd(html: string, name: string, from: number): number {
  let tag = TAGS.get(name);
  if (!tag) TAGS.set(name, (tag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi')));
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth -= 1;
    else if (!m[0].endsWith('/>')) depth += 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

interface Element {
  name: string;
  start: number;
  innerStart: number;
  end: number;
}

/** Start and end of every non-void element whose opening tag is one of `tags` (group 1: the tag name). */
function elementsOpenedBy(masked: string, tags: Iterable<RegExpExecArray>): Element[] {
  const found: Element[] = [];
  for (const m of tags) {
    const name = (m[1] ?? '').toLowerCase();
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    const innerStart = m.index + m[0].length;
    const end = closingEnd(masked, name, innerStart);
    if (end >= 0) found.push({ name, start: m.index, innerStart, end });
  }
  return found;
}

/**
 * The opening tags that carry `attribute`, in order: the same matches as scanning the page with
 * one expression for such tags, found faster. From each place the attribute's name occurs, the
 * tag that holds it starts at a `<` after the last `>` before it.
 */
function* tagsWith(masked: string, attribute: string): Generator<RegExpExecArray> {
  const open = new RegExp(`<([a-zA-Z][a-zA-Z0-9-]*)\\b[^>]*\\s${attribute}(?=[\\s=/>])[^>]*>`, 'y');
  let from = 0;
  for (let at = masked.indexOf(attribute); at >= 0; at = masked.indexOf(attribute, from)) {
    from = at + attribute.length;
    for (let start = masked.indexOf('<', masked.lastIndexOf('>', at) + 1); start >= 0 && start < at; start = masked.indexOf('<', start + 1)) {
      open.lastIndex = start;
      const m = open.exec(masked);
      if (!m) continue;
      from = start + m[0].length;
      yield m;
      break;
    }
  }
}

/** Every element whose opening tag carries `attribute`. */
const elementsWith = (masked: string, attribute: string) => elementsOpenedBy(masked, tagsWith(masked, attribute));

/** Every landmark element (see LANDMARKS). */
const landmarks = (masked: string) => elementsOpenedBy(masked, masked.matchAll(new RegExp(`<(${LANDMARKS})(?=[\\s>])[^>]*>`, 'gi')));

/**
 * The HTML Pagefind needs: the page with the content of ignored elements removed (see above) and
 * the word breaks compressHTML took away (src/lib/word-breaks.ts).
 */
export function pagefindInput(html: string): string {
  return addWordBreaks(withoutIgnoredContent(html));
}

function withoutIgnoredContent(html: string): string {
  // Raw-text elements are masked (same length) so that their text never looks like a tag.
  const masked = html.replace(RAW, (m) => m.replace(/</g, '\u0001'));
  const bodies = elementsWith(masked, 'data-pagefind-body');
  if (bodies.length === 0) return html;
  const inBody = (at: number) => bodies.some((b) => at >= b.start && at < b.end);
  const holdsBody = (start: number, end: number) => bodies.some((b) => b.start >= start && b.start < end);
  const emptied = [
    ...elementsWith(masked, 'data-pagefind-ignore').filter(({ name, start, end }) => (inBody(start) ? BLOCKS.has(name) : !holdsBody(start, end))),
    ...landmarks(masked).filter(({ start, end }) => !inBody(start) && !holdsBody(start, end)),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let copied = 0;
  let after = 0;
  for (const { start, innerStart, end } of emptied) {
    if (start < after) continue;
    const closeStart = masked.lastIndexOf('</', end - 1);
    if (masked.slice(innerStart, closeStart).includes('data-pagefind-')) continue;
    out += html.slice(copied, innerStart);
    copied = closeStart;
    after = end;
  }
  return out + html.slice(copied);
}

