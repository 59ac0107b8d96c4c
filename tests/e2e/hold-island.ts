import type { Page } from '@playwright/test';

/**
 * Hold back an island's code (/_astro/<Name>.<hash>.js) so the test can act on the
 * server-rendered page before it hydrates. Returns the function that lets the code load.
 */
export async function holdIsland(page: Page, name: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(new RegExp(`/_astro/${name}\\.[^/]*\\.js$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
