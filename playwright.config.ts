import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/lib/chromium.ts';

/** End-to-end tests run against the built site (dist/), served by `astro preview`. */
const PORT = Number(process.env.E2E_PORT ?? 4322);

export default defineConfig({
  testDir: 'tests/e2e',
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
