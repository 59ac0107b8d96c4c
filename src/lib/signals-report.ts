/**
 * What readers' signals tell the hub (src/lib/signals.ts): searches that find nothing, searches
 * nobody opens a result from, pages readers find unhelpful and why, helpfulness per page and per
 * owner team, and the searches that lead to each page.
 *
 * tallySignals streams a log once, keeping only counts per query and per page, so a log of
 * millions of lines needs memory for its distinct queries and pages, not its lines.
 */
import { HELPFUL_REASONS, NOT_HELPFUL_REASONS, normalizeQuery, parseLogLine, redactComment, type Reason } from './signals.ts';
import type { ValidEntry } from './validate-content.ts';
import { esc, plural } from './report.ts';

interface QueryTally { query: string; searches: number; empty: number; unopened: number }
interface VoteTally { yes: number; no: number; reasons: Map<Reason, number>; comments: { helpful: boolean; text: string; time: string }[] }

export interface SignalTally {
  lines: number;
  malformed: number;
  /** Line numbers of the first malformed lines, to look at. */
  malformedAt: number[];
  /** Lines before --since. */
  skipped: number;
  first?: string;
  last?: string;
  queries: Map<string, QueryTally>;
  /** page → normalized query → opens and the sum of ranks. */
  opens: Map<string, Map<string, { query: string; opens: number; rankSum: number }>>;
  votes: Map<string, VoteTally>;
}

/** Comments kept per page: the newest ones. */
const COMMENTS_PER_PAGE = 20;

/** Reads signal-log lines once; `since` (YYYY-MM-DD) drops older lines. */
export async function tallySignals(lines: AsyncIterable<string> | Iterable<string>, { since }: { since?: string | undefined } = {}): Promise<SignalTally> {
  const t: SignalTally = { lines: 0, malformed: 0, malformedAt: [], skipped: 0, queries: new Map(), opens: new Map(), votes: new Map() };
  for await (const raw of lines) {
    t.lines += 1;
    if (!raw.trim()) {
      t.lines -= 1;
      continue;
    }
    const line = parseLogLine(raw);
    if (!line) {
      t.malformed += 1;
      if (t.malformedAt.length < 5) t.malformedAt.push(t.lines);
      continue;
    }
    if (since && line.time.slice(0, 10) < since) {
      t.skipped += 1;
      continue;
    }
    if (!t.first || line.time < t.first) t.first = line.time;
    if (!t.last || line.time > t.last) t.last = line.time;
    for (const s of line.signals) {
      if (s.type === 'search') {
        const key = normalizeQuery(s.query);
        if (!key) continue;
        const q = t.queries.get(key) ?? { query: s.query, searches: 0, empty: 0, unopened: 0 };
        q.searches += 1;
        if (s.results === 0) q.empty += 1;
        else if (!s.opened) q.unopened += 1;
        t.queries.set(key, q);
      } else if (s.type === 'open') {
        const byQuery = t.opens.get(s.page) ?? new Map<string, { query: string; opens: number; rankSum: number }>();
        const key = normalizeQuery(s.query);
        const o = byQuery.get(key) ?? { query: s.query, opens: 0, rankSum: 0 };
        o.opens += 1;
        o.rankSum += s.rank;
        byQuery.set(key, o);
        t.opens.set(s.page, byQuery);
      } else {
        const v: VoteTally = t.votes.get(s.page) ?? { yes: 0, no: 0, reasons: new Map(), comments: [] };
        if (s.helpful) v.yes += 1;
        else v.no += 1;
        if (s.reason) v.reasons.set(s.reason, (v.reasons.get(s.reason) ?? 0) + 1);
        if (s.comment) {
          v.comments.push({ helpful: s.helpful, text: redactComment(s.comment), time: line.time });
          if (v.comments.length > COMMENTS_PER_PAGE) v.comments.shift();
        }
        t.votes.set(s.page, v);
      }
    }
  }
  return t;
}

export interface PageRef { path: string; title: string; owner: string; key?: string | undefined; url: string }
export interface SignalsReport {
  lines: number; malformed: number; malformedAt: number[]; skipped: number; since?: string | undefined; first?: string | undefined; last?: string | undefined;
  searches: number;
  noResults: { query: string; count: number; searches: number; newCommand: string; searchUrl: string }[];
  noClick: { query: string; count: number; searches: number; searchUrl: string }[];
  unhelpful: { page: PageRef; no: number; yes: number; reasons: { label: string; count: number }[]; comments: string[] }[];
  perPage: { page: PageRef; yes: number; no: number; share: number }[];
  perOwner: { owner: string; yes: number; no: number; share: number; pages: number }[];
  ledTo: { page: PageRef; opens: number; queries: { query: string; opens: number; meanRank: number }[] }[];
}

export interface SignalsReportOptions {
  /** The site's origin and base (SITE_URL + BASE_PATH) for links; root-relative links without it. */
  site?: string | undefined;
  since?: string | undefined;
  /** Rows per finding. */
  top?: number;
}

/** A shell-safe `npm run new` command that starts a playbook titled after the query. */
export function newEntryCommand(query: string): string {
  const title = query.charAt(0).toUpperCase() + query.slice(1);
  return `npm run new -- playbooks '${title.replace(/'/g, `'\\''`)}'`;
}

const REASON_LABELS: Record<string, string> = { ...NOT_HELPFUL_REASONS, ...HELPFUL_REASONS };
const share = (yes: number, no: number) => (yes + no ? Math.round((100 * yes) / (yes + no)) : 0);

/** Findings from a tally, with pages resolved to entries (title, owner) where the page is one. */
export function buildSignalsReport(t: SignalTally, entries: ValidEntry[], { site, since, top = 20 }: SignalsReportOptions = {}): SignalsReport {
  const byKey = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  // Logged paths already carry the base; --site adds the origin and tells where search lives.
  const siteUrl = site ? new URL(site) : undefined;
  const basePath = siteUrl ? siteUrl.pathname.replace(/\/$/, '') : '';
  const link = (path: string) => (siteUrl ? `${siteUrl.origin}${path}` : path);
  const searchUrl = (query: string) => link(`${basePath}/search/?q=${encodeURIComponent(query)}`);
  const pageRef = (path: string): PageRef => {
    const m = /\/([a-z-]+)\/([^/]+)\/$/.exec(path);
    const entry = m ? byKey.get(`${m[1]}/${m[2]}`) : undefined;
    const data = entry?.data as { title?: string; term?: string; owner?: string } | undefined;
    return { path, title: data?.title ?? data?.term ?? path, owner: data?.owner ?? (entry ? 'no owner' : 'no owner (not an entry)'), key: entry ? `${entry.collection}/${entry.id}` : undefined, url: link(path) };
  };
  const queries = [...t.queries.values()];
  const noResults = queries.filter((q) => q.empty > 0).sort((a, b) => b.empty - a.empty || a.query.localeCompare(b.query)).slice(0, top)
    .map((q) => ({ query: q.query, count: q.empty, searches: q.searches, newCommand: newEntryCommand(q.query), searchUrl: searchUrl(q.query) }));
  const noClick = queries.filter((q) => q.unopened > 0).sort((a, b) => b.unopened - a.unopened || a.query.localeCompare(b.query)).slice(0, top)
    .map((q) => ({ query: q.query, count: q.unopened, searches: q.searches, searchUrl: searchUrl(q.query) }));
  const votes = [...t.votes.entries()].map(([path, v]) => ({ page: pageRef(path), v }));
  const unhelpful = votes.filter((x) => x.v.no > 0).sort((a, b) => b.v.no - a.v.no || a.page.path.localeCompare(b.page.path)).slice(0, top).map(({ page, v }) => ({
    page, no: v.no, yes: v.yes,
    reasons: [...v.reasons.entries()].filter(([r]) => r in NOT_HELPFUL_REASONS).sort((a, b) => b[1] - a[1]).map(([r, count]) => ({ label: REASON_LABELS[r] ?? r, count })),
    comments: v.comments.filter((c) => !c.helpful).map((c) => c.text).reverse().slice(0, 5),
  }));
  const perPage = votes.map(({ page, v }) => ({ page, yes: v.yes, no: v.no, share: share(v.yes, v.no) })).sort((a, b) => a.share - b.share || b.no - a.no || a.page.path.localeCompare(b.page.path));
  const owners = new Map<string, { yes: number; no: number; pages: number }>();
  for (const row of perPage) {
    const o = owners.get(row.page.owner) ?? { yes: 0, no: 0, pages: 0 };
    o.yes += row.yes;
    o.no += row.no;
    o.pages += 1;
    owners.set(row.page.owner, o);
  }
  const perOwner = [...owners.entries()].map(([owner, o]) => ({ owner, ...o, share: share(o.yes, o.no) })).sort((a, b) => a.share - b.share || a.owner.localeCompare(b.owner));
  const ledTo = [...t.opens.entries()].map(([path, byQuery]) => {
    const qs = [...byQuery.values()].sort((a, b) => b.opens - a.opens || a.query.localeCompare(b.query));
    return { page: pageRef(path), opens: qs.reduce((n, q) => n + q.opens, 0), queries: qs.slice(0, 10).map((q) => ({ query: q.query, opens: q.opens, meanRank: Math.round((10 * q.rankSum) / q.opens) / 10 })) };
  }).sort((a, b) => b.opens - a.opens || a.page.path.localeCompare(b.page.path)).slice(0, top);
  return {
    lines: t.lines, malformed: t.malformed, malformedAt: t.malformedAt, skipped: t.skipped, since, first: t.first, last: t.last,
    searches: queries.reduce((n, q) => n + q.searches, 0),
    noResults, noClick, unhelpful, perPage, perOwner, ledTo,
  };
}

function summary(r: SignalsReport): string {
  const span = r.first ? `from ${r.first.slice(0, 10)} to ${r.last!.slice(0, 10)}` : 'no signals in the period';
  return `${plural(r.lines, 'log line')} read (${span}${r.since ? `, since ${r.since}: ${plural(r.skipped, 'older line')} left out` : ''}); ${plural(r.malformed, 'malformed line')} skipped${r.malformedAt.length ? ` (first at line ${r.malformedAt.join(', ')})` : ''}; ${plural(r.searches, 'search', 'searches')}.`;
}

const pct = (n: number) => `${n}%`;
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The signal findings as Markdown (what the terminal shows after the content report). */
export function renderSignalsMarkdown(r: SignalsReport): string {
  const lines = ['# What readers looked for', '', summary(r), ''];
  lines.push(`## Searches with no results (${r.noResults.length})`, '', 'Readers looked for these and found nothing: candidates for a new entry, a glossary term or a search alias.', '');
  if (r.noResults.length) {
    lines.push('| Query | Times | Start an entry |', '|---|---|---|');
    for (const q of r.noResults) lines.push(`| [${md(q.query)}](${q.searchUrl}) | ${q.count} | \`${md(q.newCommand)}\` |`);
  } else lines.push('None.');
  lines.push('', `## Searches where no result was opened (${r.noClick.length})`, '', 'Results were shown but none was opened: titles and summaries may not match what readers expect.', '');
  if (r.noClick.length) {
    lines.push('| Query | Times no result opened | Searches |', '|---|---|---|');
    for (const q of r.noClick) lines.push(`| [${md(q.query)}](${q.searchUrl}) | ${q.count} | ${q.searches} |`);
  } else lines.push('None.');
  lines.push('', `## Pages most often not helpful (${r.unhelpful.length})`, '');
  if (r.unhelpful.length) {
    for (const u of r.unhelpful) {
      lines.push(`- [${md(u.page.title)}](${u.page.url}) (${u.page.owner}): ${u.no} not helpful, ${u.yes} helpful.${u.reasons.length ? ` Reasons: ${u.reasons.map((x) => `${x.label} (${x.count})`).join('; ')}.` : ''}`);
      for (const c of u.comments) lines.push(`  - “${md(c)}”`);
    }
  } else lines.push('No page was voted not helpful.');
  lines.push('', '## Helpfulness per page', '');
  if (r.perPage.length) {
    lines.push('| Page | Owner | Helpful | Not helpful | Helpful share |', '|---|---|---|---|---|');
    for (const p of r.perPage) lines.push(`| [${md(p.page.title)}](${p.page.url}) | ${p.page.owner} | ${p.yes} | ${p.no} | ${pct(p.share)} |`);
  } else lines.push('No votes.');
  lines.push('', '## Helpfulness per owner team', '');
  if (r.perOwner.length) {
    lines.push('| Owner | Pages voted on | Helpful | Not helpful | Helpful share |', '|---|---|---|---|---|');
    for (const o of r.perOwner) lines.push(`| ${o.owner} | ${o.pages} | ${o.yes} | ${o.no} | ${pct(o.share)} |`);
  } else lines.push('No votes.');
  lines.push('', '## Searches that led to each page', '');
  if (r.ledTo.length) {
    for (const p of r.ledTo) lines.push(`- [${md(p.page.title)}](${p.page.url}), opened ${plural(p.opens, 'time')} from search: ${p.queries.map((q) => `“${md(q.query)}” ${q.opens} (rank ${q.meanRank})`).join(', ')}`);
  } else lines.push('No result was opened from search.');
  lines.push('');
  return lines.join('\n');
}

/** The signal findings as HTML sections for the report page (no scripts, tables with headers). */
export function renderSignalsHtml(r: SignalsReport): string {
  const a = (url: string, text: string) => `<a href="${esc(url)}">${esc(text)}</a>`;
  const table = (caption: string, head: string[], rows: string[][]) =>
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  const parts = [`<h2>What readers looked for</h2>`, `<p>${esc(summary(r))}</p>`];
  parts.push(`<h3>Searches with no results (${r.noResults.length})</h3>`, '<p>Readers looked for these and found nothing: candidates for a new entry, a glossary term or a search alias.</p>');
  parts.push(r.noResults.length ? table('Searches with no results, most frequent first', ['Query', 'Times', 'Start an entry'], r.noResults.map((q) => [a(q.searchUrl, q.query), String(q.count), `<code>${esc(q.newCommand)}</code>`])) : '<p>None.</p>');
  parts.push(`<h3>Searches where no result was opened (${r.noClick.length})</h3>`);
  parts.push(r.noClick.length ? table('Searches where no result was opened', ['Query', 'Times no result opened', 'Searches'], r.noClick.map((q) => [a(q.searchUrl, q.query), String(q.count), String(q.searches)])) : '<p>None.</p>');
  parts.push(`<h3>Pages most often not helpful (${r.unhelpful.length})</h3>`);
  parts.push(r.unhelpful.length
    ? `<ul>${r.unhelpful.map((u) => `<li>${a(u.page.url, u.page.title)} (${esc(u.page.owner)}): ${u.no} not helpful, ${u.yes} helpful.${u.reasons.length ? ` Reasons: ${esc(u.reasons.map((x) => `${x.label} (${x.count})`).join('; '))}.` : ''}${u.comments.length ? `<ul>${u.comments.map((c) => `<li>“${esc(c)}”</li>`).join('')}</ul>` : ''}</li>`).join('')}</ul>`
    : '<p>No page was voted not helpful.</p>');
  parts.push('<h3>Helpfulness per page</h3>');
  parts.push(r.perPage.length ? table('Votes per page, least helpful first', ['Page', 'Owner', 'Helpful', 'Not helpful', 'Helpful share'], r.perPage.map((p) => [a(p.page.url, p.page.title), esc(p.page.owner), String(p.yes), String(p.no), pct(p.share)])) : '<p>No votes.</p>');
  parts.push('<h3>Helpfulness per owner team</h3>');
  parts.push(r.perOwner.length ? table('Votes per owner team', ['Owner', 'Pages voted on', 'Helpful', 'Not helpful', 'Helpful share'], r.perOwner.map((o) => [esc(o.owner), String(o.pages), String(o.yes), String(o.no), pct(o.share)])) : '<p>No votes.</p>');
  parts.push('<h3>Searches that led to each page</h3>');
  parts.push(r.ledTo.length ? table('Pages opened from search, with the queries', ['Page', 'Opened', 'Queries (times, mean rank)'], r.ledTo.map((p) => [a(p.page.url, p.page.title), String(p.opens), esc(p.queries.map((q) => `“${q.query}” ${q.opens} (rank ${q.meanRank})`).join(', '))])) : '<p>No result was opened from search.</p>');
  return parts.join('\n');
}
