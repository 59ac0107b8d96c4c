export interface Heading { depth: number; slug: string; text: string }
export interface TocItem { depth: 2 | 3; slug: string; text: string }

/**
 * The table of contents: the page's own sections (panels rendered from frontmatter) followed by
 * the body's h2 and h3 headings, then the sections after the body (related, history). Returns nothing for pages with fewer than two sections.
 */
export function buildToc(headings: Heading[], leading: TocItem[] = [], trailing: TocItem[] = []): TocItem[] {
  const body = headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => ({ depth: h.depth as 2 | 3, slug: h.slug, text: h.text.trim() }));
  const items = [...leading, ...body, ...trailing];
  return items.filter((h) => h.depth === 2).length >= 2 ? items : [];
}
