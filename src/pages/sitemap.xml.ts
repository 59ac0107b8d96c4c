import type { APIRoute } from 'astro';
import { getSite } from '../data/load.ts';
import { href } from '../site.ts';
import { DOC_COLLECTIONS } from '../schemas/index.ts';
import { STATIC_PAGES } from '../lib/check-links.ts';
import { entryPath } from '../lib/urls.ts';

/**
 * The sitemap lists published pages only: withdrawn pages keep their address for old links but
 * leave search, lists, the feed and the sitemap. Search (/search/) is left out on purpose.
 */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const pages = [
    ...STATIC_PAGES.filter((p) => p !== '/search/').map((p) => ({ path: p, lastmod: undefined as string | undefined })),
    ...site.starts.map((s) => ({ path: entryPath('start', s.id), lastmod: undefined })),
    ...DOC_COLLECTIONS.flatMap((c) => site.listed[c].map((e) => ({ path: entryPath(c, e.id), lastmod: e.data.changes.map((x) => x.date).sort().at(-1) ?? e.data.lastReviewed }))),
    ...site.paths.map((p) => ({ path: entryPath('paths', p.id), lastmod: p.data.lastReviewed })),
    ...site.glossary.map((t) => ({ path: `/glossary/${t.id}/`, lastmod: undefined })),
    ...site.spokes.map((s) => ({ path: `/spokes/${s.id}/`, lastmod: s.data.assessedOn })),
    ...site.teams.map((t) => ({ path: `/teams/${t.id}/`, lastmod: undefined })),
  ];
  const urls = pages
    .map((p) => `  <url><loc>${new URL(href(p.path), siteUrl).href}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
