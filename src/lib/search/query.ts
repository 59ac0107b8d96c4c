/**
 * Understanding a query before Pagefind sees it. Pagefind keeps only pages that hold every word,
 * knows no synonyms and forgives no typo; readers ask whole questions, misspell, and use other
 * words than the pages do. These pure functions turn what a reader typed into the searches worth
 * running (src/islands/search/engine.ts runs them) and rank what comes back:
 *
 * - words that carry no meaning are dropped ("what do I do if our account is hacked" -> account hacked);
 * - the hub's vocabulary (a glossary term and its aliases) makes each word or phrase a slot with
 *   alternatives ("IG" -> instagram, "UGC" -> user-generated content);
 * - US and UK spellings of a word stand for each other (rumor, rumour);
 * - an unknown word is corrected to the closest known word (edit distance, then how many pages use it);
 * - results of several searches are merged, pages matching more of the query first.
 *
 * Nothing here knows any particular query: the vocabulary comes from content at build time
 * (src/lib/search/lexicon.ts).
 */

/** Words that carry no meaning in a query, in questions especially. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then so of to in on at by for with from into onto about as is are was were be been being am
  do does did doing done have has had having can could should would will shall may might must
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  this that these those there here what which who whom whose when where why how
  not no yes any some all each every such very just also too than only own same
  get gets got getting go goes going make makes made let lets need needs want wants please
  something anything someone anyone thing things way ways one ones`
    .split(/\s+/)
    .filter(Boolean),
);

/** A query is cut to this many characters before it is read. */
export const MAX_QUERY_CHARS = 200;
/** At most this many meaningful words are searched; more add cost and no precision. */
export const MAX_WORDS = 8;

/**
 * The lower-cased words of a text: runs of letters and digits in any script, with a possessive
 * "'s" dropped. Punctuation, emoji and markup separate words and are otherwise ignored.
 */
export function textWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/['’]s\b/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a query: those of its first MAX_QUERY_CHARS characters. */
export const queryWords = (q: string): string[] => textWords(q.slice(0, MAX_QUERY_CHARS));

/** The words worth searching for: stop words dropped, at most MAX_WORDS, repeats removed. */
export function meaningfulWords(q: string): string[] {
  return [...new Set(queryWords(q).filter((w) => !STOPWORDS.has(w)))].slice(0, MAX_WORDS);
}

/** The words that narrow a search: the common ones dropped, unless nothing else is left. */
export function narrowingWords(words: string[], common: readonly string[] = []): string[] {
  const rest = words.filter((w) => !common.includes(w));
  return rest.length ? rest : words;
}

/** What the build tells the browser about the hub's words (written by src/lib/search/lexicon.ts). */
export interface Lexicon {
  /** Words and phrases that mean the same: each glossary term with its aliases, lower-case. */
  groups: string[][];
  /**
   * Phrases that name an incident, each with the protocols that handle it (a protocol's search
   * terms): a query naming one puts its protocol first.
   */
  pins: Record<string, string[]>;
  /**
   * Words so many pages hold that requiring them narrows nothing ("social", "media" here): a query
   * that has other words searches without them.
   */
  common?: string[];
}

/** Every word the index holds, with the number of pages using it: for spelling. */
export type Vocabulary = ReadonlyMap<string, number>;

/** One meaningful part of a query: a word or a known phrase, and the searches that can stand for it. */
export interface Slot {
  /** The words as the reader wrote them. */
  text: string;
  /** Pagefind queries that each stand for this part (the reader's words first). */
  alternatives: string[];
}

/** A phrase as queries are read: the words that carry meaning ("take it to DMs" -> "take dms"). */
export const normalPhrase = (s: string) => textWords(s).filter((w) => !STOPWORDS.has(w)).join(' ');

/** A lookup from each phrase of the hub's vocabulary to its group's other phrases. */
export function synonymIndex(lexicon: Lexicon): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of lexicon.groups) {
    const phrases = [...new Set(group.map(normalPhrase).filter(Boolean))];
    for (const p of phrases) index.set(p, [...new Set([...(index.get(p) ?? []), ...phrases])]);
  }
  return index;
}

/** The singular of a plural English word, as far as a lookup needs it ("posts" -> "post"). */
const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

const LONGEST_PHRASE = 4;

/**
 * Split the words into slots: the longest known phrase at each position becomes one slot whose
 * alternatives are its group (a glossary term and its aliases); other words stand alone.
 */
export function toSlots(words: string[], synonyms: ReadonlyMap<string, string[]>): Slot[] {
  const slots: Slot[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1 && !taken; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const group = synonyms.get(phrase) ?? (n === 1 ? synonyms.get(singular(phrase)) : undefined);
      if (group) {
        slots.push({ text: phrase, alternatives: [phrase, ...group.filter((p) => p !== phrase)] });
        taken = n;
      }
    }
    if (!taken) {
      slots.push({ text: words[i]!, alternatives: [words[i]!] });
      taken = 1;
    }
    i += taken;
  }
  return slots;
}

/** The incidents a query names: each phrase it contains with the protocols that handle it. */
export function namedIncidents(slots: Slot[], lexicon: Lexicon): { phrase: string; urls: string[] }[] {
  const said = slots.flatMap((s) => s.alternatives);
  const words = ` ${slots.map((s) => s.text).join(' ')} `;
  const found: { phrase: string; urls: string[] }[] = [];
  for (const [raw, urls] of Object.entries(lexicon.pins)) {
    const phrase = normalPhrase(raw);
    if (!phrase) continue;
    const named = said.includes(phrase) || words.includes(` ${phrase} `) || (!phrase.includes(' ') && said.some((a) => sameWord(a, phrase)));
    if (named) found.push({ phrase, urls });
  }
  return found;
}

/**
 * Optimal string alignment distance (edits, with a swap of two neighbouring letters counting as
 * one: "disclousre" is one edit from "disclosure"). Stops early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Endings that English inflects; a word is known when its stem with any of them is. */
const INFLECTIONS = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly'];

/** The same word, or one with an inflection the other lacks ("leak", "leaked"). */
const sameWord = (a: string, b: string) => a === b || INFLECTIONS.some((end) => a + end === b || b + end === a);

/**
 * Is the word in the index, as written or inflected (Pagefind stems English words when it
 * searches)? Numbers and words under three letters (PR, HR) are not in the spelling list, and are
 * taken as known.
 */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
  if (word.length < 3 || vocabulary.has(word) || /^\p{N}+$/u.test(word)) return true;
  for (const end of INFLECTIONS) {
    if (word.endsWith(end) && vocabulary.has(word.slice(0, -end.length))) return true;
    if (vocabulary.has(word + end)) return true;
  }
  return false;
}

/**
 * The vocabulary with `words` added (each as on one page) where it lacks them. Words Pagefind
 * highlights in its results are in the index even when the spelling list does not hold them (it
 * is made from the entries, and a section page shows words of its own), so a search never drops
 * them as unknown. The vocabulary itself is returned when it lacks none of them.
 */
export function withWords(vocabulary: Vocabulary, words: string[]): Vocabulary {
  const missing = words.filter((w) => !vocabulary.has(w));
  return missing.length ? new Map([...vocabulary, ...missing.map((w): [string, number] => [w, 1])]) : vocabulary;
}

/** US and UK spellings of the same word, by the regular patterns that separate them. */
const VARIANT_RULES: [RegExp, string][] = [
  [/([^aeiou])or(s?)$/, '$1our$2'], // rumor, behavior
  [/our(s?)$/, 'or$1'],
  [/iz(e|es|ed|ing|ation|ations)$/, 'is$1'], // organization
  [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
  [/yz(e|es|ed|ing)$/, 'ys$1'], // analyze
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/([^aeiou])er(s?)$/, '$1re$2'], // center
  [/([^aeiou])re(s?)$/, '$1er$2'],
  [/og(s?)$/, 'ogue$1'], // catalog
  [/ogue(s?)$/, 'og$1'],
  [/ense(s?)$/, 'ence$1'], // defense, license
  [/ence(s?)$/, 'ense$1'],
  [/gram(s?)$/, 'gramme$1'], // program
  [/gramme(s?)$/, 'gram$1'],
  [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'], // labeled, traveling
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
];

/** The other spellings of a word that the index holds ("rumor" -> "rumour"). */
export function spellingVariants(word: string, vocabulary: Vocabulary): string[] {
  const out = new Set<string>();
  for (const [pattern, replacement] of VARIANT_RULES) {
    if (!pattern.test(word)) continue;
    const variant = word.replace(pattern, replacement);
    if (variant !== word && isKnown(variant, vocabulary)) out.add(variant);
  }
  return [...out];
}

/**
 * The closest known word to an unknown one: fewest edits (one for words up to seven letters, two
 * for longer ones), then the word more pages use, then the one that starts alike. Words under four
 * letters are too short to correct with any confidence.
 */
export function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  if (word.length < 4 || isKnown(word, vocabulary)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: { w: string; d: number; n: number } | undefined;
  for (const [candidate, pages] of vocabulary) {
    if (candidate.length < 3) continue;
    const d = editDistance(word, candidate, allowed);
    if (d > allowed) continue;
    const better =
      !best || d < best.d || (d === best.d && (pages > best.n || (pages === best.n && candidate[0] === word[0] && best.w[0] !== word[0])));
    if (better) best = { w: candidate, d, n: pages };
  }
  return best?.w;
}

/** A spelling correction of the reader's words, or undefined when every word is known or none is close. */
export function correctWords(words: string[], vocabulary: Vocabulary): string[] | undefined {
  let changed = false;
  const fixed = words.map((w) => {
    if (spellingVariants(w, vocabulary).length) return w;
    const c = closestWord(w, vocabulary);
    if (c) changed = true;
    return c ?? w;
  });
  return changed ? fixed : undefined;
}

/** One result of one search: Pagefind's id and score, and its place in that search's order. */
export interface Hit { id: string; score: number; rank: number }

/** A page after merging the searches for every slot. */
export interface Merged { id: string; slots: number; score: number; rank: number }

/**
 * Merge per-slot result lists. For relevance, by the sum of a page's scores over the parts it
 * matches (as a search for any of the words would score it), then by how many parts it matches;
 * for a sorted search, pages matching more parts first, then their best place in any list (each
 * list is already sorted). Measured on the relevance suite against "more parts first, then
 * score", and against scores weighted by how rare each part is: this ranked best.
 */
export function mergeBySlots(perSlot: Hit[][], byRank = false): Merged[] {
  const pages = new Map<string, Merged>();
  for (const hits of perSlot) {
    const seen = new Set<string>();
    for (const h of hits) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      const m = pages.get(h.id) ?? { id: h.id, slots: 0, score: 0, rank: Number.POSITIVE_INFINITY };
      m.slots += 1;
      m.score += h.score;
      m.rank = Math.min(m.rank, h.rank);
      pages.set(h.id, m);
    }
  }
  return [...pages.values()].sort((a, b) => (byRank ? b.slots - a.slots || a.rank - b.rank : b.score - a.score || b.slots - a.slots) || a.id.localeCompare(b.id));
}

/** Move the pinned ids to the front, in pin order, keeping the rest in place. */
export function pinFirst<T extends { id: string }>(results: T[], pinned: T[]): T[] {
  const ids = new Set(pinned.map((p) => p.id));
  return [...pinned, ...results.filter((r) => !ids.has(r.id))];
}

/**
 * The words worth searching for while a reader types: a last word of one letter is still being
 * typed ("influencer d"), and Pagefind would fetch every index chunk of words starting with that
 * letter for nothing. Two letters are kept: HR, PR and AI are real queries, and so is a digit
 * ("phase 3").
 */
export function searchableQuery(q: string): string {
  const words = q.slice(0, MAX_QUERY_CHARS).trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (last.length < 2 && !/^\p{N}$/u.test(last)) words.pop();
  return words.join(' ');
}
