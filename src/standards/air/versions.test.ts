import { describe, it, expect } from 'vitest';
import { annualVersionsFor, isoDay, standardVersionFor } from './versions.js';

// Expected versions: STANDARDS.md §0.1 and §9.1 — 2012/2013 set up to 2026-02-28, 2026 set from 2026-03-01,
// GB 3095-2026 transitional limits up to 2030-12-31 and final limits from 2031-01-01 (GB 3095-2026 §4.4).
describe('standardVersionFor', () => {
  it('switches all three standards on 2026-03-01', () => {
    expect(standardVersionFor('2026-02-28')).toEqual({ aqi: 'HJ633-2012', limits: 'GB3095-2012', evaluation: 'HJ663-2013' });
    expect(standardVersionFor('2026-03-01')).toEqual({
      aqi: 'HJ633-2026',
      limits: 'GB3095-2026-transitional',
      evaluation: 'HJ663-2026',
    });
  });

  it('switches GB 3095-2026 to the final limits on 2031-01-01', () => {
    expect(standardVersionFor('2030-12-31').limits).toBe('GB3095-2026-transitional');
    expect(standardVersionFor('2031-01-01')).toEqual({ aqi: 'HJ633-2026', limits: 'GB3095-2026-final', evaluation: 'HJ663-2026' });
  });

  it('reads the date of a date-time and uses the 2012 set for old data', () => {
    expect(standardVersionFor('2026-02-28T23:00:00+08:00').aqi).toBe('HJ633-2012');
    expect(standardVersionFor('2026-03-01T00:00').aqi).toBe('HJ633-2026');
    expect(standardVersionFor('2015-06-30').limits).toBe('GB3095-2012');
  });

  it('refuses dates that do not exist', () => {
    expect(() => standardVersionFor('2026-02-29')).toThrow(/日期格式无效/);
    expect(() => standardVersionFor('2026/03/01')).toThrow(RangeError);
    expect(isoDay('2024-02-29')).toBe('2024-02-29'); // 2024 is a leap year
  });

  it('evaluates a year under the versions of its 31 December', () => {
    expect(annualVersionsFor(2025).limits).toBe('GB3095-2012');
    expect(annualVersionsFor(2026)).toEqual({ aqi: 'HJ633-2026', limits: 'GB3095-2026-transitional', evaluation: 'HJ663-2026' });
    expect(annualVersionsFor(2030).limits).toBe('GB3095-2026-transitional');
    expect(annualVersionsFor(2031).limits).toBe('GB3095-2026-final');
  });
});
