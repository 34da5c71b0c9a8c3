import { describe, it, expect } from 'vitest';
import { comprehensiveIndex, indexDenominators } from './comprehensive-index.js';

describe('comprehensive index (STANDARDS.md §3.4)', () => {
  it('gives 3.06 for the worked example', () => {
    // 21/35 + 39/70 + 9/60 + 15/40 + 192/160 + 0.7/4 = 0.6 + 0.5571 + 0.15 + 0.375 + 1.2 + 0.175 = 3.0571 → 3.06.
    const r = comprehensiveIndex({ pm25: 21, pm10: 39, so2: 9, no2: 15, o3: 192, co: 0.7 }, 'GB3095-2012');
    expect(r.value).toBeCloseTo(3.0571428571, 9);
    expect(r.rounded).toBe(3.06);
    expect(r.subIndices.o3).toBe(1.2);
    expect(r.primary).toEqual(['o3']);
  });

  it('takes its denominators from the limits in force (grade II)', () => {
    // GB 3095-2012 Table 1: 60, 40, 70, 35, CO 4, O3 160 (§3.4).
    expect(indexDenominators('GB3095-2012')).toEqual({ so2: 60, no2: 40, pm10: 70, pm25: 35, co: 4, o3: 160 });
    // GB 3095-2026 Table 1 transitional grade II: PM10 60, PM2.5 30; final: SO2 20, NO2 30, PM10 50, PM2.5 25 (§2.2).
    expect(indexDenominators('GB3095-2026-transitional')).toEqual({ so2: 60, no2: 40, pm10: 60, pm25: 30, co: 4, o3: 160 });
    expect(indexDenominators('GB3095-2026-final')).toEqual({ so2: 20, no2: 30, pm10: 50, pm25: 25, co: 4, o3: 160 });
    // Same example under the transitional limits: 21/30 + 39/60 + 9/60 + 15/40 + 1.2 + 0.175 = 3.25 (hand).
    expect(comprehensiveIndex({ pm25: 21, pm10: 39, so2: 9, no2: 15, o3: 192, co: 0.7 }, 'GB3095-2026-transitional').rounded).toBe(3.25);
  });

  it('applies the optional third-party 2026 weights', () => {
    // 3·0.6 + 0.5571 + 0.15 + 2·0.375 + 2·1.2 + 0.175 = 5.8321 → 5.83 (hand).
    const r = comprehensiveIndex({ pm25: 21, pm10: 39, so2: 9, no2: 15, o3: 192, co: 0.7 }, 'GB3095-2012', {
      weighting: 'pm25x3-no2x2-o3x2',
    });
    expect(r.rounded).toBe(5.83);
  });
});
