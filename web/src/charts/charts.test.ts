import { describe, it, expect } from 'vitest';
import * as server from '../../../src/charts/options.js';
import { assessIndicator } from '../../../src/domain/assessment.js';
import { Indicator } from '../../../src/domain/plan-schema.js';
import { aqiCalendarOption, aqiPieces } from './aqi-calendar.js';
import { AQI_LEVEL_COLORS, aqiLevel, COMMITMENT_COLORS, LIGHT_COLORS, STATUS_COLORS, textOn } from './colors.js';
import { indicatorTrendOption, schedulePath } from './indicator-trend.js';
import { investmentOption } from './investment.js';
import { chartLabels } from './labels.js';
import { statusSummaryOption } from './status-summary.js';

const ZH = chartLabels('zh');
const EN = chartLabels('en');

type Series = { name: string; data: unknown[]; itemStyle?: { color: string } };

describe('colours', () => {
  it('are the reports’ colours (src/charts/options.ts), so screen and paper agree', () => {
    expect(STATUS_COLORS).toEqual(server.STATUS_COLORS);
    expect([...AQI_LEVEL_COLORS]).toEqual([...server.AQI_LEVEL_COLORS]);
  });

  it('follow the brief: 达标 green, 序时达标 blue, 滞后 orange, 未达标 red, 无数据 grey, 待定 purple, lights likewise', () => {
    expect(STATUS_COLORS.达标).toBe('#389e0d');
    expect(STATUS_COLORS.待定).toBe('#722ed1');
    expect(LIGHT_COLORS.已完工).toBe(STATUS_COLORS.达标);
    expect(LIGHT_COLORS.正常).toBe(STATUS_COLORS.序时达标);
    expect(LIGHT_COLORS.滞后).toBe(STATUS_COLORS.滞后);
    expect(LIGHT_COLORS.逾期).toBe(STATUS_COLORS.未达标);
    expect(COMMITMENT_COLORS.逾期).toBe(STATUS_COLORS.未达标);
  });

  it('gives the HJ 633 level of an AQI (Table 2 bounds 50/100/150/200/300)', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map(aqiLevel)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    expect([0, 50, 101, 300, 301].map(aqiLevel)).toEqual([0, 50, 101, 300, 301].map(server.aqiLevel));
  });

  it('picks a readable text colour', () => {
    expect(textOn('#FFFF00')).toBe('#000000');
    expect(textOn('#00E400')).toBe('#000000');
    expect(textOn('#7E0023')).toBe('#ffffff');
  });
});

describe('the 序时进度 path', () => {
  it('runs straight from the baseline to the goal in the end year', () => {
    // 岳阳楼区 PM2.5: 36 in 2020 → 34 in 2025: 0.4 a year.
    const path = schedulePath({ year: 2020, value: 36 }, 2025, 34, []);
    expect(path.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(path.map((p) => Math.round(p.value * 100) / 100)).toEqual([36, 35.6, 35.2, 34.8, 34.4, 34]);
  });

  it('starts at the first recorded value when the baseline is missing', () => {
    // 80 in 2022 toward 70 in 2025: 80, 76.67, 73.33, 70.
    const path = schedulePath({ year: 2020, value: null }, 2025, 70, [{ year: 2023, value: 77 }, { year: 2022, value: 80 }]);
    expect(path.map((p) => [p.year, Math.round(p.value * 100) / 100])).toEqual([[2022, 80], [2023, 76.67], [2024, 73.33], [2025, 70]]);
    expect(schedulePath({ year: 2020, value: null }, 2025, 70, [])).toEqual([]);
    expect(schedulePath({ year: 2020, value: 36 }, 2025, null, [])).toEqual([]);
  });

  it('gives the expected value the assessment uses (src/domain/assessment.ts)', () => {
    const pm25 = Indicator.parse({ seq: 1, category: '环境质量改善', name: '细颗粒物（PM2.5）浓度', unit: 'μg/m3', baseline: { value: 36, text: '36' }, target: { kind: 'atMost', value: 34, text: '34' }, direction: 'lower', binding: true, attributeText: '约束性' });
    const period = { start: 2021, end: 2025, baseline: 2020 };
    const a = assessIndicator(pm25, period, [{ year: 2023, value: 35.5 }], 2023);
    expect(a.status).toBe('滞后');
    const path = schedulePath({ year: 2020, value: 36 }, 2025, 34, []);
    expect(path.find((p) => p.year === 2023)?.value).toBeCloseTo(a.expected as number, 9);
  });
});

describe('chart options', () => {
  it('status summary: binding on top, one stacked series per status in its colour', () => {
    const binding = { 达标: 3, 序时达标: 1, 滞后: 2, 未达标: 0, 无数据: 6, 待定: 0 };
    const expected = { 达标: 1, 序时达标: 0, 滞后: 0, 未达标: 1, 无数据: 4, 待定: 5 };
    const o = statusSummaryOption(binding, expected, ZH) as { yAxis: { data: string[] }; series: Series[] };
    expect(o.yAxis.data).toEqual(['预期性', '约束性']);
    expect(o.series.map((s) => s.name)).toEqual(['达标', '序时达标', '滞后', '未达标', '无数据', '待定']);
    expect(o.series[0]?.data).toEqual([1, 3]);
    expect(o.series[5]?.data).toEqual([5, 0]);
    expect(o.series[2]?.itemStyle?.color).toBe('#fa8c16');
    const en = statusSummaryOption(binding, expected, EN) as { series: Series[]; yAxis: { data: string[] } };
    expect(en.series.map((s) => s.name)).toEqual(['Met', 'On schedule', 'Behind schedule', 'Not met', 'No data', 'Pending']);
    expect(en.yAxis.data).toEqual(['Expected', 'Binding']);
  });

  it('trend: values coloured by status, the 序时进度 path and the target line', () => {
    const o = indicatorTrendOption(
      {
        unit: 'μg/m3',
        baseline: { year: 2020, value: 36 },
        endYear: 2025,
        goal: 34,
        years: [
          { year: 2021, value: 35, status: '序时达标' },
          { year: 2022, value: null, status: '无数据' },
          { year: 2023, value: 35.5, status: '滞后' },
          { year: 2024, value: null, status: '无数据' },
          { year: 2025, value: 33, status: '达标' },
        ],
      },
      ZH,
    ) as { xAxis: { data: string[] }; yAxis: { name: string }; series: { name: string; data: (number | null | { value: number | null; itemStyle: { color: string } })[] }[] };
    expect(o.xAxis.data).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    expect(o.yAxis.name).toBe('μg/m³');
    expect(o.series.map((s) => s.name)).toEqual(['监测/统计值', '序时进度', '目标值']);
    const values = o.series[0]?.data as { value: number | null; itemStyle: { color: string } }[];
    expect(values.map((v) => v.value)).toEqual([36, 35, null, 35.5, null, 33]);
    expect(values.map((v) => v.itemStyle.color)).toEqual(['#595959', '#1677ff', '#8c8c8c', '#fa8c16', '#8c8c8c', '#389e0d']);
    expect((o.series[1]?.data as number[]).map((v) => Math.round(v * 10) / 10)).toEqual([36, 35.6, 35.2, 34.8, 34.4, 34]);
    expect(o.series[2]?.data).toEqual([34, 34, 34, 34, 34, 34]);
  });

  it('trend without a goal draws neither path nor target', () => {
    const o = indicatorTrendOption({ unit: '%', baseline: { year: 2020, value: 42 }, endYear: 2025, goal: null, years: [{ year: 2021, value: 42.5, status: '达标' }] }, EN) as { series: { name: string }[] };
    expect(o.series.map((s) => s.name)).toEqual(['Value']);
  });

  it('investment: planned and invested bars per category in plan order', () => {
    // 岳阳楼区's categories and planned sums (plans/430602-yueyanglou.yaml): 270,000; 4,400; 160,000; 5,000 万元.
    const rows = [
      { category: '水生态环境提升', planned: 270000, invested: 1200 },
      { category: '重点区域大气环境治理', planned: 4400, invested: 0 },
      { category: '土壤管控与修复', planned: 160000, invested: 0 },
      { category: '农业农村污染防治', planned: 5000, invested: 0 },
    ];
    const o = investmentOption(rows, ZH) as { yAxis: { data: string[] }; xAxis: { name: string }; series: Series[] };
    expect(o.yAxis.data).toEqual(rows.map((r) => r.category));
    expect(o.xAxis.name).toBe('万元');
    expect(o.series.map((s) => s.name)).toEqual(['计划总投资', '累计完成投资']);
    expect(o.series[0]?.data).toEqual([270000, 4400, 160000, 5000]);
    expect(o.series[1]?.data).toEqual([1200, 0, 0, 0]);
  });

  it('AQI calendar: the year, the days and the six HJ 633 pieces', () => {
    const days: [string, number][] = [['2025-01-01', 35], ['2025-01-02', 128]];
    const o = aqiCalendarOption(2025, days, ZH) as { calendar: { range: string }; series: { data: unknown }[]; visualMap: { pieces: unknown[] } };
    expect(o.calendar.range).toBe('2025');
    expect(o.series[0]?.data).toEqual(days);
    expect(aqiPieces(ZH)).toEqual([
      { min: 0, max: 50, color: '#00E400', label: '优' },
      { min: 51, max: 100, color: '#FFFF00', label: '良' },
      { min: 101, max: 150, color: '#FF7E00', label: '轻度污染' },
      { min: 151, max: 200, color: '#FF0000', label: '中度污染' },
      { min: 201, max: 300, color: '#99004C', label: '重度污染' },
      { min: 301, color: '#7E0023', label: '严重污染' },
    ]);
  });
});

describe('monthly pollutant trends', () => {
  it('one series per pollutant by month, CO on the right axis', async () => {
    const { pollutantTrendOption } = await import('./pollutant-trend.js');
    const months = [
      { month: 2, pm25: 50, pm10: 70, so2: 8, no2: 30, co: 1.1, o3_8h: 60 },
      { month: 1, pm25: 55, pm10: 60, so2: 10, no2: 30, co: 0.8, o3_8h: 80 },
    ];
    const o = pollutantTrendOption(months, ZH) as { xAxis: { data: string[] }; series: { name: string; yAxisIndex: number; data: (number | null)[] }[] };
    expect(o.xAxis.data).toEqual(['1月', '2月']);
    expect(o.series.map((s) => s.name)).toEqual(['PM₂.₅', 'PM₁₀', 'O₃-8h', 'NO₂', 'SO₂', 'CO']);
    expect(o.series[0]?.data).toEqual([55, 50]);
    expect(o.series[5]).toMatchObject({ yAxisIndex: 1, data: [0.8, 1.1] });
    expect((pollutantTrendOption(months, EN) as { xAxis: { data: string[] } }).xAxis.data).toEqual(['Jan', 'Feb']);
  });
});
