/**
 * When the browser sends which signal, without the DOM: the browser script (src/scripts/signals.ts)
 * gives it a clock, a timer and a transport; the unit tests give it fake ones.
 *
 * - A search is counted once it has ended: when the reader paused on it (PAUSE_MS) and then typed
 *   another query, cleared the box, opened a result, closed the search or left the page. Queries
 *   typed on the way to the final one ("cr", "cri", "cris") are never sent.
 * - Events are batched: the first one waits THROTTLE_MS for company, and at most one request
 *   leaves per THROTTLE_MS; leaving the page sends what is left at once.
 * - A page view sends at most MAX_EVENTS_PER_VIEW events.
 */
import { batchSignals, cutQuery, MAX_EVENTS_PER_VIEW, normalizeQuery, pagePath, type Reason, type Signal } from './signals.ts';

/** A query the reader looked at for this long has been read, even if they then typed on. */
export const PAUSE_MS = 2000;
/** At most one request per this interval while the reader stays on the page. */
export const THROTTLE_MS = 5000;

export interface QueueDeps {
  now: () => number;
  /** Runs `fn` after `ms`; one timer at a time is enough. */
  schedule: (fn: () => void, ms: number) => void;
  /** Sends one request's query string; the page may be unloading. */
  send: (args: string) => void;
}

interface PendingSearch { query: string; results: number; opened: boolean; since: number }
interface PendingVote { page: string; helpful: boolean; reason?: Reason | undefined; comment?: string | undefined }

export class SignalQueue {
  private queue: Signal[] = [];
  private search: PendingSearch | undefined;
  private vote: PendingVote | undefined;
  private sent = 0;
  private lastSend = -Infinity;
  private timer = false;

  private readonly deps: QueueDeps;

  constructor(deps: QueueDeps) {
    this.deps = deps;
  }

  /** The results shown for a query (call on every answer; intermediate queries are dropped). */
  searchSettled(query: string, results: number): void {
    const q = cutQuery(query);
    const current = this.search;
    if (current && q && normalizeQuery(current.query) === normalizeQuery(q)) {
      current.results = results;
      return;
    }
    if (current && (current.opened || this.deps.now() - current.since >= PAUSE_MS)) this.commitSearch();
    this.search = q ? { query: q, results, opened: false, since: this.deps.now() } : undefined;
  }

  /** A result opened from the results of `query`: rank 1 is the first page listed. */
  resultOpened(query: string, rank: number, url: string): void {
    const q = cutQuery(query);
    if (!q) return;
    if (!this.search || normalizeQuery(this.search.query) !== normalizeQuery(q)) {
      if (this.search) this.commitSearch();
      // Opened before the answer was reported: it showed at least `rank` results.
      this.search = { query: q, results: rank, opened: true, since: this.deps.now() };
    }
    this.search.opened = true;
    this.push({ type: 'open', query: q, rank, page: pagePath(new URL(url, 'http://x').pathname) });
  }

  /** The search box was closed or emptied for good: the current search has ended. */
  searchEnded(): void {
    if (this.search) this.commitSearch();
  }

  /** The reader answered "Was this page helpful?"; details may follow before it is sent. */
  voteChosen(page: string, helpful: boolean): void {
    this.vote = { page, helpful };
  }

  /** The reader sent the answer, with an optional reason and free text. */
  voteSent(reason?: Reason, comment?: string): void {
    if (!this.vote) return;
    this.push({ type: 'vote', ...this.vote, reason, comment: comment?.trim() || undefined });
    this.vote = undefined;
    this.flush();
  }

  /** The page is being left or hidden: end the search, keep a chosen vote, send everything now. */
  leave(): void {
    this.searchEnded();
    if (this.vote) {
      this.push({ type: 'vote', ...this.vote });
      this.vote = undefined;
    }
    this.flush();
  }

  /** Sends what is queued now, in as few requests as fit. */
  flush(): void {
    if (!this.queue.length) return;
    for (const args of batchSignals(this.queue)) this.deps.send(args);
    this.queue = [];
    this.lastSend = this.deps.now();
  }

  private commitSearch(): void {
    const s = this.search!;
    this.search = undefined;
    this.push({ type: 'search', query: s.query, results: s.results, opened: s.opened });
  }

  private push(signal: Signal): void {
    if (this.sent >= MAX_EVENTS_PER_VIEW) return;
    this.sent += 1;
    this.queue.push(signal);
    if (this.timer) return;
    this.timer = true;
    const wait = Math.max(THROTTLE_MS, this.lastSend + THROTTLE_MS - this.deps.now());
    this.deps.schedule(() => {
      this.timer = false;
      this.flush();
    }, wait);
  }
}
