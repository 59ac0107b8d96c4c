import { describe, expect, it } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { mdxBodyToMarkdown } from '../../src/markdown/mdx-body.ts';
import { hastPlugins } from '../../src/markdown/plugins.ts';
import { escalationMatrixHtml } from '../../src/lib/mdx-components.ts';
import type { SeverityTier } from '../../src/schemas/protocol.ts';

const TIERS: SeverityTier[] = [
  { tier: 'Tier 1', looksLike: 'A hijacked account posts <abuse> & spam', responseTime: '15 minutes', whoActs: 'PR duty officer', inform: ['Hub lead', 'Legal'] },
  { tier: 'Tier 2', looksLike: 'A complaint goes viral', responseTime: '1 hour', whoActs: 'Spoke lead', inform: [] },
];

/** The MDX body rendered as the content loader renders it: Markdown through Astro's Sätteri renderer with the portal's plugins. */
async function render(body: string, tiers: SeverityTier[] = TIERS) {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: hastPlugins('/', [{ id: 'sme', term: 'SME', aliases: [] }]) });
  const { code, metadata } = await processor.render(mdxBodyToMarkdown(body, { tiers }), { frontmatter: {} });
  return { html: code, headings: metadata.headings.map((h) => h.text), root: parseFragment(code) };
}

type P5 = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
/** Elements matching a tag and, optionally, a class, as a browser parses the HTML. */
function find(node: P5, tag: string, cls?: string): DefaultTreeAdapterMap['element'][] {
  const out: DefaultTreeAdapterMap['element'][] = [];
  const stack: P5[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && n.tagName === tag && (!cls || (n.attrs.find((a) => a.name === 'class')?.value ?? '').split(' ').includes(cls))) out.push(n);
    if ('childNodes' in n) stack.push(...[...n.childNodes].reverse());
  }
  return out;
}
const attr = (el: DefaultTreeAdapterMap['element'], name: string) => el.attrs.find((a) => a.name === name)?.value;
function text(node: P5): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

describe('MDX bodies rendered as Markdown', () => {
  it('a callout holds its title and the Markdown written inside it, rendered', async () => {
    const { root } = await render('<Callout type="warning" title="Before you post">\n  Ask an **SME** first.\n\n  - one\n  - [two](/playbooks/x/)\n</Callout>\n\nAfter.');
    const [aside] = find(root, 'aside', 'callout');
    expect(attr(aside!, 'class')).toBe('callout warning');
    expect(attr(aside!, 'aria-label')).toBe('Before you post');
    expect(text(find(aside!, 'p', 'callout-title')[0]!)).toBe('Before you post');
    // The Markdown plugins run inside components too: the glossary term is linked.
    expect(find(find(aside!, 'strong')[0]!, 'a', 'term-link').map(text)).toEqual(['SME']);
    expect(find(aside!, 'a').map((a) => attr(a, 'href'))).toContain('/playbooks/x/');
    expect(find(aside!, 'li')).toHaveLength(2);
    expect(find(root, 'p').map(text)).toContain('After.');
  });

  it('children on the component line become a paragraph; a missing or unknown type is a note', async () => {
    const { root } = await render('<Callout type="odd">Short *and* clear.</Callout>');
    const [aside] = find(root, 'aside');
    expect(attr(aside!, 'class')).toBe('callout note');
    expect(find(aside!, 'p').map(text)).toEqual(['Note', 'Short and clear.']);
    expect(find(aside!, 'em').map(text)).toEqual(['and']);
  });

  it('props are text, never markup: quotes, angle brackets and line breaks are escaped and the block holds', async () => {
    const { root, html } = await render('<Callout title={"Say \\"no\\" <b>twice</b> & mean it\\n\\nreally"}>\n\nBody.\n\n</Callout>');
    const [aside] = find(root, 'aside');
    expect(attr(aside!, 'aria-label')).toBe('Say "no" <b>twice</b> & mean it\n\nreally');
    expect(find(aside!, 'b')).toHaveLength(0);
    expect(find(aside!, 'p').map(text)).toEqual(['Say "no" <b>twice</b> & mean it\n\nreally', 'Body.']);
    expect(html).not.toContain('<b>');
  });

  it('do and don’t lists, checklists and steps render from their props and children', async () => {
    const { root, headings } = await render(
      '## Before\n\n<DoDont do={["Ask", "Wait"]} dont={[\'Guess\']} dontTitle="Never" />\n\n<Checklist title="Launch day">\n\n- [ ] Profile\n- [ ] Rota\n\n</Checklist>\n\n<Checklist>\n- Item\n</Checklist>\n\n<Steps>\n1. First\n2. Second\n</Steps>',
    );
    const [doDont] = find(root, 'div', 'do-dont');
    expect(find(doDont!, 'section').map((s) => attr(s, 'aria-label'))).toEqual(['Do', 'Never']);
    expect(find(find(doDont!, 'section', 'do')[0]!, 'li').map(text)).toEqual(['Ask', 'Wait']);
    expect(find(find(doDont!, 'section', 'dont')[0]!, 'li').map(text)).toEqual(['Guess']);
    // The component's headings are its own markup, not sections of the page.
    expect(headings).toEqual(['Before']);
    const lists = find(root, 'div', 'checklist');
    expect(lists.map((l) => attr(l, 'aria-label'))).toEqual(['Launch day', 'Checklist']);
    expect(find(lists[0]!, 'p', 'checklist-title').map(text)).toEqual(['Launch day']);
    expect(find(lists[0]!, 'input')).toHaveLength(2);
    expect(find(lists[1]!, 'p', 'checklist-title')).toHaveLength(0);
    const [steps] = find(root, 'div', 'steps');
    expect(find(steps!, 'ol')).toHaveLength(1);
    expect(find(steps!, 'li').map(text)).toEqual(['First', 'Second']);
  });

  it('the escalation matrix shows the entry’s own tiers, escaped, marked as the body’s copy', async () => {
    const { root, html } = await render('Intro.\n\n<EscalationMatrix caption="Tiers for takedowns" />\n');
    const [wrap] = find(root, 'div', 'table-wrap');
    expect(attr(wrap!, 'class')).toBe('table-wrap in-body');
    expect(attr(wrap!, 'aria-label')).toBe('Tiers for takedowns');
    expect(find(wrap!, 'th').filter((th) => attr(th, 'scope') === 'row').map(text)).toEqual(['Tier 1', 'Tier 2']);
    expect(find(wrap!, 'td').map(text)).toContain('A hijacked account posts <abuse> & spam');
    expect(find(wrap!, 'td').map(text)).toContain('Hub lead, Legal');
    expect(find(wrap!, 'td').map(text)).toContain('—');
    expect(html).toBe(html.replace('<abuse>', ''));
    expect(html).toContain(escalationMatrixHtml(TIERS, { caption: 'Tiers for takedowns', inBody: true }));
    const none = await render('<EscalationMatrix />', []);
    expect(find(none.root, 'p', 'callout').map(text)).toEqual(['This protocol has no severity tiers in its frontmatter yet.']);
  });

  it('allowed HTML written as JSX stays HTML; literal expressions are text; comments go', async () => {
    const { root } = await render('{/* a note for editors */}\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>; {"literal"} and {42}.\n\n<details open>\n<summary>More</summary>\n\nText with **weight**.\n\n</details>\n');
    expect(find(root, 'kbd').map(text)).toEqual(['Ctrl', 'C']);
    expect(find(root, 'p').map(text)).toContain('Press Ctrl+C; literal and 42.');
    const [details] = find(root, 'details');
    expect(attr(details!, 'open')).toBe('');
    expect(find(details!, 'summary').map(text)).toEqual(['More']);
    expect(find(details!, 'strong').map(text)).toEqual(['weight']);
    expect(text(root)).not.toContain('a note for editors');
  });

  it('what the content check refuses never comes through', async () => {
    const { html } = await render('import x from "y"\n\n{process.env.HOME}\n\n<Widget>inside</Widget>\n\n<script>alert(1)</script>\n\nKept.');
    expect(html).not.toMatch(/import|process|Widget|inside|script|alert/);
    expect(html).toContain('Kept.');
  });

  it('components inside lists and quotes keep their place', async () => {
    const { root } = await render('- Before you start:\n\n  <Callout type="tip">\n  Check the rota.\n  </Callout>\n\n> <Steps>\n> 1. Quoted step\n> </Steps>\n');
    const [li] = find(root, 'li');
    expect(find(li!, 'aside', 'callout').map((a) => attr(a, 'class'))).toEqual(['callout tip']);
    expect(text(find(li!, 'aside')[0]!)).toContain('Check the rota.');
    const [quote] = find(root, 'blockquote');
    expect(find(find(quote!, 'div', 'steps')[0]!, 'li').map(text)).toEqual(['Quoted step']);
  });
});

describe('the images a body shows', () => {
  it('are the local ones, as Astro’s Markdown pipeline registers them, in Markdown and MDX alike', async () => {
    const { localImages } = await import('../../src/node/content-loader.ts');
    const body = '![Plan](./img/plan%20v2.png) ![Logo](/favicon.svg) ![Far](https://img.example/a.png) [not an image](./x.png)\n\n![Up](../playbooks/room.png)';
    expect(localImages(body, false)).toEqual(['./img/plan v2.png', '../playbooks/room.png']);
    expect(localImages(`<Callout>\n\n${body}\n\n</Callout>`, true)).toEqual(['./img/plan v2.png', '../playbooks/room.png']);
    expect(localImages('No image here, only [a link](./x.png).', false)).toEqual([]);
  });
});
