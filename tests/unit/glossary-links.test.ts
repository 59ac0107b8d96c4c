import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { buildMatcher, linkedTermIds, linkPhrases, splitTerms, type LinkableTerm } from '../../src/lib/glossary-links.ts';
import { glossaryPlugin } from '../../src/markdown/glossary.ts';

const TERMS: LinkableTerm[] = [
  { id: 'sme', term: 'SME', aliases: ['subject-matter expert', 'expert'] },
  { id: 'guest-destination', term: 'Guest destination', aliases: [] },
  { id: 'hub', term: 'Hub', aliases: [], autoLink: false },
];

describe('glossary phrases', () => {
  it('links the term and multi-word or capital aliases, not one common word', () => {
    expect(linkPhrases(TERMS[0]!)).toEqual(['SME', 'subject-matter expert']);
  });
  it('links the first use only, acronyms in capitals only, plurals too, and skips opted-out terms', () => {
    const m = buildMatcher(TERMS)!;
    const seen = new Set<string>();
    const parts = splitTerms('Ask the sme? No: ask SMEs in guest destinations. Another SME; the hub.', m, seen);
    expect(parts.filter((p) => typeof p !== 'string').map((p) => (p as { text: string }).text)).toEqual(['SMEs', 'guest destinations']);
    expect(splitTerms('SME again', m, seen)).toEqual(['SME again']);
  });
});

describe('the Markdown plugin', () => {
  const renderWithData = (md: string, frontmatter: Record<string, unknown> = {}) =>
    markdownToHtml(md, { hastPlugins: [glossaryPlugin(TERMS, '/')], data: { astro: { frontmatter } } } as never) as {
      html: string;
      data: { astro: { frontmatter: Record<string, unknown> } };
    };
  const render = (md: string, frontmatter: Record<string, unknown> = {}) => renderWithData(md, frontmatter).html;

  it('links the first use in running text to the popover of its definition, which the body leaves out', () => {
    const html = render('Bring an SME in early. The SME answers.');
    expect(html.match(/href="\/glossary\/#sme"/g)).toHaveLength(1);
    expect(html).toContain('popovertarget="term-sme"');
    expect(html).not.toContain('popover="');
  });
  it('keeps the button\'s "?" out of the search index, so excerpts do not read "an SME? early"', () => {
    expect(render('Bring an SME in early.')).toMatch(/<button [^>]*data-pagefind-ignore[^>]*>\?<\/button>/);
  });
  it('lists the terms it linked, in order of first use, in a copy of the front matter', () => {
    const frontmatter = { title: 'A page' };
    const { data } = renderWithData('Guest destinations need an SME. An SME again, and a guest destination.', frontmatter);
    expect(linkedTermIds(data.astro.frontmatter)).toEqual(['guest-destination', 'sme']);
    expect(data.astro.frontmatter.title).toBe('A page');
    expect(frontmatter).toEqual({ title: 'A page' });
    expect(linkedTermIds(renderWithData('No terms here.').data.astro.frontmatter)).toEqual([]);
  });
  it('never links inside headings, links or code, and uses the next plain mention', () => {
    const html = render('## Working with an SME\n\nSee [the SME page](/x/) and `SME`.\n\nAn SME helps.');
    expect(html).toMatch(/<h2[^>]*>Working with an SME<\/h2>/);
    expect(html).toContain('<code>SME</code>');
    expect(html).toMatch(/An <span class="term"><a href="\/glossary\/#sme"/);
  });
  it('a page opts out with glossaryLinks: false', () => {
    expect(render('An SME helps.', { glossaryLinks: false })).not.toContain('/glossary/#sme');
  });
});
