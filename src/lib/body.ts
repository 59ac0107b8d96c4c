/**
 * Parse an entry's Markdown or MDX body the way authors wrote it (remark with GFM, plus MDX for
 * .mdx files) to find its links, headings and empty sections, and to report MDX syntax errors
 * with their line before the build trips over them.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

export interface BodyLink { url: string; line: number }
export interface BodyHeading { depth: number; text: string; slug: string; line: number }
export interface ParsedBody {
  links: BodyLink[];
  headings: BodyHeading[];
  /** Headings with no content before the next heading of the same or a higher level. */
  emptySections: BodyHeading[];
  error?: { message: string; line?: number };
}

const mdParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** Parse a body. `firstLine` is the file line the body starts on, so lines match the file. */
export function parseBody(body: string, { mdx, firstLine = 1 }: { mdx: boolean; firstLine?: number }): ParsedBody {
  const offset = firstLine - 1;
  let tree: Root;
  try {
    tree = (mdx ? mdxParser : mdParser).parse(body) as Root;
  } catch (cause) {
    const err = cause as { reason?: string; message: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    // Some MDX errors carry their position only in the message, as "(4:1-4:21)".
    const fromMessage = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(err.reason ?? err.message)?.[1];
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? (fromMessage ? Number(fromMessage) : undefined);
    return {
      links: [],
      headings: [],
      emptySections: [],
      error: {
        message: `is not valid MDX: ${err.reason ?? err.message}. Check for an unclosed tag, or write { } < > in text as \\{ \\} &lt; &gt;.`,
        line: line === undefined ? undefined : line + offset,
      },
    };
  }
  const links: BodyLink[] = [];
  const headings: BodyHeading[] = [];
  const slugger = new GithubSlugger();
  visit(tree, (node) => {
    const line = (node.position?.start.line ?? 1) + offset;
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, line });
    if (node.type === 'heading') {
      const text = toString(node);
      headings.push({ depth: node.depth, text, slug: slugger.slug(text), line });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' || node.type === 'html') && 'value' in node === false) {
      for (const attr of (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes ?? []) {
        if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') links.push({ url: attr.value, line });
      }
    }
    if (node.type === 'html') {
      for (const m of node.value.matchAll(/href="([^"]+)"/g)) links.push({ url: m[1] ?? '', line });
    }
  });
  const emptySections: BodyHeading[] = [];
  const top = tree.children;
  top.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const next = top[i + 1];
    if (!next || (next.type === 'heading' && next.depth <= node.depth)) {
      const h = headings.find((x) => x.line === (node.position?.start.line ?? 0) + offset);
      if (h) emptySections.push(h);
    }
  });
  return { links, headings, emptySections };
}
