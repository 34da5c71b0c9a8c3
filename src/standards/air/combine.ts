/**
 * A city's or district's air quality from its stations (点位平均法, STANDARDS.md §3.5 and §9.7): the area's
 * concentration of a pollutant is the arithmetic mean of its stations' concentrations, and the area's IAQI/AQI are
 * computed from those means — never the mean of station AQIs.
 *
 * Two ways to average [UNVERIFIED which HJ 663 prescribes for the daily values; `method` option]:
 * - 'station-daily-mean' (default): each station's daily values are computed and validated first (daily.ts), then
 *   the area's daily value of each indicator is the mean of the stations whose value is valid that day. The MDA8
 *   of the area is the mean of the stations' MDA8. Validity is judged where the standard states it, per station.
 * - 'hourly-mean': the area's hourly value is the mean of the stations' valid hourly values (combineStations), and
 *   the area's series is then evaluated like a station's. This is how the real-time city AQI is formed.
 * Missing stations: a station without a valid value is left out of that day's (hour's) mean; the area has a value
 * when at least `minStations` stations (default 1) have one. Which stations count (control stations 对照点 are
 * normally left out) is the caller's choice.
 */
import { AQI_INDICATORS, type AqiIndicator } from './aqi.js';
import type { DailyStatistics } from './daily.js';
import {
  evaluateDailyStatistics,
  evaluateStationYear,
  stationDailyStatistics,
  type AirEvaluationOptions,
  type AirYearEvaluation,
} from './evaluate.js';
import { POLLUTANTS, emptyStationYear, type StationYearSeries } from './types.js';

/** Options of an area combination. */
export interface CombineOptions {
  /** Name of the combined series (the area). Default: the station ids joined by "+". */
  area?: string;
  /** Least number of stations with a valid value for the area to have one (default 1). */
  minStations?: number;
}

/** How an area's values are averaged from its stations. */
export type AreaMethod = 'station-daily-mean' | 'hourly-mean';

function checkSameYear(list: readonly { year: number; station: string }[]): number {
  const first = list[0];
  if (!first) throw new RangeError('至少需要一个站点（at least one station is needed）');
  for (const s of list) {
    if (s.year !== first.year) {
      throw new RangeError(`站点年份不一致：${first.station} ${first.year}，${s.station} ${s.year}（stations of different years）`);
    }
  }
  return first.year;
}

function minStationsOf(options: CombineOptions): number {
  const m = options.minStations ?? 1;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`minStations 应为正整数：${m}（must be a positive integer）`);
  return m;
}

/** The area's hourly series: per hour and pollutant, the mean of the stations' valid values. */
export function combineStations(seriesList: readonly StationYearSeries[], options: CombineOptions = {}): StationYearSeries {
  const year = checkSameYear(seriesList);
  const minStations = minStationsOf(options);
  const out = emptyStationYear(options.area ?? seriesList.map((s) => s.station).join('+'), year);
  for (const p of POLLUTANTS) {
    const dst = out.hourly[p];
    const hours = dst.length;
    const sum = new Float64Array(hours);
    const count = new Uint16Array(hours);
    for (const s of seriesList) {
      const src = s.hourly[p];
      const len = src.length < hours ? src.length : hours;
      for (let i = 0; i < len; i += 1) {
        const v = src[i]!;
        if (v >= 0) {
          sum[i] = sum[i]! + v;
          count[i] = count[i]! + 1;
        }
      }
    }
    for (let i = 0; i < hours; i += 1) if (count[i]! >= minStations) dst[i] = sum[i]! / count[i]!;
  }
  return out;
}

/** The area's daily values: per day and indicator, the mean of the stations' valid daily values. */
export function combineDailyStatistics(list: readonly DailyStatistics[], options: CombineOptions = {}): DailyStatistics {
  const year = checkSameYear(list);
  const minStations = minStationsOf(options);
  const days = list[0]!.days;
  const values = {} as Record<AqiIndicator, Float64Array>;
  for (const ind of AQI_INDICATORS) {
    const dst = new Float64Array(days);
    for (let d = 0; d < days; d += 1) {
      let sum = 0;
      let n = 0;
      for (const s of list) {
        const v = s.values[ind][d]!;
        if (v >= 0) {
          sum += v;
          n += 1;
        }
      }
      dst[d] = n >= minStations ? sum / n : Number.NaN;
    }
    values[ind] = dst;
  }
  return { station: options.area ?? list.map((s) => s.station).join('+'), year, days, values };
}

/** Evaluates an area (city or district) from its stations' hourly series. */
export function evaluateArea(
  seriesList: readonly StationYearSeries[],
  options: AirEvaluationOptions & CombineOptions & { method?: AreaMethod } = {},
): AirYearEvaluation {
  if ((options.method ?? 'station-daily-mean') === 'hourly-mean') {
    return evaluateStationYear(combineStations(seriesList, options), options);
  }
  checkSameYear(seriesList);
  const daily = seriesList.map((s) => stationDailyStatistics(s, options));
  return evaluateDailyStatistics(combineDailyStatistics(daily, options), options);
}
