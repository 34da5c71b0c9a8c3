import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDb, type Db } from '../store/db.js';
import { createContext, type ServiceContext } from './context.js';
import { loadPlans } from './plans.js';
import { indicatorDetail } from './indicators.js';
import { airMonitoring, importAirSeries } from './air-monitoring.js';
import { emptyStationYear, type StationYearSeries } from '../standards/air/types.js';
import { YUEYANGLOU } from '../test-support/fixture-plans.js';

const sys = { kind: 'system' as const, name: 'test', address: null };
let db: Db;
let ctx: ServiceContext;

/** A station-year with constant concentrations, PM2.5 `pm25First` on the first 73 days and 40 after. */
function station(code: string, pm25First: number): StationYearSeries {
  const s = emptyStationYear(code, 2023);
  const h = s.hourly;
  for (let i = 0; i < h.pm25.length; i++) {
    h.pm25[i] = Math.floor(i / 24) < 73 ? pm25First : 40;
    h.pm10[i] = 60;
    h.so2[i] = 10;
    h.no2[i] = 30;
    h.co[i] = 0.8;
    h.o3[i] = 80;
  }
  return s;
}

beforeAll(async () => {
  db = await openDb('sqlite::memory:');
  ctx = createContext(db);
  await loadPlans(ctx, sys, [{ file: 'y', plan: YUEYANGLOU }]);
});
afterAll(async () => db.close());

describe('air monitoring into a plan', () => {
  const series = new Map([
    ['1848A', station('1848A', 70)],
    ['1849A', station('1849A', 40)],
  ]);

  it('records the annual PM2.5 and the good-days ratio under the standards of the year', async () => {
    const r = await importAirSeries(ctx, sys, '430602', series, { year: 2023, source: 'test-series' });
    // PM2.5 at 1848A (hour stamps at period end, so day 73 holds one 70 and 23 × 40):
    // (73 × 70 + 41.25 + 291 × 40) / 365 = 46.003 → 46 µg/m³.
    expect(r.recorded.find((x) => x.metric === 'air.pm25.annualMean')).toMatchObject({ seq: 1, value: 46, standard: 'HJ633-2012; GB3095-2012; HJ663-2013' });
    // District of 1848A + 1849A: daily PM2.5 means of 55 and 40; HJ 633-2012 IAQI of 55 is 75: every day good.
    expect(r.recorded.find((x) => x.metric === 'air.goodDaysRatio')).toMatchObject({ seq: 2, value: 100 });
    const d = await indicatorDetail(ctx, sys, '430602', 1);
    expect(d.values.find((v) => v.year === 2023 && v.basis === 'plan')).toMatchObject({ value: 46, source: { kind: 'computed', ref: 'air:test-series' } });
  });

  it('restates the year under the 2026 standards beside the plan value', async () => {
    const only1848 = new Map([['1848A', station('1848A', 70)], ['1849A', station('1849A', 70)]]);
    const r = await importAirSeries(ctx, sys, '430602', only1848, { year: 2023, standard: '2026', source: 'restated' });
    // HJ 633-2026: PM2.5 70 µg/m³ → IAQI 100 + (70 − 60) × 50 / 55 = 109.1 → 110 (ceil): light pollution on 73 days;
    // 292 / 365 = 80.0 %.
    expect(r.recorded.find((x) => x.metric === 'air.goodDaysRatio')).toMatchObject({ value: 80, standard: 'HJ633-2026; GB3095-2026-transitional; HJ663-2026' });
    const d = await indicatorDetail(ctx, sys, '430602', 2);
    expect(d.values.filter((v) => v.year === 2023).map((v) => [v.basis, v.value])).toEqual([
      ['GB3095-2026', 80],
      ['plan', 100],
    ]);
  });

  it('serves the daily AQI and the evaluation for the calendar', async () => {
    const m = await airMonitoring(ctx, sys, '430602', 2023);
    const under2012 = m.daily.filter((x) => x.standard === 'HJ633-2012');
    expect(under2012).toHaveLength(365);
    // 2012, district day 0: PM2.5 55 → IAQI 75 (PM2.5 is primary); PM10 60 → 55; the AQI is 75.
    expect(under2012[0]).toMatchObject({ date: '2023-01-01', aqi: 75, primary: '细颗粒物(PM2.5)' });
    expect(m.evaluations.map((e) => e.standard).sort()).toEqual(['GB3095-2012', 'GB3095-2026-transitional']);
    const st = await airMonitoring(ctx, sys, '430602', 2023, '1848A');
    expect(st.daily.length).toBeGreaterThan(0);
    await expect(airMonitoring(ctx, sys, '430602', 2023, '1001A')).rejects.toMatchObject({ code: 'not_found' });
  });
});
