/**
 * The search index written while Astro renders the pages, on the machine's other core.
 *
 * Astro renders one page at a time, on one thread; Pagefind indexes one page at a time, in a
 * process of its own. Done one after the other (src/integrations/pagefind.ts, indexSite) they take
 * the sum of the two; here Astro's prerenderer is wrapped so that each page goes to a worker thread
 * (src/node/search-index-worker.ts) as soon as it exists, and Pagefind indexes it while Astro
 * renders the next. The pages go in the order Astro lists its paths, the same in every build, so
 * a warm build (most pages copied from the cache, never rendered: they are read from disk) gives
 * the same index, byte for byte, as a cold one.
 *
 * Nothing is trusted: once Astro is done, the worker checks the pages it indexed against every
 * HTML file of the built site, byte for byte, and writes the bundle only if they are the same.
 * Otherwise (or when the build is not the kind this handles) it says why, and the steps after the
 * build index the finished site as before.
 */
import type { AstroConfig, AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FromSearchIndexer, ToSearchIndexer } from '../node/search-index-worker.ts';
import type { SearchIndexWritten } from '../node/finished-site.ts';

/**
 * Above this many pages the index is written after Astro's process has exited, as before, so that
 * the two never hold their memory at once (src/integrations/after-build.ts). Measured on the
 * bench's corpora: Pagefind's process peaks at about 0.4 MB a page (0.82 GB at 2,000 pages), and
 * Astro's at 5.05 GB at 10,000; at 5,000 pages the two together stay near 4.5 GB.
 */
export const MAX_PAGES_WHILE_RENDERING = 5_000;

interface PlannedPage {
  route: RouteData;
  /** The page's path without its leading and trailing slashes: how a request is matched to it. */
  key: string;
  /** The HTML file Astro writes, relative to the site folder. */
  sourcePath: string;
}

const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

/**
 * `HUB_SEARCH_INDEX=after-build` writes the index once Astro's process has exited, whatever the
 * number of pages: slower, but the two processes never hold their memory at once.
 */
export const AFTER_BUILD_ENV = 'HUB_SEARCH_INDEX';

/** The HTML file of a page in Astro's `directory` build format, as Astro names it (404 and 500 are files of their own). */
export function pageFile(pathname: string): string {
  const key = trimSlashes(pathname);
  if (key === '404' || key === '500') return `${key}.html`;
  return key ? `${key}/index.html` : 'index.html';
}

/** The pages among Astro's paths, in its order, each once (Astro renders the first of a pathname). */
export function plannedPages(paths: readonly PathWithRoute[]): PlannedPage[] {
  const seen = new Set<string>();
  const pages: PlannedPage[] = [];
  for (const { pathname, route } of paths) {
    const key = trimSlashes(pathname);
    if (seen.has(key)) continue;
    seen.add(key);
    if (route.type === 'page') pages.push({ route, key, sourcePath: pageFile(pathname) });
  }
  return pages;
}

/** The path of a prerender request under `base`, as plannedPages keys it. */
export function requestKey(url: string, base: string): string {
  const path = decodeURI(new URL(url).pathname);
  const prefix = trimSlashes(base);
  const inside = trimSlashes(path);
  return prefix && inside.startsWith(`${prefix}/`) ? inside.slice(prefix.length + 1) : inside === prefix ? '' : inside;
}

/**
 * Indexes pages as Astro writes them. `prerenderer` wraps Astro's own (the `astro:build:start`
 * hook's setPrerenderer); `finish`, once Astro has written every page, waits for the index and
 * returns what it holds, or undefined when the steps after the build must index the site (`log`
 * says why); `order` lists the pages' files as Astro listed them.
 */
export function searchWhileRendering(config: AstroConfig, log: (message: string) => void) {
  const dist = fileURLToPath(config.outDir);
  let plan: PlannedPage[] = [];
  /** The first planned page not yet sent to the index. */
  let next = 0;
  let worker: Worker | undefined;
  let off: string | undefined =
    process.env[AFTER_BUILD_ENV] === 'after-build'
      ? `${AFTER_BUILD_ENV}=after-build`
      : config.build.format !== 'directory'
        ? `the build format is "${config.build.format}", not "directory"`
        : config.build.concurrency > 1
          ? 'Astro renders several pages at once (build.concurrency)'
          : undefined;

  const send = (message: ToSearchIndexer) => worker?.postMessage(message);
  const stop = (reason: string) => {
    off ??= reason;
    send({ kind: 'close' });
    worker = undefined;
  };
  /** Sends the planned pages before `end` that Astro copied from its cache instead of rendering. */
  const sendWrittenBefore = (end: number) => {
    for (; next < end && worker; next += 1) {
      const { sourcePath } = plan[next]!;
      try {
        send({ kind: 'page', sourcePath, bytes: readFileSync(join(dist, sourcePath)) });
      } catch (cause) {
        stop(`${sourcePath} could not be read (${cause instanceof Error ? cause.message : String(cause)})`);
      }
    }
  };

  const prerenderer = (inner: AstroPrerenderer): AstroPrerenderer => ({
    ...inner,
    name: `${inner.name} with the search index`,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      plan = plannedPages(paths);
      if (plan.length > MAX_PAGES_WHILE_RENDERING) off ??= `${plan.length} pages are more than ${MAX_PAGES_WHILE_RENDERING}: the index waits for Astro's process to end, to keep the two from holding their memory at once`;
      if (!off) {
        worker = new Worker(new URL('../node/search-index-worker.ts', import.meta.url));
        // Never what keeps a failed build's process alive.
        worker.unref();
      }
      return paths;
    },
    render: async (request, options) => {
      // Endpoints (the feed, the sitemap) write no page to index.
      if (!worker || options.routeData.type !== 'page') return inner.render(request, options);
      const key = requestKey(request.url, config.base);
      let at = next;
      while (at < plan.length && !(plan[at]!.route === options.routeData && plan[at]!.key === key)) at += 1;
      if (at === plan.length) {
        stop(`Astro rendered ${request.url}, which is not among the pages it listed, or not in their order`);
        return inner.render(request, options);
      }
      sendWrittenBefore(at);
      const result = await inner.render(request, options);
      const response = result instanceof Response ? result : result.response;
      if (!worker) return result;
      if (!response.body || (response.status >= 300 && response.status < 400)) {
        stop(`${request.url} answered ${response.status}${response.body ? '' : ' with no body'}: Astro writes something else than the response`);
        return result;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      send({ kind: 'page', sourcePath: plan[at]!.sourcePath, bytes });
      next = at + 1;
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  });

  const finish = async (cacheDir: string): Promise<SearchIndexWritten | undefined> => {
    sendWrittenBefore(plan.length);
    const running = worker;
    if (!running) {
      if (off) log(`The search index is written after the build: ${off}.`);
      return undefined;
    }
    const started = performance.now();
    // Unreferenced while Astro rendered; now the build waits for it.
    running.ref();
    const answer = await new Promise<FromSearchIndexer>((resolve) => {
      running.once('message', resolve);
      running.once('error', (error) => resolve({ kind: 'failed', reason: error.message }));
      running.once('exit', (code) => resolve({ kind: 'failed', reason: `its thread ended (exit code ${code}) before answering` }));
      send({ kind: 'finish', site: dist, cacheDir });
    });
    worker = undefined;
    if (answer.kind === 'failed') {
      log(`The search index written while rendering was set aside, and is written again from the finished site: ${answer.reason}.`);
      return undefined;
    }
    return { pages: answer.pages, reused: answer.reused, waitedMs: Math.round(performance.now() - started) };
  };

  /** The pages' files in the order Astro listed them: the order of the index, whichever way it is written. */
  const order = (): string[] => plan.map((page) => page.sourcePath);

  return { prerenderer, finish, order };
}
