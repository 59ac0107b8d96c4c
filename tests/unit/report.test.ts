import { describe, expect, it } from 'vitest';
import { checkFiles, PLAYBOOK } from './helpers.ts';
import { buildReport, renderHtml, renderMarkdown } from '../../src/lib/report.ts';

const playbook = (title: string, extra: string, lastReviewed: string) =>
  PLAYBOOK.replace('title: Launch a channel', `title: ${title}`).replace('lastReviewed: 2026-06-01', `lastReviewed: ${lastReviewed}`).replace('phases: [2]', `phases: [2]\n${extra}`);

describe('the curation report', () => {
  const { entries, problems } = checkFiles({
    'playbooks/old.md': playbook('Old one', 'related: [playbooks/fresh]', '2025-01-10'),
    'playbooks/soon.md': playbook('Soon one', 'related: [playbooks/old]', '2025-12-15'),
    'playbooks/fresh.md': playbook('Fresh one', '', '2026-11-01'),
    'playbooks/lonely.md': playbook('Lonely one', '', '2026-11-01'),
  });
  const report = buildReport(entries, '2026-11-28');

  it('reads a valid fixture', () => expect(problems).toEqual([]));
  it('lists overdue entries with days late and due-soon entries with days left', () => {
    expect(report.review.overdue.map((r) => [r.key, r.days])).toEqual([['playbooks/old', -322]]);
    expect(report.review.due.map((r) => [r.key, r.days])).toEqual([['playbooks/soon', 17]]);
  });
  it('counts entries per owner', () => {
    expect(report.owners).toEqual([{ owner: 'editorial', total: 4, overdue: 1, due: 1 }]);
  });
  it('finds orphans: entries nothing points to', () => {
    expect(report.orphans.map((o) => o.key).sort()).toEqual(['playbooks/lonely', 'playbooks/soon']);
  });
  it('reports coverage gaps', () => {
    expect(report.coverage.byPhase.find((r) => r.collection === 'playbooks')?.counts).toEqual({ 1: 0, 2: 4, 3: 0, 4: 0 });
    expect(report.coverage.gaps).toContain('No protocol is written for PR.');
    expect(report.coverage.gaps.some((g) => g.startsWith('No onboarding path'))).toBe(true);
  });
  it('renders Markdown and escaped HTML', () => {
    expect(renderMarkdown(report)).toContain('| Old one | editorial | 2026-01-10 | 322 |');
    const html = renderHtml({ ...report, orphans: [{ key: 'x', title: '<script>x</script>', file: 'f' }] });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>x');
  });
});
