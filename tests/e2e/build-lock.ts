/**
 * Astro builds whose --outDir lies outside the project write their prerender chunks to the
 * project's own `.astro/.prerender/`, so two fixture builds at once (one per Playwright worker) can
 * delete each other's chunks mid-build. Specs that build a site of their own run the build inside
 * this lock: one build at a time across workers; the tests around them still run in parallel.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const LOCK = resolve('.astro/e2e-build.lock');
/** A lock older than this is left over from a killed run, not held by a build. */
const STALE_MS = 10 * 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

function acquire(): void {
  mkdirSync(resolve('.astro'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released between the two calls: try again
      }
      Atomics.wait(pause, 0, 0, 200);
    }
  }
}

/** Runs `build` (a synchronous astro build) while no other worker builds. */
export function withBuildLock<T>(build: () => T): T {
  acquire();
  try {
    return build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
