/**
 * The hub's curation report: what is overdue or due, who owns what, which entries nothing links
 * to, and where the curriculum is thin. Pure: takes validated entries and a day.
 */
import { AUDIENCES, DOC_COLLECTIONS, PHASES, type Audience, type CollectionName } from '../schemas/vocab.ts';
import type { ValidEntry } from './validate-content.ts';
import { isBuilt, isListed } from './visibility.ts';
import { nextReviewDay, reviewState, daysBetween, type ReviewState } from './review.ts';

export interface ReviewRow { key: string; title: string; file: string; owner: string; next: string; state: ReviewState; days: number }
export interface Report {
  today: string;
  totals: Record<string, number>;
  review: { overdue: ReviewRow[]; due: ReviewRow[] };
  owners: { owner: string; total: number; overdue: number; due: number }[];
  orphans: { key: string; title: string; file: string }[];
  coverage: {
    byPhase: { collection: string; counts: Record<number, number> }[];
    byAudience: { audience: Audience; label: string; count: number }[];
    gaps: string[];
  };
}

type Data = { title?: string; owner?: string; lastReviewed?: string; reviewEvery?: number; nextReview?: string; related?: string[]; phases?: number[]; phase?: number; audiences?: Audience[]; steps?: { entry: string }[]; playbooks?: string[]; policySection?: string; replacedBy?: string };
const d = (e: ValidEntry) => e.data as Data;
const keyOf = (e: ValidEntry) => `${e.collection}/${e.id}`;
const GOVERNED: CollectionName[] = [...DOC_COLLECTIONS, 'paths'];

/** Keys of every entry that something else points at: related, path steps, body links, phase playbooks, policy sections. */
export function linkedKeys(entries: ValidEntry[]): Set<string> {
  const linked = new Set<string>();
  for (const e of entries) {
    if (!isBuilt(e)) continue;
    const self = keyOf(e);
    const add = (k: string) => k !== self && linked.add(k);
    d(e).related?.forEach(add);
    d(e).steps?.forEach((s) => add(s.entry));
    d(e).playbooks?.forEach((id) => add(`playbooks/${id}`));
    if (d(e).policySection) add(`policy/${d(e).policySection}`);
    for (const url of e.links ?? []) {
      const [, collection, id] = url.split('#')[0]!.split('/');
      if (collection && id) add(`${collection}/${id}`);
    }
  }
  return linked;
}

export function buildReport(entries: ValidEntry[], today: string): Report {
  const live = entries.filter((e) => GOVERNED.includes(e.collection) && isListed(e));
  const rows: ReviewRow[] = live.map((e) => {
    const next = nextReviewDay({ lastReviewed: d(e).lastReviewed!, reviewEvery: d(e).reviewEvery, nextReview: d(e).nextReview });
    return { key: keyOf(e), title: d(e).title ?? e.id, file: e.file, owner: d(e).owner ?? 'unowned', next, state: reviewState(next, today), days: daysBetween(today, next) };
  });
  const overdue = rows.filter((r) => r.state === 'overdue').sort((a, b) => a.next.localeCompare(b.next));
  const due = rows.filter((r) => r.state === 'due').sort((a, b) => a.next.localeCompare(b.next));
  const ownerIds = [...new Set(rows.map((r) => r.owner))].sort();
  const owners = ownerIds.map((owner) => ({
    owner,
    total: rows.filter((r) => r.owner === owner).length,
    overdue: overdue.filter((r) => r.owner === owner).length,
    due: due.filter((r) => r.owner === owner).length,
  }));
  const linked = linkedKeys(entries);
  const orphans = live.filter((e) => e.collection !== 'paths' && !linked.has(keyOf(e))).map((e) => ({ key: keyOf(e), title: d(e).title ?? e.id, file: e.file }));
  const totals: Record<string, number> = {};
  for (const e of entries) if (isBuilt(e)) totals[e.collection] = (totals[e.collection] ?? 0) + 1;
  const byPhase = (['playbooks', 'case-studies', 'phases'] as const).map((collection) => {
    const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const e of live.filter((x) => x.collection === collection)) for (const p of d(e).phases ?? (d(e).phase ? [d(e).phase!] : [])) counts[p] = (counts[p] ?? 0) + 1;
    return { collection, counts };
  });
  const byAudience = (Object.keys(AUDIENCES) as Audience[]).map((audience) => ({ audience, label: AUDIENCES[audience], count: live.filter((e) => d(e).audiences?.includes(audience)).length }));
  const gaps = [
    ...byPhase.filter((r) => r.collection !== 'phases').flatMap((r) => Object.entries(r.counts).filter(([, n]) => n < 2).map(([p, n]) => `Only ${n} ${r.collection} for phase ${p} (${PHASES[Number(p) as 1]}).`)),
    ...byAudience.filter((a) => a.count < 3).map((a) => `Only ${a.count} published entries are written for ${a.label}.`),
    ...(['pr', 'hr', 'customer-service', 'legal'] as Audience[]).filter((a) => !live.some((e) => e.collection === 'protocols' && d(e).audiences?.includes(a))).map((a) => `No protocol is written for ${AUDIENCES[a]}.`),
    ...(['practitioner', 'spoke-lead', 'sme', 'pr', 'hr'] as Audience[]).filter((a) => !live.some((e) => e.collection === 'paths' && (e.data as { audience?: string }).audience === a)).map((a) => `No onboarding path for ${AUDIENCES[a]}.`),
  ];
  return { today, totals, review: { overdue, due }, owners, orphans, coverage: { byPhase, byAudience, gaps } };
}

/** "1 orphan", "2 orphans": a count with its noun. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The report as Markdown (also what the terminal shows). */
export function renderMarkdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Content report, ${r.today}`, '');
  lines.push(`Published: ${Object.entries(r.totals).map(([c, n]) => `${c} ${n}`).join(', ')}.`, '');
  lines.push(`## Overdue for review (${r.review.overdue.length})`, '');
  if (r.review.overdue.length) {
    lines.push('| Entry | Owner | Was due | Days late | File |', '|---|---|---|---|---|');
    for (const x of r.review.overdue) lines.push(`| ${x.title} | ${x.owner} | ${x.next} | ${-x.days} | ${x.file} |`);
  } else lines.push('Nothing is overdue.');
  lines.push('', `## Due within 30 days (${r.review.due.length})`, '');
  if (r.review.due.length) {
    lines.push('| Entry | Owner | Due | Days left | File |', '|---|---|---|---|---|');
    for (const x of r.review.due) lines.push(`| ${x.title} | ${x.owner} | ${x.next} | ${x.days} | ${x.file} |`);
  } else lines.push('Nothing is due soon.');
  lines.push('', '## Entries per owner', '', '| Owner | Entries | Overdue | Due soon |', '|---|---|---|---|');
  for (const o of r.owners) lines.push(`| ${o.owner} | ${o.total} | ${o.overdue} | ${o.due} |`);
  lines.push('', `## Orphans (${r.orphans.length})`, '', 'Published entries that no path, related list or body link points to.', '');
  lines.push(...(r.orphans.length ? r.orphans.map((o) => `- ${o.title} (${o.file})`) : ['None.']));
  lines.push('', '## Coverage by phase', '', '| Collection | Phase 1 | Phase 2 | Phase 3 | Phase 4 |', '|---|---|---|---|---|');
  for (const row of r.coverage.byPhase) lines.push(`| ${row.collection} | ${row.counts[1]} | ${row.counts[2]} | ${row.counts[3]} | ${row.counts[4]} |`);
  lines.push('', '## Coverage by audience', '', '| Audience | Entries |', '|---|---|');
  for (const a of r.coverage.byAudience) lines.push(`| ${a.label} | ${a.count} |`);
  lines.push('', `## Gaps (${r.coverage.gaps.length})`, '', ...(r.coverage.gaps.length ? r.coverage.gaps.map((g) => `- ${g}`) : ['No gaps found.']), '');
  lines.push(`Summary: ${plural(r.review.overdue.length, 'overdue entry', 'overdue entries')}, ${plural(r.review.due.length, 'entry', 'entries')} due soon, ${plural(r.orphans.length, 'orphan')}.`, '');
  return lines.join('\n');
}

/** Text made safe for HTML text and attribute values. */
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The report as a standalone, accessible HTML page (tables with headers, no scripts); `more` is HTML appended to it. */
export function renderHtml(r: Report, more = ''): string {
  const table = (caption: string, head: string[], rows: (string | number)[][]) =>
    `<table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${esc(String(c))}</th>` : `<td>${esc(String(c))}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Content report ${esc(r.today)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1d23}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #cfd5dd;padding:.4rem .6rem;text-align:left}caption{text-align:left;font-weight:600;padding:.3rem 0}thead th{background:#f3f5f8}</style></head>
<body><main>
<h1>Content report, ${esc(r.today)}</h1>
<p>Published: ${esc(Object.entries(r.totals).map(([c, n]) => `${c} ${n}`).join(', '))}.</p>
<h2>Overdue for review (${r.review.overdue.length})</h2>
${r.review.overdue.length ? table('Overdue entries, longest overdue first', ['Entry', 'Owner', 'Was due', 'Days late', 'File'], r.review.overdue.map((x) => [x.title, x.owner, x.next, -x.days, x.file])) : '<p>Nothing is overdue.</p>'}
<h2>Due within 30 days (${r.review.due.length})</h2>
${r.review.due.length ? table('Entries due soon', ['Entry', 'Owner', 'Due', 'Days left', 'File'], r.review.due.map((x) => [x.title, x.owner, x.next, x.days, x.file])) : '<p>Nothing is due soon.</p>'}
<h2>Entries per owner</h2>
${table('Entries per owner', ['Owner', 'Entries', 'Overdue', 'Due soon'], r.owners.map((o) => [o.owner, o.total, o.overdue, o.due]))}
<h2>Orphans (${r.orphans.length})</h2>
<p>Published entries that no path, related list or body link points to.</p>
${r.orphans.length ? `<ul>${r.orphans.map((o) => `<li>${esc(o.title)} (${esc(o.file)})</li>`).join('')}</ul>` : '<p>None.</p>'}
<h2>Coverage</h2>
${table('Entries by phase', ['Collection', 'Phase 1', 'Phase 2', 'Phase 3', 'Phase 4'], r.coverage.byPhase.map((row) => [row.collection, row.counts[1]!, row.counts[2]!, row.counts[3]!, row.counts[4]!]))}
${table('Entries by audience', ['Audience', 'Entries'], r.coverage.byAudience.map((a) => [a.label, a.count]))}
<h2>Gaps (${r.coverage.gaps.length})</h2>
${r.coverage.gaps.length ? `<ul>${r.coverage.gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : '<p>No gaps found.</p>'}
${more}</main></body></html>
`;
}
