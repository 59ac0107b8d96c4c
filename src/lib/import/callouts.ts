/** Callout nodes, shared by the Markdown passes (tree.ts) and the HTML converter (html.ts). */
import type { RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { calloutType, type CalloutType } from './templates.ts';

export function calloutNode(type: CalloutType, title: string | undefined, children: RootContent[]): MdxJsxFlowElement {
  // A callout that opens with a heading (<div class="note"><h5>Title</h5>...) takes it as its title.
  const lead = children[0];
  if (lead?.type === 'heading' && children.length > 1 && (!title || title.toLowerCase() === type || /^(info|important)$/i.test(title))) {
    title = toString(lead).trim() || title;
    children = children.slice(1);
  }
  const attributes: MdxJsxAttribute[] = [{ type: 'mdxJsxAttribute', name: 'type', value: type }];
  if (title && title.toLowerCase() !== type) attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: title });
  return { type: 'mdxJsxFlowElement', name: 'Callout', attributes, children: children as MdxJsxFlowElement['children'] };
}

/** The most specific admonition among class names: "note warning" is a warning. */
export function strongestCallout(classes: string[]): ReturnType<typeof calloutType> {
  const generic = ['alert', 'callout', 'admonition', 'notice'];
  const rank = { note: 0, tip: 1, warning: 2, danger: 3 } as const;
  const specific = classes.filter((c) => !generic.includes(c.toLowerCase()));
  let best: ReturnType<typeof calloutType>;
  for (const c of specific.some((c) => calloutType(c)) ? specific : classes) {
    const mapped = calloutType(c);
    if (!mapped) continue;
    if (!best || rank[mapped.type] > rank[best.type] || (rank[mapped.type] === rank[best.type] && best.label && !mapped.label)) best = mapped;
  }
  return best;
}

