/**
 * Astro builds whose --outDir lies outside the project write their prerender chunks to the
 * project's own `.astro/.prerender/`, so two fixture builds at once (one per Playwright worker) can
 * delete each other's chunks mid-build. Specs that build a site of their own run the build inside
 * this lock: one build at a time across workers; the tests around them still run in parallel.
 *
 * The lock is a queue, served in the order the builds asked: a spec that builds many times in a row
 * (incremental-build.spec.ts) cannot keep another worker's one build waiting for all of them, with
 * that worker idle the while.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const QUEUE = resolve('.astro/e2e-build-queue');
/** A ticket older than this is left over from a killed run, not held by a build. */
const STALE_MS = 10 * 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
let asked = 0;

/** A ticket's process still runs (a killed worker's ticket must not hold the queue). */
function live(ticket: string): boolean {
  const pid = Number(ticket.split('-')[1]);
  try {
    process.kill(pid, 0);
    return Date.now() - statSync(join(QUEUE, ticket)).mtimeMs < STALE_MS;
  } catch {
    return false;
  }
}

/** Joins the queue and returns once this ticket is the oldest live one. */
function acquire(): string {
  mkdirSync(QUEUE, { recursive: true });
  // Time first, so the names sort in the order the tickets were taken.
  const ticket = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${asked++}`;
  writeFileSync(join(QUEUE, ticket), '');
  for (;;) {
    for (const other of readdirSync(QUEUE).sort()) {
      if (other === ticket) return ticket;
      if (live(other)) break;
      rmSync(join(QUEUE, other), { force: true });
    }
    Atomics.wait(pause, 0, 0, 100);
  }
}

/** Runs `build` (a synchronous astro build) once the builds asked for before it have finished. */
export function withBuildLock<T>(build: () => T): T {
  const ticket = acquire();
  try {
    return build();
  } finally {
    rmSync(join(QUEUE, ticket), { force: true });
  }
}
