import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDb, type Db } from '../store/db.js';
import { createContext, type ServiceContext } from './context.js';
import { loadPlans } from './plans.js';
import { indicatorDetail } from './indicators.js';
import { evaluateNoiseFiles, evaluateWaterFiles, importWater } from './monitoring.js';
import { ZIYANG } from '../test-support/fixture-plans.js';

const sys = { kind: 'system' as const, name: 'test', address: null };
let db: Db;
let ctx: ServiceContext;

// Hand-worked (GB 3838-2002 Table 1): 万家嘴 TP 0.25 mg/L (river) → Ⅳ, 超标倍数 (0.25 − 0.2) / 0.2 = 0.25;
// 龙山港 NH3-N 2.2 → 劣Ⅴ (Ⅴ ≤ 2.0), COD 35 → Ⅴ; 资江 COD 12 / NH3-N 0.4 → Ⅱ. Shares: 1 of 3 at Ⅰ–Ⅲ, 1 of 3 劣Ⅴ.
const WATER = ['断面,日期,项目,浓度', '万家嘴,2023-01-10,化学需氧量,14', '万家嘴,2023-01-10,氨氮,0.3', '万家嘴,2023-02-10,总磷,0.25', '龙山港,2023-01-10,化学需氧量,35', '龙山港,2023-01-10,氨氮,2.2', '资江,2023-03-01,化学需氧量,12', '资江,2023-03-01,氨氮,0.4'].join('\n');

beforeAll(async () => {
  db = await openDb('sqlite::memory:');
  ctx = createContext(db);
  await loadPlans(ctx, sys, [{ file: 'z', plan: ZIYANG }]);
});
afterAll(async () => db.close());

describe('water and noise evaluation from files', () => {
  it('classes sections and works out the shares', async () => {
    const r = await evaluateWaterFiles([{ name: 'w.csv', bytes: Buffer.from(WATER) }], {});
    expect(r.year).toBe(2023);
    expect(r.sections.map((s) => [s.section, s.classLabel])).toEqual([
      ['万家嘴', 'Ⅳ类'],
      ['龙山港', '劣Ⅴ类'],
      ['资江', 'Ⅱ类'],
    ]);
    expect(r.sections[0]?.exceeding[0]).toMatchObject({ nameZh: '总磷', exceedMultiple: expect.closeTo(0.25, 10) });
    expect(r.set.percentI_III).toBeCloseTo(100 / 3, 10);
    expect(r.set.percentWorseThanV).toBeCloseTo(100 / 3, 10);
  });
  it('refuses a file with a bad row, naming it', async () => {
    await expect(evaluateWaterFiles([{ name: 'bad.csv', bytes: Buffer.from('断面,日期,项目,浓度\n资江,2023-03-01,氨氮,很多\n') }], {})).rejects.toMatchObject({ code: 'invalid_input', issues: [{ file: 'bad.csv', row: 2 }] });
  });
  it('rates noise points by zone class (GB 3096-2008: class 2 is 60 dB by day, 50 at night)', async () => {
    const csv = '测点,功能区,日期,昼间,夜间\nA,2,2023-05-01,59.9,50.0\nA,2,2023-11-01,60.1,49\n';
    const r = await evaluateNoiseFiles([{ name: 'n.csv', bytes: Buffer.from(csv) }], {});
    expect(r.set.day).toMatchObject({ pointTimes: 2, compliant: 1, percent: 50 });
    expect(r.set.night).toMatchObject({ pointTimes: 2, compliant: 2, percent: 100 });
  });
});

describe('monitoring import into a plan', () => {
  it("computes the plan's water metric and records it with its provenance", async () => {
    const r = await importWater(ctx, sys, '430902', [{ name: 'w.csv', bytes: Buffer.from(WATER) }], { year: 2023 });
    expect(r.recorded).toEqual([{ seq: 7, name: '国省控断面地表水质量达到或优于Ⅲ类水体比例', metric: 'water.sectionsClassIIIOrBetterRatio', value: 33.3, standard: expect.stringContaining('GB 3838-2002') }]);
    const d = await indicatorDetail(ctx, sys, '430902', 7);
    expect(d.values.find((v) => v.year === 2023)).toMatchObject({ value: 33.3, source: { kind: 'computed', ref: 'water:w.csv', standard: 'GB 3838-2002' } });
  });
});
