/** The sibling sidebar lists a short collection whole and a long one as a window around the page. */
import { describe, expect, it } from 'vitest';
import { SIDEBAR_FULL_LIST, SIDEBAR_WINDOW, sidebarWindow } from '../../src/lib/sidebar.ts';

describe('sidebarWindow', () => {
  it('lists a collection of up to SIDEBAR_FULL_LIST entries whole', () => {
    expect(sidebarWindow(SIDEBAR_FULL_LIST, 0)).toEqual({ start: 0, end: SIDEBAR_FULL_LIST });
    expect(sidebarWindow(3, 2)).toEqual({ start: 0, end: 3 });
  });

  it('centres the window of a long collection on the current entry', () => {
    const w = sidebarWindow(2000, 1000);
    expect(w.end - w.start).toBe(SIDEBAR_WINDOW);
    expect(w.start).toBe(1000 - Math.floor((SIDEBAR_WINDOW - 1) / 2));
    expect(1000).toBeGreaterThanOrEqual(w.start);
    expect(1000).toBeLessThan(w.end);
  });

  it('clamps the window to the ends of the list', () => {
    expect(sidebarWindow(2000, 0)).toEqual({ start: 0, end: SIDEBAR_WINDOW });
    expect(sidebarWindow(2000, 1999)).toEqual({ start: 2000 - SIDEBAR_WINDOW, end: 2000 });
  });

  it('shows the start of a long list to a page that is not in it (a withdrawn entry)', () => {
    expect(sidebarWindow(2000, -1)).toEqual({ start: 0, end: SIDEBAR_WINDOW });
  });

  it('holds every entry exactly once across the pages of a long collection', () => {
    const total = SIDEBAR_FULL_LIST + 17;
    for (let i = 0; i < total; i++) {
      const { start, end } = sidebarWindow(total, i);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(total);
      expect(i >= start && i < end).toBe(true);
    }
  });
});
