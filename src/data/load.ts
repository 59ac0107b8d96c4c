/**
 * The one place that reads collections (`getCollection`): every page gets the site's content from
 * `getSite()`, built by the pure `buildSite` (./site.ts) once per build, and under `astro dev` once
 * per change to the content.
 */
import { getCollection } from 'astro:content';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { today } from '../lib/review.ts';
import { buildSite, contentVersion, type Site, type SiteContent } from './site.ts';

async function readAll(): Promise<SiteContent> {
  const lists = await Promise.all(COLLECTIONS.map((name) => getCollection(name)));
  // getCollection(name) is typed per name; zipping the names back restores each list's own type.
  return Object.fromEntries(COLLECTIONS.map((name: CollectionName, i) => [name, lists[i]])) as SiteContent;
}

let cached: Promise<Site> | undefined;
/** Under `astro dev`: the last site built, and the content it was built from (contentVersion). */
let devCache: { version: string; site: Site } | undefined;

/** The site's content: read once per build; under `astro dev`, built again whenever content changed. */
export async function getSite(): Promise<Site> {
  if (import.meta.env.DEV) {
    const content = await readAll();
    const day = today();
    const version = contentVersion(content, day);
    if (version === undefined) return buildSite(content, day);
    if (devCache?.version !== version) devCache = { version, site: buildSite(content, day) };
    return devCache.site;
  }
  cached ??= readAll().then((content) => buildSite(content, today()));
  return cached;
}
