/**
 * A year of daily AQI as a calendar heatmap in the HJ 633 colours.
 */
import { AQI_LEVEL_BOUNDS, AQI_LEVEL_COLORS } from './colors.js';
import type { ChartLabels } from './labels.js';
import { CHART_FONT, type ChartOption } from './types.js';

/** The pieces of the AQI scale: [0,50], [51,100], …, [301,∞) with their colours and names. */
export function aqiPieces(labels: ChartLabels): { min: number; max?: number; color: string; label: string }[] {
  return AQI_LEVEL_BOUNDS.map((upper, i) => ({
    min: i === 0 ? 0 : (AQI_LEVEL_BOUNDS[i - 1] as number) + 1,
    ...(Number.isFinite(upper) ? { max: upper } : {}),
    color: AQI_LEVEL_COLORS[i] as string,
    label: labels.aqiLevels[i] as string,
  }));
}

/** The calendar of one year; `days` are [YYYY-MM-DD, AQI] pairs (days without data stay blank). */
export function aqiCalendarOption(year: number, days: readonly [string, number][], labels: ChartLabels): ChartOption {
  return {
    animation: false,
    textStyle: CHART_FONT,
    tooltip: { formatter: (p: { value: [string, number] }) => `${p.value[0]}<br/>AQI ${p.value[1]}` },
    visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, pieces: aqiPieces(labels), textStyle: { fontSize: 11 } },
    calendar: {
      range: String(year),
      cellSize: ['auto', 16],
      left: 48,
      right: 16,
      top: 28,
      bottom: 56,
      splitLine: { lineStyle: { color: '#595959', width: 1 } },
      itemStyle: { borderColor: '#f0f0f0', borderWidth: 1 },
      yearLabel: { show: false },
      dayLabel: { firstDay: 1, nameMap: labels.lang === 'en' ? 'EN' : 'ZH' },
      monthLabel: { nameMap: labels.lang === 'en' ? 'EN' : 'ZH' },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: days }],
  };
}
