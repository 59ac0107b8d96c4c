/**
 * What linking glossary terms costs the build: the corpus's Markdown entries rendered in this
 * process with the portal's hast plugins (src/markdown/plugins.ts) and again without the
 * glossary's, alternating, as the content sync renders them (Sätteri, no syntax highlighting). The
 * floor links no terms, so the difference is part of the portal's content sync that the floor
 * does not have. MDX entries link terms too, when Vite compiles them; they are not counted here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { loadGlossaryTerms } from '../../src/integrations/glossary-terms.ts';
import { GLOSSARY_PLUGIN, hastPlugins } from '../../src/markdown/plugins.ts';
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

/** Every .md entry under the corpus's collection folders (a page's front matter can turn term links off). */
function markdownEntries(corpusDir: string): MarkdownEntry[] {
  return readdirSync(corpusDir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.md'))
    .map((f) => {
      const { content, frontmatter } = parseFrontmatter(readFileSync(join(f.parentPath, f.name), 'utf8'));
      return { body: content, frontmatter };
    });
}

async function renderAll(entries: MarkdownEntry[], plugins: HastPluginEntry[]): Promise<{ ms: number; html: string[] }> {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: plugins, syntaxHighlight: false });
  const start = performance.now();
  const html: string[] = [];
  for (const { body, frontmatter } of entries) html.push((await processor.render(body, { frontmatter })).code);
  return { ms: performance.now() - start, html };
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
      const { ms, html } = await renderAll(entries, terms ? all : withoutGlossary);
      (terms ? withMs : withoutMs).push(ms);
      if (terms) linked = html.reduce((n, page) => n + (page.match(/<span class="term">/g)?.length ?? 0), 0);
    }
  }
  return { bodies: entries.length, withTerms: spreadOf(withMs), withoutTerms: spreadOf(withoutMs), termsPerBody: entries.length ? linked / entries.length : 0 };
}
