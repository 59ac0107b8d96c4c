/**
 * Under `astro dev`, the content store is written as soon as the content loader has stored an
 * edited file, so the page shows the edit without waiting for Astro's own write.
 *
 * After a change, Astro's content layer waits 500 ms for more changes (SAVE_DEBOUNCE_MS in
 * astro/dist/content/mutable-data-store.js) before it writes the store, and the dev server reloads
 * the page only once the store is written. A content sync, though, ends by writing the store at
 * once. So once the loader (src/node/content-loader.ts) has stored or deleted an entry for a
 * changed file, it asks for a flush, and the dev server's integration
 * (src/integrations/data-store-module.ts) answers with a sync of the portal's loader carrying the
 * FLUSH_ONLY mark: the loader then loads nothing, and the sync only writes the store.
 *
 * Astro skips such a sync while it reloads the content config, which it does for a few
 * milliseconds on every change to a Markdown or data file. A flush therefore tries again until the
 * loader has seen the mark, for no longer than Astro's own wait, after which Astro writes anyway.
 *
 * The dev server also flushes once when it has started. A sync writes the asset imports module
 * (`.astro/content-assets.mjs`) before the store, and Astro's first sync after its start can write
 * it with other bytes than the start did (for no image at all, `new Map([])` then `new Map()`). When
 * that first sync came with an edit, the page reloaded for the new store could render the old one:
 * on the bench's corpus, after a start on another corpus's `.astro/`, the first edit never showed
 * in 5 of 6 tries. With the flush at start it showed every time, also in edits made right after
 * another entry was refused and deleted (which makes Astro write that module again).
 *
 * Writing sooner makes it likelier that a request is loading Astro's runtime just as the store is
 * written; Vite could then keep the runtime that had loaded the store before, and pages showed the
 * old content until the next edit (19 of 75 edits while a build ran in the same project). The
 * store's module under `astro dev` is therefore a LiveStore (src/node/live-store.ts), which answers
 * from the file as last written whichever runtime holds it: 0 of 40 in the same test.
 *
 * Flushes do not pile up: while one runs, any number of requests make one more, after it. A burst
 * of changes (a branch switch) writes the store about once per flush (0.3-0.5 s at 2,000 entries),
 * not once per file.
 *
 * The state is kept on globalThis, as in src/node/checked-content.ts: the loader and the
 * integration must reach the same one whichever module loader brought them in.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Runs a content sync of the portal's loader with `context` as its refresh data. */
type Refresh = (context: Record<string, unknown>) => Promise<void>;

interface FlushState {
  refresh?: Refresh | undefined;
  running: boolean;
  again: boolean;
  /** Whether the loader has seen the FLUSH_ONLY mark since the current attempt began. */
  seen: boolean;
}

const KEY = Symbol.for('hub-portal.store-flush');
const shared = globalThis as unknown as { [KEY]?: FlushState };
const state = (shared[KEY] ??= { running: false, again: false, seen: false });

/** The refresh data's key that tells the loader to load nothing. */
const FLUSH_ONLY = 'hubStoreFlushOnly';
/** Astro's wait before it writes the store itself (SAVE_DEBOUNCE_MS): a flush gives up after it. */
const ASTRO_WRITE_WAIT_MS = 500;
/** The pause between two attempts while Astro reloads the content config. */
const RETRY_MS = 5;

/** How to run a sync (the dev server sets it); undefined leaves the writing to Astro. */
export function setStoreFlush(refresh: Refresh | undefined): void {
  state.refresh = refresh;
}

/** Whether a loader's refresh data asks for a flush only (and the loader is to load nothing). */
export function isFlushOnly(refreshContextData: Record<string, unknown> | undefined): boolean {
  if (refreshContextData?.[FLUSH_ONLY] !== true) return false;
  state.seen = true;
  return true;
}

/** Writes the store now, or once more after the flush that is running. */
export async function flushStore(): Promise<void> {
  const refresh = state.refresh;
  if (!refresh) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await flushOnce(refresh);
    } while (state.again);
  } finally {
    state.running = false;
  }
}

async function flushOnce(refresh: Refresh): Promise<void> {
  const deadline = performance.now() + ASTRO_WRITE_WAIT_MS;
  state.seen = false;
  for (;;) {
    await refresh({ [FLUSH_ONLY]: true });
    if (state.seen || performance.now() >= deadline) return;
    await sleep(RETRY_MS);
  }
}
