/** A glossary term's page: its see-also terms and the entries where the idea is used. */
import type { CollectionEntry } from 'astro:content';
import { DOC_COLLECTIONS } from '../schemas/index.ts';
import { isWithdrawn } from '../lib/visibility.ts';
import type { EntryRef, Site } from './site.ts';
import { entryBody } from '../node/entry-body.ts';
import { glossaryAnchorsIn, linkedTermIds, termPopoverId } from '../lib/glossary-links.ts';

export interface TermPage {
  /** A withdrawn term keeps its address for old links, with a banner; it leaves the list and search. */
  withdrawn: boolean;
  seeAlso: CollectionEntry<'glossary'>[];
  /** Listed entries that link to the term in their body or tag it: where the reader sees the idea at work. */
  usedIn: EntryRef[];
}

/** Every term with a page: published ones and withdrawn ones. */
export const termsWithPages = (site: Site): CollectionEntry<'glossary'>[] => [...site.glossary, ...site.withdrawn.glossary];

const usesBySite = new WeakMap<Site, Map<string, EntryRef[]>>();

/** For each term id, the listed entries whose body links to the term or that tag it: read once per site. */
function termUses(site: Site): Map<string, EntryRef[]> {
  let uses = usesBySite.get(site);
  if (!uses) {
    usesBySite.set(site, (uses = new Map()));
    for (const c of DOC_COLLECTIONS) {
      for (const e of site.listed[c]) {
        const ref = site.resolve(`${c}/${e.id}`);
        if (!ref) continue;
        for (const id of new Set([...glossaryAnchorsIn(entryBody(e)), ...e.data.tags])) {
          const list = uses.get(id);
          if (list) list.push(ref);
          else uses.set(id, [ref]);
        }
      }
    }
  }
  return uses;
}

export function termPage(site: Site, term: CollectionEntry<'glossary'>): TermPage {
  return {
    withdrawn: isWithdrawn(term),
    seeAlso: term.data.seeAlso.map((id) => site.glossary.find((t) => t.id === id)).filter((t) => t !== undefined),
    usedIn: termUses(site).get(term.id) ?? [],
  };
}

/** A definition a page's body links to: the popover its term's "?" button opens. */
export interface TermDefinition { popoverId: string; term: string; definition: string }

const termsById = new WeakMap<Site, Map<string, CollectionEntry<'glossary'>>>();

/**
 * The definitions of the terms a body linked (its plugin front matter, see src/markdown/glossary.ts),
 * in order of first use. Only published terms: a term withdrawn since `astro dev` started keeps
 * its link, with no definition to show.
 */
export function linkedTermDefinitions(site: Site, pluginFrontmatter: Record<string, unknown>): TermDefinition[] {
  let byId = termsById.get(site);
  if (!byId) termsById.set(site, (byId = new Map(site.glossary.map((t) => [t.id, t]))));
  return linkedTermIds(pluginFrontmatter).flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ popoverId: termPopoverId(id), term: t.data.term, definition: t.data.definition }] : [];
  });
}
