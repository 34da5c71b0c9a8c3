/**
 * Planned and invested amounts (万元) of the project library by category.
 */
import { formatNumber } from '../format.js';
import type { ChartLabels } from './labels.js';
import { CHART_FONT, type ChartOption } from './types.js';

/** Horizontal bars, one pair per category in the plan's order. */
export function investmentOption(rows: readonly { category: string; planned: number; invested: number }[], labels: ChartLabels): ChartOption {
  return {
    animation: false,
    textStyle: CHART_FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${formatNumber(v)} ${labels.unitWan}` },
    legend: { top: 0 },
    grid: { left: 8, right: 64, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: labels.unitWan, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.category), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      { name: labels.planned, type: 'bar', data: rows.map((r) => r.planned), itemStyle: { color: '#91caff' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) } },
      { name: labels.invested, type: 'bar', data: rows.map((r) => r.invested), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) } },
    ],
  };
}
