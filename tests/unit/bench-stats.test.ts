import { describe, expect, it } from 'vitest';
import { pairedRatios, ratioUndecided, runOrder, spreadExceedsDifference, spreadOf } from '../../scripts/bench/stats.ts';

describe('spreadOf', () => {
  it('gives the middle value of an odd count and the range', () => {
    expect(spreadOf([31, 28, 40])).toEqual({ median: 31, min: 28, max: 40, width: 12 });
  });
  it('averages the two middle values of an even count', () => {
    expect(spreadOf([4, 1, 3, 2]).median).toBe(2.5);
  });
  it('ignores values that are not finite (a failed run)', () => {
    expect(spreadOf([NaN, 5, Infinity, 7])).toEqual({ median: 6, min: 5, max: 7, width: 2 });
  });
  it('is NaN when nothing was measured', () => {
    expect(Number.isNaN(spreadOf([]).median)).toBe(true);
  });
});

describe('spreadExceedsDifference', () => {
  it('warns when the runs scatter more than the medians differ', () => {
    expect(spreadExceedsDifference(spreadOf([30, 31, 36]), spreadOf([29, 30, 31]))).toBe(true);
  });
  it('stays quiet when the difference is larger than either range', () => {
    expect(spreadExceedsDifference(spreadOf([40, 41, 42]), spreadOf([29, 30, 31]))).toBe(false);
  });
});

describe('ratioUndecided', () => {
  it('is true when the runs fall on both sides of the target', () => {
    expect(ratioUndecided(spreadOf([1.25, 1.28, 1.34]), 1.3)).toBe(true);
  });
  it('is false when every run is clearly over the target', () => {
    expect(ratioUndecided(spreadOf([1.5, 1.52, 1.55]), 1.3)).toBe(false);
  });
});

describe('pairedRatios and runOrder', () => {
  it('divides run by run and skips a run without a denominator', () => {
    expect(pairedRatios([30, 40, 50], [20, 0, 25])).toEqual([1.5, 2]);
  });
  it('alternates which build goes first', () => {
    expect(runOrder(1)).toEqual(['portal', 'floor']);
    expect(runOrder(2)).toEqual(['floor', 'portal']);
    expect(runOrder(3)).toEqual(['portal', 'floor']);
  });
});
