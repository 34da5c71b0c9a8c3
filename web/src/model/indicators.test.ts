import { describe, it, expect } from 'vitest';
import type { Indicator } from '../api.js';
import { categoriesOf, chartGoal, checkAssignmentForm, checkValueForm, filterIndicatorRows, mergedSpans, type IndicatorRow } from './indicators.js';

const PERIOD = { start: 2021, end: 2025, baseline: 2020 };

// Rows of 岳阳楼区's 表2 (plans/430602-yueyanglou.yaml): 1 PM2.5 (μg/m3, ≤34, binding), 4 地下水 (%, expected),
// 6 CO2 (市级下达, binding), 15 危险废物 (安全可控, qualitative, expected).
function ind(seq: number, category: string, unit: string | null, target: Indicator['target'], binding: boolean): Indicator {
  return { seq, category, name: `指标${seq}`, marks: [], unit, baseline: { value: null, text: '—' }, target, direction: 'lower', binding, attributeText: binding ? '约束性' : '预期性', notes: [] };
}
const PM25 = ind(1, '环境质量改善', 'μg/m3', { kind: 'atMost', value: 34, text: '34' }, true);
const GROUND = ind(4, '环境质量改善', '%', { kind: 'atMost', value: 0, text: '0' }, false);
const CO2 = ind(6, '应对气候变化', '%', { kind: 'assigned', text: '市级下达指' }, true);
const HAZ = ind(15, '环境风险防控', '%', { kind: 'qualitative', text: '安全可控' }, false);

const latest = (status: IndicatorRow['latest'] extends infer T ? T : never) => status;

describe('the indicator table', () => {
  const rows: IndicatorRow[] = [
    { indicator: PM25, latest: latest({ seq: 1, name: '', category: '', unit: null, binding: true, year: 2023, value: 35.5, target: 34, targetText: '34', expected: 34.8, status: '滞后', reason: '', trend: null }) },
    { indicator: GROUND, latest: undefined },
    { indicator: CO2, latest: latest({ seq: 6, name: '', category: '', unit: null, binding: true, year: 2025, value: null, target: null, targetText: '', expected: null, status: '待定', reason: '', trend: null }) },
    { indicator: HAZ, latest: undefined },
  ];

  it('filters by category, status (a row without an assessment counts as 无数据) and attribute', () => {
    expect(filterIndicatorRows(rows, { category: '环境质量改善' }).map((r) => r.indicator.seq)).toEqual([1, 4]);
    expect(filterIndicatorRows(rows, { status: '无数据' }).map((r) => r.indicator.seq)).toEqual([4, 15]);
    expect(filterIndicatorRows(rows, { attribute: 'binding' }).map((r) => r.indicator.seq)).toEqual([1, 6]);
    expect(filterIndicatorRows(rows, { attribute: 'expected', category: '环境风险防控' }).map((r) => r.indicator.seq)).toEqual([15]);
    expect(filterIndicatorRows(rows, {})).toHaveLength(4);
  });

  it('lists the categories in the printed order', () => {
    expect(categoriesOf([PM25, GROUND, CO2, HAZ])).toEqual(['环境质量改善', '应对气候变化', '环境风险防控']);
  });

  it('merges equal consecutive category cells as the printed table does', () => {
    expect(mergedSpans(['A', 'A', 'B', 'A', 'A', 'A'], (x) => x)).toEqual([2, 0, 1, 3, 0, 0]);
    expect(mergedSpans([], (x: string) => x)).toEqual([]);
  });
});

describe('the data-entry form', () => {
  const ok = { year: 2025, value: 33, judgement: null, note: '' };

  it('accepts a value in the period', () => {
    expect(checkValueForm(PM25, PERIOD, ok)).toEqual([]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, year: 2020 })).toEqual([]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, value: '1,234.5' })).toEqual([]);
  });

  it('refuses a year outside baseline..end, a missing or non-numeric value, a percentage beyond ±100', () => {
    // The server's validateValue (src/services/indicators.ts) has the same rules.
    expect(checkValueForm(PM25, PERIOD, { ...ok, year: 2026 })).toEqual([{ field: 'year', key: 'yearOutOfRange', vars: { min: 2020, max: 2025 } }]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, value: null })).toEqual([{ field: 'value', key: 'valueRequired' }]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, value: 'abc' })).toEqual([{ field: 'value', key: 'valueNotNumber' }]);
    expect(checkValueForm(GROUND, PERIOD, { ...ok, value: 150 })).toEqual([{ field: 'value', key: 'percentRange' }]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, value: 150 })).toEqual([]);
    expect(checkValueForm(PM25, PERIOD, { ...ok, note: 'x'.repeat(2001) })).toEqual([{ field: 'note', key: 'noteTooLong' }]);
  });

  it('asks a qualitative target for a judgement, not a number', () => {
    expect(checkValueForm(HAZ, PERIOD, { ...ok, value: null })).toEqual([{ field: 'judgement', key: 'judgementRequired' }]);
    expect(checkValueForm(HAZ, PERIOD, { ...ok, value: null, judgement: 'met' })).toEqual([]);
  });
});

describe('the assigned-target form', () => {
  const ok = { kind: 'atLeast' as const, value: 18, assignedBy: '岳阳市生态环境局', assignedOn: '2021-09-01', document: '岳环发〔2021〕1号' };

  it('accepts a complete assignment and names every missing part', () => {
    expect(checkAssignmentForm(ok)).toEqual([]);
    expect(checkAssignmentForm({ ...ok, value: null, assignedBy: ' ', assignedOn: '', document: '' }).map((p) => p.field)).toEqual(['value', 'assignedBy', 'assignedOn', 'document']);
  });

  it('keeps a reduction within 0–100 %', () => {
    expect(checkAssignmentForm({ ...ok, kind: 'reduceBy', value: 0 })).toEqual([{ field: 'value', key: 'reduceRange' }]);
    expect(checkAssignmentForm({ ...ok, kind: 'reduceBy', value: 101 })).toEqual([{ field: 'value', key: 'reduceRange' }]);
    expect(checkAssignmentForm({ ...ok, kind: 'reduceBy', value: 13.5 })).toEqual([]);
  });
});

describe('the goal line of the trend chart', () => {
  it('is the last numeric target, none for 稳中向好 or qualitative targets', () => {
    expect(chartGoal(PM25, [{ target: 34 }, { target: 34 }])).toBe(34);
    expect(chartGoal(CO2, [{ target: null }, { target: null }])).toBeNull();
    expect(chartGoal(CO2, [{ target: 18 }, { target: null }])).toBe(18);
    expect(chartGoal(ind(17, '生态保护', '-', { kind: 'improving', text: '稳中向好' }, false), [{ target: 60 }])).toBeNull();
  });
});
