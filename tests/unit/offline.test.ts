import { describe, expect, it } from 'vitest';
import { cacheControl, renderNginx } from '../../src/lib/security-headers.ts';
import { checkPrecacheBudget, offlineDisabled, pageStamp, precacheUrl, PRECACHE_BUDGET_BYTES } from '../../src/lib/offline.ts';
import { isPortalCache, pagesCache } from '../../src/lib/offline-caches.ts';

describe('precacheUrl', () => {
  it('stores pages at the address readers use, relative to the worker', () => {
    expect(precacheUrl('index.html')).toBe('./');
    expect(precacheUrl('protocols/crisis-escalation/index.html')).toBe('protocols/crisis-escalation/');
    expect(precacheUrl('_astro/Base.abc.css')).toBe('_astro/Base.abc.css');
    expect(precacheUrl('pagefind/pagefind-entry.json')).toBe('pagefind/pagefind-entry.json');
  });
});

describe('checkPrecacheBudget', () => {
  it('accepts a precache within the budget', () => {
    expect(checkPrecacheBudget([{ url: 'a', size: PRECACHE_BUDGET_BYTES }])).toBeUndefined();
  });
  it('names the file, the setting, the size and the largest files when over', () => {
    const msg = checkPrecacheBudget([{ url: 'pagefind/wasm.en.pagefind', size: 4 * 1048576 }, { url: './', size: 2 * 1048576 }]);
    expect(msg).toMatch(/^src\/lib\/offline\.ts {2}PRECACHE_GLOBS: .*6\.0 MB, over its 5\.0 MB budget; cache fewer sections/);
    expect(msg).toContain('pagefind/wasm.en.pagefind (4096 KB)');
  });
});

describe('offlineDisabled', () => {
  it('turns offline reading off only when asked', () => {
    expect(offlineDisabled({})).toBe(false);
    expect(offlineDisabled({ HUB_OFFLINE: 'on' })).toBe(false);
    for (const v of ['off', 'OFF', '0', 'false', 'no']) expect(offlineDisabled({ HUB_OFFLINE: v })).toBe(true);
  });
});

describe('isPortalCache', () => {
  const scope = 'https://intranet.example/social-hub/';
  it("the portal's pages and Workbox's caches for its scope", () => {
    expect(isPortalCache(pagesCache(scope), scope)).toBe(true);
    expect(isPortalCache('hub-pages', scope)).toBe(true); // the unscoped name of earlier builds
    expect(isPortalCache(`workbox-precache-v2-${scope}`, scope)).toBe(true);
    expect(isPortalCache(`workbox-runtime-${scope}`, scope)).toBe(true);
  });
  it("never another application's caches on the same origin", () => {
    expect(isPortalCache('workbox-precache-v2-https://intranet.example/', scope)).toBe(false);
    expect(isPortalCache('workbox-precache-v2-https://intranet.example/social-hub/archive/', scope)).toBe(false);
    expect(isPortalCache('timesheets-v3', scope)).toBe(false);
    expect(isPortalCache(`other-${scope}`, scope)).toBe(false);
  });
  it("never the pages of the portal under another base path", () => {
    expect(isPortalCache(pagesCache('https://intranet.example/social-hub-staging/'), scope)).toBe(false);
  });
});

describe('pageStamp', () => {
  it('reads the build time and revision the layout writes', () => {
    expect(pageStamp('<head><meta name="hub-build" content="2026-12-04T10:00:00.000Z"><meta name="hub-revision" content="9f2"></head>')).toEqual({ built: '2026-12-04T10:00:00.000Z', revision: '9f2' });
    expect(pageStamp('<html><body>Sign in</body></html>')).toEqual({ built: undefined, revision: undefined });
  });
});

describe('hosting the service worker', () => {
  it('serves sw.js uncached, so a new build or the kill switch arrives on the next visit', () => {
    expect(cacheControl('/sw.js')).toBe('no-cache');
    expect(cacheControl('/social-hub/sw.js')).toBe('no-cache');
    const conf = renderNginx({ base: '/social-hub' });
    expect(conf).toMatch(/location = \/social-hub\/sw\.js \{\n\s+add_header Cache-Control "no-cache" always;/);
  });
  it('clears the offline copies on sign-out', () => {
    expect(renderNginx()).toMatch(/location = \/oauth2\/sign_out \{[^}]*Clear-Site-Data '"cache", "storage"'/);
  });
});
