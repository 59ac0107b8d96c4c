/**
 * The round-trip check: the text of every paragraph, heading, table cell, code block and HTML
 * block of the source must be found in the output (or, for what could not be converted, in the
 * notes). Text is compared as lower-case words, so escaping and formatting do not matter.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { decodeEntities, htmlTextRuns } from './html-parse.ts';

/** Lower-case words, joined by single spaces. */
export function words(text: string): string {
  return (decodeEntities(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** The visible text of raw HTML: tag names and attributes removed, alt and title text and comments kept. */
export function htmlText(html: string): string {
  return htmlTextRuns(html).join(' ');
}

const BLOCK_UNITS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);

/** The text units of a tree: one per paragraph, heading, table cell, code block and HTML block. */
export function textUnits(tree: Root, clean: (text: string) => string = (text) => text): string[] {
  const units: string[] = [];
  visit(tree, (node: Nodes) => {
    if (!BLOCK_UNITS.has(node.type)) return undefined;
    if (node.type === 'html') {
      // Raw HTML may be reordered (text between table rows is moved next to the table): check each text run.
      for (const run of htmlTextRuns(node.value)) units.push(words(run));
      return 'skip';
    }
    units.push(words(clean(plain(node as RootContent))));
    return 'skip';
  });
  return units.filter(Boolean);
}

/** All text of a tree, including image descriptions, JSX attribute values and comments. */
export function plain(node: Nodes): string {
  const parts: string[] = [];
  visit(node, (n: Nodes) => {
    if (n.type === 'html') parts.push(htmlText(n.value));
    else if (n.type === 'image' || n.type === 'imageReference') parts.push(n.alt ?? '');
    else if ('value' in n && typeof n.value === 'string') parts.push(n.value);
    if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.title) parts.push(n.title);
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      for (const a of n.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && a.name !== 'type') parts.push(a.value);
    }
    if (n.type === 'break') parts.push(' ');
    return undefined;
  });
  return parts.join(' ');
}

/** Our own to-do marker is not source text: it is left out on both sides of the comparison. */
const withoutTodo = (w: string) => w.replace(/(^| )todo(?= |$)/g, '').trim();

/** Units of `before` whose words cannot be found, in order, in `after` plus `extra` text. */
export function missingUnits(before: string[], after: string, extra: string[] = []): string[] {
  const corpus = ` ${[words(after), ...extra.map(words)].map(withoutTodo).join(' | ')} `;
  return before.filter((u) => !corpus.includes(` ${withoutTodo(u)} `));
}

/** A unit of source text that did not arrive, with the source line where it starts (when found). */
export interface LostUnit {
  text: string;
  line?: number;
}

/**
 * The 1-based line of `source` where the words of `unit` start: its first words are looked up in
 * the source's words, across line ends. Undefined when the source spells them too differently.
 */
export function sourceLineOf(unit: string, source: string): number | undefined {
  const wanted = unit.split(' ').slice(0, 6);
  if (!wanted[0]) return undefined;
  const seq: { word: string; line: number }[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    for (const word of words(text).split(' ')) if (word) seq.push({ word, line: i + 1 });
  });
  for (let i = 0; i + wanted.length <= seq.length; i++) {
    if (wanted.every((w, k) => seq[i + k]!.word === w)) return seq[i]!.line;
  }
  return undefined;
}

export { toString };
