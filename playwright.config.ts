import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.ts';
import { TEST_BUILD_ENV } from './tests/build-day.ts';

// Every build a spec makes (and the server) runs for the tests' pinned day, whatever today is.
Object.assign(process.env, TEST_BUILD_ENV);

/** End-to-end tests run against the built site (dist/), served by `astro preview`. */
const PORT = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
  // Refuses a dist/ that was not built for the pinned day (npm test builds it; alone: npm run test:build).
  globalSetup: './tests/e2e/global-setup.ts',
  // Sweeps over every page (tagged @full) run only in `npm run test:full`; `npm test` checks every template.
  grepInvert: process.env.HUB_TEST_FULL ? undefined : /@full/,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  // Search loads React, Pagefind and its WebAssembly on first use; on a busy 2-core machine that
  // can take longer than Playwright's default 5 s wait.
  expect: { timeout: 12_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    // The portal's service worker caches pages; specs that test it turn it on (offline.spec.ts,
    // csp.spec.ts), the others see the site as served.
    serviceWorkers: 'block',
    // The tests of a worker share one browser context, which Playwright resets between tests: it
    // clears cookies, the cache, storage and service workers, closes extra pages and drops routes.
    // A new context per test cost about 1.5 s each on a 2-core machine (search.spec.ts: 262 s of
    // test time with new contexts, 133 s reused). The reset does not undo the network switched off
    // (context.setOffline), granted permissions or a geolocation: a spec that changes those turns
    // this off (offline.spec.ts).
    reuseContext: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /nginx\.spec\.ts/ },
    // The hosting configuration in a real nginx, on its own build (HUB_SIGNALS=1, a path prefix):
    // run alone with `npx playwright test --project nginx`.
    { name: 'nginx', use: { ...devices['Desktop Chrome'], channel: undefined }, testMatch: /nginx\.spec\.ts/ },
  ],
  webServer: {
    command: `node scripts/serve.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
