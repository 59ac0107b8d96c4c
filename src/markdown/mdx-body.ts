/**
 * An MDX body as Markdown: each portal component becomes its HTML (src/lib/mdx-components.ts)
 * around the Markdown written inside it, allowed HTML elements written as JSX become HTML, literal
 * expressions become their text, and comments go.
 *
 * An entry's page renders the result with the same Markdown settings and plugins as a .md body
 * (src/node/entry-html.ts): an MDX body is never compiled to JavaScript, bundled or run. It is parsed with
 * Sätteri's MDX parser, the one the content check uses, so both read the same syntax. The content
 * check has already refused anything that is code (src/lib/markup.ts); what it refuses is dropped
 * here too, so nothing that would run can come through.
 *
 * Markdown inside a component is rendered as Markdown (paragraphs, lists, links, glossary terms);
 * the component's own HTML is raw HTML, which the Markdown plugins leave alone, as they left alone
 * what an MDX component rendered.
 */
import { mdxToMdast } from 'satteri';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Html, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { componentHtml, MDX_COMPONENT_NAMES, type ComponentProps, type MdxComponentName } from '../lib/mdx-components.ts';
import { HTML_ELEMENTS, literalText, parseLiteral } from '../lib/markup.ts';
import { escapeOneLine } from '../lib/escape.ts';
import { SeverityTierSchema, type SeverityTier } from '../schemas/protocol.ts';

const SERIALIZE: Options = { bullet: '-', rule: '-', listItemIndent: 'one', fences: true, incrementListMarker: true, tightDefinitions: true, extensions: [gfmToMarkdown()] };

/** Bodies arrive without their frontmatter: a later `---` line is a thematic break, not YAML. */
const PARSE = { features: { frontmatter: false } };

const COMPONENTS = new Set<string>(MDX_COMPONENT_NAMES);

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html', 'mdxJsxTextElement', 'mdxTextExpression']);

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** An attribute's value as content wrote it: text, true for a bare name, or a literal's value. */
function attributeValue(attr: MdxJsxAttribute | MdxJsxExpressionAttribute): unknown {
  if (attr.type !== 'mdxJsxAttribute') return undefined;
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  return parseLiteral(attr.value.value)?.value;
}

function propsOf(node: Jsx): ComponentProps {
  const props: ComponentProps = {};
  for (const attr of node.attributes) if (attr.type === 'mdxJsxAttribute') props[attr.name] = attributeValue(attr);
  return props;
}

/** The open and close tags of an allowed HTML element written as JSX, with its literal attributes. */
function elementTags(node: Jsx): { open: string; close: string } {
  const name = node.name ?? '';
  const attrs = node.attributes
    .filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute')
    .map((a) => {
      const value = attributeValue(a);
      if (value === true) return ` ${a.name}`;
      return typeof value === 'string' ? ` ${a.name}="${escapeOneLine(value)}"` : '';
    })
    .join('');
  return { open: `<${name}${attrs}>`, close: `</${name}>` };
}

/** The HTML around a JSX node's children; undefined for what content may not use (dropped). */
function tagsOf(node: Jsx, tiers: readonly SeverityTier[]): { open: string; close: string } | undefined {
  const name = node.name ?? '';
  if (COMPONENTS.has(name)) return componentHtml(name as MdxComponentName, propsOf(node), tiers);
  if (HTML_ELEMENTS[name]) return elementTags(node);
  return undefined;
}

const html = (value: string): Html => ({ type: 'html', value });

function phrasing(nodes: readonly Nodes[], tiers: readonly SeverityTier[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'mdxTextExpression') {
      // A literal's text; a comment, or anything else, is dropped.
      const value = literalText(node.value);
      return value === undefined ? [] : [{ type: 'text', value }];
    }
    if (node.type === 'mdxJsxTextElement') {
      const tags = tagsOf(node, tiers);
      if (!tags) return [];
      return [html(tags.open), ...phrasing(node.children, tiers), ...(tags.close ? [html(tags.close)] : [])];
    }
    if ('children' in node) return [{ ...node, children: phrasing(node.children as Nodes[], tiers) } as PhrasingContent];
    return [node as PhrasingContent];
  });
}

function flow(nodes: readonly Nodes[], tiers: readonly SeverityTier[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    switch (node.type) {
      case 'mdxjsEsm':
        return [];
      case 'mdxFlowExpression': {
        const value = literalText(node.value);
        return value === undefined ? [] : [{ type: 'paragraph', children: [{ type: 'text', value }] }];
      }
      case 'mdxJsxFlowElement': {
        const tags = tagsOf(node, tiers);
        if (!tags) return [];
        if (!tags.close) return [html(tags.open)];
        const children = node.children as Nodes[];
        if (children.length > 0 && children.every((c) => PHRASING.has(c.type))) {
          // Children written on the tag's own line are phrasing. An HTML element keeps them on
          // its line, as written (`<summary>More</summary>`); a component's become a paragraph.
          if (!COMPONENTS.has(node.name ?? '')) return [{ type: 'paragraph', children: [html(tags.open), ...phrasing(children, tiers), html(tags.close)] } satisfies Paragraph];
          return [html(tags.open), { type: 'paragraph', children: phrasing(children, tiers) } satisfies Paragraph, html(tags.close)];
        }
        return [html(tags.open), ...flow(children, tiers), html(tags.close)];
      }
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        return [{ ...node, children: phrasing(node.children, tiers) } as RootContent];
      default:
        if ('children' in node) return [{ ...node, children: flow(node.children as Nodes[], tiers) } as RootContent];
        return [node as RootContent];
    }
  });
}

/** An entry's severity tiers from its front matter, raw or parsed; none when they do not parse (the content check says why). */
function tiersOf(frontmatter: Record<string, unknown>): SeverityTier[] {
  const parsed = SeverityTierSchema.array().safeParse(frontmatter.tiers ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The MDX body as Markdown, components written as HTML. `frontmatter` is the entry's (raw or
 * parsed): `<EscalationMatrix />` shows its severity tiers.
 */
export function mdxBodyToMarkdown(body: string, frontmatter: Record<string, unknown> = {}): string {
  const tree = mdxToMdast(body, PARSE) as Root;
  return toMarkdown({ type: 'root', children: flow(tree.children, tiersOf(frontmatter)) }, SERIALIZE);
}
