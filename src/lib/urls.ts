import type { CollectionName } from '../schemas/vocab.ts';

/** True for links that leave the portal (http, https, mailto and protocol-relative). */
export function isExternal(href: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
}

/** Join the site's base path (`/` or `/prefix/`) and a root-relative path. */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!prefix) return path;
  if (path === prefix || path.startsWith(`${prefix}/`)) return path;
  return `${prefix}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The root-relative URL of an entry's page. Glossary terms and contacts live on one page each, as anchors. */
export function entryPath(collection: CollectionName, id: string): string {
  if (collection === 'glossary') return `/glossary/#${id}`;
  if (collection === 'contacts') return `/contacts/#${id}`;
  return `/${collection}/${id}/`;
}

/** The root-relative URL of a collection's index page. */
export function collectionPath(collection: CollectionName): string {
  return `/${collection}/`;
}
