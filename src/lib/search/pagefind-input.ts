/**
 * What Pagefind reads of a page. Pagefind parses every byte of the HTML it is given, but skips the
 * content of elements marked `data-pagefind-ignore` (it still reads filters and metadata inside
 * them). Most of an entry page's bytes are such elements: the sidebar listing every other entry of
 * the collection, the table of contents. Emptying them before indexing gives Pagefind the same
 * index from a fraction of the bytes (on the bench's 2,000 entries, 77 MB instead of 251 MB, and
 * an identical bundle, byte for byte).
 *
 * An element is emptied only outside the page's `data-pagefind-body` elements and only when
 * nothing inside it carries a `data-pagefind-*` attribute; the element itself stays, with its
 * attributes. What is left gets the word breaks the built page leaves out (src/lib/word-breaks.ts).
 */

import { addWordBreaks } from '../word-breaks.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is not markup: a `<nav` inside them is not a tag. */
const RAW = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * The end (index just past `</name>`) of the element whose opening tag ends at `from`, counting
 * nested elements of the same name; -1 when it is never closed.
 */
function closingEnd(html: string, name: string, from: number): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi');
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth -= 1;
    else if (!m[0].endsWith('/>')) depth += 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** Start and end of every element whose opening tag matches `attribute` (void elements excepted). */
function elementsWith(masked: string, attribute: string): { name: string; start: number; innerStart: number; end: number }[] {
  const open = new RegExp(`<([a-zA-Z][a-zA-Z0-9-]*)\\b[^>]*\\s${attribute}(?=[\\s=/>])[^>]*>`, 'g');
  const found: { name: string; start: number; innerStart: number; end: number }[] = [];
  for (let m = open.exec(masked); m; m = open.exec(masked)) {
    const name = (m[1] ?? '').toLowerCase();
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    const innerStart = m.index + m[0].length;
    const end = closingEnd(masked, name, innerStart);
    if (end >= 0) found.push({ name, start: m.index, innerStart, end });
  }
  return found;
}

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
  // Only outside the indexed body: there Pagefind reads no text at all, so emptying an element
  // cannot move a word or a space. (Inside the body it can: Pagefind's spacing around inline
  // elements depends on their content.) A page without a body is indexed whole and left as it is.
  const bodies = elementsWith(masked, 'data-pagefind-body');
  if (bodies.length === 0) return html;
  const inBody = (at: number) => bodies.some((b) => at >= b.start && at < b.end);
  let out = '';
  let copied = 0;
  let after = 0;
  for (const { start, innerStart, end } of elementsWith(masked, 'data-pagefind-ignore')) {
    if (start < after || inBody(start) || bodies.some((b) => b.start >= start && b.start < end)) continue;
    const closeStart = masked.lastIndexOf('</', end - 1);
    if (masked.slice(innerStart, closeStart).includes('data-pagefind-')) continue;
    out += html.slice(copied, innerStart);
    copied = closeStart;
    after = end;
  }
  return out + html.slice(copied);
}
