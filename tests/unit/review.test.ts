import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMonths, daysBetween, nextReviewDay, reviewState, today, DUE_SOON_DAYS } from '../../src/lib/review.ts';

describe('addMonths', () => {
  it('adds months within a year and across years', () => {
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-11-28', 3)).toBe('2027-02-28');
  });
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
});

describe('nextReviewDay', () => {
  it('prefers a fixed nextReview over the interval', () => {
    expect(nextReviewDay({ lastReviewed: '2026-01-01', reviewEvery: 12, nextReview: '2026-04-01' })).toBe('2026-04-01');
  });
  it('adds the interval to lastReviewed', () => {
    expect(nextReviewDay({ lastReviewed: '2026-01-01', reviewEvery: 6 })).toBe('2026-07-01');
  });
});

describe('reviewState at the boundaries', () => {
  const next = '2026-12-31';
  it('is overdue from the day after the review day', () => {
    expect(reviewState(next, '2027-01-01')).toBe('overdue');
  });
  it('is due on the review day itself', () => {
    expect(reviewState(next, next)).toBe('due');
  });
  it(`is due exactly ${DUE_SOON_DAYS} days before, fresh one day earlier`, () => {
    expect(daysBetween('2026-12-01', next)).toBe(30);
    expect(reviewState(next, '2026-12-01')).toBe('due');
    expect(reviewState(next, '2026-11-30')).toBe('fresh');
  });
  it('counts days across a daylight-saving change without drifting', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('today', () => {
  // The clock is set to a day no build would pick, late in the evening UTC, so "today" must be
  // that very day in UTC, not a date of the right shape.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-09T23:30:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  it('uses HUB_TODAY when it is a date', () => {
    expect(today({ HUB_TODAY: '2026-05-05' })).toBe('2026-05-05');
  });
  it('ignores junk and an unset HUB_TODAY: the day in UTC', () => {
    expect(today({ HUB_TODAY: 'tomorrow' })).toBe('2031-07-09');
    expect(today({ HUB_TODAY: '' })).toBe('2031-07-09');
    expect(today({})).toBe('2031-07-09');
  });
});
