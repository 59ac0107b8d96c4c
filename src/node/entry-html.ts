/**
 * A document entry's body, rendered when its page is: Markdown through the portal's Markdown
 * settings (src/markdown/plugins.ts: Sätteri, link bases, glossary terms), an MDX body first turned
 * into Markdown (src/markdown/mdx-body.ts).
 *
 * The content layer stores no rendered bodies (src/node/content-loader.ts). Stored, they were three
 * quarters of its store (24 of 33 MB on the bench's 2,000 entries), which every build read, wrote
 * back and read again to render pages, even when one entry had changed; a warm build now renders
 * only the bodies of the pages it renders. The page hands the result to Astro's `render()`, which
 * resolves local images as for any Markdown entry (the loader registers them).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { loadGlossaryTerms } from '../integrations/glossary-terms.ts';
import { markdownConfig } from '../markdown/plugins.ts';
import { mdxBodyToMarkdown } from '../markdown/mdx-body.ts';
import { entryBody, isMdx } from './entry-body.ts';

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;

/** One renderer per base path, made at first use: the glossary terms are read once, as at startup. */
const renderers = new Map<string, Promise<Renderer>>();

function rendererFor(base: string): Promise<Renderer> {
  let renderer = renderers.get(base);
  if (!renderer) {
    const { processor, syntaxHighlight } = markdownConfig(base, loadGlossaryTerms());
    // The options Astro gives a Markdown entry's renderer, at their defaults but for the portal's.
    renderer = processor.createRenderer({ syntaxHighlight, gfm: true, smartypants: true, image: {} });
    renderers.set(base, renderer);
  }
  return renderer;
}

export interface RenderableEntry {
  data: Record<string, unknown>;
  filePath?: string | undefined;
  body?: string | undefined;
  digest?: string | number | undefined;
}

/**
 * The entry's body as Astro stores a rendered Markdown entry: its HTML, with headings, the images
 * it shows and the plugins' front matter (the glossary terms it links). `base` is the site's base
 * path ending in a slash.
 */
export async function renderedBody(entry: RenderableEntry, base: string) {
  const body = entryBody(entry);
  const markdown = isMdx(entry) ? mdxBodyToMarkdown(body, entry.data) : body;
  const { code, metadata } = await (await rendererFor(base)).render(markdown, {
    frontmatter: entry.data,
    fileURL: entry.filePath ? pathToFileURL(resolve(entry.filePath)) : undefined,
  });
  return { html: code, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } };
}
