import { describe, it, expect } from 'vitest';
import type { IndicatorAssessment, PlanAssessment } from '../api.js';
import { defaultYear, headlineKind, latestByIndicator, midtermOf, periodYears, planStage, stageOfYear } from './plan.js';

// The seed plans' period: 2021–2025, baseline 2020, mid-term 2023 (DESIGN.md).
const PERIOD = { start: 2021, end: 2025, baseline: 2020 };

describe('the plan period', () => {
  it('tells where the period stands', () => {
    expect(planStage(PERIOD, 2020)).toEqual({ kind: 'before' });
    expect(planStage(PERIOD, 2023)).toEqual({ kind: 'running', n: 3, total: 5 });
    expect(planStage(PERIOD, 2026)).toEqual({ kind: 'ended' });
  });

  it('assesses the last full year within the period by default, like the server', () => {
    // src/domain/assessment.ts defaultYearFor(annual): min(end, max(start, thisYear - 1)).
    expect(defaultYear(PERIOD, 2026)).toBe(2025);
    expect(defaultYear(PERIOD, 2024)).toBe(2023);
    expect(defaultYear(PERIOD, 2021)).toBe(2021);
    expect(defaultYear(PERIOD, 2030)).toBe(2025);
  });

  it('names the stage of a year and lists the years', () => {
    expect(midtermOf(PERIOD)).toBe(2023);
    expect(midtermOf({ ...PERIOD, midterm: 2024 })).toBe(2024);
    expect(stageOfYear(PERIOD, 2025)).toBe('final');
    expect(stageOfYear(PERIOD, 2023)).toBe('midterm');
    expect(stageOfYear(PERIOD, 2024)).toBe('annual');
    expect(periodYears(PERIOD)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

function item(seq: number, year: number, status: IndicatorAssessment['status'], value: number | null): IndicatorAssessment {
  return { seq, name: `指标${seq}`, category: '环境质量改善', unit: '%', binding: true, year, value, target: null, targetText: '', expected: null, status, reason: '', trend: null };
}
function assessment(year: number, items: IndicatorAssessment[]): PlanAssessment {
  const zero = { 达标: 0, 序时达标: 0, 滞后: 0, 未达标: 0, 无数据: 0, 待定: 0 };
  return { region: { code: '430602', name: '岳阳楼区' }, stage: 'annual', stageName: '年度监测分析', year, indicators: items, summary: { total: items.length, byStatus: zero, binding: { total: 0, byStatus: zero }, expected: { total: 0, byStatus: zero }, onTrackRate: null }, warnings: [] };
}

describe('the latest assessment of each indicator', () => {
  it('takes the newest year with a value, else the newest year', () => {
    const years = [
      assessment(2023, [item(1, 2023, '滞后', 35.5), item(6, 2023, '待定', null), item(15, 2023, '达标', null)]),
      assessment(2025, [item(1, 2025, '无数据', null), item(6, 2025, '待定', null), item(15, 2025, '无数据', null)]),
      assessment(2024, [item(1, 2024, '无数据', null), item(6, 2024, '待定', null), item(15, 2024, '无数据', null)]),
    ];
    const latest = latestByIndicator(years);
    // PM2.5 (seq 1) has a value only in 2023; seq 6 is pending every year (the newest, 2025, is kept);
    // seq 15 (qualitative) was judged in 2023 (status 达标 with no value).
    expect(latest.get(1)).toMatchObject({ year: 2023, status: '滞后', value: 35.5 });
    expect(latest.get(6)).toMatchObject({ year: 2025, status: '待定' });
    expect(latest.get(15)).toMatchObject({ year: 2023, status: '达标' });
    expect([...latest.keys()]).toEqual([1, 6, 15]);
    expect(latestByIndicator([]).size).toBe(0);
  });
});

describe('headline figures', () => {
  it('are the air and water indicators, by metric or printed group', () => {
    // plans/430602-yueyanglou.yaml: seq 1 air.pm25.annualMean, seq 3 water.sectionsWorseThanVRatio, seq 4 地下水 (no metric).
    expect(headlineKind({ metric: { id: 'air.pm25.annualMean' }, category: '环境质量改善', name: '细颗粒物（PM2.5）浓度' })).toBe('air');
    expect(headlineKind({ metric: { id: 'water.sectionsWorseThanVRatio' }, category: '环境质量改善', name: '地表水质量劣Ⅴ类水体比例' })).toBe('water');
    expect(headlineKind({ subgroup: '空气环境质量', category: '环境质量改善', name: '优良天数比例' })).toBe('air');
    expect(headlineKind({ subgroup: '地下水', category: '环境质量改善', name: '地下水质量V类水比例' })).toBeNull();
    expect(headlineKind({ category: '应对气候变化', name: '单位国内生产总值二氧化碳排放' })).toBeNull();
  });
});
