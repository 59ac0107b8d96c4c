import { readFileSync } from 'node:fs';

/** Every page of the built site: the sitemap, plus the pages it leaves out on purpose. */
export function siteUrls(): string[] {
  const xml = readFileSync('dist/sitemap.xml', 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...paths, '/search/', '/search/?q=crisis', '/offline/', '/no-such-page/', '/playbooks/open-a-channel-checklist/'];
}

/**
 * One page per template: the home page, every index page, the first entry page of each collection
 * (glossary term, team, spoke, path, start page, policy chapter, phase guide, playbook, case study,
 * protocol), search with results, the offline notice, the 404, a withdrawn page, an overdue one
 * (their banners) and a playbook that uses every MDX component. Themes and phone width change
 * colours and layout, not markup, so these cover every template without running axe on every page.
 */
export function templateUrls(): string[] {
  const seen = new Set<string>();
  return siteUrls().filter((url) => {
    const parts = url.split('?')[0]!.split('/').filter(Boolean);
    const template = parts.length <= 1 ? url : `${parts[0]}/*`;
    if (seen.has(template)) return false;
    seen.add(template);
    return true;
  }).concat('/playbooks/open-a-channel-checklist/', '/playbooks/write-a-brand-voice-guide/', '/playbooks/accessible-posts/')
    .filter((url, i, all) => all.indexOf(url) === i);
}

/** The pages templateUrls leaves out: the sweeps over every page (npm run test:full) add these. */
export function otherUrls(): string[] {
  const templates = new Set(templateUrls());
  return siteUrls().filter((url) => !templates.has(url));
}

/** The n-th of `chunks` even slices of urls, so a sweep spreads over the workers. */
export const chunk = (urls: string[], n: number, chunks: number): string[] => urls.filter((_, i) => i % chunks === n);
