import { describe, it, expect } from 'vitest';
import { annualValidity, validityRules } from './validity.js';

// GB 3095-2026 Table 4 (STANDARDS.md §2.3): ≥ 324 daily values a year and ≥ 27 a month (February ≥ 25).
describe('annual validity', () => {
  const rules = validityRules('HJ663-2026');

  it('holds the Table 4 numbers for both evaluation versions', () => {
    expect(rules).toMatchObject({ dailyMinHours: 20, eightHourMinHours: 6, mda8MinWindows: 14, annualMinDays: 324 });
    expect(validityRules('HJ663-2013')).toEqual(rules);
  });

  it('accepts a full year and the exact minimums', () => {
    expect(annualValidity([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], rules)).toEqual({
      valid: true,
      validDays: 365,
      failingMonths: [],
    });
    // 27 × 11 + 25 = 322 < 324: every month at its minimum is still too few days in total.
    expect(annualValidity([27, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27], rules)).toEqual({
      valid: false,
      validDays: 322,
      failingMonths: [],
    });
    // 322 + 2 = 324 days, all months at or above their minimum → valid.
    expect(annualValidity([29, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27], rules).valid).toBe(true);
  });

  it('refuses a year with a thin month even when the total is enough', () => {
    // February 24 < 25; total 31·7 + 30·4 + 24 = 361 ≥ 324.
    expect(annualValidity([31, 24, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], rules)).toEqual({
      valid: false,
      validDays: 361,
      failingMonths: [2],
    });
    // June 26 < 27.
    expect(annualValidity([31, 28, 31, 30, 31, 26, 31, 31, 30, 31, 30, 31], rules).failingMonths).toEqual([6]);
  });
});
