/**
 * An indicator's values by year with the target line, the 序时进度 path and each year's status as the
 * colour of its point.
 */
import type { Status } from '../api.js';
import { formatNumber, formatUnit } from '../format.js';
import { STATUS_COLORS } from './colors.js';
import type { ChartLabels } from './labels.js';
import { CHART_FONT, type ChartOption } from './types.js';

/** One year of the trend. */
export interface TrendYear {
  year: number;
  value: number | null;
  status: Status;
}

/**
 * The 序时进度 path: the straight line from the reference point to the goal in the end year, as
 * docs/assessment.md defines it. The reference is the baseline, or, without a baseline value, the first
 * recorded value after the baseline year. Returns the expected value of each year from the reference year
 * to the end year, or [] when there is no goal or no reference.
 */
export function schedulePath(
  baseline: { year: number; value: number | null },
  endYear: number,
  goal: number | null,
  values: readonly { year: number; value: number | null }[],
): { year: number; value: number }[] {
  if (goal === null) return [];
  let ref = baseline.value !== null ? { year: baseline.year, value: baseline.value } : null;
  if (!ref) {
    const first = [...values].filter((v) => v.value !== null && v.year > baseline.year).sort((a, b) => a.year - b.year)[0];
    if (first && first.value !== null) ref = { year: first.year, value: first.value };
  }
  if (!ref || ref.year >= endYear) return [];
  const out: { year: number; value: number }[] = [];
  for (let y = ref.year; y <= endYear; y++) out.push({ year: y, value: ref.value + ((goal - ref.value) * (y - ref.year)) / (endYear - ref.year) });
  return out;
}

/** What the trend chart shows. */
export interface TrendInput {
  unit: string | null;
  baseline: { year: number; value: number | null };
  endYear: number;
  years: TrendYear[];
  /** The numeric goal (the target line and the end of the 序时进度 path), when the target has one. */
  goal: number | null;
}

/** The trend chart's option. */
export function indicatorTrendOption(input: TrendInput, labels: ChartLabels): ChartOption {
  const years = [input.baseline.year, ...input.years.map((y) => y.year)];
  const byYear = new Map(input.years.map((y) => [y.year, y]));
  const path = new Map(schedulePath(input.baseline, input.endYear, input.goal, input.years).map((p) => [p.year, p.value]));
  const unit = formatUnit(input.unit);
  const values = years.map((year, i) => {
    const v = i === 0 ? input.baseline.value : (byYear.get(year)?.value ?? null);
    const status = i === 0 ? null : (byYear.get(year)?.status ?? '无数据');
    return { value: v, itemStyle: { color: status ? STATUS_COLORS[status] : '#595959' }, status };
  });
  const series: Record<string, unknown>[] = [
    {
      name: labels.value,
      type: 'line',
      data: values.map((v) => ({ value: v.value, itemStyle: v.itemStyle })),
      symbol: 'circle',
      symbolSize: 12,
      lineStyle: { color: '#262626', width: 2 },
      color: '#262626',
      label: { show: true, position: 'top', formatter: (p: { value: number | null }) => (p.value === null ? '' : formatNumber(p.value)) },
      connectNulls: false,
      z: 3,
    },
  ];
  if (path.size) {
    series.push({
      name: labels.schedule,
      type: 'line',
      data: years.map((y) => path.get(y) ?? null),
      symbol: 'none',
      color: STATUS_COLORS.序时达标,
      lineStyle: { type: 'dashed', color: STATUS_COLORS.序时达标 },
      connectNulls: false,
    });
  }
  if (input.goal !== null) {
    series.push({
      name: labels.target,
      type: 'line',
      data: years.map(() => input.goal),
      symbol: 'none',
      color: STATUS_COLORS.未达标,
      lineStyle: { color: STATUS_COLORS.未达标 },
    });
  }
  return {
    animation: false,
    textStyle: CHART_FONT,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${formatNumber(v)}${unit && unit !== '%' ? ` ${unit}` : unit}`) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: true },
    yAxis: { type: 'value', name: unit, scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series,
  };
}
