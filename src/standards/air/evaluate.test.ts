import { describe, it, expect } from 'vitest';
import { evaluateStationYear } from './evaluate.js';
import { emptyStationYear, POLLUTANTS, type Pollutant, type StationYearSeries } from './types.js';

/** A station-year with every hour at the given concentrations. */
function constantYear(year: number, c: Record<Pollutant, number>): StationYearSeries {
  const s = emptyStationYear('T', year);
  for (const p of POLLUTANTS) s.hourly[p].fill(c[p]);
  return s;
}

/** Sets every hour stamped on days [from, to) of one pollutant. */
function setDays(s: StationYearSeries, p: Pollutant, from: number, to: number, value: number): void {
  s.hourly[p].fill(value, from * 24, to * 24);
}

const CLEAN = { so2: 10, no2: 30, pm10: 60, pm25: 30, co: 0.8, o3: 100 };

describe('evaluateStationYear: a hand-worked 2025 (GB 3095-2012, HJ 633-2012)', () => {
  // PM2.5 80 µg/m³ on days 0–64 (1 Jan – 6 Mar), 30 on the other 300; the rest constant (CLEAN).
  const s = constantYear(2025, CLEAN);
  setDays(s, 'pm25', 0, 65, 80);
  const r = evaluateStationYear(s, { hourStamp: 'period-start' });

  it('records the versions and the options used', () => {
    expect(r.versions).toEqual({ aqi: 'HJ633-2012', limits: 'GB3095-2012', evaluation: 'HJ663-2013' });
    expect(r.dailyAqiVersions).toEqual([{ version: 'HJ633-2012', from: '2025-01-01', to: '2025-12-31' }]);
    expect(r.options).toMatchObject({ grade: 2, hourStamp: 'period-start', ratioDenominator: 'valid-days' });
  });

  it('computes the annual statistics and compliance', () => {
    const pm25 = r.pollutants.pm25;
    // Mean (65·80 + 300·30)/365 = 14200/365 = 38.90 → 39 > 35 (hand; limit GB 3095-2012 Table 1).
    expect(pm25.mean).toBeCloseTo(14200 / 365, 10);
    expect(pm25.statistics[0]).toMatchObject({ id: 'annual-mean', rounded: 39, limit: 35, exceeds: true });
    // p95: k = 1 + 364·0.95 = 346.8; sorted 300 × 30 then 65 × 80, so X(346) = X(347) = 80 (hand) > 75.
    expect(pm25.statistics[1]).toMatchObject({ id: 'daily-p95', percentile: 95, value: 80, rounded: 80, limit: 75, exceeds: true });
    expect(pm25.exceedanceDays).toBe(65);
    expect(pm25.validity).toEqual({ valid: true, validDays: 365, failingMonths: [] });
    expect(pm25.compliant).toBe(false);
    expect(r.pollutants.so2.statistics.map((x) => x.rounded)).toEqual([10, 10]);
    expect(r.pollutants.co.statistics).toMatchObject([{ id: 'daily-p95', rounded: 0.8, limit: 4, exceeds: false }]);
    expect(r.pollutants.o3.statistics).toMatchObject([{ id: 'mda8-p90', rounded: 100, limit: 160, exceeds: false }]);
    expect(r.compliant).toBe(false);
    expect(r.exceedingPollutants).toEqual(['pm25']);
  });

  it('computes the comprehensive index from the rounded statistics', () => {
    // 10/60 + 30/40 + 60/70 + 39/35 + 0.8/4 + 100/160 = 3.7131 → 3.71; largest I is PM2.5 (1.114) (hand).
    expect(r.index?.rounded).toBe(3.71);
    expect(r.index?.primary).toEqual(['pm25']);
    expect(r.indexValid).toBe(true);
  });

  it('builds the daily AQI series and the day counts', () => {
    // PM2.5 80 → 100 + 50·5/40 = 106.25 → 107; on PM2.5-30 days the max is PM10 60 → 55 (SO2 10, NO2 38, CO 20,
    // MDA8 50, O3 1-h 32, PM2.5 43 — all by hand from HJ 633-2012 Table 1).
    expect(r.dailyAqi[0]).toBe(107);
    expect(r.dailyAqi[64]).toBe(107);
    expect(r.dailyAqi[65]).toBe(55);
    expect(r.dailyPrimary[0]).toBe(1 << 6); // PM2.5
    expect(r.dailyPrimary[65]).toBe(1 << 2); // PM10
    expect(r.dayCounts).toMatchObject({
      validDays: 365,
      calendarDays: 365,
      denominatorDays: 365,
      byLevel: [0, 300, 65, 0, 0, 0],
      good: 300,
      goodPercent: 82.2, // 300/365 = 82.19 %
      heavyOrWorse: 0,
      heavyOrWorsePercent: 0,
      polluted: 65,
    });
    expect(r.dayCounts.primaryDays).toMatchObject({ pm25: 65, pm10: 300, o3_8h: 0 });
  });

  it('shifts the day boundary with period-end stamps (the default)', () => {
    const e = evaluateStationYear(s);
    // Day 64 = stamps 01–23 of day 64 (80) and 00 of day 65 (30): (23·80 + 30)/24 = 1870/24 = 77.92 → 78
    // → IAQI 100 + 50·3/40 = 103.75 → 104 (hand).
    expect(e.daily.values.pm25[64]).toBeCloseTo(1870 / 24, 12);
    expect(e.dailyAqi[64]).toBe(104);
    expect(e.dailyAqi[63]).toBe(107);
    // 365 valid days still (31 December has 23 hours); mean (64·80 + 77.92 + 300·30)/365 = 38.90 → 39.
    expect(e.pollutants.pm25.validDays).toBe(365);
    expect(e.pollutants.pm25.statistics[0]!.rounded).toBe(39);
  });
});

describe('version switches', () => {
  it('2026: daily AQI by HJ 633-2012 up to 28 Feb and HJ 633-2026 from 1 March', () => {
    // PM2.5 constant 60: IAQI 82 (2012) and 100 (2026) (§1.6); everything else lower.
    const r = evaluateStationYear(constantYear(2026, { ...CLEAN, pm25: 60 }));
    expect(r.dailyAqi[58]).toBe(82); // 2026-02-28
    expect(r.dailyAqi[59]).toBe(100); // 2026-03-01
    expect(r.dailyAqiVersions).toEqual([
      { version: 'HJ633-2012', from: '2026-01-01', to: '2026-02-28' },
      { version: 'HJ633-2026', from: '2026-03-01', to: '2026-12-31' },
    ]);
    // The annual statistics use GB 3095-2026 transitional limits: PM2.5 60 > 30 annual, 60 = 60 daily (not above).
    expect(r.versions.limits).toBe('GB3095-2026-transitional');
    expect(r.pollutants.pm25.statistics.map((x) => [x.limit, x.exceeds])).toEqual([[30, true], [60, false]]);
    // Forcing HJ 633-2012 restates the whole year on the old AQI.
    const old = evaluateStationYear(constantYear(2026, { ...CLEAN, pm25: 60 }), { versions: { aqi: 'HJ633-2012' } });
    expect(old.dailyAqi[300]).toBe(82);
    expect(old.dailyAqiVersions).toHaveLength(1);
  });

  it('2030 vs 2031: GB 3095-2026 transitional then final limits', () => {
    // PM2.5 28, NO2 35 and PM10 60 all year: within 30/40/60 (transitional), above 25/30/50 (final) annual limits
    // — GB 3095-2026 Table 1.
    const c = { ...CLEAN, pm25: 28, no2: 35 };
    const y2030 = evaluateStationYear(constantYear(2030, c));
    const y2031 = evaluateStationYear(constantYear(2031, c));
    expect(y2030.versions.limits).toBe('GB3095-2026-transitional');
    expect(y2030.compliant).toBe(true);
    expect(y2031.versions.limits).toBe('GB3095-2026-final');
    expect(y2031.compliant).toBe(false);
    expect(y2031.exceedingPollutants).toEqual(['no2', 'pm10', 'pm25']);
    // NO2: the daily p98 (35) is within the final daily limit 50; only the annual mean exceeds 30.
    expect(y2031.pollutants.no2.statistics.map((x) => x.exceeds)).toEqual([true, false]);
    expect(y2031.pollutants.no2.exceedanceDays).toBe(0);
  });
});

describe('validity, denominators and dust days', () => {
  it('a thin February makes the year invalid: compliance unknown, ratios by the chosen denominator', () => {
    const s = constantYear(2025, CLEAN);
    for (const p of POLLUTANTS) setDays(s, p, 31, 35, Number.NaN); // 1–4 February missing → 24 days < 25
    const r = evaluateStationYear(s, { hourStamp: 'period-start' });
    expect(r.pollutants.so2.validity).toEqual({ valid: false, validDays: 361, failingMonths: [2] });
    expect(r.pollutants.so2.validDaysByMonth[1]).toBe(24);
    expect(r.pollutants.so2.compliant).toBeNull();
    expect(r.compliant).toBeNull();
    expect(r.indexValid).toBe(false);
    expect(r.dailyAqi[31]).toBe(-1);
    // Good days 361 of 361 valid days = 100 %; of 365 calendar days = 98.9 % (hand).
    expect(r.dayCounts).toMatchObject({ validDays: 361, good: 361, goodPercent: 100 });
    const cal = evaluateStationYear(s, { hourStamp: 'period-start', ratioDenominator: 'calendar-days' });
    expect(cal.dayCounts).toMatchObject({ denominator: 'calendar-days', denominatorDays: 365, goodPercent: 98.9 });
  });

  describe('dust days (PM10 400 on 10–12 March 2025)', () => {
    const s = constantYear(2025, CLEAN);
    setDays(s, 'pm10', 68, 71, 400);
    const dustDays = ['2025-03-10', '2025-03-11', '2025-03-12'];

    it('without removal: heavy pollution days', () => {
      const r = evaluateStationYear(s, { hourStamp: 'period-start' });
      // PM10 400 → 200 + 100·(400 − 350)/(420 − 350) = 271.4 → 272 (hand, HJ 633-2012 Table 1).
      expect(r.dailyAqi[68]).toBe(272);
      expect(r.dayCounts.heavyOrWorse).toBe(3);
      expect(r.pollutants.pm10.exceedanceDays).toBe(3);
      // (362·60 + 3·400)/365 = 62.8 → 63.
      expect(r.pollutants.pm10.statistics[0]!.rounded).toBe(63);
    });

    it("'remove-pm' (default): PM of those days leaves the statistics; the AQI comes from the rest", () => {
      const r = evaluateStationYear(s, { hourStamp: 'period-start', dustDays });
      // Without PM the day's max IAQI is the MDA8 100 → 50 (hand).
      expect(r.dailyAqi[68]).toBe(50);
      expect(r.dayCounts).toMatchObject({ heavyOrWorse: 0, dustDays: 3, validDays: 365 });
      expect(r.pollutants.pm10).toMatchObject({ validDays: 365, statisticDays: 362, exceedanceDays: 0, mean: 60 });
      expect(r.pollutants.so2.statisticDays).toBe(365);
    });

    it("'remove-day': the whole day leaves every statistic and count", () => {
      const r = evaluateStationYear(s, { hourStamp: 'period-start', dustDays, dustRule: 'remove-day' });
      expect(r.dailyAqi[68]).toBe(-2);
      expect(r.dayCounts).toMatchObject({ calendarDays: 362, validDays: 362, good: 362 });
      expect(r.pollutants.so2).toMatchObject({ validDays: 365, statisticDays: 362 });
    });
  });

  it('compares rounded values with the limits unless told otherwise', () => {
    const s = constantYear(2025, CLEAN);
    setDays(s, 'pm25', 0, 10, 75.4); // rounds to 75, the 24-h limit of GB 3095-2012
    expect(evaluateStationYear(s, { hourStamp: 'period-start' }).pollutants.pm25.exceedanceDays).toBe(0);
    expect(evaluateStationYear(s, { hourStamp: 'period-start', compareRounded: false }).pollutants.pm25.exceedanceDays).toBe(10);
  });

  it('uses grade I limits for class-1 zones', () => {
    // GB 3095-2012 Table 1 grade I: PM10 annual 40 < 60, PM2.5 annual 15 < 30 → both exceed.
    const r = evaluateStationYear(constantYear(2025, CLEAN), { grade: 1 });
    expect(r.limits.pm10).toEqual({ annual: 40, daily: 50 });
    expect(r.exceedingPollutants).toEqual(['pm10', 'pm25']);
    // The index still divides by grade II limits (§3.4).
    expect(r.index?.denominators.pm10).toBe(70);
  });
});
