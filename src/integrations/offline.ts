import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FinishedSite } from '../node/finished-site.ts';
import { PRECACHE_BUDGET_BYTES, PRECACHE_GLOBS, checkPrecacheBudget, offlineDisabled, precacheUrl } from '../lib/offline.ts';

export interface ServiceWorkerResult { files: number; bytes: number; disabled: boolean }

/**
 * Write `site/sw.js`: the Workbox service worker (src/offline/sw.ts, bundled with esbuild) with the
 * precache list of the finished site injected, or the kill switch (src/offline/sw-off.ts) when
 * offline reading is turned off. Throws a one-line error when the precache outgrows its budget.
 * Runs after the search index is written, since the precache includes it.
 */
export async function writeServiceWorker(site: string, root: string, { disabled = false } = {}): Promise<ServiceWorkerResult> {
  const source = join(root, 'src/offline', disabled ? 'sw-off.ts' : 'sw.ts');
  const bundled = join(site, '.sw-bundle.js');
  const swDest = join(site, 'sw.js');
  await build({ entryPoints: [source], outfile: disabled ? swDest : bundled, bundle: true, format: 'iife', minify: true, target: 'es2022', logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } });
  if (disabled) return { files: 0, bytes: 0, disabled };
  // Loaded here, not with the module: workbox-build takes most of a second to load.
  const { injectManifest } = await import('workbox-build');
  try {
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest,
      globDirectory: site,
      globPatterns: PRECACHE_GLOBS,
      maximumFileSizeToCacheInBytes: PRECACHE_BUDGET_BYTES,
      // Hashed names change with their content: no revision needed.
      dontCacheBustURLsMatching: /^(_astro\/|pagefind\/(index|fragment|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/,
      manifestTransforms: [(entries) => ({ manifest: entries.map((e) => ({ ...e, url: precacheUrl(e.url) })), warnings: [] })],
    });
    if (warnings.length) throw new Error(warnings.join('; '));
    const over = checkPrecacheBudget([{ url: 'all precached files', size }]);
    if (over) throw new Error(over);
    return { files: count, bytes: size, disabled };
  } finally {
    rmSync(bundled, { force: true });
  }
}

/** Offline reading: the service worker, written once Pagefind has written its index (src/integrations/after-build.ts). */
export async function serviceWorkerStep(site: FinishedSite, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const disabled = offlineDisabled(process.env);
  try {
    const r = await writeServiceWorker(site.dist, site.root, { disabled });
    log(
      r.disabled
        ? 'HUB_OFFLINE=off: sw.js is the kill switch (clears every offline copy and unregisters)'
        : `Service worker written: ${r.files} files precached for offline reading, ${(r.bytes / 1048576).toFixed(2)} MB (budget ${PRECACHE_BUDGET_BYTES / 1048576} MB), in ${Math.round(performance.now() - started)} ms`,
    );
  } catch (cause) {
    throw new Error(`Writing the service worker failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
