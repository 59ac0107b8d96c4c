/**
 * The Markdown importer (npm run import), through the real schemas, validator and MDX parser.
 * Fixtures live in tests/fixtures/import/, all written for these tests: a batch that links between
 * its files, front matter from Hugo (TOML) and Jekyll, a round-trip page, and three hub pages
 * written in the styles of other documentation sites: GOV.UK tech docs (an ERB warning helper),
 * Jekyll (Liquid relative_url tags, kramdown {: .note} attribute lists, an HTML link) and MkDocs
 * Material (titled and nested admonitions, with their examples in code fences).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { mdxToJs, markdownToHtml } from 'satteri';
import { importBatch, importFile, planIds, splitFrontmatter, words, type ImportOptions, type ImportResult, type SourceFile } from '../../src/lib/import/index.ts';
import { readContent, readEntry } from '../../src/node/read-content.ts';
import { validateContent, validateEntry, formatProblem } from '../../src/lib/validate-content.ts';
import { SCHEMAS } from '../../src/schemas/index.ts';
import { DOC_COLLECTIONS, type DocCollection } from '../../src/schemas/vocab.ts';
import { tempDir } from './helpers.ts';

const FIXTURES = 'tests/fixtures/import';
const TODAY = '2026-11-28';
const content = readContent('content');
const ids = (c: string) => content.filter((r) => r.collection === c).map((r) => r.fileId);
const known = { teams: ids('teams'), policy: ids('policy'), spokes: ids('spokes'), entries: content.map((r) => `${r.collection}/${r.fileId}`) };
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ collection: 'playbooks', today: TODAY, known, ...extra });

function fixture(path: string): SourceFile {
  return { path, text: readFileSync(join(FIXTURES, path), 'utf8') };
}
function fixturesUnder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path: relative(join(FIXTURES, dir), full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(FIXTURES, dir));
  return out;
}
const one = (path: string, extra: Partial<ImportOptions> = {}) => importFile(fixture(path), options(extra));
const bodyOf = (r: ImportResult) => r.text.replace(/^---\n[\s\S]*?\n---\n/, '');
const parse = (r: ImportResult) => (r.extension === '.mdx' ? unified().use(remarkParse).use(remarkGfm).use(remarkMdx) : unified().use(remarkParse).use(remarkGfm)).parse(bodyOf(r)) as Root;
const nodes = (tree: Root, type: string) => {
  const found: Nodes[] = [];
  visit(tree, (n: Nodes) => {
    if (n.type === type) found.push(n);
  });
  return found;
};
const callouts = (r: ImportResult) =>
  nodes(parse(r), 'mdxJsxFlowElement')
    .filter((n) => n.type === 'mdxJsxFlowElement' && n.name === 'Callout')
    .map((n) => {
      const el = n as Extract<Nodes, { type: 'mdxJsxFlowElement' }>;
      const attr = (name: string) => el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      return { type: attr('type'), title: attr('title'), text: words(toString(el)) };
    });
const notes = (r: ImportResult) => r.notes.map((n) => n.message).join('\n');

/** Write an import result where the portal's reader can read it, and read it back as the build does. */
function readBack(r: ImportResult, collection: DocCollection = 'playbooks') {
  const dir = join(tempDir('import-test-'), 'content', collection);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.id}${r.extension}`);
  writeFileSync(file, r.text);
  return readEntry(collection, file);
}

describe('front matter from other sites', () => {
  const r = importBatch(fixturesUnder('batch'), options({ owner: 'hub-editorial' })).find((x) => x.id === 'getting-started')!;

  it('maps other field names onto the portal fields', () => {
    expect(r.data.title).toBe('Getting started with the community channel');
    expect(r.data.summary).toMatch(/^How to open and run the community channel/);
    expect(r.data.tags).toEqual(['community', 'onboarding', 'launch']);
    expect(r.data.lastReviewed).toBe('2025-02-03'); // the newest of date and last_modified
    expect(r.data.owner).toBe('hub-editorial');
    expect(r.data.status).toBe('draft');
  });
  it('keeps the author and unmapped fields as notes and front matter comments, never as owner', () => {
    expect(notes(r)).toContain('author: Jane Doe');
    expect(notes(r)).toContain('weight: 2');
    expect(notes(r)).toContain('permalink: /docs/getting-started/');
    expect(r.text).toMatch(/^---\n# Imported from getting-started\.md[\s\S]*# author: Jane Doe[\s\S]*# weight: 2/);
    expect(r.data.owner).not.toMatch(/jane/i);
  });
  it('without --owner writes a real team as a marked placeholder and lists it', () => {
    const bare = one('batch/getting-started.md');
    expect(known.teams).toContain(bare.data.owner);
    expect(bare.text).toMatch(/owner: hub-editorial # TODO/);
    expect(bare.todo.join('\n')).toMatch(/^owner: placeholder/m);
  });
  it('reads Hugo TOML front matter, and draft: true stays a draft even with --publish', () => {
    const hugo = one('hugo-page.md', { publish: true });
    expect(hugo.data.title).toBe('Measure a campaign');
    expect(hugo.data.summary).toBe('Measure what a campaign changed, not what it produced.');
    expect(hugo.data.tags).toEqual(['measurement', 'campaign']);
    expect(hugo.data.lastReviewed).toBe('2025-05-06');
    expect(hugo.data.status).toBe('draft');
    expect(notes(hugo)).toMatch(/TOML/);
    expect(notes(hugo)).toMatch(/params: \{"minVersion":"v2"\}/);
  });
  it('takes the title from the first h1 (and removes it), else from the file name', () => {
    const wiki = importFile({ path: 'Team Page.md', text: '# Team page\n\nThe team meets on Mondays.\n' }, options());
    expect(wiki.data.title).toBe('Team page');
    expect(bodyOf(wiki)).not.toMatch(/^#/m);
    const nameless = importFile({ path: 'notes/weekly-sync.md', text: 'Nothing but a paragraph of notes from the weekly sync.\n' }, options());
    expect(nameless.data.title).toBe('Weekly sync');
    expect(nameless.todo.join('\n')).toMatch(/^title: made from the file name/m);
    expect(nameless.data.summary).toBe('Nothing but a paragraph of notes from the weekly sync.');
  });
  it('trims a summary taken from the first paragraph to 300 characters', () => {
    const long = `${'word '.repeat(120)}end.`;
    const r2 = importFile({ path: 'long.md', text: `${long}\n` }, options());
    expect(String(r2.data.summary).length).toBeLessThanOrEqual(300);
    expect(bodyOf(r2)).toContain('word word');
  });
  it('splits front matter written with --- or +++ and reports unreadable YAML without losing it', () => {
    expect(splitFrontmatter('---\na: 1\n---\nbody').data).toEqual({ a: 1 });
    expect(splitFrontmatter('+++\na = 1\n+++\nbody').data).toEqual({ a: 1 });
    const broken = importFile({ path: 'broken.md', text: '---\ntitle: [unclosed\nowner: me\n---\n\nText of the broken page.\n' }, options());
    expect(broken.error).toBeUndefined();
    expect(notes(broken)).toMatch(/could not be read[\s\S]*title: \[unclosed/);
    expect(broken.text).toContain('#   title: [unclosed');
  });
});

describe('Markdown constructs survive', () => {
  const rt = one('roundtrip.md');
  const tree = parse(rt);

  it('tables keep every cell, and simple HTML tables become Markdown tables', () => {
    const cells = nodes(tree, 'tableCell').map((c) => words(toString(c)));
    for (const text of ['column 1', 'column 2', 'cell with bold', 'cell with a pipe', 'html code', 'head one', 'body one', 'body two continued']) {
      expect(cells.some((c) => c.includes(text)), text).toBe(true);
    }
  });
  it('task lists keep their checkboxes', () => {
    const items = nodes(tree, 'listItem') as Extract<Nodes, { type: 'listItem' }>[];
    expect(items.filter((i) => i.checked === false)).toHaveLength(1);
    expect(items.filter((i) => i.checked === true)).toHaveLength(1);
    expect(bodyOf(rt)).toContain('- [ ] An open task with **bold**');
  });
  it('footnotes keep their references and definitions', () => {
    expect(nodes(tree, 'footnoteReference')).toHaveLength(1);
    expect(bodyOf(rt)).toMatch(/^\[\^a\]: The footnote keeps its text, even with \\\{braces\}\.$/m);
  });
});

describe('template tags', () => {
  const r = importBatch(fixturesUnder('batch'), options()).find((x) => x.id === 'getting-started')!;
  const body = bodyOf(r);

  it('leaves unknown {{ }} and {% %} tags as visible, escaped TODOs and lists them', () => {
    expect(r.extension).toBe('.mdx');
    expect(body).toContain('TODO: \\{\\{ site.name }}');
    expect(body).toContain('TODO: \\{% include contact-box.html team="editorial" %}');
    expect(notes(r)).toMatch(/with no equivalent, left as a TODO: \{\{ site\.name \}\}/);
    expect(notes(r)).toMatch(/contact-box\.html" was not imported; write its text here/);
    expect(r.notes.filter((n) => n.kind === 'todo').every((n) => n.line !== undefined)).toBe(true);
    expect(r.todo.join('\n')).toMatch(/TODO markers: 2 construct\(s\)/);
  });
  it('resolves tags with a clear equivalent: page fields, raw, highlight', () => {
    expect(body).toContain('The page title is Getting started with the community channel');
    expect(body).toContain('Write \\{\\{ variable }} to print a variable.');
    expect(body).not.toMatch(/\{% ?(raw|endraw|highlight|endhighlight)/);
    expect(body).toMatch(/```yaml\nchannel: community\nowner: spoke-lead\n```/);
  });
  it('converts Hugo shortcodes: param, figure, highlight, ref, youtube; keeps unknown ones and ERB as text', () => {
    const hugo = one('hugo-page.md');
    const text = bodyOf(hugo);
    expect(text).toContain('Use version v2 of the dashboard');
    expect(text).toContain('![The dashboard](./hugo-page/dashboard.png) (TODO: copy the file /images/dashboard.png to content/playbooks/hugo-page/dashboard.png) *The campaign dashboard*');
    expect(text).toMatch(/```text\nreach: 1200\n```/);
    expect(text).toContain('[Video](https://www.youtube.com/watch?v=abc123)');
    expect(text).toMatch(/^TODO: \{\{< mystery param="x" >}}\n\nInner text of an unknown shortcode\.\n\nTODO: \{\{< \/mystery >}}$/m);
    expect(text).toContain('TODO: <% if admin %>Only admins see this.TODO: <% end %>');
    expect(notes(hugo)).toMatch(/mystery/);
    expect(notes(hugo)).toMatch(/<% if admin %>/);
  });
  it('leaves template tags inside code alone', () => {
    const r2 = importFile({ path: 'code.md', text: 'Use `{{ page.title }}` in a template.\n\n```liquid\n{% if page.title %}{{ page.title }}{% endif %}\n```\n' }, options());
    expect(bodyOf(r2)).toContain('`{{ page.title }}`');
    expect(bodyOf(r2)).toContain('{% if page.title %}{{ page.title }}{% endif %}');
    expect(r2.notes.filter((n) => n.kind === 'template')).toEqual([]);
  });
});

describe('text that is not safe in MDX', () => {
  const rt = one('roundtrip.md');

  it('escapes braces and angle brackets in prose, and the result is valid MDX for the checker and the build', () => {
    expect(rt.extension).toBe('.mdx');
    const body = bodyOf(rt);
    expect(body).toContain('A paragraph with \\{curly braces}, a \\< b, c > d, x\\<y');
    expect(body).toContain('with \\{braces} and \\<angle> brackets');
    expect(body).toContain('const object = { a: 1 }; // <kept> as code');
    expect(validateEntry(readBack(rt)).problems).toEqual([]);
    expect(() => mdxToJs(body)).not.toThrow();
  });
  it('removes MDX import lines (Docusaurus .md files are MDX) and keeps prose that starts with "import" as text', () => {
    const r = importFile({ path: 'doc.md', text: "import Note from './_Note.md';\n\n:::tip\nA tip.\n:::\n\nimport the data\nby hand.\n" }, options());
    expect(r.extension).toBe('.mdx');
    expect(notes(r)).toContain("MDX import removed (the portal provides its own components): import Note from './_Note.md';");
    const tree = parse(r);
    expect(nodes(tree, 'mdxjsEsm')).toEqual([]);
    expect(words(toString(tree))).toContain('import the data by hand');
    expect(() => mdxToJs(bodyOf(r))).not.toThrow();
  });
  it('writes .md when nothing needs MDX, without escaping', () => {
    const plain = importFile({ path: 'plain.md', text: 'Prices are {amount} and a < b.\n' }, options());
    expect(plain.extension).toBe('.md');
    expect(bodyOf(plain)).toContain('Prices are {amount} and a < b.');
  });
});

describe('raw HTML', () => {
  const r = importBatch(fixturesUnder('batch'), options()).find((x) => x.id === 'getting-started')!;
  const body = bodyOf(r);

  it('converts HTML with a Markdown equivalent and keeps simple tags MDX accepts', () => {
    expect(body).toContain('Centred text with a highlighted phrase,\\\nand a second line.');
    expect(body).toContain('Press <kbd>Ctrl</kbd> + <kbd>K</kbd> to search, and read H<sub>2</sub>O as water.');
    expect(body).toMatch(/<details>\s*<summary>\s*Why two owners\?\s*<\/summary>\s*Accounts with one owner/);
    expect(body).toMatch(/\| LinkedIn +\| \*Spoke lead\* \|/);
    expect(body).not.toMatch(/class=|style=|align=|<div|<span|<p |<br>/);
  });
  it('drops class and style with a note, and keeps HTML comments as MDX comments with a note', () => {
    expect(notes(r)).toMatch(/dropped class= from 2 HTML elements/);
    expect(notes(r)).toMatch(/dropped style= from 2 HTML elements/);
    expect(body).toContain('{/* Ask the hub about the banner size. */}');
    expect(notes(r)).toMatch(/HTML comment was kept as a comment[^\n]*Ask the hub about the banner size/);
  });
  it('self-closes void elements and keeps HTML comments as HTML in .md', () => {
    const md = importFile({ path: 'img.md', text: 'Logo: <img src="https://example.com/logo.png" alt="Logo" width="40"><br>\n\n<!-- internal note -->\n\nText <sup>1</sup>.\n' }, options());
    expect(md.extension).toBe('.md');
    const body2 = bodyOf(md);
    expect(body2).toContain('![Logo](https://example.com/logo.png)');
    expect(body2).toContain('<!-- internal note -->');
    expect(body2).toContain('Text <sup>1</sup>.');
    expect(notes(md)).toMatch(/dropped width= from 1 HTML element/);
  });
  it('never loses the text of unknown tags, scripts or unbalanced HTML', () => {
    const odd = importFile({ path: 'odd.md', text: 'Use Array<string> here.\n\n<Tabs><TabItem value="a">Tab text</TabItem></Tabs>\n\n<div><p>Unclosed paragraph\n\n<script>track("x")</script>\n' }, options());
    const text = bodyOf(odd);
    expect(text).toContain('Array\\<string>'); // escaped: Markdown would take <string> for a tag
    expect(text).toContain('Tab text');
    expect(text).toContain('Unclosed paragraph');
    expect(notes(odd)).toMatch(/<Tabs> is not an HTML element/);
    expect(notes(odd)).toMatch(/dropped a <script> element; its content was: track\("x"\)/);
    expect(odd.lost).toEqual([]);
  });
});

describe('admonitions become Callouts', () => {
  const batch = importBatch(fixturesUnder('batch'), options());
  const advanced = batch.find((x) => x.id === 'advanced-setup')!;
  const started = batch.find((x) => x.id === 'getting-started')!;

  it('Docusaurus :::, MkDocs !!!, GitHub > [!NOTE] and Hugo {{< note >}}', () => {
    expect(advanced.extension).toBe('.mdx');
    expect(callouts(advanced).map(({ type, title }) => [type, title])).toEqual([
      ['tip', 'Save time'],
      ['danger', undefined],
      ['warning', 'Rate limits'],
      ['note', undefined],
      ['note', undefined],
    ]);
    expect(callouts(advanced)[2]!.text).toContain('space posts at least an hour apart');
    expect(bodyOf(advanced)).not.toMatch(/:::|!!!|\[!NOTE\]|\{\{</);
  });
  it('HTML alert boxes and kramdown {: .note .warning} paragraphs', () => {
    expect(callouts(started).map(({ type }) => type)).toEqual(['warning', 'danger']);
    expect(callouts(started)[0]!.text).toContain('never open an account with a personal email address');
  });
  it('MkDocs admonitions in a documentation-site page, nested, with titles', () => {
    const material = one('mkdocs-style-admonitions.md');
    const found = callouts(material);
    expect(found.length).toBe(4); // the other !!! lines are examples inside code fences, left alone
    expect(bodyOf(material)).toMatch(/<Callout type="note" title="Never delete criticism">[\s\S]*<Callout type="note" title="Unless it is a scam">[\s\S]*<\/Callout>[\s\S]*<\/Callout>/);
    expect(bodyOf(material)).toMatch(/```markdown[^\n]*\n!!! note/);
    expect(found.some((c) => c.title === 'Warn once, then mute')).toBe(true);
    expect(found.some((c) => c.title === 'Never delete criticism')).toBe(true);
    expect(found.find((c) => c.title === 'Unless it is a scam')!.text).toContain('offer refunds through a private link');
    expect(material.data.title).toBe('Rule boxes in the moderation handbook');
    expect(notes(material)).toMatch(/link to "#box-types" on the same page: there is no heading with that id here/);
    expect(material.lost).toEqual([]);
  });
  it('Jekyll {: .note .info} and {: .note .warning} paragraphs in a documentation-site page, with relative_url links resolved', () => {
    const jekyll = one('jekyll-style-setup.md');
    const body = bodyOf(jekyll);
    expect(callouts(jekyll).map(({ type, title }) => [type, title])).toEqual([
      ['note', undefined],
      ['warning', undefined],
    ]);
    expect(callouts(jekyll)[1]!.text).toContain('a post sitting in the grid has not been approved');
    expect(body).toContain('[scheduling rhythms](/planning/rhythms/#rolling-schedule)');
    expect(body).toContain('[https://wall.example.org/team](https://wall.example.org/team)');
    expect(body).not.toMatch(/\{:|\{\{|relative_url|target=|data-proofer/);
    expect(notes(jekyll)).toMatch(/dropped data-proofer-ignore= from 1 HTML element/);
    expect(notes(jekyll)).toMatch(/redirect_from: \["\/calendar\/walkthrough\/"\]/);
    expect(jekyll.data.title).toBe('Plan a month of posts');
    expect(jekyll.lost).toEqual([]);
  });
});

describe('links', () => {
  const batch = importBatch(fixturesUnder('batch'), options());
  const byId = (id: string) => bodyOf(batch.find((x) => x.id === id)!);

  it('links between files of the batch become portal links, with anchors mapped to headings', () => {
    expect(byId('getting-started')).toContain('[advanced setup](/playbooks/advanced-setup/#custom-settings)');
    expect(byId('getting-started')).toContain('[team page](/playbooks/team-page/)');
    expect(byId('advanced-setup')).toContain('[getting started](/playbooks/getting-started/#before-you-start)');
    expect(byId('advanced-setup')).toContain('[steps](/playbooks/getting-started/#steps)'); // a pretty URL
    expect(byId('team-page')).toContain('[Getting Started](/playbooks/getting-started/)'); // a wiki link
    expect(byId('team-page')).toContain('[advanced setup](/playbooks/advanced-setup/)');
  });
  it('other relative links and images are kept and listed; external links are kept', () => {
    const r = batch.find((x) => x.id === 'getting-started')!;
    expect(byId('getting-started')).toContain('[old FAQ](../faq.md)');
    expect(byId('getting-started')).toContain('[style guide](https://example.com/style)');
    expect(notes(r)).toMatch(/link "\.\.\/faq\.md" points to a page that is not part of this import/);
    expect(byId('getting-started')).toContain('![Channel banner](./getting-started/banner.png)');
    expect(notes(r)).toMatch(/image "images\/banner\.png": the file is not among the imported files; copy it to content\/playbooks\/getting-started\/banner\.png/);
    expect(byId('getting-started')).toContain('(TODO: copy the file images/banner.png to content/playbooks/getting-started/banner.png)');
    expect(notes(batch.find((x) => x.id === 'team-page')!)).toMatch(/\[\[Missing Page\]\] points to a page that is not part of this import/);
  });
  it('keeps links to existing portal pages without a note', () => {
    const r = importFile({ path: 'x.md', text: 'See [measure what matters](/playbooks/measure-what-matters/).\n' }, options());
    expect(bodyOf(r)).toContain('(/playbooks/measure-what-matters/)');
    expect(r.notes.filter((n) => n.kind === 'link')).toEqual([]);
  });
});

describe('ids and overwriting (runs the command)', { timeout: 60_000 }, () => {
  it('makes kebab-case ids from file names and never gives two files the same id', () => {
    const planned = planIds(['Getting Started.md', 'guide/index.md', 'a/setup.md', 'b/setup.md', '_posts/2024-01-02-hello-world.md', 'GettingStarted.md']);
    expect([...planned.values()].map((p) => p.id)).toEqual(['getting-started', 'guide', 'a-setup', 'b-setup', 'hello-world', 'getting-started-2']);
  });
  it('refuses to overwrite an existing file, writes the others, and exits 0', () => {
    const out = tempDir('import-out-');
    writeFileSync(join(out, 'advanced-setup.md'), 'mine\n');
    const stdout = execFileSync(process.execPath, ['scripts/import.ts', join(FIXTURES, 'batch'), '--collection', 'playbooks', '--owner', 'hub-editorial', '--out', out], { encoding: 'utf8' });
    expect(stdout).toMatch(/docs\/advanced-setup\.md: skipped\. .*advanced-setup\.md already exists; not overwritten/);
    expect(readFileSync(join(out, 'advanced-setup.md'), 'utf8')).toBe('mine\n');
    expect(readdirSync(out).sort()).toEqual(['advanced-setup.md', 'getting-started.mdx', 'team-page.md']);
    expect(stdout).toMatch(/2 written, 1 skipped/);
  });
  it('a dry run writes nothing and still validates', () => {
    const out = tempDir('import-dry-');
    const stdout = execFileSync(process.execPath, ['scripts/import.ts', join(FIXTURES, 'complete-playbook.md'), '--collection', 'playbooks', '--out', out, '--dry-run'], { encoding: 'utf8' });
    expect(readdirSync(out)).toEqual([]);
    expect(stdout).toMatch(/4 of 4 passages of text arrived \(100\.0%\)/);
    expect(stdout).toMatch(/The check finds nothing, now or as a published entry/);
  });
  it('exits 1 when a file cannot be converted, 2 on a usage error', () => {
    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    const big = join(tempDir('import-big-'), 'huge.md');
    writeFileSync(big, 'x'.repeat(1_100_000));
    expect(run([big, '--collection', 'playbooks', '--dry-run'])).toBe(1);
    expect(run([big, '--collection', 'glossary'])).toBe(2);
    expect(run([big, '--collection', 'playbooks', '--owner', 'nobody'])).toBe(2);
  });
});

describe('round trip: no text is lost', () => {
  /** Units of the source as plain remark sees them: paragraphs, cells, code, footnotes; HTML tags removed. */
  function sourceUnits(text: string): string[] {
    const { body } = splitFrontmatter(text);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
    const units: string[] = [];
    visit(tree, (n: Nodes) => {
      if (!['paragraph', 'tableCell', 'code', 'heading'].includes(n.type) && n.type !== 'html') return undefined;
      const parts: string[] = [];
      visit(n, (c: Nodes) => {
        if (c.type === 'html') parts.push(c.value.replace(/<\/?(?:em|span|br|b|i|code|div|table|tr|th|td)\b[^>]*>/g, ' '));
        else if ('value' in c && typeof c.value === 'string') parts.push(c.value);
      });
      const unit = words(parts.join(' '));
      if (unit && !/^note$/.test(unit)) units.push(unit);
      return 'skip';
    });
    return units;
  }
  const outputWords = (r: ImportResult) => {
    const parts: string[] = [String(r.data.title), String(r.data.summary)];
    visit(parse(r), (n: Nodes) => {
      // "TODO:" is the importer's marker before a tag it could not convert, not source text.
      if ('value' in n && typeof n.value === 'string') parts.push(n.value.replace(/TODO: /g, ''));
      if (n.type === 'mdxJsxFlowElement') for (const a of n.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') parts.push(a.value);
    });
    return ` ${words(parts.join(' '))} `;
  };

  it('every paragraph, list item, table cell, code block and footnote of the round-trip fixture is in the output', () => {
    const source = readFileSync(join(FIXTURES, 'roundtrip.md'), 'utf8');
    const r = one('roundtrip.md');
    const out = outputWords(r);
    const units = sourceUnits(source);
    expect(units.length).toBeGreaterThan(15);
    expect(units.filter((u) => !out.includes(` ${u} `))).toEqual([]);
    expect(r.lost).toEqual([]);
  });
  it('the importer finds nothing lost in any fixture, and every output compiles with the build compiler', () => {
    const all = [...importBatch(fixturesUnder('batch'), options()), ...['hugo-page.md', 'complete-playbook.md', 'roundtrip.md', 'govuk-style-task.md', 'jekyll-style-setup.md', 'mkdocs-style-admonitions.md'].map((p) => one(p))];
    for (const r of all) {
      expect(r.error, r.source).toBeUndefined();
      expect(r.lost, r.source).toEqual([]);
      const body = bodyOf(r);
      if (r.extension === '.mdx') expect(() => mdxToJs(body), r.source).not.toThrow();
      else expect(() => markdownToHtml(body), r.source).not.toThrow();
    }
  });
});

describe('imported entries and the real schema', () => {
  it('with --owner, an import passes validateEntry; only the TODO fields are left to write', () => {
    const r = importBatch(fixturesUnder('batch'), options({ owner: 'hub-editorial' })).find((x) => x.id === 'getting-started')!;
    expect(validateEntry(readBack(r)).problems.map(formatProblem)).toEqual([]);
    const todoFields = Object.entries(r.data).filter(([, v]) => JSON.stringify(v).includes('TODO')).map(([k]) => k);
    expect(todoFields).toEqual(['goal', 'whenToUse', 'timeNeeded']);
    for (const field of todoFields) expect(r.todo.some((t) => t.startsWith(`${field}:`)), field).toBe(true);
  });
  it('a source that has everything passes the whole content check as a published entry, with no TODO', () => {
    const r = one('complete-playbook.md', { owner: 'hub-editorial', publish: true });
    expect(r.data).toMatchObject({ status: 'published', audiences: ['practitioner', 'spoke-lead'], whenToUse: 'Your spoke has agreed its measures and runs at least one channel.', timeNeeded: '2 hours a month', phases: [2, 3], channels: ['linkedin', 'blog'] });
    expect(JSON.stringify(r.data)).not.toMatch(/TODO/);
    const raw = readBack(r);
    raw.file = 'content/playbooks/complete-playbook.md';
    const { problems } = validateContent([...content, raw]);
    expect(problems.filter((p) => p.file === raw.file).map(formatProblem)).toEqual([]);
  });
  it.each(DOC_COLLECTIONS.map((c) => [c]))('a bare page imported into %s passes its schema', (collection) => {
    const r = importFile({ path: 'bare.md', text: 'A short page with one paragraph of text about the topic.\n' }, options({ collection }));
    expect(validateEntry(readBack(r, collection)).problems.map(formatProblem)).toEqual([]);
    const shape = (SCHEMAS[collection] as unknown as { shape: Record<string, { safeParse: (v: unknown) => { success: boolean } }> }).shape;
    const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
    for (const field of required) expect(r.data[field], field).toBeDefined();
  });
  it('pages in the styles of other documentation sites import without problems for the validator', () => {
    for (const path of ['govuk-style-task.md', 'jekyll-style-setup.md', 'mkdocs-style-admonitions.md']) {
      const r = one(path, { owner: 'hub-editorial' });
      expect(validateEntry(readBack(r)).problems.map(formatProblem), path).toEqual([]);
    }
    const gov = one('govuk-style-task.md');
    expect(callouts(gov)[0]).toMatchObject({ type: 'warning' });
    expect(callouts(gov)[0]!.text).toContain('never send an account password by chat or email');
    expect(gov.data.title).toBe('Hand over a brand account to [receiving team]');
    expect(notes(gov)).toMatch(/warning_text\(\.\.\.\) became a Callout/);
    expect(bodyOf(gov)).not.toMatch(/^# /m);
  });
});
