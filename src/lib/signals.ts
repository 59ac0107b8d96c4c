/**
 * Reader signals: what the browser sends to the portal's own web server and what the report reads
 * back from its log. One definition of the wire format serves both ends (and the nginx check in
 * src/lib/security-headers.ts), so they cannot drift apart.
 *
 * A request carries one or more events in its query string, in order; `t` starts an event:
 *
 *   v=1&t=search&q=holding+statement&n=0&k=0&t=open&q=crisis&r=2&p=%2Fprotocols%2Fcrisis-escalation%2F
 *
 * Nothing in it identifies the reader: no cookie value, id, user name or address is part of the
 * payload, and the server's signal log leaves the signed-in identity out.
 */

/** The path, under the site's base, that the web server answers with 204 and logs. */
export const SIGNAL_PATH = '/_signal';
/** Wire format version; the server refuses anything else. */
export const SIGNAL_VERSION = '1';
/** Queries are cut to this many characters before they leave the browser. */
export const MAX_QUERY = 200;
/** Free-text reasons are cut to this many characters (the form allows no more). */
export const MAX_COMMENT = 500;
/** Longest query string the server accepts; the browser splits batches to stay under it. */
export const MAX_ARGS = 6000;
/** Events one page view may send at most; a runaway script cannot flood the log. */
export const MAX_EVENTS_PER_VIEW = 60;

/** Why a page was not helpful (or was): short fixed lists, so the report can count them. */
export const NOT_HELPFUL_REASONS = {
  'no-answer': 'It does not answer my question',
  'out-of-date': 'It is out of date or wrong',
  unclear: 'It is hard to follow',
  'too-long': 'It is too long to use in the moment',
  other: 'Something else',
} as const;
export const HELPFUL_REASONS = {
  answered: 'It answered my question',
  steps: 'The steps were clear',
  examples: 'The examples or templates helped',
  other: 'Something else',
} as const;
export type NotHelpfulReason = keyof typeof NOT_HELPFUL_REASONS;
export type HelpfulReason = keyof typeof HELPFUL_REASONS;
export type Reason = NotHelpfulReason | HelpfulReason;

/** A search the reader finished: its query, how many results it showed, whether a result was opened. */
export interface SearchSignal { type: 'search'; query: string; results: number; opened: boolean }
/** A result opened from a search: the query, the result's rank (1 = first page listed) and the page. */
export interface OpenSignal { type: 'open'; query: string; rank: number; page: string }
/** "Was this page helpful?": the page, yes or no, an optional reason from the list and free text. */
export interface VoteSignal { type: 'vote'; page: string; helpful: boolean; reason?: Reason | undefined; comment?: string | undefined }
export type Signal = SearchSignal | OpenSignal | VoteSignal;

/** Whitespace collapsed and the query cut to MAX_QUERY characters (not bytes: no half letters). */
export function cutQuery(query: string): string {
  if (query.length <= MAX_QUERY && !/^\s|\s$|\s\s|[^\S ]/.test(query)) return query;
  return [...query.replace(/\s+/g, ' ').trim()].slice(0, MAX_QUERY).join('');
}

/** The key the report groups queries by: case and spacing do not make a different search. */
export function normalizeQuery(query: string): string {
  return cutQuery(query).toLowerCase();
}

/**
 * Free text with what most often identifies someone replaced: e-mail addresses, phone numbers
 * and other long digit runs (staff or ticket numbers). Readers are asked not to write names; this
 * catches the rest before the text leaves the browser, and the report applies it again.
 */
export function redactComment(text: string): string {
  const cut = [...text.replace(/\s+/g, ' ').trim()].slice(0, MAX_COMMENT).join('');
  return cut
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[e-mail]')
    .replace(/\+?\d[\d ().-]{5,}\d/g, (m) => (m.replace(/\D/g, '').length >= 6 ? '[number]' : m));
}

/** A page's path as the report keys it: no query or fragment, always ending in a slash. */
export function pagePath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? '';
  return bare.endsWith('/') ? bare : `${bare}/`;
}

const isReason = (v: string): v is Reason => Object.hasOwn(NOT_HELPFUL_REASONS, v) || Object.hasOwn(HELPFUL_REASONS, v);

/** One event as its query-string pairs, in order, with every limit applied. */
export function eventPairs(s: Signal): [string, string][] {
  switch (s.type) {
    case 'search':
      return [['t', 'search'], ['q', cutQuery(s.query)], ['n', String(Math.max(0, Math.floor(s.results)))], ['k', s.opened ? '1' : '0']];
    case 'open':
      return [['t', 'open'], ['q', cutQuery(s.query)], ['r', String(Math.max(1, Math.floor(s.rank)))], ['p', pagePath(s.page)]];
    case 'vote': {
      const pairs: [string, string][] = [['t', 'vote'], ['p', pagePath(s.page)], ['h', s.helpful ? '1' : '0']];
      if (s.reason) pairs.push(['w', s.reason]);
      const comment = s.comment ? redactComment(s.comment) : '';
      if (comment) pairs.push(['c', comment]);
      return pairs;
    }
  }
}

/** The query string of one request: the version, then each event. */
export function encodeSignals(signals: Signal[]): string {
  const params = new URLSearchParams([['v', SIGNAL_VERSION]]);
  for (const s of signals) for (const [k, v] of eventPairs(s)) params.append(k, v);
  return params.toString();
}

/**
 * Events split into request query strings that each stay under MAX_ARGS characters, in order.
 * A single event never exceeds it: its free text is limited far below.
 */
export function batchSignals(signals: Signal[], maxArgs = MAX_ARGS): string[] {
  const batches: string[] = [];
  let current: Signal[] = [];
  for (const s of signals) {
    const next = [...current, s];
    if (current.length && encodeSignals(next).length > maxArgs) {
      batches.push(encodeSignals(current));
      current = [s];
    } else current = next;
  }
  if (current.length) batches.push(encodeSignals(current));
  return batches;
}

/** A form-encoded component decoded ('+' is a space), or undefined when its escapes are broken. */
function decodePart(part: string): string | undefined {
  if (!/[%+]/.test(part)) return part;
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Reads a request's query string back into events; undefined when any part is malformed. Hand
 * parsed rather than through URLSearchParams: the report reads millions of these.
 */
export function decodeSignals(args: string): Signal[] | undefined {
  const parts = args.split('&');
  if (parts[0] !== `v=${SIGNAL_VERSION}` || parts.length < 2) return undefined;
  const out: Signal[] = [];
  let group: Record<string, string> | undefined;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq < 1) return undefined;
    const key = part.slice(0, eq);
    const value = decodePart(part.slice(eq + 1));
    if (value === undefined) return undefined;
    if (key === 't') {
      if (group) {
        const signal = toSignal(group);
        if (!signal) return undefined;
        out.push(signal);
      }
      group = { t: value };
    } else {
      if (!group || key in group) return undefined;
      group[key] = value;
    }
  }
  const last = group && toSignal(group);
  if (!last) return undefined;
  out.push(last);
  return out;
}

const count = (v: string | undefined, min: number) => (v !== undefined && /^\d{1,6}$/.test(v) && Number(v) >= min ? Number(v) : undefined);
const validPage = (p: string | undefined) => (p && p.length <= 300 && /^\/[^\s?#]*\/$/.test(p) ? p : undefined);
// Code units are never fewer than characters: count characters only when the length is in doubt.
const withinChars = (s: string, max: number) => s.length <= max || [...s].length <= max;
const validQuery = (q: string | undefined) => (q !== undefined && withinChars(q, MAX_QUERY) ? q : undefined);
const keysAre = (g: Record<string, string>, n: number, ...keys: string[]) => Object.keys(g).length === n && keys.every((k) => k in g);

function toSignal(g: Record<string, string>): Signal | undefined {
  if (g.t === 'search' && keysAre(g, 4, 'q', 'n', 'k')) {
    const query = validQuery(g.q);
    const results = count(g.n, 0);
    if (query === undefined || results === undefined || (g.k !== '0' && g.k !== '1')) return undefined;
    return { type: 'search', query, results, opened: g.k === '1' };
  }
  if (g.t === 'open' && keysAre(g, 4, 'q', 'r', 'p')) {
    const query = validQuery(g.q);
    const rank = count(g.r, 1);
    const page = validPage(g.p);
    if (query === undefined || rank === undefined || !page) return undefined;
    return { type: 'open', query, rank, page };
  }
  if (g.t === 'vote' && keysAre(g, 3 + Number('w' in g) + Number('c' in g), 'p', 'h')) {
    const page = validPage(g.p);
    if (!page || (g.h !== '0' && g.h !== '1')) return undefined;
    if (g.w !== undefined && !isReason(g.w)) return undefined;
    if (g.c !== undefined && !withinChars(g.c, MAX_COMMENT)) return undefined;
    return { type: 'vote', page, helpful: g.h === '1', reason: g.w as Reason | undefined, comment: g.c };
  }
  return undefined;
}

/** One line of the signal log: `<ISO 8601 time> <query string>` (nginx writes the time cut to the hour). */
export interface LogLine { time: string; signals: Signal[] }

/** A line of the signal log parsed, or undefined when it is malformed. */
export function parseLogLine(line: string): LogLine | undefined {
  const space = line.indexOf(' ');
  if (space < 20) return undefined;
  const time = line.slice(0, space);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/.test(time)) return undefined;
  const args = line.slice(space + 1).trimEnd();
  if (args.length > MAX_ARGS) return undefined;
  const signals = decodeSignals(args);
  return signals ? { time, signals } : undefined;
}

/**
 * The nginx regular expression a signal request's query string must match, or the server answers
 * 400 and logs nothing. It checks shape and length only (the report checks the rest): a version,
 * then events that each start with `t=` and hold only URL-encoded characters. Keys other than `t`
 * are never `t`, so the pattern cannot backtrack badly on a long refused line.
 */
export const NGINX_ARGS_PATTERN = `(?=[^ ]{1,${MAX_ARGS}}$)v=${SIGNAL_VERSION}(&t=(search|open|vote)(&[a-su-z]=[A-Za-z0-9%+*._-]*)+)+`;

/**
 * The query and result count the search UI announces in its status line (the wording of
 * describeCount in src/lib/search/results.ts), or undefined for any other status (loading, an error, a
 * query-less listing).
 */
export function readSearchStatus(text: string): { query: string; results: number } | undefined {
  const m = /^(No results|1 result|(\d+) results) for “(.*)”/s.exec(text.trim());
  if (!m) return undefined;
  const results = m[1] === '1 result' ? 1 : m[2] ? Number(m[2]) : 0;
  return { query: m[3]!, results };
}
