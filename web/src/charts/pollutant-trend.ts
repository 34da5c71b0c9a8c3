/**
 * Monthly mean concentrations of the six AQI pollutants over a year: the particulates and gases in μg/m³ on
 * the left axis, CO in mg/m³ on the right.
 */
import { formatNumber } from '../format.js';
import type { ChartLabels } from './labels.js';
import { CHART_FONT, type ChartOption } from './types.js';

/** A month's means by pollutant key (pm25, pm10, so2, no2, co, o3_8h). */
export type MonthMeans = { month: number } & Partial<Record<string, number | null>>;

const SERIES: { key: string; name: string; color: string; co?: true }[] = [
  { key: 'pm25', name: 'PM₂.₅', color: '#cf1322' },
  { key: 'pm10', name: 'PM₁₀', color: '#fa8c16' },
  { key: 'o3_8h', name: 'O₃-8h', color: '#1677ff' },
  { key: 'no2', name: 'NO₂', color: '#722ed1' },
  { key: 'so2', name: 'SO₂', color: '#13c2c2' },
  { key: 'co', name: 'CO', color: '#595959', co: true },
];

/** The monthly trend chart's option. */
export function pollutantTrendOption(months: readonly MonthMeans[], labels: ChartLabels): ChartOption {
  const sorted = [...months].sort((a, b) => a.month - b.month);
  const monthNames = sorted.map((m) => (labels.lang === 'en' ? ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m.month - 1] : `${m.month}月`));
  return {
    animation: false,
    textStyle: CHART_FONT,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : formatNumber(v, 1)) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: monthNames },
    yAxis: [
      { type: 'value', name: 'μg/m³', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      { type: 'value', name: 'CO mg/m³', splitLine: { show: false } },
    ],
    series: SERIES.map((s) => ({
      name: s.name,
      type: 'line',
      yAxisIndex: s.co ? 1 : 0,
      color: s.color,
      symbolSize: 6,
      connectNulls: false,
      data: sorted.map((m) => m[s.key] ?? null),
    })),
  };
}
