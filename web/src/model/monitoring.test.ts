import { describe, it, expect } from 'vitest';
import type { AirDay } from '../api.js';
import { calendarDays, evaluationFor, levelCounts, readEvaluation, standardsOf, standardYear } from './monitoring.js';

// Four days of 岳阳楼区 under the 2012 AQI and one restated under 2026 (docs/api.md, Monitoring).
const day = (date: string, aqi: number | null, standard = 'HJ633-2012'): AirDay => ({ date, standard, aqi, primary: null, pm25: null });
const DAILY: AirDay[] = [day('2023-01-01', 75), day('2023-01-02', 128), day('2023-01-03', null), day('2023-01-04', 301), day('2023-01-01', 80, 'HJ633-2026')];

describe('stored air days', () => {
  it('list the standards oldest first and the calendar days of one standard', () => {
    expect(standardsOf(DAILY)).toEqual(['HJ633-2012', 'HJ633-2026']);
    expect(calendarDays(DAILY, 'HJ633-2012')).toEqual([['2023-01-01', 75], ['2023-01-02', 128], ['2023-01-04', 301]]);
    expect(calendarDays(DAILY, 'HJ633-2026')).toEqual([['2023-01-01', 80]]);
  });

  it('count days per HJ 633 level (75 良, 128 轻度, 301 严重) and days without a valid AQI', () => {
    expect(levelCounts(DAILY, 'HJ633-2012')).toEqual({ byLevel: [0, 1, 1, 0, 0, 1], noData: 1 });
  });
});

describe('the annual evaluation', () => {
  const evaluations = [
    { standard: 'GB3095-2012', source: 'sites-2023.zip', recordedAt: '2024-01-10T02:00:00Z', result: {} },
    { standard: 'GB3095-2026-transitional', source: 'sites-2023.zip', recordedAt: '2024-01-10T02:00:00Z', result: {} },
  ];
  it('goes with the AQI standard of the same edition', () => {
    expect(standardYear('HJ633-2026')).toBe('2026');
    expect(standardYear('GB3095-2026-transitional')).toBe('2026');
    expect(evaluationFor(evaluations, 'HJ633-2026')?.standard).toBe('GB3095-2026-transitional');
    expect(evaluationFor(evaluations, 'HJ633-2012')?.standard).toBe('GB3095-2012');
    expect(evaluationFor(evaluations, null)?.standard).toBe('GB3095-2012');
    expect(evaluationFor([], 'HJ633-2012')).toBeNull();
  });

  it('reads the stored result into a summary and rows, PM2.5 first', () => {
    // The example of docs/api.md: PM2.5 annual mean 46 against 35 μg/m³ exceeds; index 3.06; 292 good days (80%).
    const result = {
      pollutants: {
        so2: { unit: 'µg/m³', compliant: true, statistics: [{ id: 'annual-mean', labelZh: '年平均', rounded: 10, limit: 60, exceeds: false }] },
        pm25: { unit: 'µg/m³', compliant: false, statistics: [{ id: 'annual-mean', labelZh: '年平均', rounded: 46, limit: 35, exceeds: true }, { id: 'daily-p95', labelZh: '24小时平均第95百分位数', rounded: 98, limit: 75, exceeds: true }] },
      },
      compliant: false,
      index: { value: 3.0612, rounded: 3.06 },
      dayCounts: { good: 292, goodPercent: 80, heavyOrWorse: 0, heavyOrWorsePercent: 0, validDays: 365 },
    };
    const s = readEvaluation(result);
    expect(s).toMatchObject({ compliant: false, index: 3.06, validDays: 365, good: 292, goodPercent: 80, heavyOrWorse: 0 });
    expect(s.rows.map((r) => [r.pollutant, r.statistic, r.value, r.limit, r.exceeds])).toEqual([
      ['pm25', '年平均', 46, 35, true],
      ['pm25', '24小时平均第95百分位数', 98, 75, true],
      ['so2', '年平均', 10, 60, false],
    ]);
  });

  it('survives a result with missing parts', () => {
    expect(readEvaluation(null)).toEqual({ compliant: null, index: null, validDays: null, good: null, goodPercent: null, heavyOrWorse: null, heavyOrWorsePercent: null, rows: [] });
    expect(readEvaluation({ index: null, pollutants: { co: { statistics: [{ id: 'daily-p95', rounded: null, limit: 4 }] } } }).rows).toEqual([
      { pollutant: 'co', unit: 'mg/m³', statistic: 'daily-p95', value: null, limit: 4, exceeds: null, compliant: null },
    ]);
  });
});
