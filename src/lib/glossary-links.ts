/**
 * Glossary terms found in running text, for linking each term at its first use on a page. Pure:
 * src/markdown/glossary.ts applies it to the Markdown pipeline's text nodes.
 */

/** What linking needs of a term; its definition is rendered by the page, not the Markdown pipeline. */
export interface LinkableTerm { id: string; term: string; aliases: string[]; autoLink?: boolean }

export interface TermMatcher {
  /** Every phrase, longest first, in one regular expression. */
  pattern: RegExp;
  /** Phrase (as matched, see `keyOf`) to term. */
  byPhrase: Map<string, LinkableTerm>;
}

/** Acronyms (SME, CRM) match only in capitals: "sme" in a URL slug or a word is not the term. */
const isAcronym = (phrase: string) => /^[A-Z0-9&]{2,}s?$/.test(phrase);
const keyOf = (phrase: string) => (isAcronym(phrase) ? phrase : phrase.toLowerCase());

/**
 * Which phrases of a term are linked: the term itself and aliases of two or more words or in
 * capitals. A one-word alias ("expert" for SME) is left to search: it is too common to link.
 */
export function linkPhrases(t: LinkableTerm): string[] {
  const aliases = t.aliases.filter((a) => /[\s-]/.test(a.trim()) || isAcronym(a.trim()));
  return [...new Set([t.term, ...aliases].map((p) => p.trim()).filter((p) => p.length >= 2))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One matcher for all terms; terms with autoLink false are left out. */
export function buildMatcher(terms: LinkableTerm[]): TermMatcher | undefined {
  const byPhrase = new Map<string, LinkableTerm>();
  for (const t of terms) {
    if (t.autoLink === false) continue;
    for (const phrase of linkPhrases(t)) if (!byPhrase.has(keyOf(phrase))) byPhrase.set(keyOf(phrase), t);
  }
  if (!byPhrase.size) return undefined;
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length);
  // Case-insensitive phrases use (?i:…); acronyms stay case-sensitive. A plural "s" is allowed.
  const alternatives = phrases.map((p) => (isAcronym(p) ? escape(p) : `(?i:${escape(p)})`));
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}-])`, 'gu'), byPhrase };
}

export type Segment = string | { text: string; term: LinkableTerm };

/**
 * Split text into plain strings and the first use of each term not yet in `seen` (which it
 * updates). Later uses of a term stay plain.
 */
export function splitTerms(text: string, matcher: TermMatcher, seen: Set<string>): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    const raw = m[0];
    const term = matcher.byPhrase.get(keyOf(raw)) ?? matcher.byPhrase.get(keyOf(raw.replace(/s$/, '')));
    if (!term || seen.has(term.id)) continue;
    seen.add(term.id);
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ text: raw, term });
    last = m.index + raw.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/**
 * Where the Markdown plugin lists the terms it linked in a page's body, in order of first use: a
 * key it adds to the page's plugin front matter (Astro's `remarkPluginFrontmatter`). The page
 * renders each term's definition once, outside the body (src/components/TermPopovers.astro).
 */
export const LINKED_TERMS_KEY = 'hubLinkedTerms';

/** The id of a term's definition popover, which the term's "?" button opens. */
export const termPopoverId = (termId: string): string => `term-${termId}`;

/** The term ids a body linked, from its plugin front matter; none when it holds no valid list. */
export function linkedTermIds(pluginFrontmatter: Record<string, unknown>): string[] {
  const ids = pluginFrontmatter[LINKED_TERMS_KEY];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The glossary terms a body links to: the id of every `/glossary/#id` anywhere in its text (with
 * or without a base path), sorted. A term's page lists the entries whose body holds its id.
 */
export function glossaryAnchorsIn(body: string | undefined): string[] {
  if (!body) return [];
  const found = new Set<string>();
  for (const m of body.matchAll(/\/glossary\/#([A-Za-z0-9_-]*)/g)) found.add(m[1] ?? '');
  return [...found].sort();
}
