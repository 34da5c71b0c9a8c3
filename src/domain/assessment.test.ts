import { describe, it, expect } from 'vitest';
import { assessIndicator, assessPlan, checkStageYear, defaultYearFor, type YearValue } from './assessment.js';
import { Indicator, Plan, type PlanInput } from './plan-schema.js';

const period = { start: 2021, end: 2025, baseline: 2020 };

function ind(partial: Partial<Indicator> & Pick<Indicator, 'seq' | 'name' | 'target' | 'direction'>): Indicator {
  return Indicator.parse({
    category: '环境治理',
    unit: '%',
    baseline: { value: null, text: '-' },
    binding: true,
    attributeText: '约束性',
    ...partial,
  });
}

const vals = (pairs: [number, number | null][]): YearValue[] => pairs.map(([year, value]) => ({ year, value }));

// 岳阳楼区 表2: 细颗粒物（PM2.5）浓度 μg/m3, 2020年 36, 2025年目标 34, 约束性 (seed 001, 表2).
const pm25 = ind({
  seq: 1,
  name: '细颗粒物（PM2.5）浓度',
  unit: 'μg/m3',
  baseline: { value: 36, text: '36' },
  target: { kind: 'atMost', value: 34, text: '34' },
  direction: 'lower',
});

// 岳阳楼区 表2: 城市空气质量优良天数比例（城陵矶站点）%, 2020年 92.1, 2025年目标 90.9 — a target below the baseline.
const goodDays = ind({
  seq: 2,
  name: '城市空气质量优良天数比例（城陵矶站点）',
  baseline: { value: 92.1, text: '92.1' },
  target: { kind: 'atLeast', value: 90.9, text: '90.9' },
  direction: 'higher',
});

describe('assessIndicator — 序时进度 on a lower-is-better target (PM2.5 36 → 34)', () => {
  // Expected path by hand: 36 + (34 − 36) × (y − 2020) / 5 → 2021: 35.6, 2022: 35.2, 2023: 34.8, 2024: 34.4.
  it('a value at or below the goal is 达标', () => {
    const r = assessIndicator(pm25, period, vals([[2021, 33]]), 2021);
    expect(r.status).toBe('达标');
    expect(r.target).toBe(34);
    expect(r.reason).toBe('2021年值33μg/m3，已达到目标（≤34）');
  });
  it('a value between the goal and the expected path is 序时达标', () => {
    const r = assessIndicator(pm25, period, vals([[2022, 35]]), 2022);
    expect(r.expected).toBeCloseTo(35.2, 10);
    expect(r.status).toBe('序时达标');
    expect(r.reason).toContain('达到序时进度35.2');
  });
  it('a value above the expected path is 滞后', () => {
    const r = assessIndicator(pm25, period, vals([[2023, 35]]), 2023);
    expect(r.expected).toBeCloseTo(34.8, 10);
    expect(r.status).toBe('滞后');
    expect(r.reason).toBe('2023年值35μg/m3，落后于序时进度34.8，目标≤34');
  });
  it('in the final year only 达标 or 未达标', () => {
    expect(assessIndicator(pm25, period, vals([[2025, 34]]), 2025).status).toBe('达标');
    const r = assessIndicator(pm25, period, vals([[2025, 34.5]]), 2025);
    expect(r.status).toBe('未达标');
    expect(r.reason).toBe('2025年值34.5μg/m3，未达到2025年目标（≤34）');
  });
  it('no value is 无数据', () => {
    const r = assessIndicator(pm25, period, [], 2024);
    expect(r.status).toBe('无数据');
    expect(r.reason).toBe('2024年无数据');
  });
  it('trend compares with the year before, and with the baseline in the first year', () => {
    expect(assessIndicator(pm25, period, vals([[2021, 35]]), 2021).trend).toBe('改善'); // 35 < 36
    expect(assessIndicator(pm25, period, vals([[2021, 35], [2022, 35]]), 2022).trend).toBe('持平');
    expect(assessIndicator(pm25, period, vals([[2022, 35], [2023, 36]]), 2023).trend).toBe('变差');
  });
});

describe('assessIndicator — target below the baseline (优良率 92.1 → 90.9)', () => {
  it('any value at or above 90.9 is 达标, even when it fell from the baseline', () => {
    const r = assessIndicator(goodDays, period, vals([[2021, 91]]), 2021);
    expect(r.status).toBe('达标');
    expect(r.trend).toBe('变差'); // 91 < 92.1
  });
  it('below the goal mid-period is 滞后 (the expected path never drops below the goal)', () => {
    // path: 92.1 + (90.9 − 92.1) × 2/5 = 91.62 in 2022
    const r = assessIndicator(goodDays, period, vals([[2022, 90]]), 2022);
    expect(r.expected).toBeCloseTo(91.62, 10);
    expect(r.status).toBe('滞后');
  });
  it('below the goal in 2025 is 未达标', () => {
    expect(assessIndicator(goodDays, period, vals([[2025, 90.8]]), 2025).status).toBe('未达标');
  });
});

describe('assessIndicator — other target kinds', () => {
  // 资阳区 表2 row 1: 单位地区生产总值二氧化碳排放降低 %, 18, 完成市定目标, 约束性.
  const co2 = ind({
    seq: 1,
    name: '单位地区生产总值二氧化碳排放降低',
    baseline: { value: 18, text: '18' },
    target: { kind: 'assigned', text: '完成市定目标' },
    direction: 'higher',
  });
  it('完成市定目标 without the city value is 待定', () => {
    const r = assessIndicator(co2, period, vals([[2023, 10]]), 2023);
    expect(r.status).toBe('待定');
    expect(r.reason).toBe('市定目标尚未下达');
  });
  it('once the city assigns 18, the assigned goal is used with a baseline-less path', () => {
    // The printed 18 is the 13th-plan result, but as a numeric baseline the path is 18 → 18: flat.
    const assignment = { kind: 'atLeast' as const, value: 18, assignedBy: '益阳市生态环境局', assignedOn: '2022-03-01', document: '益环发〔2022〕1号' };
    expect(assessIndicator(co2, period, vals([[2023, 18.5]]), 2023, assignment).status).toBe('达标');
    const r = assessIndicator(co2, period, vals([[2023, 12]]), 2023, assignment);
    expect(r.status).toBe('滞后');
    expect(r.reason).toContain('（市定）');
  });

  // 资阳区 表2 row 19: 生态保护红线占国土面积比例☐ %, 22.59, 不降低, 预期性.
  const redline = ind({
    seq: 19,
    name: '生态保护红线占国土面积比例',
    baseline: { value: 22.59, text: '22.59' },
    target: { kind: 'noDecrease', text: '不降低' },
    direction: 'higher',
    binding: false,
  });
  it('不降低: at the baseline is 达标, below it 滞后 mid-period and 未达标 at the end', () => {
    expect(assessIndicator(redline, period, vals([[2022, 22.59]]), 2022).status).toBe('达标');
    expect(assessIndicator(redline, period, vals([[2022, 22.5]]), 2022).status).toBe('滞后');
    expect(assessIndicator(redline, period, vals([[2025, 22.5]]), 2025).status).toBe('未达标');
  });

  // 资阳区 表2 row 17: 生态质量指数（新EI）, -, 稳中向好 — no numeric baseline.
  const ei = ind({
    seq: 17,
    name: '生态质量指数（新EI）',
    unit: '-',
    target: { kind: 'improving', text: '稳中向好' },
    direction: 'higher',
    binding: false,
  });
  it('稳中向好 compares each year with the one before', () => {
    expect(assessIndicator(ei, period, vals([[2021, 60]]), 2021).status).toBe('达标');
    expect(assessIndicator(ei, period, vals([[2021, 60], [2022, 61]]), 2022).status).toBe('达标');
    const worse = assessIndicator(ei, period, vals([[2022, 61], [2023, 59.5]]), 2023);
    expect(worse.status).toBe('滞后');
    expect(worse.reason).toBe('2023年值59.5，较2022年（61）变差，未体现"稳中向好"');
    expect(assessIndicator(ei, period, vals([[2024, 61], [2025, 60]]), 2025).status).toBe('未达标');
  });

  // 资阳区 表2 row 9: 城市生活污水集中收集率 %, -, 70 — no numeric baseline.
  const sewage = ind({
    seq: 9,
    name: '城市生活污水集中收集率',
    target: { kind: 'atLeast', value: 70, text: '70' },
    direction: 'higher',
    binding: false,
  });
  it('without a baseline the first recorded year is the starting point of the path', () => {
    // 2021 = 50 is the start; path to 70 in 2025: 2023 → 50 + 20 × 2/4 = 60.
    const first = assessIndicator(sewage, period, vals([[2021, 50]]), 2021);
    expect(first.status).toBe('序时达标');
    expect(first.reason).toContain('无基准值，以2021年值为起点');
    const r = assessIndicator(sewage, period, vals([[2021, 50], [2023, 59]]), 2023);
    expect(r.expected).toBeCloseTo(60, 10);
    expect(r.status).toBe('滞后');
    expect(assessIndicator(sewage, period, vals([[2021, 50], [2023, 61]]), 2023).status).toBe('序时达标');
  });

  it('reduceBy works out the goal from the baseline', () => {
    const cod = ind({
      seq: 3,
      name: '化学需氧量排放量',
      unit: '吨',
      baseline: { value: 1000, text: '1000' },
      target: { kind: 'reduceBy', percent: 10, text: '下降10%' },
      direction: 'lower',
    });
    // goal 1000 × 0.9 = 900; 2022 path: 1000 − 100 × 2/5 = 960
    const r = assessIndicator(cod, period, vals([[2022, 950]]), 2022);
    expect(r.target).toBeCloseTo(900, 10);
    expect(r.expected).toBeCloseTo(960, 10);
    expect(r.status).toBe('序时达标');
    expect(assessIndicator(cod, period, vals([[2022, 970]]), 2022).status).toBe('滞后');
  });

  it('qualitative targets follow the recorded judgement', () => {
    const soil = ind({ seq: 5, name: '土壤环境风险', unit: null, target: { kind: 'qualitative', text: '安全可控' }, direction: 'higher' });
    expect(assessIndicator(soil, period, [], 2023).status).toBe('无数据');
    expect(assessIndicator(soil, period, [{ year: 2023, value: null, judgement: 'met' }], 2023).status).toBe('达标');
    expect(assessIndicator(soil, period, [{ year: 2023, value: null, judgement: 'notMet' }], 2023).status).toBe('滞后');
    expect(assessIndicator(soil, period, [{ year: 2025, value: null, judgement: 'notMet' }], 2025).status).toBe('未达标');
  });
});

describe('assessPlan', () => {
  const plan = Plan.parse({
    format: 'ecoplan/plan@1',
    region: { code: '430602', name: '岳阳楼区', city: { code: '430600', name: '岳阳市' }, province: { code: '430000', name: '湖南省' } },
    title: 'test',
    period,
    indicators: [
      { ...goodDays, seq: 1, binding: false, attributeText: '预期性' },
      { ...pm25, seq: 2 },
      { ...goodDays, seq: 3 },
    ],
  } satisfies PlanInput);

  it('puts binding indicators first, counts statuses and warns on binding ones behind', () => {
    const values = new Map<number, YearValue[]>([
      [1, vals([[2023, 95]])],
      [2, vals([[2023, 35]])], // behind 34.8
      [3, vals([[2023, 91]])],
    ]);
    const a = assessPlan(plan, { values, assignments: new Map() }, 2023, 'midterm');
    expect(a.indicators.map((i) => i.seq)).toEqual([2, 3, 1]);
    expect(a.summary.byStatus['达标']).toBe(2);
    expect(a.summary.byStatus['滞后']).toBe(1);
    expect(a.summary.binding.byStatus['滞后']).toBe(1);
    expect(a.summary.onTrackRate).toBeCloseTo(66.7, 10);
    expect(a.warnings).toEqual([{ seq: 2, name: '细颗粒物（PM2.5）浓度', status: '滞后', reason: expect.stringContaining('34.8') }]);
    expect(a.stageName).toBe('中期评估');
  });

  it('checks stage years', () => {
    expect(checkStageYear(plan, 'midterm', 2023)).toBeNull();
    expect(checkStageYear(plan, 'midterm', 2024)).toBe('中期评估年份应为 2023 年');
    expect(checkStageYear(plan, 'final', 2024)).toBe('终期考核年份应为 2025 年');
    expect(checkStageYear(plan, 'annual', 2026)).toBe('年份 2026 不在规划期 2021–2025 内');
    expect(defaultYearFor(plan, 'annual', new Date('2026-12-04'))).toBe(2025);
    expect(defaultYearFor(plan, 'annual', new Date('2022-06-01'))).toBe(2021);
  });
});
