import { describe, it, expect } from 'vitest';
import type { ProjectItem } from '../api.js';
import { changeDiff, changedFields, checkAdjustmentForm, checkInvestmentForm, fieldLabelKey, filterProjects } from './projects.js';

// Two projects of 岳阳楼区's library (plans/430602-yueyanglou.yaml, projects 1 and 4).
function project(over: Partial<ProjectItem>): ProjectItem {
  return {
    seq: 1, code: null, category: '水生态环境提升', name: '岳阳市岳阳楼区郭镇乡麻布村芭蕉水库综合整治项目', location: '岳阳-岳阳楼区', startYear: 2021, endYear: 2022,
    content: '水库清淤', investment: 230000, leadUnit: null, status: '未开工', origin: 'plan', flags: [], rowVersion: 1, investedByYear: {}, investedTotal: 0,
    progress: null, light: '逾期', lightReason: '', ...over,
  };
}
const P1 = project({});
const P4 = project({ seq: 4, category: '重点区域大气环境治理', name: '中心城区汽修行业喷漆工艺有机废气治理', content: '喷漆废气收集处理', investment: 4000, startYear: 2021, endYear: 2025, light: '滞后', status: '在建', leadUnit: '区住建局' });

describe('the project table filters', () => {
  it('filter by category, light, status and text', () => {
    expect(filterProjects([P1, P4], { category: '重点区域大气环境治理' }).map((p) => p.seq)).toEqual([4]);
    expect(filterProjects([P1, P4], { light: '逾期' }).map((p) => p.seq)).toEqual([1]);
    expect(filterProjects([P1, P4], { status: '在建' }).map((p) => p.seq)).toEqual([4]);
    expect(filterProjects([P1, P4], { text: '住建' }).map((p) => p.seq)).toEqual([4]);
    expect(filterProjects([P1, P4], { text: '清淤' }).map((p) => p.seq)).toEqual([1]);
    expect(filterProjects([P1, P4], { text: '  ' }).map((p) => p.seq)).toEqual([1, 4]);
  });
});

describe('the yearly investment form', () => {
  const period = { start: 2021, end: 2025, baseline: 2020 };
  it('takes a year from the start of the period to five years after its end (as the server does)', () => {
    expect(checkInvestmentForm(period, { year: 2030, invested: 1200, progress: 50 })).toEqual([]);
    expect(checkInvestmentForm(period, { year: 2031, invested: 1200, progress: null })).toEqual([{ field: 'year', key: 'yearOutOfRange', vars: { min: 2021, max: 2030 } }]);
    expect(checkInvestmentForm(period, { year: 2020, invested: 0, progress: null }).map((p) => p.field)).toEqual(['year']);
  });
  it('refuses a negative amount and progress beyond 0–100', () => {
    expect(checkInvestmentForm(period, { year: 2023, invested: -1, progress: 101 }).map((p) => p.key)).toEqual(['investedNonNegative', 'progressRange']);
    expect(checkInvestmentForm(period, { year: 2023, invested: null, progress: null }).map((p) => p.key)).toEqual(['investedNonNegative']);
  });
});

describe('the rolling adjustment form', () => {
  const base = { reason: '初步设计批复调减', decidedOn: '2023-03-15' };
  it('needs a reason and a date for every kind', () => {
    expect(checkAdjustmentForm({ kind: '调出', reason: ' ', decidedOn: '', fields: {} }).map((p) => p.key)).toEqual(['reasonRequired', 'required']);
    expect(checkAdjustmentForm({ kind: '调出', ...base, fields: {} })).toEqual([]);
  });
  it('needs the main fields for 调入 and at least one change for 调整', () => {
    expect(checkAdjustmentForm({ kind: '调入', ...base, fields: { name: '新项目', category: '土壤管控与修复' } }).map((p) => p.field)).toEqual(['startYear', 'endYear', 'investment']);
    expect(checkAdjustmentForm({ kind: '调入', ...base, fields: { name: '新项目', category: '土壤管控与修复', startYear: 2024, endYear: 2025, investment: 800 } })).toEqual([]);
    expect(checkAdjustmentForm({ kind: '调整', ...base, fields: {} })).toEqual([{ field: 'fields', key: 'changeAtLeastOne' }]);
  });
  it('refuses an end before the start and a negative investment', () => {
    expect(checkAdjustmentForm({ kind: '调整', ...base, fields: { startYear: 2024, endYear: 2023, investment: -5 } }).map((p) => p.key)).toEqual(['endBeforeStart', 'investedNonNegative']);
  });
});

describe('what an adjustment changes', () => {
  it('keeps only the fields that differ from the project', () => {
    // The README's example: project 3 of 资阳区 adjusted to 60000 万元; here project 1 of 岳阳楼区 from 230,000 to 200,000.
    expect(changedFields(P1, { name: P1.name, investment: 200000, leadUnit: null })).toEqual({ investment: 200000 });
    expect(changedFields(P1, { leadUnit: '' })).toEqual({});
    expect(changedFields(P4, { leadUnit: '' })).toEqual({ leadUnit: null });
    expect(changedFields(P4, { endYear: 2026, category: P4.category })).toEqual({ endYear: 2026 });
  });

  it('lists the recorded before → after differences', () => {
    const before = { category: '水生态环境提升', name: 'x', investment: 230000, status: '未开工' };
    expect(changeDiff(before, { ...before, investment: 200000 })).toEqual([['investment', 230000, 200000]]);
    expect(changeDiff(before, { ...before, status: '调出' })).toEqual([['status', '未开工', '调出']]);
    expect(changeDiff(null, { name: '新项目', investment: 800 })).toEqual([
      ['name', undefined, '新项目'],
      ['investment', undefined, 800],
    ]);
    expect(changeDiff(before, null)).toEqual([]);
  });

  it('labels stored and form field names alike', () => {
    expect(fieldLabelKey('start_year')).toBe('startYear');
    expect(fieldLabelKey('startYear')).toBe('startYear');
    expect(fieldLabelKey('lead_unit')).toBe('leadUnit');
    expect(fieldLabelKey('row_version')).toBeNull();
  });
});
