/**
 * ECharts options for ecoplan's charts, as pure functions of the data: the web app renders them in the
 * browser and the reports render the same options to images on the server. No DOM, no I/O.
 */
import type { Status, StatusCounts } from '../domain/assessment.js';
import { STATUSES } from '../domain/assessment.js';

/** Colours of the statuses (the same in the web app, the reports and the public page). */
export const STATUS_COLORS: Record<Status, string> = {
  达标: '#389e0d',
  序时达标: '#1677ff',
  滞后: '#fa8c16',
  未达标: '#cf1322',
  无数据: '#8c8c8c',
  待定: '#722ed1',
};

/** HJ 633 Annex A colours of the six AQI levels (RGB as the standard gives them). */
export const AQI_LEVEL_COLORS = ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023'] as const;

/** The AQI upper bounds of levels 1–6 (HJ 633 Table 2). */
export const AQI_LEVEL_BOUNDS = [50, 100, 150, 200, 300, Number.POSITIVE_INFINITY] as const;

/** Labels of the chart texts in the two languages. */
export interface ChartLabels {
  binding: string;
  expected: string;
  value: string;
  target: string;
  schedule: string;
  planned: string;
  invested: string;
  tenThousandYuan: string;
  aqiLevels: readonly string[];
}

/** Chinese labels. */
export const ZH_LABELS: ChartLabels = {
  binding: '约束性',
  expected: '预期性',
  value: '监测/统计值',
  target: '目标值',
  schedule: '序时进度',
  planned: '计划投资',
  invested: '累计完成投资',
  tenThousandYuan: '万元',
  aqiLevels: ['优', '良', '轻度污染', '中度污染', '重度污染', '严重污染'],
};

/** English labels. */
export const EN_LABELS: ChartLabels = {
  binding: 'Binding',
  expected: 'Expected',
  value: 'Value',
  target: 'Target',
  schedule: 'Schedule',
  planned: 'Planned',
  invested: 'Invested',
  tenThousandYuan: '10k yuan',
  aqiLevels: ['Excellent', 'Good', 'Lightly polluted', 'Moderately polluted', 'Heavily polluted', 'Severely polluted'],
};

/** A plain ECharts option object. */
export type ChartOption = Record<string, unknown>;

const FONT = { fontFamily: 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif' };

/** Status counts of binding and expected indicators as stacked horizontal bars. */
export function statusSummaryOption(binding: StatusCounts, expected: StatusCounts, labels: ChartLabels = ZH_LABELS, statusNames: Record<Status, string> | null = null): ChartOption {
  return {
    animation: false,
    textStyle: FONT,
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 36, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: [labels.expected, labels.binding] },
    series: STATUSES.map((s) => ({
      name: statusNames ? statusNames[s] : s,
      type: 'bar',
      stack: 'n',
      itemStyle: { color: STATUS_COLORS[s] },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: [expected[s], binding[s]],
    })),
  };
}

/** One year of an indicator's trend. */
export interface TrendPoint {
  year: number;
  value: number | null;
  expected: number | null;
  status: Status;
}

/** An indicator's values by year with the target line and the 序时进度 path; points coloured by status. */
export function indicatorTrendOption(title: string, unit: string | null, baseline: { year: number; value: number | null }, points: TrendPoint[], target: number | null, labels: ChartLabels = ZH_LABELS): ChartOption {
  const years = [baseline.year, ...points.map((p) => p.year)].map(String);
  const values = [baseline.value, ...points.map((p) => p.value)];
  const path = [baseline.value, ...points.map((p) => p.expected ?? (p.year === points[points.length - 1]?.year ? target : null))];
  return {
    animation: false,
    textStyle: FONT,
    title: { text: title, left: 'center', textStyle: { fontSize: 14, ...FONT } },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: unit && unit !== '-' ? unit : '', scale: true },
    series: [
      {
        name: labels.value,
        type: 'line',
        data: values.map((v, i) => ({
          value: v,
          itemStyle: { color: i === 0 ? '#595959' : STATUS_COLORS[points[i - 1]?.status ?? '无数据'] },
        })),
        symbolSize: 9,
        color: '#1f1f1f',
        lineStyle: { color: '#1f1f1f' },
        label: { show: true, position: 'top' },
        connectNulls: false,
      },
      ...(path.some((v, i) => i > 0 && v !== null)
        ? [{ name: labels.schedule, type: 'line', data: path, connectNulls: true, symbol: 'none', color: '#1677ff', lineStyle: { type: 'dashed', color: '#1677ff' } }]
        : []),
      ...(target !== null
        ? [{ name: labels.target, type: 'line', data: years.map(() => target), symbol: 'none', color: '#cf1322', lineStyle: { color: '#cf1322' } }]
        : []),
    ],
  };
}

/** Planned and invested amounts by category (万元). */
export function investmentOption(rows: { category: string; planned: number; invested: number }[], labels: ChartLabels = ZH_LABELS): ChartOption {
  return {
    animation: false,
    textStyle: FONT,
    legend: { top: 0 },
    grid: { left: 150, right: 40, top: 36, bottom: 24 },
    xAxis: { type: 'value', name: labels.tenThousandYuan },
    yAxis: { type: 'category', data: rows.map((r) => r.category), inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: labels.planned, type: 'bar', data: rows.map((r) => r.planned), itemStyle: { color: '#91caff' }, label: { show: true, position: 'right' } },
      { name: labels.invested, type: 'bar', data: rows.map((r) => r.invested), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } },
    ],
  };
}

/** The AQI level (1–6) of an AQI value, per HJ 633 Table 2. */
export function aqiLevel(aqi: number): number {
  return AQI_LEVEL_BOUNDS.findIndex((b) => aqi <= b) + 1;
}

/** A calendar heatmap of daily AQI for one year in the HJ 633 colours. `days` are [ISO date, AQI] pairs. */
export function aqiCalendarOption(year: number, days: [string, number][], labels: ChartLabels = ZH_LABELS): ChartOption {
  return {
    animation: false,
    textStyle: FONT,
    tooltip: {},
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: AQI_LEVEL_BOUNDS.map((upper, i) => ({
        min: i === 0 ? 0 : AQI_LEVEL_BOUNDS[i - 1]! + 1,
        ...(Number.isFinite(upper) ? { max: upper } : {}),
        color: AQI_LEVEL_COLORS[i],
        label: labels.aqiLevels[i],
      })),
    },
    calendar: { range: String(year), cellSize: ['auto', 14], left: 60, right: 20, top: 30, yearLabel: { show: true, margin: 36 }, dayLabel: { nameMap: labels === ZH_LABELS ? 'ZH' : 'EN' }, monthLabel: { nameMap: labels === ZH_LABELS ? 'ZH' : 'EN' } },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: days }],
  };
}
