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
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const QUEUE = resolve('.astro/e2e-build-queue');
/**
 * A ticket not touched for this long is left over from a killed run (its process number may be
 * another process's by now); a waiting ticket is touched while it waits, and no build takes as long.
 */
const STALE_MS = 10 * 60_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
let asked = 0;

/** A ticket still held: touched lately, and its process runs (a killed worker's ticket must not hold the queue). */
function live(ticket: string): boolean {
  try {
    if (Date.now() - statSync(join(QUEUE, ticket)).mtimeMs > STALE_MS) return false;
  } catch {
    return false;
  }
  try {
    process.kill(Number(ticket.split('-')[1]), 0);
    return true;
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Joins the queue and returns once this ticket is the oldest live one. */
function acquire(): string {
  mkdirSync(QUEUE, { recursive: true });
  // Time first, so the names sort in the order the tickets were taken.
  const ticket = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${asked++}`;
  writeFileSync(join(QUEUE, ticket), '');
  for (;;) {
    const now = new Date();
    utimesSync(join(QUEUE, ticket), now, now);
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
