/**
 * The importer on exports of real documentation tools, through the real schemas and checker.
 * tests/fixtures/import/exports/ holds one small site per style, written for these tests: Hugo
 * (Docsy and plain), Jekyll with Liquid, MkDocs Material, GOV.UK tech docs, Confluence and
 * MediaWiki. Each covers the constructs that went wrong on real exports: one-line containers,
 * buttons, images, cross-references, heading ids, unknown template code, front matter entities,
 * expired and redirect-only pages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Nodes, Root } from 'mdast';
import { importBatch, importFile, words, type ImportOptions, type ImportResult, type SourceFile } from '../../src/lib/import/index.ts';
import { readContent, readEntry } from '../../src/node/read-content.ts';
import { formatProblem, validateContent, type RawEntry } from '../../src/lib/validate-content.ts';
import { fillIn } from '../import-fill-in.ts';

const EXPORTS = 'tests/fixtures/import/exports';
const STYLES = ['hugo-docsy', 'hugo-plain', 'jekyll', 'mkdocs', 'govuk', 'confluence', 'mediawiki'] as const;
const TODAY = '2026-11-28';
const content = readContent('content');
const ids = (c: string) => content.filter((r) => r.collection === c).map((r) => r.fileId);
const known = { teams: ids('teams'), policy: ids('policy'), spokes: ids('spokes'), entries: content.map((r) => `${r.collection}/${r.fileId}`) };
const SITE = 'https://handbook.example.org';

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** Every file of one export: Markdown as sources, the rest (images) as the files beside them. */
function exportOf(style: string): { sources: SourceFile[]; files: string[] } {
  const root = join(EXPORTS, style);
  const sources: SourceFile[] = [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(root, full).split('\\').join('/');
        if (/\.(md|markdown|mdx)$/i.test(name)) sources.push({ path, text: readFileSync(full, 'utf8') });
        else files.push(path);
      }
    }
  };
  walk(root);
  return { sources, files };
}

const options = (files: string[], extra: Partial<ImportOptions> = {}): ImportOptions => ({ collection: 'playbooks', today: TODAY, known, owner: 'hub-editorial', siteUrls: [SITE], files, ...extra });
const batches = new Map<string, ImportResult[]>();
function imported(style: string): ImportResult[] {
  if (!batches.has(style)) {
    const { sources, files } = exportOf(style);
    batches.set(style, importBatch(sources, options(files)));
  }
  return batches.get(style)!;
}
const draft = (style: string, id: string) => {
  const r = imported(style).find((x) => x.id === id);
  if (!r) throw new Error(`${style} has no ${id}: ${imported(style).map((x) => x.id).join(', ')}`);
  return r;
};
const bodyOf = (r: ImportResult) => r.text.replace(/^---\n[\s\S]*?\n---\n/, '');
const notes = (r: ImportResult) => r.notes.map((n) => `${n.line ?? ''} ${n.message}`).join('\n');

/**
 * The source's text units, counted without the importer's help: paragraphs, list items, headings,
 * table cells and raw HTML text (tags removed), with image alt text. Template tags, wiki categories
 * and magic words are markup, not text.
 */
function sourceUnits(text: string): string[] {
  const body = text.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '');
  const prose = body
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}|\{%[\s\S]*?%\}|<%[\s\S]*?%>|\{\{[^}]*\}\}/g, ' ')
    .replace(/^\[\[Category:[^\]]*\]\]$|^__[A-Z]+__$/gm, ' ')
    .replace(/<\/?[a-z]+:[^>]*>/g, ' ')
    // Attribute lists and heading ids ({ .md-button }, { width="300" }, {#find}) are markup.
    .replace(/\{:?[ \t]*(?:[.#][\w-]+|[\w-]+="[^"]*")(?:[ \t]+(?:[.#][\w-]+|[\w-]+="[^"]*"))*[ \t]*\}/g, ' ')
    // MkDocs admonitions and tabs: the title is text, the kind is markup; their content is indented by four.
    .replace(/^[ \t]*(?:!!!|\?\?\?\+?|===)[ \t]*(?:[A-Za-z][\w-]*)?(?:[ \t]+"([^"]*)")?[ \t]*$/gm, '\n$1\n')
    .replace(/^ {4}/gm, '');
  const tree = unified().use(remarkParse).use(remarkGfm).parse(prose) as Root;
  const units: string[] = [];
  visit(tree, (n: Nodes) => {
    if (!['paragraph', 'heading', 'tableCell', 'html'].includes(n.type)) return undefined;
    const parts: string[] = [];
    visit(n, (c: Nodes) => {
      if (c.type === 'html') parts.push(c.value.replace(/<[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' '));
      else if (c.type === 'image') parts.push(c.alt ?? '');
      else if ('value' in c && typeof c.value === 'string') parts.push(c.value);
    });
    const unit = words(parts.join(' '));
    if (unit) units.push(unit);
    return 'skip';
  });
  return units;
}

/**
 * The draft's text as words: its body's text, image descriptions and component titles (not its
 * addresses), its title, summary and front matter comments; without the to-dos the importer adds.
 */
function draftText(r: ImportResult): string {
  const parser = r.extension === '.mdx' ? unified().use(remarkParse).use(remarkGfm).use(remarkMdx) : unified().use(remarkParse).use(remarkGfm);
  const parts: string[] = [String(r.data.title), String(r.data.summary), ...(r.text.match(/^#.*$/gm) ?? [])];
  visit(parser.parse(bodyOf(r)) as Root, (n: Nodes) => {
    if (n.type === 'image') parts.push(n.alt ?? '');
    else if ('value' in n && typeof n.value === 'string') parts.push(n.value);
    if (n.type === 'mdxJsxFlowElement') for (const a of n.attributes) if (a.type === 'mdxJsxAttribute' && a.name === 'title' && typeof a.value === 'string') parts.push(a.value);
  });
  const text = parts.join(' ').replace(/ ?\(TODO: [^()]*\)/g, ' ').replace(/TODO: /g, ' ');
  return words(text);
}

describe('round trip: every unit of source text arrives in the draft', () => {
  it.each(STYLES.map((s) => [s]))('%s', (style) => {
    const { sources } = exportOf(style);
    let counted = 0;
    for (const r of imported(style)) {
      expect(r.error, r.source).toBeUndefined();
      if (r.skipped) continue;
      // The importer's own accounting: units compared, none lost.
      expect(r.units, r.source).toBeGreaterThan(0);
      expect(r.lost, r.source).toEqual([]);
      // And an independent count against the draft's text.
      const draftWords = ` ${draftText(r)} `;
      const source = sources.find((s) => s.path === r.source)!;
      const units = sourceUnits(source.text);
      counted += units.length;
      expect(units.filter((u) => !draftWords.includes(` ${u} `)), r.source).toEqual([]);
    }
    expect(counted).toBeGreaterThan(0);
  });
});

describe('known constructs convert', () => {
  it('a container shortcode on one line holds its sentence and nothing after it', () => {
    const body = bodyOf(draft('hugo-docsy', 'respond-to-comments'));
    expect(body).toMatch(/<Callout type="note">\s*\*\*Answer within one working day, even if only to say you are looking into it\.\*\*\s*<\/Callout>\s*## Read the whole thread first/);
    expect(body).toMatch(/<Callout type="note">\s*This page is for spoke practitioners who moderate a brand account\.\s*<\/Callout>/);
  });
  it('a closing tag stuck to the last list item is split off, and the unknown container leaves TODOs around its kept content', () => {
    const body = bodyOf(draft('hugo-plain', 'measure-reach'));
    expect(body).toMatch(/^TODO: \\\{\\\{\\< checklist >}}\n\n- Export the last seven days from the listening tool\n- Paste the totals into the team's sheet\n- Write one sentence on what changed and why\n\nTODO: \\\{\\\{\\< \/checklist >}}$/m);
  });
  it('buttons become links, in Hugo, Jekyll and MkDocs', () => {
    expect(bodyOf(draft('hugo-plain', 'measure-reach'))).toContain('[Open the report template](/docs/report-template/)');
    expect(bodyOf(draft('jekyll', 'approvals'))).toContain('[Open the approval form](/docs/approval-form/)');
    expect(bodyOf(draft('mkdocs', 'moderation'))).toMatch(/^\[Open the moderation queue\]\(\/playbooks\/queue\/\)$/m);
  });
  it('images become Markdown images with alt text, copied beside the entry when found, a TODO when not or when SVG', () => {
    const docsy = draft('hugo-docsy', 'respond-to-comments');
    expect(bodyOf(docsy)).toContain('[![Reply flow: read, route, reply, record](./respond-to-comments/reply-flow.png)](/playbooks/escalate/)');
    expect(docsy.assets).toEqual([{ from: 'static/images/reply-flow.png', to: 'respond-to-comments/reply-flow.png', under: 'entries' }]);
    // SVG can carry scripts: the portal refuses it, so the draft asks for a PNG.
    expect(bodyOf(draft('jekyll', 'approvals'))).toMatch(/!\[Approval flow from draft to scheduled\]\(\.\/approvals\/approval-flow\.png\) \(TODO: convert \/assets\/approval-flow\\?\.svg to PNG and save it as content\/playbooks\/approvals\/approval-flow\\?\.png\)/);
    expect(draft('jekyll', 'approvals').assets).toEqual([]);
    const plain = bodyOf(draft('hugo-plain', 'measure-reach'));
    expect(plain).toContain('![Reach by week for the last quarter](./measure-reach/reach-by-week.png) (TODO: copy the file reach-by-week.png to content/playbooks/measure-reach/reach-by-week.png)');
    expect(bodyOf(draft('confluence', 'escalation-playbook-123457'))).toContain('![Escalation ladder, three steps](./escalation-playbook-123457/998.png) (TODO: copy the file');
  });
  it('folds (expand, ???, Confluence expand, <details markdown>) become <details> with their title', () => {
    expect(bodyOf(draft('hugo-plain', 'measure-reach'))).toMatch(/<details>\s*<summary>\s*Why weekly and not daily\?\s*<\/summary>\s*Daily numbers swing with the news/);
    expect(bodyOf(draft('mkdocs', 'moderation'))).toMatch(/<details>\s*<summary>\s*Templates for common replies\s*<\/summary>\s*Keep three replies ready/);
    expect(bodyOf(draft('confluence', 'escalation-playbook-123457'))).toMatch(/<details>\s*<summary>\s*Why an hour\?\s*<\/summary>\s*A post that spreads/);
    expect(bodyOf(draft('jekyll', 'approvals'))).toMatch(/<details>\s*<summary>\s*What if nobody answers\?\s*<\/summary>\s*After one working day/);
  });
  it('ref, relref, link, post_url, wiki and old-site links reach the new ids; the rest get a TODO', () => {
    const docsy = bodyOf(draft('hugo-docsy', 'respond-to-comments'));
    expect(docsy).toContain('[the escalation steps](/playbooks/escalate/)');
    expect(docsy).toContain('[duty rota](/playbooks/escalate/#find-the-duty-officer)');
    expect(docsy).toContain('[archive](archive-2019.md) (TODO: link the portal page that replaces archive-2019.md)');
    const jekyll = bodyOf(draft('jekyll', 'approvals'));
    expect(jekyll).toContain('[calendar walkthrough](/playbooks/calendar/)');
    expect(jekyll).toContain('[launch notes](/playbooks/launch-notes/)');
    expect(bodyOf(draft('mkdocs', 'moderation'))).toContain('[the escalation page](/playbooks/escalate/#who-to-call)');
    expect(bodyOf(draft('mediawiki', 'crisis-escalation'))).toContain('[Respond to comments](/playbooks/respond-to-comments/) for everyday replies');
    expect(bodyOf(draft('confluence', 'escalation-playbook-123457'))).toContain('[Respond to comments](/playbooks/respond-to-comments-123458/)');
  });
  it('heading ids are kept as anchors: links to them reach the portal heading', () => {
    expect(bodyOf(draft('hugo-docsy', 'respond-to-comments'))).toContain('[who owns the topic](#find-the-owner-of-the-topic)');
    expect(bodyOf(draft('jekyll', 'approvals'))).toContain('[sign-off table](#who-signs-off)');
    expect(bodyOf(draft('govuk', 'hand-over-an-account'))).toContain('[before the handover](#before-the-handover)');
    expect(bodyOf(draft('confluence', 'escalation-playbook-123457'))).toContain('[table above](#who-to-call)');
    expect(bodyOf(draft('mkdocs', 'moderation'))).toContain('[the owners](#find-the-owner)');
    // An anchor inside a heading (<a name>, Confluence and pandoc exports) is the heading's id too.
    const anchored = importFile({ path: 'a.md', text: '<h2><a name="team"></a>Owners</h2>\n\nEach community has an owner.\n\nSee [the owners](#team).\n' }, options([]));
    expect(bodyOf(anchored)).toContain('[the owners](#owners)');
    expect(notes(anchored)).not.toMatch(/dropped the HTML anchor/);
  });
  it('admonitions from every style become Callouts', () => {
    expect(bodyOf(draft('govuk', 'hand-over-an-account'))).toMatch(/<Callout type="warning">\s*Change every password/);
    expect(bodyOf(draft('confluence', 'escalation-playbook-123457'))).toMatch(/<Callout type="warning">\s*Do not reply to a post/);
    expect(bodyOf(draft('mediawiki', 'crisis-escalation'))).toMatch(/<Callout type="note">\s*Call the PR duty officer before anyone replies\.\s*<\/Callout>/);
    expect(bodyOf(draft('jekyll', 'approvals'))).toMatch(/<Callout type="warning">\s*Never schedule a post/);
  });
});

describe('unknown constructs are never shipped silently', () => {
  const cases: [style: string, id: string, original: RegExp, line: number][] = [
    ['hugo-docsy', 'respond-to-comments', /\{\{< card header="Response times" >}}/, 35],
    ['hugo-plain', 'measure-reach', /\{\{< newsletter-signup list="hub-weekly" >}}/, 30],
    ['jekyll', 'approvals', /\{% if site\.show_internal %}/, 26],
    ['mkdocs', 'moderation', /--8<-- "snippets\/contact-footer\.md"/, 36],
    ['govuk', 'hand-over-an-account', /<%= partial "partials\/registry-contacts" %>/, 30],
    ['confluence', 'escalation-playbook-123457', /Confluence macro "jira"/, 23],
    ['mediawiki', 'crisis-escalation', /\{\{Infobox process/, 2],
  ];
  it.each(cases)('%s: a visible TODO in the draft and a note with the source line', (style, id, original, line) => {
    const r = draft(style, id);
    const todo = r.notes.find((n) => n.kind === 'todo' && original.test(n.message));
    expect(todo, notes(r)).toBeDefined();
    expect(todo!.line).toBe(line);
    expect(bodyOf(r)).toMatch(/(^|\n)TODO: /);
    expect(r.todo.join('\n')).toMatch(/^TODO markers: \d+ construct/m);
  });
});

describe('front matter and what is imported at all', () => {
  it('decodes character references in front matter', () => {
    expect(draft('hugo-docsy', 'respond-to-comments').data.summary).toBe('The hub’s way to answer praise, questions & complaints under a post.');
    expect(draft('hugo-plain', 'measure-reach').data.title).toBe('Measure reach & engagement');
    expect(draft('jekyll', 'approvals').data.summary).toBe('Who signs off which posts, and how long it takes – in one page.');
  });
  it('skips expired and redirect-only sources with a reason, or imports them as withdrawn on request', () => {
    const expired = imported('hugo-docsy').find((r) => r.source.endsWith('spring-campaign-2023.md'))!;
    expect(expired.skipped).toMatch(/expired on 2024-01-31/);
    expect(expired.text).toBe('');
    expect(imported('hugo-docsy').find((r) => r.source.endsWith('moved-guidelines.md'))!.skipped).toMatch(/only redirects to \/docs\/respond-to-comments\//);
    expect(imported('jekyll').find((r) => r.source.endsWith('old-approvals.md'))!.skipped).toMatch(/only redirects to \/docs\/approvals\//);
    const { sources, files } = exportOf('hugo-docsy');
    const kept = importBatch(sources, options(files, { includeExpired: true })).find((r) => r.source.endsWith('spring-campaign-2023.md'))!;
    expect(kept.skipped).toBeUndefined();
    expect(kept.data.status).toBe('withdrawn');
  });
  it('refuses a binary file with a message instead of a garbage draft', () => {
    const r = importFile({ path: 'logo.md', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' }, options([]));
    expect(r.error).toMatch(/is not a text file/);
    expect(r.text).toBe('');
    // A Latin-1 export read as UTF-8: an encoding to fix, not binary data.
    const latin1 = importFile({ path: 'notes.md', text: `Caf\uFFFD r\uFFFDsum\uFFFD `.repeat(20) }, options([]));
    expect(latin1.error).toMatch(/is not UTF-8 text \(60 characters in its first \d+ cannot be read\); save it as UTF-8/);
  });
  it('maps wiki categories to tags and GOV.UK review_in to reviewEvery', () => {
    expect(draft('mediawiki', 'crisis-escalation').data.tags).toEqual(['Crisis', 'Protocols']);
    expect(bodyOf(draft('mediawiki', 'crisis-escalation'))).not.toMatch(/NOTOC|Category:/);
    expect(draft('govuk', 'hand-over-an-account').data).toMatchObject({ reviewEvery: 6, lastReviewed: '2025-10-01' });
  });
});

describe('drafts, once filled in, pass the check as published entries', () => {
  it.each(STYLES.map((s) => [s]))('%s', (style) => {
    const related = content.filter((r) => r.collection === 'playbooks' && (r.data as { status?: string }).status === 'published').slice(0, 2).map((r) => `playbooks/${r.fileId}`);
    const dir = mkdtempSync(join(tmpdir(), 'import-filled-'));
    temp.push(dir);
    mkdirSync(join(dir, 'playbooks'));
    const raws: RawEntry[] = [];
    for (const r of imported(style).filter((x) => !x.skipped)) {
      const text = fillIn(r.text, related);
      expect(text, r.source).not.toMatch(/TODO/);
      const file = join(dir, 'playbooks', `${r.id}${r.extension}`);
      writeFileSync(file, text);
      raws.push({ ...readEntry('playbooks', file), file: `content/playbooks/${r.id}${r.extension}` });
    }
    const clash = raws.filter((r) => content.some((c) => c.collection === 'playbooks' && c.fileId === r.fileId));
    expect(clash.map((r) => r.fileId)).toEqual([]);
    const { problems } = validateContent([...content, ...raws]);
    const own = new Set(raws.map((r) => r.file));
    expect(problems.filter((p) => own.has(p.file)).map(formatProblem)).toEqual([]);
  });
});

describe('the command (runs it)', { timeout: 60_000 }, () => {
  const run = (args: string[]) => {
    try {
      // The small base corpus as the content to check against keeps each run short.
      return { code: 0, out: execFileSync(process.execPath, ['scripts/import.ts', ...args, '--content', 'tests/fixtures/base'], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: `${err.stdout}${err.stderr}` };
    }
  };

  it('copies found images, reports skipped pages and what the check refuses on publishing, by file and line', () => {
    const out = mkdtempSync(join(tmpdir(), 'import-cli-'));
    temp.push(out);
    const { code, out: stdout } = run([join(EXPORTS, 'hugo-docsy'), '--collection', 'playbooks', '--owner', 'hub-editorial', '--site-url', SITE, '--out', join(out, 'playbooks'), '--public', join(out, 'public')]);
    expect(code, stdout).toBe(0);
    expect(existsSync(join(out, 'playbooks/respond-to-comments/reply-flow.png'))).toBe(true);
    expect(stdout).toMatch(/spring-campaign-2023\.md: skipped; it expired on 2024-01-31/);
    expect(stdout).toMatch(/respond-to-comments\.md -> .*respond-to-comments\.mdx \[draft\]; 15 of 15 passages of text arrived \(100\.0%\)/);
    const onPublishing = /On publishing, the check will refuse \(\d+\):\n((?: {6}.*\n)+)/.exec(stdout.slice(stdout.indexOf('respond-to-comments.md ->')))?.[1] ?? '';
    expect(onPublishing).toMatch(/respond-to-comments\.mdx:\d+ {2}links to "archive-2019\.md", a relative link/);
    // The real check's own rules, such as the TODO markers the import left, by the draft's line.
    expect(onPublishing).toMatch(/respond-to-comments\.mdx:\d+ {2}still holds a TODO placeholder/);
    expect(stdout).toMatch(/content\/docs\/respond-to-comments\.md:35 {2}the container \{\{< card/);
  });
  it('exits 3 when source text is missing from a draft, naming it with its source line, and 0 with --accept-loss', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-loss-'));
    temp.push(dir);
    const source = join(dir, 'tooltip.md');
    writeFileSync(source, '---\ntitle: Tooltips\n---\n\nA first paragraph that arrives whole.\n\n<div title="Only readers who hover see this">Visible text.</div>\n');
    const lossy = run([source, '--collection', 'playbooks', '--out', join(dir, 'out'), '--dry-run']);
    expect(lossy.code).toBe(3);
    expect(lossy.out).toMatch(/tooltip\.md:7 {2}"only readers who hover see this"/);
    expect(lossy.out).toMatch(/2 of 3 passages of text arrived \(66\.7%\)/);
    expect(run([source, '--collection', 'playbooks', '--out', join(dir, 'out'), '--dry-run', '--accept-loss']).code).toBe(0);
  });
  it('refuses a binary file with a one-line message and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-binary-'));
    temp.push(dir);
    writeFileSync(join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]));
    const r = run([join(dir, 'scan.md'), '--collection', 'playbooks', '--out', join(dir, 'out'), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ scan\.md is not a text file/);
  });
});
