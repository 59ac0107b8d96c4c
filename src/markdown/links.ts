/**
 * A Sätteri hast plugin for Markdown and MDX output. Scrollable blocks (pre, table) become
 * focusable; and for every link:
 * - root-relative links (`/playbooks/x/`) get the site's base path, so content can be written once
 *   and hosted under any prefix;
 * - external links get rel="noopener noreferrer" and a class the stylesheet marks as external.
 */
import type { HastPluginEntry } from 'satteri';
import { isExternal, withBase } from '../lib/urls.ts';

export function linksPlugin(base: string): HastPluginEntry {
  return {
    name: 'hub-links',
    element: {
      filter: ['a', 'pre', 'table'],
      visit(node, ctx) {
        // Code blocks and tables scroll sideways on narrow screens: keyboard users must be able
        // to reach them (WCAG 2.1.1), so they take focus.
        if (node.tagName === 'pre' || node.tagName === 'table') {
          ctx.setProperty(node, 'tabIndex', 0);
          return;
        }
        const href = node.properties?.href;
        if (typeof href !== 'string') return;
        if (isExternal(href)) {
          ctx.setProperty(node, 'rel', 'noopener noreferrer');
          ctx.setProperty(node, 'className', ['external']);
        } else if (href.startsWith('/') && !href.startsWith('//')) {
          ctx.setProperty(node, 'href', withBase(base, href));
        }
      },
    },
  } as HastPluginEntry;
}
