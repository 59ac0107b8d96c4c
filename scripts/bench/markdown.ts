/**
 * What linking glossary terms costs the build: the corpus's bodies rendered in this process with
 * the portal's hast plugins (src/markdown/plugins.ts) and again without the glossary's,
 * alternating, as entry pages render them (Sätteri, no syntax highlighting; an MDX body first
 * turned into Markdown, src/markdown/mdx-body.ts). The floor links no terms, so the difference is
 * part of rendering the portal's pages that the floor does not have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { loadGlossaryTerms } from '../../src/integrations/glossary-terms.ts';
import { linkedTermIds } from '../../src/lib/glossary-links.ts';
import { GLOSSARY_PLUGIN, hastPlugins } from '../../src/markdown/plugins.ts';
import { mdxBodyToMarkdown } from '../../src/markdown/mdx-body.ts';
import { spreadOf, type Spread } from './stats.ts';

export interface GlossaryCost {
  /** Markdown bodies rendered each time. */
  bodies: number;
  /** Wall time of one rendering of every body, ms: with the portal's plugins, and without the glossary's. */
  withTerms: Spread;
  withoutTerms: Spread;
  /** Terms linked per body, on average. */
  termsPerBody: number;
}

interface MarkdownEntry {
  body: string;
  frontmatter: Record<string, unknown>;
}

/**
 * Every .md and .mdx entry under the corpus's collection folders, as Markdown (a page's front
 * matter can turn term links off). An MDX body is turned into Markdown here, outside the timing.
 */
function markdownEntries(corpusDir: string): MarkdownEntry[] {
  return readdirSync(corpusDir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.mdx?$/.test(f.name))
    .map((f) => {
      const { content, frontmatter } = parseFrontmatter(readFileSync(join(f.parentPath, f.name), 'utf8'));
      if (!f.name.endsWith('.mdx')) return { body: content, frontmatter };
      return { body: mdxBodyToMarkdown(content.trim(), frontmatter), frontmatter };
    });
}

/** One rendering of every entry: its wall time, and the terms linked in all (as the plugin lists them for the page). */
async function renderAll(entries: MarkdownEntry[], plugins: HastPluginEntry[]): Promise<{ ms: number; linked: number }> {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: plugins, syntaxHighlight: false });
  const start = performance.now();
  const results = [];
  for (const { body, frontmatter } of entries) results.push(await processor.render(body, { frontmatter }));
  const ms = performance.now() - start;
  return { ms, linked: results.reduce((n, r) => n + linkedTermIds(r.metadata.frontmatter).length, 0) };
}

/** Undefined when the corpus has no glossary term that links (the plugin is then left out). */
export async function measureGlossaryCost(corpusDir: string, runs: number): Promise<GlossaryCost | undefined> {
  const entries = markdownEntries(corpusDir);
  const all = hastPlugins('/', loadGlossaryTerms(corpusDir));
  const withoutGlossary = all.filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === GLOSSARY_PLUGIN));
  if (withoutGlossary.length === all.length) return undefined;
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  let linked = 0;
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, as the build runs do.
    const order = run % 2 ? [false, true] : [true, false];
    for (const terms of order) {
      const rendered = await renderAll(entries, terms ? all : withoutGlossary);
      (terms ? withMs : withoutMs).push(rendered.ms);
      if (terms) linked = rendered.linked;
    }
  }
  return { bodies: entries.length, withTerms: spreadOf(withMs), withoutTerms: spreadOf(withoutMs), termsPerBody: entries.length ? linked / entries.length : 0 };
}
