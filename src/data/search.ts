/**
 * What the search index and the search UI need from the site's content: each page's search
 * fields, the records of pages that are not entries, the hub's vocabulary and the spelling list.
 */
import { CHANNELS } from '../schemas/index.ts';
import { phaseSpan } from '../lib/format.ts';
import { pageSearchRecords, type SearchFields } from '../lib/search-record.ts';
import { buildLexicon, buildVocabulary, commonWords, type SearchHelp } from '../lib/search-lexicon.ts';
import { entryPath } from '../lib/urls.ts';
import { ASK_THE_HUB_TEAM, href } from '../site.ts';
import type { Site } from './site.ts';
import type { EntryView, Governed } from './entry-view.ts';
import { startAudiences } from './start.ts';
import { entryBody } from '../node/entry-body.ts';

const ALL_CHANNELS: string = CHANNELS['all-channels'];
/**
 * A page written for all channels is found under each channel's filter, and "All channels" is
 * never a filter value of its own (it would hide those pages from every specific channel).
 */
const searchChannels = (labels: string[]): string[] =>
  labels.includes(ALL_CHANNELS) ? Object.values(CHANNELS).filter((c) => c !== ALL_CHANNELS) : labels;

/** What the search index records about an entry page (see src/lib/search-record.ts). */
export function searchFieldsOf(site: Site, entry: Governed, view: EntryView): SearchFields {
  const spoke = entry.collection === 'case-studies' ? site.spoke((entry.data as { spoke: string }).spoke)?.data.name : undefined;
  return {
    type: view.typeLabel,
    phases: view.phases.map((p) => `Phase ${p.n}: ${p.label}`),
    phaseBadge: view.phases.length ? phaseSpan(view.phases.map((p) => p.n)) : undefined,
    audiences: view.audiences,
    channels: searchChannels(view.channels),
    spokes: spoke ? [spoke] : [],
    review: view.reviewState,
    owner: view.owner?.name,
    updated: view.changes[0]?.date ?? view.lastReviewed,
    keywords: [...entry.data.tags, ...entry.data.searchTerms],
  };
}

/** The page records beyond entries (index pages, start pages), by path without the base. */
export const pageRecords = (site: Site) => pageSearchRecords(startAudiences(site));

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

/** The texts of every indexed page (title, summary, body, keywords): published content only. */
function indexedTexts(site: Site): string[][] {
  return [
    ...site.allListed.map((e) => [e.data.title, e.data.summary, entryBody(e), ...e.data.tags, ...e.data.searchTerms]),
    ...site.paths.map((p) => [p.data.title, p.data.summary, ...p.data.tags, ...p.data.searchTerms, ...p.data.steps.map((s) => s.why)]),
    ...site.glossary.map((t) => [t.data.term, t.data.definition, ...t.data.aliases]),
    ...pageRecords(site).map(([, r]) => [r.title, ...(r.fields.keywords ?? [])]),
  ];
}

/** The words most indexed pages hold: gathering the pages' texts once for both counts. */
function commonWordsOf(site: Site): string[] {
  const texts = indexedTexts(site);
  return commonWords(buildVocabulary(texts), texts.length);
}

/** The words of every indexed page with their page counts, for spelling correction. */
export const searchVocabularyOf = (site: Site): Record<string, number> => buildVocabulary(indexedTexts(site));
