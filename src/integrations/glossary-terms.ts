/**
 * The published glossary terms, read from content/glossary for the Markdown pipeline's term linking
 * (src/markdown/glossary.ts), which astro.config.mjs sets up before any collection loads. Invalid
 * files are skipped here: the content check reports them and fails the build.
 */
import { readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { readEntry } from '../node/read-content.ts';
import { CONTENT_DIR, DATA_EXTENSIONS } from '../node/content-layout.ts';
import { GlossarySchema } from '../schemas/glossary.ts';
import type { LinkableTerm } from '../lib/glossary-links.ts';
import { isListed } from '../lib/visibility.ts';

export function loadGlossaryTerms(contentDir = CONTENT_DIR): LinkableTerm[] {
  const dir = resolve(contentDir, 'glossary');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => DATA_EXTENSIONS.includes(extname(f)) && !f.startsWith('_'));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const raw = readEntry('glossary', join(dir, f));
    const parsed = GlossarySchema.safeParse(raw.data);
    if (!parsed.success || !isListed(parsed.data.status)) return [];
    const { term, aliases, autoLink } = parsed.data;
    return [{ id: raw.fileId, term, aliases, autoLink }];
  });
}
