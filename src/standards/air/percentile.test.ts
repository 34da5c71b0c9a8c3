import { describe, it, expect } from 'vitest';
import { percentile, percentileOfSorted } from './percentile.js';

describe('HJ 663 Annex A percentile', () => {
  it('gives 6.5 for the example of STANDARDS.md §3.2', () => {
    // {3,4,8,2,5,4}, p = 90: sorted 2,3,4,4,5,8; k = 1 + 5·0.9 = 5.5; X(5) + (X(6) − X(5))·0.5 = 5 + 3·0.5 = 6.5.
    expect(percentile([3, 4, 8, 2, 5, 4], 90)).toBe(6.5);
  });

  it('interpolates by hand-worked positions', () => {
    // {1,2,3,4}, p = 25: k = 1 + 3·0.25 = 1.75 → 1 + (2 − 1)·0.75 = 1.75.
    expect(percentile([4, 3, 2, 1], 25)).toBe(1.75);
    // 365 values 1…365, p = 95: k = 1 + 364·0.95 = 346.8 → 346 + 0.8 = 346.8.
    const year = Array.from({ length: 365 }, (_, i) => i + 1);
    expect(percentile(year, 95)).toBeCloseTo(346.8, 12);
    // p = 98 of the same: k = 1 + 364·0.98 = 357.72 → 357.72.
    expect(percentile(year, 98)).toBeCloseTo(357.72, 12);
    // p = 90 of 324 values 1…324: k = 1 + 323·0.9 = 291.7.
    expect(percentile(year.slice(0, 324), 90)).toBeCloseTo(291.7, 12);
  });

  it('lands exactly on a value when k is an integer, and handles the ends', () => {
    // n = 101, p = 90: k = 1 + 100·0.9 = 91 exactly → X(91) = 91 (no interpolation error).
    const values = Array.from({ length: 101 }, (_, i) => i + 1);
    expect(percentile(values, 90)).toBe(91);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(101);
    expect(percentile([7], 95)).toBe(7);
  });

  it('skips NaN and returns NaN for an empty series', () => {
    expect(percentile([Number.NaN, 3, 4, 8, 2, Number.NaN, 5, 4], 90)).toBe(6.5);
    expect(percentile([], 90)).toBeNaN();
    expect(percentileOfSorted(new Float64Array([1, 2, 3, 99]), 50, 3)).toBe(2); // only the first n count
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});
