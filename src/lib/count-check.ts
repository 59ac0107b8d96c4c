/**
 * After the build: every published entry has exactly one page, appears in its collection's index
 * and in the search index; withdrawn entries keep a page but leave the index and search; drafts
 * have nothing. Pure: the caller reads dist/ and passes what it found.
 */
import { DOC_COLLECTIONS, type CollectionName } from '../schemas/vocab.ts';
import type { ValidEntry } from './validate-content.ts';
import { withBase } from './urls.ts';
import { statusOf } from './visibility.ts';

export interface DistFacts {
  /** Does dist/ hold a page at this URL path (…/index.html)? */
  hasPage: (urlPath: string) => boolean;
  /** The HTML of a collection's index page, or undefined. */
  indexHtml: (collection: CollectionName) => string | undefined;
  /** URLs recorded in the search index, relative to the site root (Pagefind adds the base in the browser). */
  searchUrls: string[];
}

export interface CountResult { problems: string[]; summary: string }

const pageOf = (e: ValidEntry) => (e.collection === 'glossary' ? `/glossary/${e.id}/` : `/${e.collection}/${e.id}/`);
const INDEXED: CollectionName[] = [...DOC_COLLECTIONS, 'paths', 'glossary'];

/**
 * `pages` are the paths (without the base) of pages that are not entries but belong in the search
 * index too (src/lib/search/record.ts pageSearchInputs).
 */
export function checkCounts(entries: ValidEntry[], dist: DistFacts, base = '/', pages: string[] = []): CountResult {
  const problems: string[] = [];
  const indexed = entries.filter((e) => INDEXED.includes(e.collection));
  const published = indexed.filter((e) => statusOf(e) === 'published');
  const withdrawn = indexed.filter((e) => statusOf(e) === 'withdrawn');
  const drafts = indexed.filter((e) => statusOf(e) === 'draft');
  const url = (e: ValidEntry) => withBase(base, pageOf(e));

  for (const e of [...published, ...withdrawn]) if (!dist.hasPage(url(e))) problems.push(`${e.file}: no page was built at ${url(e)}.`);
  for (const e of drafts) if (dist.hasPage(url(e))) problems.push(`${e.file}: is a draft, but a page was built at ${url(e)}.`);

  let listed = 0;
  for (const c of [...DOC_COLLECTIONS, 'paths' as const, 'glossary' as const]) {
    const html = dist.indexHtml(c);
    if (html === undefined) {
      problems.push(`The ${c} index page is missing.`);
      continue;
    }
    // The glossary index links terms by anchor; its term pages are linked from search and elsewhere.
    const linkOf = (e: ValidEntry) => (c === 'glossary' ? `id="${e.id}"` : `href="${url(e)}"`);
    for (const e of published.filter((x) => x.collection === c)) {
      if (html.includes(linkOf(e))) listed++;
      else problems.push(`${e.file}: is published but missing from the ${c} index page.`);
    }
    for (const e of withdrawn.filter((x) => x.collection === c)) if (html.includes(`href="${url(e)}"`)) problems.push(`${e.file}: is withdrawn but still listed on the ${c} index page.`);
  }

  const inSearch = new Set(dist.searchUrls.map((u) => withBase(base, u.split('?')[0]!.split('#')[0]!)));
  const expected = new Set(published.map(url));
  const pageUrls = new Set(pages.map((p) => withBase(base, p)));
  for (const e of published) if (!inSearch.has(url(e))) problems.push(`${e.file}: is published but not in the search index.`);
  for (const p of pageUrls) if (!inSearch.has(p)) problems.push(`The page ${p} should be in the search index, and is not.`);
  for (const u of inSearch) if (!expected.has(u) && !pageUrls.has(u)) problems.push(`The search index holds ${u}, which is not a published entry.`);

  const summary = `${published.length} published entries: ${published.filter((e) => dist.hasPage(url(e))).length} pages, ${listed} listed on index pages, ${[...expected].filter((u) => inSearch.has(u)).length} in the search index (with ${[...pageUrls].filter((u) => inSearch.has(u)).length} other pages); ${withdrawn.length} withdrawn (page kept, unlisted), ${drafts.length} draft (not built).`;
  return { problems, summary };
}
