/**
 * What the build writes for search to understand readers (see src/lib/search/query.ts): the hub's
 * vocabulary and the words of the index. Pure: the endpoints in src/pages/search/ pass published
 * content only, so nothing from a draft reaches these files.
 */
import { normalPhrase, textWords, type Lexicon } from './query.ts';

/** What search offers besides results: the hub's vocabulary, and an answer when nothing matches. */
export interface SearchHelp extends Lexicon {
  /** Every published protocol, offered when nothing matches: a reader in an incident needs one. */
  protocols: { title: string; url: string }[];
  /** The hub's mailbox for a question search could not answer. */
  ask?: { email: string; team: string };
}

/** The vocabulary groups (each glossary term with its aliases) and the incident phrases of protocols. */
export function buildLexicon(glossary: { term: string; aliases: string[] }[], protocols: { url: string; searchTerms: string[] }[], common: string[] = []): Lexicon {
  const pins: Record<string, string[]> = {};
  for (const p of protocols) {
    for (const t of p.searchTerms) {
      const phrase = normalPhrase(t);
      if (phrase) pins[phrase] = [...new Set([...(pins[phrase] ?? []), p.url])];
    }
  }
  return { groups: glossary.map((g) => [g.term, ...g.aliases]), pins, common };
}

/**
 * A word on more than half of the pages narrows a search by almost nothing. Counted over every
 * word of every page (title, summary, body, keywords); on the shipped content: company, social and
 * media. (At 0.4 "post", "account" and "brand" were common too, and "personal account" was
 * searched as "personal": the relevance suite lost three queries.)
 */
const COMMON_SHARE = 0.5;

/** The words so many pages hold that they narrow nothing ("social", "media" on this portal). */
export function commonWords(vocabulary: Record<string, number>, pages: number): string[] {
  return Object.entries(vocabulary)
    .filter(([, n]) => n > pages * COMMON_SHARE)
    .map(([w]) => w);
}

/** Words shorter than this are never corrected, and longer ones are not words. */
const MIN_WORD = 3;
const MAX_WORD = 30;

/**
 * Every word of the indexed pages with the number of pages using it, most used first. Each page
 * is given as its texts (title, summary, body, keywords).
 */
export function buildVocabulary(pages: string[][]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const texts of pages) {
    const words = new Set(texts.flatMap((t) => textWords(t)).filter((w) => w.length >= MIN_WORD && w.length <= MAX_WORD && !/^\p{N}+$/u.test(w)));
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** A glossary term as the vocabulary check sees it. */
export interface TermSource {
  file: string;
  term: string;
  aliases: string[];
  /** The line of the alias at this index, when known. */
  aliasLine?: (index: number) => number | undefined;
}

/**
 * Aliases that search could not resolve: an alias claimed by two terms, or one that is another
 * term's name. Each is reported on the later file, with the one it clashes with.
 */
export function aliasClashes(terms: TermSource[]): { file: string; line?: number; field: string; message: string }[] {
  const owner = new Map<string, { file: string; as: 'term' | 'alias' }>();
  for (const t of terms) owner.set(normalPhrase(t.term), { file: t.file, as: 'term' });
  const problems: { file: string; line?: number; field: string; message: string }[] = [];
  for (const t of terms) {
    t.aliases.forEach((alias, i) => {
      const key = normalPhrase(alias);
      const prior = owner.get(key);
      if (prior && prior.file !== t.file) {
        const what = prior.as === 'term' ? 'the name of the term in' : 'also an alias in';
        problems.push({ file: t.file, line: t.aliasLine?.(i), field: `aliases[${i}]`, message: `"${alias}" is ${what} ${prior.file}: search would not know which term is meant. Keep it on one term.` });
      } else if (!prior) owner.set(key, { file: t.file, as: 'alias' });
    });
  }
  return problems;
}
