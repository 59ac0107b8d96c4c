/**
 * Writing the content store as soon as an edit is stored (src/node/store-flush.ts): a flush runs a
 * sync until the loader has seen it, gives up after Astro's own wait, and never piles up.
 * `refresh` stands for Astro's `refreshContent`: it calls the loader's check (`isFlushOnly`) as a
 * sync of the portal's loader does, or skips it as Astro does while it reloads the content config.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { flushStore, isFlushOnly, setStoreFlush } from '../../src/node/store-flush.ts';

afterEach(() => setStoreFlush(undefined));

/** A refresh that skips its first `skipped` calls, then reaches the loader; counts its calls. */
function refreshAfter(skipped: number) {
  const calls: Record<string, unknown>[] = [];
  const refresh = async (context: Record<string, unknown>) => {
    calls.push(context);
    if (calls.length > skipped) isFlushOnly(context);
  };
  return { calls, refresh };
}

describe('flushing the content store', () => {
  it('does nothing without a dev server', async () => {
    await expect(flushStore()).resolves.toBeUndefined();
  });

  it('runs one sync whose refresh data tells the loader to load nothing', async () => {
    const { calls, refresh } = refreshAfter(0);
    setStoreFlush(refresh);
    await flushStore();
    expect(calls).toHaveLength(1);
    expect(isFlushOnly(calls[0])).toBe(true);
  });

  it('tries again while Astro skips the sync, until the loader has seen it', async () => {
    const { calls, refresh } = refreshAfter(3);
    setStoreFlush(refresh);
    await flushStore();
    expect(calls).toHaveLength(4);
  });

  it('gives up once Astro would have written the store itself', async () => {
    const { calls, refresh } = refreshAfter(Number.POSITIVE_INFINITY);
    setStoreFlush(refresh);
    const started = performance.now();
    await flushStore();
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(calls.length).toBeGreaterThan(1);
  });

  it('runs once more, not once per request, for requests made while a flush runs', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    setStoreFlush(async (context) => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      isFlushOnly(context);
    });
    const first = flushStore();
    await Promise.all(Array.from({ length: 10 }, () => flushStore()));
    expect(calls).toBe(1);
    release();
    await first;
    expect(calls).toBe(2);
  });

  it('leaves every other refresh to the loader', () => {
    expect(isFlushOnly(undefined)).toBe(false);
    expect(isFlushOnly({})).toBe(false);
    expect(isFlushOnly({ hubStoreFlushOnly: 'yes' })).toBe(false);
  });

  it("gives up after the wait the installed Astro still has before it writes the store", () => {
    // Read from Astro's file, as the dev bench does: an upgrade that changes it fails here.
    const source = readFileSync(new URL('../../node_modules/astro/dist/content/mutable-data-store.js', import.meta.url), 'utf8');
    expect(/\bSAVE_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source)?.[1]).toBe('500');
  });
});
