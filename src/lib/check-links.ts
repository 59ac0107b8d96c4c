/**
 * Internal links and anchors in entry bodies, checked against the pages the build will produce.
 * A broken link fails the build with the file, the line and the link.
 */
import { DOC_COLLECTIONS, type CollectionName } from '../schemas/vocab.ts';
import { isExternal } from './urls.ts';
import type { BodyHeading, BodyLink } from './body.ts';
import { PAGE_SECTION_IDS } from './sections.ts';

/**
 * Pages that exist whatever the content: keep in step with src/pages. The start-here pages
 * (/start/<id>/) come from content/start/ like any entry's page.
 */
export const STATIC_PAGES = [
  '/', '/start/', '/search/', '/policy/', '/phases/', '/playbooks/', '/case-studies/', '/protocols/',
  '/glossary/', '/spokes/', '/teams/', '/paths/', '/whats-new/', '/assessment/', '/contacts/',
];


const PAGE_COLLECTIONS: CollectionName[] = [...DOC_COLLECTIONS, 'paths', 'spokes', 'teams', 'glossary', 'start'];

export interface LinkTarget { collection: CollectionName; id: string; draft: boolean; headings?: BodyHeading[] }
export interface LinkProblem { line: number; message: string }

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Similarity of two ids or slugs, 0 to 1: the share of characters that need no edit, or of shared words. */
function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const byEdits = 1 - editDistance(x, y) / Math.max(x.length, y.length, 1);
  const wordsOf = (s: string) => new Set(s.split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  const wx = wordsOf(x);
  const wy = wordsOf(y);
  const shared = [...wx].filter((w) => wy.has(w)).length;
  const byWords = wx.size && wy.size ? shared / Math.max(wx.size, wy.size) : 0;
  return Math.max(byEdits, byWords);
}

/** The candidate most like `wanted`, when one is alike enough to be worth suggesting. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let score = 0.5;
  for (const c of candidates) {
    const s = similarity(wanted, c);
    if (s > score) {
      best = c;
      score = s;
    }
  }
  return best;
}

/** Advice that points at what exists: the closest heading of a page, or the closest page. */
const didYouMean = (suggestion: string | undefined, fallback: string) => (suggestion ? `Did you mean ${suggestion}?` : fallback);

/** Check one entry's links. `targets` maps `collection/id` to what exists; `self` is the entry's key. */
export function checkLinks(links: BodyLink[], self: string, targets: Map<string, LinkTarget>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const anchorsOf = (key: string) => new Set([...(targets.get(key)?.headings ?? []).map((h) => h.slug), ...PAGE_SECTION_IDS]);
  const headingsOf = (key: string) => (targets.get(key)?.headings ?? []).map((h) => h.slug);
  let pageList: string[] | undefined;
  /** Every page a link may point at, computed once and only when a link is broken. */
  const pages = () => (pageList ??= [...STATIC_PAGES, ...[...targets].filter(([, t]) => !t.draft && t.collection !== 'glossary' && PAGE_COLLECTIONS.includes(t.collection)).map(([key]) => `/${key}/`)]);
  const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? '';
  const isPage = (path: string) => {
    if (STATIC_PAGES.includes(path)) return true;
    const [, collection, id, ...rest] = path.split('/');
    return PAGE_COLLECTIONS.includes(collection as CollectionName) && rest.length === 1 && targets.has(`${collection}/${id}`);
  };
  /** Index pages and built start-here pages (content/start/): pages made of lists, not of an entry's body. */
  const isListPage = (path: string) => STATIC_PAGES.includes(path) || (path.startsWith('/start/') && isPage(path) && !targets.get(`start/${path.split('/')[2]}`)?.draft);
  /** The existing page most like a path: one with the same id first, then the closest id. */
  const closestPage = (path: string) => {
    const id = lastSegment(path.replace(/\.(md|mdx|markdown|html?)$/i, ''));
    const same = pages().find((p) => lastSegment(p) === id);
    if (same) return same;
    const byId = new Map(pages().map((p) => [lastSegment(p), p]));
    const hit = closest(id, byId.keys());
    return hit === undefined ? undefined : byId.get(hit);
  };
  for (const { url, line } of links) {
    if (!url || isExternal(url)) continue;
    if (url.startsWith('#')) {
      const anchor = decodeURIComponent(url.slice(1));
      if (!anchorsOf(self).has(anchor)) {
        const near = closest(anchor, headingsOf(self));
        problems.push({ line, message: `links to "${url}", but this page has no section with that id. ${didYouMean(near && `#${near}`, headingsOf(self).length ? `Its sections are: ${headingsOf(self).map((h) => `#${h}`).join(', ')}.` : 'It has no sections: link the page instead.')}` });
      }
      continue;
    }
    if (!url.startsWith('/')) {
      problems.push({ line, message: `links to "${url}", a relative link that breaks when pages move. ${didYouMean(closestPage(url.split('#')[0] ?? ''), 'Write it from the site root, e.g. /playbooks/launch-a-channel/.')}` });
      continue;
    }
    const [pathPart = '', hash] = url.split('#', 2);
    const path = pathPart.split('?')[0] ?? '';
    if (/\.(md|mdx|markdown)$/i.test(path)) {
      problems.push({ line, message: `links to "${url}", a source file, which is not served. ${didYouMean(closestPage(path), 'Link the page as /collection/id/.')}` });
      continue;
    }
    if (/\.[a-z0-9]+$/i.test(path)) continue; // a file in public/, not a page
    if (!path.endsWith('/')) {
      const fixed = `${path}/`;
      if (isPage(fixed)) problems.push({ line, message: `links to "${url}" without the trailing slash. Write ${fixed}${hash ? `#${hash}` : ''}.` });
      else problems.push({ line, message: `links to "${url}", which is not a page of the portal. ${didYouMean(closestPage(path), 'Check the collection and id.')}` });
      continue;
    }
    if (path === '/glossary/' && hash) {
      const term = targets.get(`glossary/${hash}`);
      if (!term || term.draft) {
        const terms = [...targets].filter(([k, t]) => k.startsWith('glossary/') && !t.draft).map(([k]) => k.slice('glossary/'.length));
        const near = closest(hash, terms);
        problems.push({ line, message: `links to the glossary term "${hash}", which does not exist. ${didYouMean(near && `/glossary/#${near}`, `Add content/glossary/${hash}.yaml or fix the id.`)}` });
      }
      continue;
    }
    if (path === '/contacts/' && hash) {
      if (!targets.has(`contacts/${hash}`)) problems.push({ line, message: `links to the contact "${hash}", which does not exist. Add content/contacts/${hash}.yaml or fix the id.` });
      continue;
    }
    if (isListPage(path)) {
      // Index and start pages are built from lists; their section ids are not promised to authors.
      if (hash) problems.push({ line, message: `links to "${url}", but ${path} has no section "#${hash}" to link to. Link to ${path} itself.` });
      continue;
    }
    const [, collection, id] = path.split('/');
    const key = `${collection}/${id}`;
    if (!isPage(path)) {
      problems.push({ line, message: `links to "${url}", which is not a page of the portal. ${didYouMean(closestPage(path), 'Check the collection and id.')}` });
      continue;
    }
    if (targets.get(key)?.draft) {
      problems.push({ line, message: `links to "${url}", a draft that is never built. Publish it first or remove the link.` });
      continue;
    }
    if (hash && !anchorsOf(key).has(decodeURIComponent(hash))) {
      const near = closest(decodeURIComponent(hash), headingsOf(key));
      problems.push({ line, message: `links to "${url}", but that page has no section "#${hash}". ${didYouMean(near && `${path}#${near}`, headingsOf(key).length ? `Its sections are: ${headingsOf(key).map((h) => `#${h}`).join(', ')}.` : 'It has no sections: link the page itself.')}` });
    }
  }
  return problems;
}
