import { describe, it, expect } from 'vitest';
import { commitmentStatus, scheduleLight, summariseByCategory, timeShare } from './projects.js';

// 资阳区 annex project 1: 资水尾闾水环境治理工程, 2022–2025, 4800 万元 (seed 000, annex).
const base = { status: '在建' as const, startYear: 2022, endYear: 2025, investment: 4800 };

describe('scheduleLight', () => {
  it('time share counts whole years from start to end inclusive', () => {
    expect(timeShare(2022, 2025, 2021)).toBe(0);
    expect(timeShare(2022, 2025, 2022)).toBe(0.25);
    expect(timeShare(2022, 2025, 2023)).toBe(0.5);
    expect(timeShare(2022, 2025, 2026)).toBe(1);
  });
  it('is 正常 at or above 80% of the time share', () => {
    // 2023: time share 50%, 80% of it = 40% = 1920 万元
    const r = scheduleLight({ ...base, invested: new Map([[2022, 1000], [2023, 920]]) }, 2023);
    expect(r.light).toBe('正常');
    expect(r.reason).toBe('累计完成投资40%，序时进度50%');
  });
  it('is 滞后 below 80% of the time share', () => {
    const r = scheduleLight({ ...base, invested: new Map([[2022, 1000], [2023, 900]]) }, 2023);
    expect(r.light).toBe('滞后'); // 1900 / 4800 = 39.6% < 40%
  });
  it('is 滞后 when not started after the start year, 未到开工期 before it', () => {
    expect(scheduleLight({ ...base, status: '未开工', invested: new Map() }, 2022).light).toBe('滞后');
    expect(scheduleLight({ ...base, status: '未开工', invested: new Map() }, 2021).light).toBe('未到开工期');
  });
  it('is 逾期 after the end year unless completed', () => {
    expect(scheduleLight({ ...base, invested: new Map([[2025, 4800]]) }, 2026).light).toBe('逾期');
    expect(scheduleLight({ ...base, status: '完工', invested: new Map() }, 2026).light).toBe('已完工');
    expect(scheduleLight({ ...base, status: '调出', invested: new Map() }, 2023).light).toBe('不适用');
  });
});

describe('summariseByCategory', () => {
  it('sums planned and invested amounts and leaves out projects taken out', () => {
    const s = summariseByCategory([
      { category: 'A', investment: 100, status: '在建', investedTotal: 30 },
      { category: 'B', investment: 50, status: '未开工', investedTotal: 0 },
      { category: 'A', investment: 20, status: '完工', investedTotal: 20 },
      { category: 'B', investment: 999, status: '调出', investedTotal: 0 },
    ]);
    expect(s.categories).toEqual([
      { category: 'A', count: 2, planned: 120, invested: 50 },
      { category: 'B', count: 1, planned: 50, invested: 0 },
    ]);
    expect(s.total).toEqual({ category: '合计', count: 3, planned: 170, invested: 50 });
  });
});

describe('commitmentStatus', () => {
  // 资阳区: "2021年底前完成农村“千人”饮用水源保护区划分" → deadline 2021-12-31.
  it('follows the deadline and the recorded progress', () => {
    expect(commitmentStatus('2021-12-31', { done: false, started: false }, '2021-06-01')).toBe('未开始');
    expect(commitmentStatus('2021-12-31', { done: false, started: true }, '2021-06-01')).toBe('进行中');
    expect(commitmentStatus('2021-12-31', { done: false, started: true }, '2022-01-01')).toBe('逾期');
    expect(commitmentStatus('2021-12-31', { done: true, doneOn: '2021-11-30', started: true }, '2022-01-01')).toBe('已完成');
    expect(commitmentStatus('2021-12-31', { done: true, doneOn: '2022-02-01', started: true }, '2022-03-01')).toBe('逾期完成');
  });
});
