/**
 * What a result list shows and says: safe excerpts, the count for the live region, and whether
 * the highlighted words show the query's words as typed. Pure: no DOM, no Pagefind.
 */
import { textWords } from './query.ts';

/**
 * Pagefind's excerpts are page text, HTML-escaped, with <mark> around matches. Keep only the
 * <mark> tags, so nothing else in an excerpt can ever become markup.
 */
export function safeExcerpt(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/gi, '');
}

/** "12 results for “crisis”", for the live region. */
export function describeCount(count: number, q: string, filtered: boolean): string {
  const what = count === 0 ? 'No results' : count === 1 ? '1 result' : `${count} results`;
  const forQ = q.trim() ? ` for “${q.trim()}”` : '';
  return `${what}${forQ}${filtered ? ' with the chosen filters' : ''}`;
}

/** The text of each highlight in the excerpts, in lower case and in order, punctuation and all ("dimensions."). */
const marks = (excerpts: string[]): string[] => excerpts.flatMap((e) => [...e.toLowerCase().matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? ''));

/**
 * The words of the highlights, split as the spelling list splits a page's text (textWords:
 * "pre-approved" is "pre" and "approved", "company’s" is "company"), of at least three letters.
 */
export function markedWords(excerpts: string[]): string[] {
  return marks(excerpts).flatMap((m) => textWords(m)).filter((w) => w.length >= 3);
}

/**
 * The words of a query that no highlighted word in the excerpts starts like (the first four
 * letters, or the whole word if shorter). Pagefind drops a word it does not hold, or falls back to
 * a short prefix ("infleuncer" matches "in"), so such a word was probably not found at all.
 */
export function unmatchedWords(query: string, excerpts: string[]): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const marked = marks(excerpts);
  return words.filter((w) => !marked.some((m) => m.startsWith(w.slice(0, Math.min(4, w.length)))));
}

/**
 * The words of a query that no highlighted word shows as typed (the same word, a longer form of
 * it, or it with an ending): Pagefind's prefix fallback finds "escalation" for "escalaton", so the
 * results look right while the word itself may be misspelt.
 */
export function unconfirmedWords(query: string, excerpts: string[]): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w));
  const marked = new Set(marks(excerpts));
  return words.filter((w) => ![...marked].some((m) => m.startsWith(w) || (w.startsWith(m) && w.length - m.length <= 3)));
}

/** A result set is weak when none of the query's words is marked in any excerpt. */
export function isWeakMatch(query: string, excerpts: string[]): boolean {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  if (!words.length || !excerpts.length) return false;
  return unmatchedWords(query, excerpts).length === words.length;
}
