// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { contentCheck } from './src/integrations/content-check.ts';
import { buildCache } from './src/integrations/build-cache.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { afterBuild } from './src/integrations/after-build.ts';
import { themeBootHash } from './src/integrations/theme-boot.ts';
import { markdownConfig } from './src/markdown/plugins.ts';
import { loadGlossaryTerms } from './src/integrations/glossary-terms.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';

/**
 * SITE_URL and BASE_PATH let the portal be hosted anywhere internally, e.g.
 * SITE_URL=https://intranet.example BASE_PATH=/social-hub npm run build
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
// Always ending in '/', so import.meta.env.BASE_URL does too and pages and scripts use it as it is.
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  // buildCache clears stale caches before content loads. afterBuild runs the search index, the
  // count check, the service worker and (with HUB_BINDERS=1) the binders on the finished pages, in
  // that order, or hands them to scripts/build.ts (npm run build). pagefindSearch serves the last
  // index under astro dev. dataStoreModule makes the content store's module read the store's file.
  integrations: [buildCache(), contentCheck(), dataStoreModule(), mdx(), react(), pagefindSearch(), afterBuild()],
  build: {
    format: 'directory',
    // Pages rendered at once. Each page waits for work off the main thread (writing its file,
    // hashing); one page at a time left the main thread idle for a fifth of the rendering step
    // (a CPU profile on the bench's 2,000 entries). The pages came out the same bytes with 4 as with 1.
    concurrency: 4,
  },
  // Sätteri with the portal's hast plugins (src/markdown/plugins.ts): link bases and rel, and
  // glossary terms linked at their first use in every page (the terms are read once at startup:
  // restart `astro dev` after editing the glossary). Entry pages render their bodies with the same
  // settings (src/node/entry-html.ts).
  markdown: markdownConfig(base, loadGlossaryTerms()),
  devToolbar: { enabled: false },
  security: {
    // A strict CSP in every page's <meta>: Astro hashes its own inline scripts and styles.
    // Pagefind needs WebAssembly ('wasm-unsafe-eval'); it runs in the page (src/islands/search/pagefind.ts
    // turns its worker off). The one worker allowed is the portal's own service worker, /sw.js,
    // for offline reading: 'self', never blob: or data:. Headers the <meta> cannot
    // carry (frame-ancestors) are in src/lib/security-headers.ts, for the web server.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The theme boot script is inline (it must run before the first paint) and Astro hashes only
      // the scripts it bundles: its hash is added here from the same string the page renders.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeBootHash()] },
    },
  },
  // Separate caches let the fixture and benchmark builds run without touching the main one.
  cacheDir: process.env.HUB_CACHE_DIR ?? './node_modules/.astro',
  // Writes JSON schemas of the collections to .astro/ so the Astro VS Code extension validates
  // and completes frontmatter in content/*.md(x); .vscode/settings.json turns it on.
  experimental: {
    contentIntellisense: true,
    // Pages whose `cacheKey` (src/lib/build-cache.ts) and code are unchanged are copied from the
    // last build in the cache folder instead of rendered; see "Incremental builds" in the README.
    incrementalBuild: true,
  },
});
