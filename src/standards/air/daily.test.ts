import { describe, it, expect } from 'vitest';
import { dailyStatistics, type DailyStatisticsOptions, type HourStamp } from './daily.js';
import { emptyStationYear, type Pollutant, type StationYearSeries } from './types.js';
import { validityRules } from './validity.js';

// Grade II O3 limits, GB 3095-2012/2026 Table 1: 8-h 160, 1-h 200.
const options = (hourStamp: HourStamp): DailyStatisticsOptions => ({
  hourStamp,
  rules: validityRules('HJ663-2026'),
  o3Limits: { eightHour: 160, hourly: 200 },
});

/** Sets the values stamped on `day` (hours 0…23 of the series) from a function of the stamped hour. */
function setDay(s: StationYearSeries, p: Pollutant, day: number, value: (hour: number) => number): void {
  for (let h = 0; h < 24; h += 1) s.hourly[p][day * 24 + h] = value(h);
}

describe('daily means (GB 3095-2026 Table 4: ≥ 20 hourly values)', () => {
  it('needs 20 valid hours', () => {
    const s = emptyStationYear('T', 2025);
    setDay(s, 'pm25', 10, (h) => (h < 20 ? 40 : Number.NaN)); // 20 valid hours
    setDay(s, 'pm25', 11, (h) => (h < 19 ? 40 : Number.NaN)); // 19 valid hours
    const d = dailyStatistics(s, options('period-start'));
    expect(d.values.pm25[10]).toBe(40);
    expect(d.values.pm25[11]).toBeNaN();
    expect(d.days).toBe(365);
  });

  it('forms the natural day from the stamps the convention says', () => {
    const s = emptyStationYear('T', 2025);
    setDay(s, 'no2', 0, () => 10);
    setDay(s, 'no2', 1, () => 34);
    setDay(s, 'no2', 364, () => 50);
    // period-start: day 0 = stamps 00…23 of day 0 = 10.
    expect(dailyStatistics(s, options('period-start')).values.no2[0]).toBe(10);
    // period-end: day 0 = stamps 01…23 of day 0 and 00 of day 1 = (23·10 + 34)/24 = 11 (hand).
    const end = dailyStatistics(s, options('period-end'));
    expect(end.values.no2[0]).toBe(11);
    // 31 December has only 23 stamps in this year (its 24:00 is next year's first value): still valid.
    expect(end.values.no2[364]).toBe(50);
  });

  it('treats negative values as missing', () => {
    const s = emptyStationYear('T', 2024);
    setDay(s, 'co', 3, (h) => (h < 5 ? -99 : 1.2)); // 19 valid hours
    expect(dailyStatistics(s, options('period-start')).values.co[3]).toBeNaN();
    expect(dailyStatistics(s, options('period-start')).days).toBe(366);
  });
});

describe('O3 daily max 8-h (HJ 663 §6.1.2) and daily max 1-h', () => {
  it('takes the max of the 17 windows inside the day', () => {
    const s = emptyStationYear('T', 2025);
    setDay(s, 'o3', 5, (h) => 10 * h);
    // Window j covers hours j…j+7, mean 10·(j + 3.5); the last (j = 16) gives 195 (hand). Max 1-h 230.
    const d = dailyStatistics(s, options('period-start'));
    expect(d.values.o3_8h[5]).toBe(195);
    expect(d.values.o3_1h[5]).toBe(230);
  });

  it('needs 6 hours per window and 14 valid windows', () => {
    const s = emptyStationYear('T', 2025);
    // Hours 20–23 missing: windows j = 0…14 have ≥ 6 hours (15 valid ≥ 14). Window 14 = hours 14…19 → 165 (hand).
    setDay(s, 'o3', 5, (h) => (h < 20 ? 10 * h : Number.NaN));
    // Hours 18–23 missing: only j = 0…12 have ≥ 6 hours (13 < 14); the max, 145 (hours 12…17), is below 160.
    setDay(s, 'o3', 6, (h) => (h < 18 ? 10 * h : Number.NaN));
    // Same gaps, values + 100: the max window is 245 > 160, so it counts despite 13 windows; 1-h max 270 > 200.
    setDay(s, 'o3', 7, (h) => (h < 18 ? 10 * h + 100 : Number.NaN));
    const d = dailyStatistics(s, options('period-start'));
    expect(d.values.o3_8h[5]).toBe(165);
    expect(d.values.o3_1h[5]).toBe(190);
    expect(d.values.o3_8h[6]).toBeNaN();
    expect(d.values.o3_1h[6]).toBeNaN(); // 18 hours < 20 and 170 ≤ 200
    expect(d.values.o3_8h[7]).toBe(245);
    expect(d.values.o3_1h[7]).toBe(270);
  });

  it('uses the windows ending 08:00 … 24:00 under period-end stamps', () => {
    const s = emptyStationYear('T', 2025);
    // Stamp h of day 5 = 10·h; stamp 00 of day 6 = 500 (the hour 23:00–24:00 of day 5).
    setDay(s, 'o3', 5, (h) => 10 * h);
    s.hourly.o3[6 * 24] = 500;
    // The last window is stamps 17…24: (10·(17+…+23) + 500)/8 = (1400 + 500)/8 = 237.5 (hand).
    const d = dailyStatistics(s, options('period-end'));
    expect(d.values.o3_8h[5]).toBe(237.5);
    expect(d.values.o3_1h[5]).toBe(500);
  });
});
