/**
 * Which of a collection's entries the sibling sidebar lists. A short collection is listed whole.
 * A long one shows a window of its neighbours in reading order, so the reader still sees where the page
 * sits and what comes before and after it, and links to the full A-Z index for the rest. Listing every entry
 * on every page would make each page's size, and the build's time, grow with the square of the
 * collection: at 2,000 entries the sidebars were two thirds of all HTML.
 */

/** Collections up to this size are listed whole on every page. */
export const SIDEBAR_FULL_LIST = 40;
/** How many entries a long collection's sidebar lists around the current one. */
export const SIDEBAR_WINDOW = 25;

export interface SidebarWindow {
  /** Index of the first listed entry. */
  start: number;
  /** Index after the last listed entry. */
  end: number;
}

/**
 * The window of `total` entries the sidebar lists for the entry at `current` (-1 when the page is not in
 * the list, e.g. a withdrawn entry): the whole list when it is short, otherwise SIDEBAR_WINDOW entries
 * centred on the current one and clamped to the ends of the list.
 */
export function sidebarWindow(total: number, current: number, full = SIDEBAR_FULL_LIST, size = SIDEBAR_WINDOW): SidebarWindow {
  if (total <= full || total <= size) return { start: 0, end: total };
  const start = Math.min(Math.max(0, current - Math.floor((size - 1) / 2)), total - size);
  return { start, end: start + size };
}
