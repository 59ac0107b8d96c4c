import { readFileSync } from 'node:fs';

/** Every page of the built site: the sitemap, plus the pages it leaves out on purpose. */
export function siteUrls(): string[] {
  const xml = readFileSync('dist/sitemap.xml', 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...paths, '/search/', '/search/?q=crisis', '/no-such-page/', '/playbooks/open-a-channel-checklist/'];
}

/**
 * One page per template: every index page plus the first entry page of each collection, search,
 * the 404, a withdrawn page and an overdue one (their banners). Themes and phone width change colours and layout, not markup,
 * so these cover every template without running axe 500 times.
 */
export function templateUrls(): string[] {
  const seen = new Set<string>();
  return siteUrls().filter((url) => {
    const parts = url.split('?')[0]!.split('/').filter(Boolean);
    const template = parts.length <= 1 ? url : `${parts[0]}/*`;
    if (seen.has(template)) return false;
    seen.add(template);
    return true;
  }).concat('/playbooks/open-a-channel-checklist/', '/playbooks/write-a-brand-voice-guide/');
}
