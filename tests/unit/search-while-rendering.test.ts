import { describe, expect, test } from 'vitest';
import type { PathWithRoute, RouteData } from 'astro';
import { pageFile, plannedPages, requestKey } from '../../src/integrations/search-while-rendering.ts';

const route = (type: RouteData['type'], name: string): RouteData => ({ type, route: name, component: `src/pages/${name}.astro` }) as RouteData;

describe('the pages Astro will write, as the search index takes them', () => {
  test("each page's HTML file in the directory format, 404 and 500 as files of their own", () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('/playbooks/launch-a-channel/')).toBe('playbooks/launch-a-channel/index.html');
    expect(pageFile('/playbooks/launch-a-channel')).toBe('playbooks/launch-a-channel/index.html');
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/500')).toBe('500.html');
  });

  test('pages in the order listed, each pathname once, endpoints and redirects left out', () => {
    const entries = route('page', '/[collection]/[id]');
    const paths: PathWithRoute[] = [
      { pathname: '/', route: route('page', '/') },
      { pathname: '/feed.xml', route: route('endpoint', '/feed.xml') },
      { pathname: '/playbooks/b/', route: entries },
      { pathname: '/playbooks/a/', route: entries },
      { pathname: '/playbooks/a', route: route('page', '/playbooks/a') },
      { pathname: '/old/', route: route('redirect', '/old') },
      { pathname: '/404', route: route('page', '/404') },
    ];
    const planned = plannedPages(paths);
    expect(planned.map((page) => page.sourcePath)).toEqual(['index.html', 'playbooks/b/index.html', 'playbooks/a/index.html', '404.html']);
    // The first route listed for a pathname is the one Astro renders.
    expect(planned[2]!.route).toBe(entries);
  });

  test("a prerender request's path under the base, as the plan keys it", () => {
    expect(requestKey('http://localhost:4321/', '/')).toBe('');
    expect(requestKey('http://localhost:4321/playbooks/a/', '/')).toBe('playbooks/a');
    expect(requestKey('http://intranet.example/social-hub/', '/social-hub')).toBe('');
    expect(requestKey('http://intranet.example/social-hub/playbooks/a/', '/social-hub/')).toBe('playbooks/a');
    expect(requestKey('http://intranet.example/social-hub-archive/', '/social-hub')).toBe('social-hub-archive');
    expect(requestKey('http://localhost:4321/glossary/caf%C3%A9/', '/')).toBe('glossary/café');
    // The same key as the plan gives the path Astro listed.
    expect(plannedPages([{ pathname: '/glossary/café/', route: route('page', '/glossary/[id]') }])[0]!.key).toBe('glossary/café');
  });
});
