import { readFileSync } from 'node:fs';

/** Every page of the built site: the sitemap, plus the pages it leaves out on purpose. */
export function siteUrls(): string[] {
  const xml = readFileSync('dist/sitemap.xml', 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...paths, '/search/', '/search/?q=crisis', '/no-such-page/', '/playbooks/open-a-channel-checklist/'];
}
