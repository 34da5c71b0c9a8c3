/**
 * Indicator status counts of a plan: binding and expected indicators as two stacked bars, binding on top.
 */
import { STATUSES, type StatusCounts } from '../api.js';
import { STATUS_COLORS } from './colors.js';
import type { ChartLabels } from './labels.js';
import { CHART_FONT, type ChartOption } from './types.js';

/** Stacked horizontal bars of the status counts; binding first (top), then expected. */
export function statusSummaryOption(binding: StatusCounts, expected: StatusCounts, labels: ChartLabels): ChartOption {
  return {
    animation: false,
    textStyle: CHART_FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    // Category axes draw bottom-up: list expected first so binding is the top bar.
    yAxis: { type: 'category', data: [labels.expected, labels.binding] },
    series: STATUSES.map((s) => ({
      name: labels.statuses[s],
      type: 'bar',
      stack: 'count',
      barMaxWidth: 28,
      itemStyle: { color: STATUS_COLORS[s] },
      label: { show: true, color: '#fff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: [expected[s], binding[s]],
    })),
  };
}
