/**
 * Astro's compressHTML removes the whitespace between tags, so `<dt>Goal</dt><dd>Every…` reaches
 * the search index as "GoalEvery": Pagefind separates text only at the end of the elements it
 * knows as blocks (p, li, td, div, headings…), not at th, dt, dd, caption, summary or legend.
 * The words then cannot be found ("PR" inside "whenPR") and excerpts read badly.
 *
 * One space after each of those closing tags restores the word break. Whitespace between table
 * cells, list terms and definitions is not rendered, so pages look exactly the same. Islands are
 * left as they are: React hydrates their markup and must find exactly what it rendered (islands
 * are not nested in this site, so each one ends at the first closing tag).
 */
const UNSEPARATED = /<\/(th|dt|dd|caption|summary|figcaption|legend)>(?=<)/g;
const ISLAND = /(<astro-island[\s>][\s\S]*?<\/astro-island>)/;

export function addWordBreaks(html: string): string {
  // Most pages have no island: one pass, without splitting a large page around them.
  if (!html.includes('<astro-island')) return html.replace(UNSEPARATED, '</$1> ');
  return html
    .split(ISLAND)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(UNSEPARATED, '</$1> ')))
    .join('');
}
