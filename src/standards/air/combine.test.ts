import { describe, it, expect } from 'vitest';
import { combineStations, evaluateArea } from './combine.js';
import { evaluateStationYear } from './evaluate.js';
import { emptyStationYear, POLLUTANTS, type Pollutant, type StationYearSeries } from './types.js';

function constantYear(station: string, year: number, c: Record<Pollutant, number>): StationYearSeries {
  const s = emptyStationYear(station, year);
  for (const p of POLLUTANTS) s.hourly[p].fill(c[p]);
  return s;
}

const CLEAN = { so2: 10, no2: 30, pm10: 60, pm25: 30, co: 0.8, o3: 100 };
const opts = { hourStamp: 'period-start' as const };

describe('area value = mean of station concentrations (点位平均法, STANDARDS.md §3.5, §9.7)', () => {
  it('computes the AQI from the mean concentration, not the mean of AQIs', () => {
    const a = constantYear('A', 2025, { ...CLEAN, pm25: 50 });
    const b = constantYear('B', 2025, { ...CLEAN, pm25: 100 });
    // Station AQIs (HJ 633-2012): PM2.5 50 → 69 (§1.6); 100 → 100 + 50·25/40 = 131.25 → 132 (hand). Their mean
    // would be 100.5; the area's PM2.5 is (50 + 100)/2 = 75 → IAQI 100 (§1.6).
    expect(evaluateStationYear(a, opts).dailyAqi[0]).toBe(69);
    expect(evaluateStationYear(b, opts).dailyAqi[0]).toBe(132);
    const area = evaluateArea([a, b], { ...opts, area: '测试市' });
    expect(area.station).toBe('测试市');
    expect(area.daily.values.pm25[0]).toBe(75);
    expect(area.dailyAqi[0]).toBe(100);
    expect(area.pollutants.pm25.statistics[0]!.rounded).toBe(75);
    expect(evaluateArea([a, b], { ...opts, method: 'hourly-mean' }).dailyAqi[0]).toBe(100);
  });

  it('leaves out stations without a valid value, down to minStations', () => {
    const a = constantYear('A', 2025, { ...CLEAN, pm25: 50 });
    const b = constantYear('B', 2025, { ...CLEAN, pm25: 100 });
    for (const p of POLLUTANTS) b.hourly[p].fill(Number.NaN, 10 * 24, 11 * 24); // B down on day 10
    const one = evaluateArea([a, b], opts);
    expect(one.daily.values.pm25[10]).toBe(50); // A alone
    expect(one.dailyAqi[10]).toBe(69);
    const two = evaluateArea([a, b], { ...opts, minStations: 2 });
    expect(two.daily.values.pm25[10]).toBeNaN();
    expect(two.dailyAqi[10]).toBe(-1);
  });

  it('differs by method when a station has a partial day', () => {
    const a = constantYear('A', 2025, { ...CLEAN, pm25: 50 });
    const b = constantYear('B', 2025, { ...CLEAN, pm25: 100 });
    b.hourly.pm25.fill(Number.NaN, 20 * 24, 20 * 24 + 12); // B has 12 PM2.5 hours on day 20
    // Daily method: B's day 20 is invalid (12 < 20 hours), the area takes A's 50.
    expect(evaluateArea([a, b], opts).daily.values.pm25[20]).toBe(50);
    // Hourly method: hours 0–11 = 50 (A only), 12–23 = 75 → day mean 62.5 → 62 (GB/T 8170 half to even)
    // → IAQI 50 + 50·27/40 = 83.75 → 84 (hand).
    const hourly = evaluateArea([a, b], { ...opts, method: 'hourly-mean' });
    expect(hourly.daily.values.pm25[20]).toBe(62.5);
    expect(hourly.dailyAqi[20]).toBe(84);
  });

  it('averages hour by hour in combineStations and refuses mixed years', () => {
    const a = constantYear('A', 2024, CLEAN);
    const b = constantYear('B', 2024, { ...CLEAN, co: 1.2 });
    b.hourly.co[5] = Number.NaN;
    const c = combineStations([a, b]);
    expect(c.station).toBe('A+B');
    expect(c.hourly.co.length).toBe(8784);
    expect(c.hourly.co[0]).toBeCloseTo(1.0, 12);
    expect(c.hourly.co[5]).toBe(0.8);
    expect(() => combineStations([a, constantYear('C', 2025, CLEAN)])).toThrow(/年份不一致/);
    expect(() => combineStations([])).toThrow(RangeError);
  });
});
