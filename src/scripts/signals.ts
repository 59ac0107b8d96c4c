/**
 * The browser side of reader signals: a tiny typed API any script or island may call. It does
 * nothing unless the build turned signals on (HUB_SIGNALS=1 renders #hub-signals with the
 * endpoint), so callers never need to check.
 *
 * Requests go to one same-origin path with navigator.sendBeacon (a keepalive fetch where
 * sendBeacon is missing or refuses): no cookie is set, no id is made, nothing is stored.
 */
import { SignalQueue } from '../lib/signal-queue.ts';
import type { Reason } from '../lib/signals.ts';

let queue: SignalQueue | undefined | null;

function send(endpoint: string, args: string) {
  const url = `${endpoint}?${args}`;
  try {
    if (navigator.sendBeacon?.(url)) return;
  } catch {
    // fall through to fetch
  }
  fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => {
    // a lost signal is not worth bothering the reader about
  });
}

function getQueue(): SignalQueue | undefined {
  if (queue !== undefined) return queue ?? undefined;
  const endpoint = document.getElementById('hub-signals')?.dataset.endpoint;
  if (!endpoint) {
    queue = null;
    return undefined;
  }
  const q = new SignalQueue({ now: () => Date.now(), schedule: (fn, ms) => window.setTimeout(fn, ms), send: (args) => send(endpoint, args) });
  // pagehide covers navigation and closing; a hidden tab may never come back (mobile browsers).
  window.addEventListener('pagehide', () => q.leave());
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && q.leave());
  queue = q;
  return q;
}

/** The results shown for a query; call on every answer, only the query the reader stopped at counts. */
export const searchSettled = (query: string, resultCount: number): void => getQueue()?.searchSettled(query, resultCount);
/** A search result opened: its rank (1 = first page listed) and URL. */
export const resultOpened = (query: string, rank: number, url: string): void => getQueue()?.resultOpened(query, rank, url);
/** The search was closed: the query shown last has ended. */
export const searchEnded = (): void => getQueue()?.searchEnded();
/** "Was this page helpful?" answered; sent with the details, or when the reader leaves. */
export const voteChosen = (helpful: boolean): void => getQueue()?.voteChosen(location.pathname, helpful);
/** The vote's optional reason and free text; sends it now. */
export const voteSent = (reason?: Reason, comment?: string): void => getQueue()?.voteSent(reason, comment);
/** True when this build sends signals. */
export const signalsEnabled = (): boolean => !!getQueue();
