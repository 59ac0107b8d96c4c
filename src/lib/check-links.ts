/**
 * Internal links and anchors in entry bodies, checked against the pages the build will produce.
 * A broken link fails the build with the file, the line and the link.
 */
import { DOC_COLLECTIONS, type CollectionName } from '../schemas/vocab.ts';
import { isExternal } from './urls.ts';
import type { BodyHeading, BodyLink } from './body.ts';

/** Pages that exist whatever the content: keep in step with src/pages (a test checks dist/). */
export const STATIC_PAGES = [
  '/', '/start/', '/search/', '/policy/', '/phases/', '/playbooks/', '/case-studies/', '/protocols/',
  '/glossary/', '/spokes/', '/teams/', '/paths/', '/whats-new/', '/assessment/', '/contacts/',
  '/start/new-practitioner/', '/start/spoke-lead/', '/start/sme/', '/start/pr/', '/start/hr/',
];

/** Section ids every entry page renders around its body (see KindPanels.astro and the entry page). */
const PAGE_SECTION_IDS = ['main', 'first-hour', 'severity-tiers', 'who-to-call', 'at-a-glance', 'signs', 'next-moves', 'related', 'history', 'feedback-heading'];

const PAGE_COLLECTIONS: CollectionName[] = [...DOC_COLLECTIONS, 'paths', 'spokes', 'teams', 'glossary'];

export interface LinkTarget { collection: CollectionName; id: string; draft: boolean; headings?: BodyHeading[] }
export interface LinkProblem { line: number; message: string }

/** Check one entry's links. `targets` maps `collection/id` to what exists; `self` is the entry's key. */
export function checkLinks(links: BodyLink[], self: string, targets: Map<string, LinkTarget>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const anchorsOf = (key: string) => new Set([...(targets.get(key)?.headings ?? []).map((h) => h.slug), ...PAGE_SECTION_IDS]);
  for (const { url, line } of links) {
    if (!url || isExternal(url)) continue;
    if (url.startsWith('#')) {
      const anchor = decodeURIComponent(url.slice(1));
      if (!anchorsOf(self).has(anchor)) problems.push({ line, message: `links to "${url}", but this page has no section with that id. Check the heading's spelling.` });
      continue;
    }
    if (!url.startsWith('/')) {
      problems.push({ line, message: `links to "${url}", a relative link that breaks when pages move. Write it from the site root, e.g. /playbooks/launch-a-channel/.` });
      continue;
    }
    const [pathPart = '', hash] = url.split('#', 2);
    const path = pathPart.split('?')[0] ?? '';
    if (/\.[a-z0-9]+$/i.test(path)) continue; // a file in public/, not a page
    if (!path.endsWith('/')) {
      problems.push({ line, message: `links to "${url}" without the trailing slash. Write ${path}/${hash ? `#${hash}` : ''}.` });
      continue;
    }
    if (path === '/glossary/' && hash) {
      const term = targets.get(`glossary/${hash}`);
      if (!term || term.draft) problems.push({ line, message: `links to the glossary term "${hash}", which does not exist. Add content/glossary/${hash}.yaml or fix the id.` });
      continue;
    }
    if (path === '/contacts/' && hash) {
      if (!targets.has(`contacts/${hash}`)) problems.push({ line, message: `links to the contact "${hash}", which does not exist. Add content/contacts/${hash}.yaml or fix the id.` });
      continue;
    }
    if (STATIC_PAGES.includes(path)) {
      // Index and start pages are built from lists; their section ids are not promised to authors.
      if (hash) problems.push({ line, message: `links to "${url}", but ${path} has no section "#${hash}" to link to. Link to ${path} itself.` });
      continue;
    }
    const [, collection, id, ...rest] = path.split('/');
    const key = `${collection}/${id}`;
    if (!PAGE_COLLECTIONS.includes(collection as CollectionName) || rest.length !== 1 || !targets.has(key)) {
      problems.push({ line, message: `links to "${url}", which is not a page of the portal. Check the collection and id.` });
      continue;
    }
    if (targets.get(key)?.draft) {
      problems.push({ line, message: `links to "${url}", a draft that is never built. Publish it first or remove the link.` });
      continue;
    }
    if (hash && !anchorsOf(key).has(decodeURIComponent(hash))) {
      problems.push({ line, message: `links to "${url}", but that page has no section "#${hash}". Check the heading's spelling.` });
    }
  }
  return problems;
}
