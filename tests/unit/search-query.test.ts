import { describe, expect, it } from 'vitest';
import {
  closestWord, correctWords, editDistance, isKnown, meaningfulWords, mergeBySlots, namedIncidents, narrowingWords, pinFirst, queryWords, spellingVariants, synonymIndex,
  toSlots, withWords, type Lexicon,
} from '../../src/lib/search/query.ts';
import { markedWords, unconfirmedWords } from '../../src/lib/search/results.ts';
import { aliasClashes, buildLexicon, buildVocabulary, commonWords } from '../../src/lib/search/lexicon.ts';
import { checkFiles } from './helpers.ts';

const vocab = (words: Record<string, number>) => new Map(Object.entries(words));

describe('the words of a query', () => {
  it('drops the words of a question that carry no meaning', () => {
    expect(meaningfulWords('What do I do if our account is hacked?')).toEqual(['account', 'hacked']);
    expect(meaningfulWords('how do I')).toEqual([]);
  });
  it('keeps acronyms, digits and words of any script; markup and emoji only separate', () => {
    expect(meaningfulWords('PR and HR in phase 3')).toEqual(['pr', 'hr', 'phase', '3']);
    expect(queryWords('<script>alert(1)</script> 🔥 crisis')).toEqual(['script', 'alert', '1', 'script', 'crisis']);
    expect(queryWords('מדיה חברתית')).toEqual(['מדיה', 'חברתית']);
    expect(queryWords("the company's policy")).toEqual(['the', 'company', 'policy']);
  });
  it('searches without words nearly every page holds, unless nothing else is left', () => {
    expect(narrowingWords(['social', 'media', 'adoption', 'phase'], ['social', 'media'])).toEqual(['adoption', 'phase']);
    expect(narrowingWords(['social', 'media'], ['social', 'media'])).toEqual(['social', 'media']);
    expect(commonWords({ social: 9, media: 6, post: 5, crisis: 2 }, 10)).toEqual(['social', 'media']);
  });
  it('reads at most the first 200 characters and 8 words', () => {
    expect(meaningfulWords(`crisis ${'z '.repeat(5000)}escalation`)).toEqual(['crisis', 'z']);
    expect(meaningfulWords('one two three four five six seven eight nine ten').length).toBe(8);
  });
});

describe('the hub vocabulary', () => {
  const lexicon: Lexicon = buildLexicon(
    [
      { term: 'User-generated content', aliases: ['UGC', 'fan content'] },
      { term: 'Instagram', aliases: ['IG'] },
    ],
    [{ url: '/protocols/account-compromise/', searchTerms: ['Hacked', 'locked out'] }],
  );
  const synonyms = synonymIndex(lexicon);
  it('makes a known phrase one slot with its group as alternatives', () => {
    expect(toSlots(['ugc', 'rights'], synonyms)).toEqual([
      { text: 'ugc', alternatives: ['ugc', 'user generated content', 'fan content'] },
      { text: 'rights', alternatives: ['rights'] },
    ]);
    expect(toSlots(['user', 'generated', 'content'], synonyms)[0]?.alternatives).toContain('ugc');
  });
  it('finds the incident a query names, as a phrase or a word, and nothing else', () => {
    expect(namedIncidents(toSlots(['ig', 'account', 'hacked'], synonyms), lexicon)).toEqual([{ phrase: 'hacked', urls: ['/protocols/account-compromise/'] }]);
    expect(namedIncidents(toSlots(['locked', 'out', 'again'], synonyms), lexicon).map((i) => i.phrase)).toEqual(['locked out']);
    expect(namedIncidents(toSlots(['locked', 'door'], synonyms), lexicon)).toEqual([]);
    expect(namedIncidents(toSlots(['leak'], synonyms), buildLexicon([], [{ url: '/p/', searchTerms: ['leaked'] }]))).toEqual([{ phrase: 'leaked', urls: ['/p/'] }]);
  });
});

describe('spelling', () => {
  const words = vocab({ approval: 12, workflow: 9, escalation: 7, disclosure: 5, rumour: 3, organisation: 4, programme: 6, applause: 1 });
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('disclousre', 'disclosure')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
  it('corrects unknown words to the closest known one, the more used one on a tie', () => {
    expect(correctWords(['aproval', 'workflow'], words)).toEqual(['approval', 'workflow']);
    expect(closestWord('escalaton', words)).toBe('escalation');
    expect(closestWord('disclousre', words)).toBe('disclosure');
  });
  it('leaves known, inflected, short and far-off words alone', () => {
    expect(correctWords(['approvals', 'workflow'], words)).toBeUndefined();
    expect(isKnown('approvals', words)).toBe(true);
    expect(isKnown('pr', words)).toBe(true);
    expect(closestWord('apx', words)).toBeUndefined();
    expect(closestWord('zebra', words)).toBeUndefined();
  });
  it('treats US and UK spellings as the same word, without calling it a correction', () => {
    expect(spellingVariants('rumor', words)).toEqual(['rumour']);
    expect(spellingVariants('organization', words)).toEqual(['organisation']);
    expect(spellingVariants('program', words)).toEqual(['programme']);
    expect(correctWords(['rumor'], words)).toBeUndefined();
  });
  it('knows a word the spelling list lacks once Pagefind highlights it in a result, and corrects it no more', () => {
    const excerpts = ['Scores per <mark>dimensions.</mark> and the <mark>Dimension</mark> you skipped', 'An <mark>approval</mark> step'];
    expect(markedWords(excerpts)).toEqual(['dimensions', 'dimension', 'approval']);
    expect(isKnown('dimensions', words)).toBe(false);
    const known = withWords(words, markedWords(excerpts));
    expect(isKnown('dimensions', known)).toBe(true);
    expect(correctWords(['dimensions'], known)).toBeUndefined();
    // Only the highlighted words are added, and the counts the list has stay.
    expect(known.size).toBe(words.size + 2);
    expect(known.get('approval')).toBe(12);
    // A highlighted word that only starts like the typed one (Pagefind's prefix fallback) does not make it known.
    expect(isKnown('escalaton', withWords(words, markedWords(['<mark>escalation</mark>'])))).toBe(false);
    expect(withWords(words, ['approval'])).toBe(words);
  });
  it('splits highlights into words as the spelling list does, and lets no short piece confirm a misspelt word', () => {
    expect(markedWords(['<mark>pre-approved</mark> by the <mark>company’s</mark> <mark>don’t</mark>'])).toEqual(['pre', 'approved', 'company', 'don']);
    // "prevnt" is not shown as typed by "pre-approved", though "pre" starts it.
    expect(unconfirmedWords('approved prevnt', ['<mark>pre-approved</mark>'])).toContain('prevnt');
  });
});

describe('merging searches', () => {
  it('ranks by the summed score over the parts a page matches, then by how many it matches', () => {
    const merged = mergeBySlots([
      [{ id: 'a', score: 3, rank: 0 }, { id: 'b', score: 5, rank: 1 }, { id: 'd', score: 2, rank: 2 }],
      [{ id: 'a', score: 3, rank: 0 }, { id: 'c', score: 9, rank: 1 }, { id: 'e', score: 4, rank: 2 }],
      [{ id: 'd', score: 2, rank: 0 }],
    ]);
    expect(merged.map((m) => m.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(merged[1]).toMatchObject({ slots: 2, score: 6 });
  });
  it('keeps each list order for a sorted search', () => {
    const merged = mergeBySlots([[{ id: 'x', score: 9, rank: 1 }, { id: 'y', score: 1, rank: 0 }]], true);
    expect(merged.map((m) => m.id)).toEqual(['y', 'x']);
  });
  it('moves pinned results to the front without repeating them', () => {
    expect(pinFirst([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [{ id: 'c' }]).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('what the build writes for search', () => {
  it('counts each word once per page, most used first, without short words and numbers', () => {
    expect(buildVocabulary([['Crisis plan', 'the crisis'], ['Crisis', 'a 2026 plan']])).toEqual({ crisis: 2, plan: 2, the: 1 });
  });
  it('reads every word of a page, not only as much as a query may hold', () => {
    expect(buildVocabulary([[`${'crisis '.repeat(500)}downgrading`]])).toEqual({ crisis: 1, downgrading: 1 });
  });
  it('reports an alias claimed by two terms, or naming another term', () => {
    const problems = aliasClashes([
      { file: 'a.yaml', term: 'Instagram', aliases: ['IG'] },
      { file: 'b.yaml', term: 'Influencer guidelines', aliases: ['ig', 'Instagram'] },
    ]);
    expect(problems.map((p) => `${p.file} ${p.field} ${p.message}`)).toEqual([
      'b.yaml aliases[0] "ig" is also an alias in a.yaml: search would not know which term is meant. Keep it on one term.',
      'b.yaml aliases[1] "Instagram" is the name of the term in a.yaml: search would not know which term is meant. Keep it on one term.',
    ]);
  });
  it('the content check reports an alias clash with its file and line', () => {
    const term = (name: string, alias: string) => `term: ${name}\naliases:\n  - ${alias}\ndefinition: A word the hub uses.\n`;
    const { problems } = checkFiles({ 'glossary/ugc.yaml': term('User-generated content', 'UGC'), 'glossary/fan.yaml': term('Fan content', 'UGC') });
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/glossary\/(ugc|fan)\.yaml$/), line: 3, field: 'aliases[0]' })]);
  });
});
