/**
 * The one place that reads collections (`getCollection`): every page gets the site's content from
 * `getSite()`, built once per build by the pure `buildSite` (./site.ts).
 */
import { getCollection } from 'astro:content';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { today } from '../lib/review.ts';
import { buildSite, type Site, type SiteContent } from './site.ts';

async function readAll(): Promise<SiteContent> {
  const lists = await Promise.all(COLLECTIONS.map((name) => getCollection(name)));
  // getCollection(name) is typed per name; zipping the names back restores each list's own type.
  return Object.fromEntries(COLLECTIONS.map((name: CollectionName, i) => [name, lists[i]])) as SiteContent;
}

let cached: Promise<Site> | undefined;
/** The site's content, read once per build. */
export function getSite(): Promise<Site> {
  // Under `astro dev` content changes while the server runs: never serve a stale copy.
  if (import.meta.env.DEV) return readAll().then((content) => buildSite(content, today()));
  cached ??= readAll().then((content) => buildSite(content, today()));
  return cached;
}
