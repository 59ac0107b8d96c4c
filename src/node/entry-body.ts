/**
 * The Markdown body of a stored document entry, read from its file when a page needs it.
 *
 * The content layer keeps no bodies (`retainBody: false` in ./content-loader.ts): serialising,
 * compiling and parsing them back made up about a third of the content store's cost in every
 * build. The entry's page renders its body from this text (./entry-html.ts), and a few pages look
 * at the raw text itself (is an `<EscalationMatrix />` placed, which entries link to a glossary
 * term, the words of the search vocabulary).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';

/** Whether an entry's file is MDX. */
export const isMdx = (entry: { filePath?: string | undefined }): boolean => entry.filePath?.endsWith('.mdx') ?? false;

/** Read once per file and content digest: a build reads each file once; `astro dev` after each edit. */
const cache = new Map<string, { digest: string; body: string }>();

/**
 * The body as Astro's Markdown and MDX loaders compute it (frontmatter found by Astro's own
 * expression, removed, the rest trimmed); '' for an entry with neither a body nor a file.
 */
export function entryBody(entry: { body?: string | undefined; filePath?: string | undefined; digest?: string | number | undefined }): string {
  // An entry that carries its body (one built in a test, or a store that keeps bodies) needs no read.
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) return '';
  const digest = String(entry.digest ?? '');
  const hit = cache.get(entry.filePath);
  if (hit && hit.digest === digest) return hit.body;
  const text = readFileSync(resolve(entry.filePath), 'utf8');
  const raw = extractFrontmatter(text);
  const delims = text.replace(/^[\s\uFEFF]+/, '').startsWith('+++') ? '+++' : '---';
  // Only whitespace can precede the block, and the result is trimmed: removing it is the same as
  // Astro's blanking it out.
  const body = (raw === undefined ? text : text.replace(`${delims}${raw}${delims}`, '')).trim();
  cache.set(entry.filePath, { digest, body });
  return body;
}
