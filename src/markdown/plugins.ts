/**
 * The portal's hast plugins for Markdown and MDX, in the order they run: link bases and rel
 * (src/markdown/links.ts), then glossary terms (src/markdown/glossary.ts). astro.config.mjs gives
 * them to Sätteri; the build bench renders the corpus with and without the glossary's to show what
 * linking terms costs.
 */
import type { HastPluginEntry } from 'satteri';
import { satteri } from '@astrojs/markdown-satteri';
import type { LinkableTerm } from '../lib/glossary-links.ts';
import { glossaryPlugin, GLOSSARY_PLUGIN } from './glossary.ts';
import { linksPlugin } from './links.ts';

export { GLOSSARY_PLUGIN };

/** `base` is the site's base path ending in a slash; `terms` the glossary terms that link. */
export const hastPlugins = (base: string, terms: LinkableTerm[]): HastPluginEntry[] => [linksPlugin(base), glossaryPlugin(terms, base)];

/**
 * The portal's Markdown settings: Sätteri, Astro 7's native pipeline (GFM built in), with the hast
 * plugins above. Code blocks here are templates and messages, not code: no highlighting, and no
 * inline styles for the CSP to forbid. astro.config.mjs uses them, and so does the renderer that
 * entry pages call (src/node/entry-html.ts), so a body renders the same everywhere.
 */
export const markdownConfig = (base: string, terms: LinkableTerm[]) => ({ processor: satteri({ hastPlugins: hastPlugins(base, terms) }), syntaxHighlight: false as const });
