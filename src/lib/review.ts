/**
 * Review status, computed on calendar days (YYYY-MM-DD strings), never on instants: a page
 * reviewed "on 2026-03-31" is the same day in every time zone.
 */

export type ReviewState = 'fresh' | 'due' | 'overdue';

/** Days before the next review at which an entry counts as due soon. */
export const DUE_SOON_DAYS = 30;

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Add whole months to a day, clamping to the month's last day (2026-01-31 + 1 = 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtc(target.getTime());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The day an entry is next due for review: the fixed nextReview, else lastReviewed + reviewEvery months. */
export function nextReviewDay(entry: { lastReviewed: string; reviewEvery?: number | undefined; nextReview?: string | undefined }): string {
  if (entry.nextReview) return entry.nextReview;
  return addMonths(entry.lastReviewed, entry.reviewEvery ?? 12);
}

/** fresh, due (within DUE_SOON_DAYS, today included) or overdue (the review day has passed). */
export function reviewState(nextReview: string, today: string): ReviewState {
  const left = daysBetween(today, nextReview);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS) return 'due';
  return 'fresh';
}

/** Today's date as YYYY-MM-DD in UTC, or HUB_TODAY when set (for reproducible builds and tests). */
export function today(env: Record<string, string | undefined> = process.env): string {
  const fixed = env.HUB_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date().toISOString().slice(0, 10);
}

export const REVIEW_LABELS: Record<ReviewState, string> = {
  fresh: 'Reviewed',
  due: 'Review due soon',
  overdue: 'Review overdue',
};
