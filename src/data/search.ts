/**
 * Search's data, computed once per build from the site's content: the record of every page the
 * index holds (src/lib/search/record.ts writes each), the hub's vocabulary and the spelling list.
 * Pages only look their record up: an entry, a path, a glossary term, a section or start page
 * and the search page's first view all read the same records.
 */
import type { Channel } from '../schemas/index.ts';
import { newestFirst } from '../lib/format.ts';
import { pageSearchInputs, searchRecord, type SearchInput, type SearchRecord } from '../lib/search/record.ts';
import { buildLexicon, buildVocabulary, commonWords, type SearchHelp } from '../lib/search/lexicon.ts';
import { entryPath } from '../lib/urls.ts';
import { ASK_THE_HUB_TEAM, href } from '../site.ts';
import { reviewOf, type Site } from './site.ts';
import { phasesOf, type Governed } from './entry-view.ts';
import { startAudiences } from './start.ts';
import { entryBody } from '../node/entry-body.ts';

/** What search records about an entry or a path: its filters and badges come from its own fields. */
function governedInput(site: Site, entry: Governed): SearchInput {
  const data = entry.data;
  const spokeId = entry.collection === 'case-studies' ? entry.data.spoke : undefined;
  const spoke = spokeId ? site.spoke(spokeId) : undefined;
  return {
    path: entryPath(entry.collection, entry.id),
    title: data.title,
    summary: data.summary,
    type: entry.collection,
    phases: phasesOf(entry),
    audiences: data.audiences,
    channels: 'channels' in data && Array.isArray(data.channels) ? (data.channels as Channel[]) : [],
    spoke: spoke ? { id: spoke.id, name: spoke.data.name } : undefined,
    review: reviewOf(data, site.today).state,
    owner: site.team(data.owner)?.data.name,
    updated: newestFirst(data.changes)[0]?.date ?? data.lastReviewed,
    keywords: [...data.tags, ...data.searchTerms],
  };
}

/** The pages that are not entries (sections, published start pages), as search records them. */
const otherPages = (site: Site): SearchInput[] => pageSearchInputs(startAudiences(site));

/** What search records about every page it indexes: listed entries, paths, glossary terms and the other pages. */
function searchInputsOf(site: Site): SearchInput[] {
  return [
    ...site.allListed.map((e) => governedInput(site, e)),
    ...site.paths.map((p) => governedInput(site, p)),
    // A term's aliases are matched, never shown as text.
    ...site.glossary.map((t): SearchInput => ({ path: `/glossary/${t.id}/`, title: t.data.term, summary: t.data.definition, type: 'glossary', keywords: t.data.aliases })),
    ...otherPages(site),
  ];
}

const records = new WeakMap<Site, Map<string, SearchRecord>>();

/** Every indexed page's search record, by path without the base; drafts and withdrawn pages have none. */
export function searchRecordsOf(site: Site): Map<string, SearchRecord> {
  let byPath = records.get(site);
  if (!byPath) {
    byPath = new Map(searchInputsOf(site).map((input) => [input.path, searchRecord(input)]));
    records.set(site, byPath);
  }
  return byPath;
}

/**
 * What search needs besides the index: the hub's vocabulary (glossary terms with aliases,
 * protocols' incident words), the protocols and the hub's mailbox for a query that finds nothing.
 */
export function searchHelpOf(site: Site): SearchHelp {
  const team = site.team(ASK_THE_HUB_TEAM);
  const email = team?.data.contact.email;
  return {
    ...buildLexicon(
      site.glossary.map((t) => ({ term: t.data.term, aliases: t.data.aliases })),
      site.listed.protocols.map((p) => ({ url: entryPath('protocols', p.id), searchTerms: p.data.searchTerms })),
      commonWordsOf(site),
    ),
    protocols: site.listed.protocols.map((p) => ({ title: p.data.title, url: href(entryPath('protocols', p.id)) })),
    ...(team && email ? { ask: { email, team: team.data.name } } : {}),
  };
}

/** Every string in an entry's data, however deep: the fields a page shows besides its body. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * The texts of every indexed page: published content only. An entry gives its body and every
 * string of its data (title, summary, keywords, and the fields its page shows: a playbook's goal,
 * a protocol's first hour and tiers…).
 */
function indexedTexts(site: Site): string[][] {
  return [
    ...site.allListed.map((e) => [entryBody(e), ...stringsIn(e.data)]),
    ...site.paths.map((p) => [p.data.title, p.data.summary, ...p.data.tags, ...p.data.searchTerms, ...p.data.steps.map((s) => s.why)]),
    ...site.glossary.map((t) => [t.data.term, t.data.definition, ...t.data.aliases]),
    ...otherPages(site).map((r) => [r.title, ...(r.keywords ?? [])]),
  ];
}

const vocabularies = new WeakMap<Site, { words: Record<string, number>; pages: number }>();

/** Every word of the indexed pages with the number of pages using it: read once per site. */
function vocabularyOf(site: Site): { words: Record<string, number>; pages: number } {
  let found = vocabularies.get(site);
  if (!found) {
    const texts = indexedTexts(site);
    vocabularies.set(site, (found = { words: buildVocabulary(texts), pages: texts.length }));
  }
  return found;
}

/** The words most indexed pages hold. */
function commonWordsOf(site: Site): string[] {
  const { words, pages } = vocabularyOf(site);
  return commonWords(words, pages);
}

/** The words of every indexed page with their page counts, for spelling correction. */
export const searchVocabularyOf = (site: Site): Record<string, number> => vocabularyOf(site).words;
