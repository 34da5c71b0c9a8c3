import { describe, it, expect } from 'vitest';
import { DASH, formatDate, formatDateTime, formatNumber, formatPercent, formatUnit, formatValue, formatWan, formatYear, formatYears } from './format.js';

describe('numbers as Chinese government documents print them', () => {
  it('groups thousands with commas and keeps at most two decimals', () => {
    // The brief's example: 479,052 万元; 92.1 stays 92.1; 34.8 (序时进度 of PM2.5 in 2023, 36→34 over 2020–2025) stays.
    expect(formatNumber(479052)).toBe('479,052');
    expect(formatNumber(92.1)).toBe('92.1');
    expect(formatNumber(34.8)).toBe('34.8');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(0.125, 1)).toBe('0.1');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(null)).toBe(DASH);
    expect(formatNumber(Number.NaN)).toBe(DASH);
  });

  it('prints amounts in 万元', () => {
    // 岳阳楼区's project library totals 439,400 万元 (plans/430602-yueyanglou.yaml, eight projects).
    expect(formatWan(439400, 'zh')).toBe('439,400 万元');
    expect(formatWan(439400, 'en')).toBe('439,400 (10k yuan)');
    expect(formatWan(null, 'zh')).toBe(DASH);
  });

  it('writes units with superscripts and values with their unit', () => {
    expect(formatUnit('μg/m3')).toBe('μg/m³');
    expect(formatUnit('Km2')).toBe('Km²');
    expect(formatUnit('-')).toBe('');
    expect(formatUnit(null)).toBe('');
    expect(formatValue(36, 'μg/m3')).toBe('36 μg/m³');
    expect(formatValue(92.1, '%')).toBe('92.1%');
    expect(formatValue(2.48, '-')).toBe('2.48');
    expect(formatValue(null, '%')).toBe(DASH);
  });

  it('prints shares as percentages with one decimal', () => {
    // 1200 of 4800 万元 invested = 25%; 2 of 3 = 66.7%.
    expect(formatPercent(1200 / 4800)).toBe('25%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(null)).toBe(DASH);
  });

  it('prints years and spans the Chinese way and the English way', () => {
    expect(formatYear(2025, 'zh')).toBe('2025年');
    expect(formatYear(2025, 'en')).toBe('2025');
    expect(formatYears(2021, 2025, 'zh')).toBe('2021—2025年');
    expect(formatYears(2021, 2025, 'en')).toBe('2021–2025');
    expect(formatYears(2022, 2022, 'zh')).toBe('2022年');
  });
});

describe('dates', () => {
  it('prints YYYY年M月D日 in Chinese and ISO in English', () => {
    // GB 3095-2026 takes effect on 2026-03-01 (reference/STANDARDS.md).
    expect(formatDate('2026-03-01', 'zh')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en')).toBe('2026-03-01');
    expect(formatDate('2021-12-31', 'zh')).toBe('2021年12月31日');
    expect(formatDate(null, 'zh')).toBe(DASH);
    expect(formatDate('2021年底前', 'zh')).toBe('2021年底前');
  });

  it('prints moments in China Standard Time (UTC+8) whatever the browser zone', () => {
    // 2026-03-01T16:30Z is 2026-03-02 00:30 in Beijing.
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'zh')).toBe('2026年3月2日 00:30');
    expect(formatDateTime('2026-03-01T16:30:00.000Z', 'en')).toBe('2026-03-02 00:30');
    expect(formatDate('2026-03-01T16:30:00.000Z', 'zh')).toBe('2026年3月2日');
  });
});
