/** Site-wide constants and URL helpers bound to the configured base path. */
import { withBase } from './lib/urls.ts';
import type { CollectionName } from './schemas/index.ts';
import { entryPath } from './lib/urls.ts';

export const SITE_NAME = 'Social Hub';
/** The team whose mailbox search offers when a query finds nothing: it curates the vocabulary. */
export const ASK_THE_HUB_TEAM = 'hub-editorial';

/** A root-relative path with the site's base prefix. */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
export const entryHref = (collection: CollectionName, id: string): string => href(entryPath(collection, id));

/** Header navigation, in order. `match` is the first path segment that marks the item current. */
export const NAV = [
  { label: 'Start here', path: '/start/', match: 'start' },
  { label: 'Policy', path: '/policy/', match: 'policy' },
  { label: 'Phases', path: '/phases/', match: 'phases' },
  { label: 'Playbooks', path: '/playbooks/', match: 'playbooks' },
  { label: 'Protocols', path: '/protocols/', match: 'protocols' },
  { label: 'Case studies', path: '/case-studies/', match: 'case-studies' },
  { label: 'Paths', path: '/paths/', match: 'paths' },
  { label: 'Spokes', path: '/spokes/', match: 'spokes' },
  { label: 'Glossary', path: '/glossary/', match: 'glossary' },
] as const;

/**
 * Reader signals (search and "Was this page helpful?") are sent only when the build sets
 * HUB_SIGNALS=1; the web server must then answer SIGNAL_PATH (npm run hosting writes that).
 */
export const SIGNALS_ENABLED = process.env.HUB_SIGNALS === '1';
