/**
 * From one station-year of hourly values to daily values, with the validity rules applied: the 24-h mean of SO2,
 * NO2, PM10, PM2.5 and CO, the daily max 8-h mean of O3 (MDA8) and the daily max 1-h O3. Tight loops over the
 * Float64Array series; no per-hour allocation.
 *
 * Hour stamps (STANDARDS.md §3.3, [UNVERIFIED] — the `hourStamp` option, default 'period-end'):
 * - 'period-end': a value stamped hh:00 is the mean of the hour ending then (HJ 663-2013 Table A.1, "整点时刻前1小时
 *   时段内", as quoted in GB/T 34302-2017; the CNEMC archive README says the same). Natural day D is then made of
 *   the values stamped 01:00 … 23:00 of D and 00:00 of D+1. The value stamped 00:00 on 1 January belongs to the
 *   previous year and is not used; 31 December lacks its 24:00 value (the next year's first), so it has at most 23.
 * - 'period-start': a value stamped hh:00 is the hour starting then; natural day D is the values stamped 00 … 23.
 * Either way the MDA8 windows are the 17 windows of 8 consecutive hours inside the natural day (HJ 663: the 8-h
 * means at 08:00 … 24:00, each over the 8 hours ending then).
 */
import { INDICATOR_INDEX, type AqiIndicator } from './aqi.js';
import { roundToUnits } from './rounding.js';
import type { StationYearSeries } from './types.js';
import { daysInYear } from './types.js';
import type { ValidityRules } from './validity.js';

/** Which hour a published hour stamp closes or opens (see the module comment). */
export type HourStamp = 'period-end' | 'period-start';

/** Daily values of one station (or area) and year, per AQI indicator; NaN = no valid value that day. */
export interface DailyStatistics {
  station: string;
  year: number;
  days: number;
  /**
   * so2, no2, pm10, co, pm25: 24-h means; o3_8h: daily max 8-h mean; o3_1h: daily max 1-h value. Unrounded
   * (rounding happens where a value is used: AQI, comparison with a limit, a reported statistic).
   */
  values: Record<AqiIndicator, Float64Array>;
}

/** What dailyStatistics needs besides the series. */
export interface DailyStatisticsOptions {
  hourStamp: HourStamp;
  rules: ValidityRules;
  /**
   * The O3 limits an incomplete day's maximum is compared with (HJ 663 §6.1.2: an MDA8 from fewer than 14 valid
   * 8-h means still counts when it exceeds the limit): the 8-h limit and the 1-h limit of the grade in use.
   */
  o3Limits: { eightHour: number; hourly: number };
}

const MEAN_POLLUTANTS = ['so2', 'no2', 'pm10', 'co', 'pm25'] as const;

/** The daily values of one station-year (see the module comment for hour stamps and validity). */
export function dailyStatistics(series: StationYearSeries, options: DailyStatisticsOptions): DailyStatistics {
  const days = daysInYear(series.year);
  const offset = options.hourStamp === 'period-end' ? 1 : 0;
  const { dailyMinHours, eightHourMinHours, mda8MinWindows } = options.rules;
  const values = {} as Record<AqiIndicator, Float64Array>;

  for (const p of MEAN_POLLUTANTS) {
    const src = series.hourly[p];
    const len = src.length;
    const dst = new Float64Array(days);
    for (let d = 0; d < days; d += 1) {
      const base = d * 24 + offset;
      const end = base + 24 < len ? base + 24 : len;
      let sum = 0;
      let n = 0;
      for (let i = base; i < end; i += 1) {
        const v = src[i]!;
        if (v >= 0) {
          sum += v;
          n += 1;
        }
      }
      dst[d] = n >= dailyMinHours ? sum / n : Number.NaN;
    }
    values[p] = dst;
  }

  // O3: daily max 1-h value and daily max 8-h mean.
  const o3 = series.hourly.o3;
  const len = o3.length;
  const max1h = new Float64Array(days);
  const mda8 = new Float64Array(days);
  const hours = new Float64Array(24);
  const windows = 24 - 8 + 1;
  const limit8 = options.o3Limits.eightHour;
  const limit1 = options.o3Limits.hourly;
  for (let d = 0; d < days; d += 1) {
    const base = d * 24 + offset;
    let n = 0;
    let hi = -1;
    for (let h = 0; h < 24; h += 1) {
      const i = base + h;
      const v = i < len ? o3[i]! : Number.NaN;
      hours[h] = v;
      if (v >= 0) {
        n += 1;
        if (v > hi) hi = v;
      }
    }
    // Daily max 1-h: valid with ≥ 20 hours like a daily value, or with fewer when it exceeds the 1-h limit
    // (by analogy with HJ 663 §6.1.2 for the MDA8; a decision documented in docs/standards-notes.md).
    max1h[d] = n > 0 && (n >= dailyMinHours || roundToUnits(hi) > limit1) ? hi : Number.NaN;

    let best = -1;
    let validWindows = 0;
    for (let j = 0; j < windows; j += 1) {
      let sum = 0;
      let k = 0;
      for (let h = j; h < j + 8; h += 1) {
        const v = hours[h]!;
        if (v >= 0) {
          sum += v;
          k += 1;
        }
      }
      if (k >= eightHourMinHours) {
        validWindows += 1;
        const mean = sum / k;
        if (mean > best) best = mean;
      }
    }
    mda8[d] = validWindows > 0 && (validWindows >= mda8MinWindows || roundToUnits(best) > limit8) ? best : Number.NaN;
  }
  values.o3_1h = max1h;
  values.o3_8h = mda8;
  return { station: series.station, year: series.year, days, values };
}

/** The daily values of one day in AQI_INDICATORS order, written into `out` (7 slots). */
export function dayValues(daily: DailyStatistics, day: number, out: Float64Array): Float64Array {
  const v = daily.values;
  out[INDICATOR_INDEX.so2] = v.so2[day]!;
  out[INDICATOR_INDEX.no2] = v.no2[day]!;
  out[INDICATOR_INDEX.pm10] = v.pm10[day]!;
  out[INDICATOR_INDEX.co] = v.co[day]!;
  out[INDICATOR_INDEX.o3_1h] = v.o3_1h[day]!;
  out[INDICATOR_INDEX.o3_8h] = v.o3_8h[day]!;
  out[INDICATOR_INDEX.pm25] = v.pm25[day]!;
  return out;
}
