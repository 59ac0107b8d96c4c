/**
 * A Sätteri hast plugin: the first use of each glossary term (or a linked alias) in a page's body
 * links to its glossary entry, with a button that opens the definition in place (a native popover:
 * keyboard, touch and Escape work without scripts, so the strict CSP is untouched). Never inside
 * headings, links, code or other interactive text. A page opts out with `glossaryLinks: false` in
 * its frontmatter; a term with `autoLink: false` in its YAML.
 *
 * The definitions are not in the body: the plugin lists the terms it linked in the page's plugin
 * front matter (`LINKED_TERMS_KEY`), and the page renders each popover once from the glossary
 * (src/components/TermPopovers.astro). Every body stored and compiled stays free of definitions,
 * which were a third of all body HTML, and an edited definition needs no body compiled again.
 */
import type { HastNode, HastPluginEntry } from 'satteri';
import type { Element, Parents, Text } from 'hast';
import { buildMatcher, LINKED_TERMS_KEY, splitTerms, termPopoverId, type LinkableTerm } from '../lib/glossary-links.ts';
import { withBase } from '../lib/urls.ts';

/** Text under these elements is never linked. */
const SKIP = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'summary', 'dfn', 'abbr', 'script', 'style', 'svg', 'title', 'label']);

type Data = { astro?: { frontmatter?: Record<string, unknown> }; glossarySeen?: Set<string> };

function termNodes(text: string, t: LinkableTerm, base: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['term'] },
    children: [
      { type: 'element', tagName: 'a', properties: { href: withBase(base, `/glossary/#${t.id}`), className: ['term-link'] }, children: [{ type: 'text', value: text }] },
      {
        type: 'element',
        tagName: 'button',
        // The "?" is a control, not text: the search index leaves it out, so excerpts read "the hub lead
        // answers", not "the hub lead? answers".
        properties: { type: 'button', className: ['term-hint'], popovertarget: termPopoverId(t.id), 'aria-label': `What is “${t.term}”?`, 'data-pagefind-ignore': '' },
        children: [{ type: 'text', value: '?' }],
      },
    ],
  };
}

/** The plugin's name in the pipeline. */
export const GLOSSARY_PLUGIN = 'hub-glossary';

export function glossaryPlugin(terms: LinkableTerm[], base: string): HastPluginEntry {
  const matcher = buildMatcher(terms);
  if (!matcher) return null;
  // Most text holds no term: one test of the pattern rules it out before the walk up its
  // ancestors, which makes the pipeline build each parent node (the costly part per text node).
  const mayHoldTerm = new RegExp(matcher.pattern.source, matcher.pattern.flags.replace('g', ''));
  return {
    name: GLOSSARY_PLUGIN,
    text(node: Readonly<Text>, ctx) {
      const data = ctx.data as Data;
      if (data.astro?.frontmatter?.glossaryLinks === false) return;
      if (!mayHoldTerm.test(node.value)) return;
      for (let p: Readonly<Parents> | undefined = ctx.parent(node); p; p = ctx.parent(p as Readonly<HastNode>)) {
        if (p.type === 'element' && SKIP.has(p.tagName)) return;
      }
      data.glossarySeen ??= new Set();
      const parts = splitTerms(node.value, matcher, data.glossarySeen);
      if (parts.length === 1 && typeof parts[0] === 'string') return;
      // A new object, not the entry's own front matter (which the content layer stores as its data).
      data.astro ??= {};
      data.astro.frontmatter = { ...data.astro.frontmatter, [LINKED_TERMS_KEY]: [...data.glossarySeen] };
      ctx.replaceNode(node, parts.map((p) => (typeof p === 'string' ? ({ type: 'text', value: p } as Text) : termNodes(p.text, p.term, base))));
    },
  } as HastPluginEntry;
}
