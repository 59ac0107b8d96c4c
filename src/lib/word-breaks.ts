/**
 * Astro's compressHTML removes the whitespace between tags, so `<dt>Goal</dt><dd>Every…` reaches
 * the search index as "GoalEvery": Pagefind separates text only at the end of the elements it
 * knows as blocks (p, li, td, div, headings…), not at th, dt, dd, caption, summary or legend.
 * The words then cannot be found ("PR" inside "whenPR") and excerpts read badly.
 *
 * One space after each of those closing tags restores the word break. Only what Pagefind reads
 * gets it (src/lib/search/pagefind-input.ts): in the page itself these elements are blocks or table
 * cells, which browsers, copying and screen readers already keep apart.
 */
const UNSEPARATED = /<\/(th|dt|dd|caption|summary|figcaption|legend)>(?=<)/g;

export function addWordBreaks(html: string): string {
  return html.replace(UNSEPARATED, '</$1> ');
}
