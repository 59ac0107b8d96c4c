import type { APIRoute } from 'astro';
import { getSite } from '../data/load.ts';
import { changeSources } from '../data/changes.ts';
import { allChanges, renderAtom } from '../lib/changes.ts';
import { SITE_NAME, href } from '../site.ts';

/** Atom feed of major changes to published pages, so spokes can subscribe. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const items = allChanges(changeSources(site), { majorOnly: true, limit: 50 });
  const abs = (path: string) => new URL(href(path), siteUrl).href;
  const xml = renderAtom({
    title: `${SITE_NAME}: major changes`,
    site: abs('/whats-new/'),
    selfUrl: abs('/feed.xml'),
    items: items.map((i) => ({ ...i, absoluteUrl: abs(i.url) })),
    updated: items[0]?.date ?? site.today,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
