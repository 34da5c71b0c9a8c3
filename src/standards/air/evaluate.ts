/**
 * Annual air-quality evaluation of one station (or one area's combined daily values) per GB 3095 and HJ 663:
 * validity, annual statistics, compliance, comprehensive index, daily AQI series, good and heavy-or-worse days,
 * exceedance days. Works on typed arrays in tight loops; the only allocations are per pollutant and per year.
 *
 * Versions (versions.ts): the annual statistics use the limits and evaluation versions in force on 31 December of
 * the year; each day's AQI uses the AQI version in force on that day (so 2026 has HJ 633-2012 AQIs for January and
 * February and HJ 633-2026 ones from 1 March, as they were published). `options.versions` forces any of them.
 */
import {
  AQI_INDICATORS,
  composeAqi,
  fillDailyIaqis,
  INDICATOR_INDEX,
  primaryMask,
  type AqiIndicator,
} from './aqi.js';
import { isoToDay, dayToIso, monthOfDays } from './calendar.js';
import { comprehensiveIndex, type ComprehensiveIndex, type IndexWeighting } from './comprehensive-index.js';
import { dailyStatistics, dayValues, type DailyStatistics, type HourStamp } from './daily.js';
import { limitsFor, type AirLimits, type LimitGrade } from './limits.js';
import { percentileOfSorted } from './percentile.js';
import { roundGbt8170, roundToUnits } from './rounding.js';
import { POLLUTANTS, type Pollutant, type StationYearSeries } from './types.js';
import { annualValidity, validityRules, type AnnualValidity } from './validity.js';
import {
  annualVersionsFor,
  isoDay,
  NEW_STANDARDS_FROM,
  standardVersionFor,
  type AqiVersion,
  type StandardVersions,
} from './versions.js';

/** Denominator of the good-days and heavy-or-worse ratios [UNVERIFIED, STANDARDS.md §3.5]. */
export type RatioDenominator = 'valid-days' | 'calendar-days';
/**
 * How dust days (沙尘天气过程影响日, 环办监测〔2016〕120号) are removed [UNVERIFIED, STANDARDS.md §3.6]:
 * 'remove-pm' drops PM10 and PM2.5 of those days from the statistics and computes the day's AQI from the other
 * pollutants; 'remove-day' drops the whole day from every statistic and count.
 */
export type DustRule = 'remove-pm' | 'remove-day';

/** Options of the evaluation; every one has a documented default (docs/standards-notes.md). */
export interface AirEvaluationOptions {
  /** Force versions instead of choosing them by date. A forced `aqi` applies to every day of the year. */
  versions?: Partial<StandardVersions>;
  /** Grade of limits: 2 (class-2 zones) by default. The comprehensive index always uses grade II. */
  grade?: LimitGrade;
  /** Hour-stamp convention of the series: 'period-end' by default (daily.ts). */
  hourStamp?: HourStamp;
  /** Denominator of the day ratios: 'valid-days' by default. */
  ratioDenominator?: RatioDenominator;
  /** ISO dates of dust days to remove; none by default. */
  dustDays?: readonly string[];
  /** How dust days are removed: 'remove-pm' by default. */
  dustRule?: DustRule;
  /**
   * Compare statistics with limits after rounding them as reported (integers; CO one decimal; GB/T 8170 修约值比较法).
   * True by default.
   */
  compareRounded?: boolean;
  /** Weighting of the comprehensive index: 'equal' by default. */
  indexWeighting?: IndexWeighting;
}

/** The options with their defaults filled in, as recorded in a result. */
export interface ResolvedAirOptions {
  grade: LimitGrade;
  hourStamp: HourStamp;
  ratioDenominator: RatioDenominator;
  dustDays: string[];
  dustRule: DustRule;
  compareRounded: boolean;
  indexWeighting: IndexWeighting;
}

/** One annual statistic of a pollutant and its comparison with the limit. */
export interface AnnualStatistic {
  id: 'annual-mean' | 'daily-p98' | 'daily-p95' | 'mda8-p90';
  /** Chinese name as in bulletins: 年平均, 24小时平均第98百分位数… */
  labelZh: string;
  /** The percentile, for percentile statistics. */
  percentile: number | null;
  /** Unrounded value; null when there is no valid daily value. */
  value: number | null;
  /** Rounded per GB/T 8170 (integer; CO one decimal). */
  rounded: number | null;
  /** The limit it is compared with (grade in use). */
  limit: number;
  /** Whether it exceeds the limit; null when there is no value. */
  exceeds: boolean | null;
}

/** The year of one pollutant. */
export interface PollutantEvaluation {
  pollutant: Pollutant;
  unit: 'µg/m³' | 'mg/m³';
  /** Days with a valid daily value (O3: valid MDA8), the coverage the validity rule counts. */
  validDays: number;
  /** The same per month, January first. */
  validDaysByMonth: number[];
  /** GB 3095 Table 4 annual rule (≥ 324 days, ≥ 27 per month, February ≥ 25). */
  validity: AnnualValidity;
  /** Days that enter the statistics (valid days minus removed dust days). */
  statisticDays: number;
  /** Mean of the daily values used (for O3, of the MDA8), unrounded. */
  mean: number | null;
  /** Largest daily value used. */
  maxDaily: number | null;
  /** The statistics HJ 663 evaluates this pollutant by, with their limits. */
  statistics: AnnualStatistic[];
  /** All statistics within the limits; null when the year is not valid for this pollutant. */
  compliant: boolean | null;
  /** Days whose daily value (O3: MDA8) exceeds the 24-h (8-h) limit. */
  exceedanceDays: number;
  /** O3 only: days whose max 1-h value exceeds the 1-h limit. */
  exceedanceDays1h?: number;
}

/** Day counts and ratios from the daily AQI. */
export interface DayCounts {
  /** Days in the year (minus dust days removed whole). */
  calendarDays: number;
  /** Days with a valid daily AQI (有效监测天数). */
  validDays: number;
  denominator: RatioDenominator;
  denominatorDays: number;
  /** Days per AQI level 1 … 6. */
  byLevel: number[];
  /** 优良天数: AQI ≤ 100. */
  good: number;
  goodRatio: number | null;
  /** 优良天数比例 in percent, one decimal (GB/T 8170). */
  goodPercent: number | null;
  /** 重度及以上污染天数: AQI > 200. */
  heavyOrWorse: number;
  heavyOrWorseRatio: number | null;
  heavyOrWorsePercent: number | null;
  /** 超标天数 (AQI > 100). */
  polluted: number;
  /** Days on which each indicator was (one of) the primary pollutant(s). */
  primaryDays: Record<AqiIndicator, number>;
  /** Dust days removed (whole days or their PM). */
  dustDays: number;
}

/** A contiguous run of days whose daily AQI used one version. */
export interface AqiVersionSpan {
  version: AqiVersion;
  from: string;
  to: string;
}

/** The annual evaluation of one station or area. */
export interface AirYearEvaluation {
  station: string;
  year: number;
  days: number;
  /** Versions of the annual statistics (limits, evaluation) and of the year-end AQI. */
  versions: StandardVersions;
  /** The AQI versions of the daily AQI series, by date. */
  dailyAqiVersions: AqiVersionSpan[];
  options: ResolvedAirOptions;
  /** The limits compared with (limits version, grade). */
  limits: AirLimits;
  pollutants: Record<Pollutant, PollutantEvaluation>;
  /** 达标: all six pollutants compliant; false when one is not; null when none fails but one is not valid. */
  compliant: boolean | null;
  /** Pollutants whose statistics exceed the limits (compliant === false). */
  exceedingPollutants: Pollutant[];
  /** Comprehensive index of the year's statistics; null when one of them has no value. */
  index: ComprehensiveIndex | null;
  /** Whether every pollutant's year is valid, which the index needs to be comparable. */
  indexValid: boolean;
  dayCounts: DayCounts;
  /** Daily AQI per day index: -1 = no valid AQI, -2 = removed dust day. For calendar heat maps. */
  dailyAqi: Int16Array;
  /** Primary pollutant mask per day (bit i = AQI_INDICATORS[i]). */
  dailyPrimary: Uint8Array;
  /** The daily values the evaluation used. */
  daily: DailyStatistics;
}

/** Daily-AQI code: no valid AQI that day. */
export const DAY_INVALID = -1;
/** Daily-AQI code: a dust day removed whole. */
export const DAY_REMOVED = -2;

/** Resolves the options' defaults. */
export function resolveAirOptions(options: AirEvaluationOptions = {}): ResolvedAirOptions {
  return {
    grade: options.grade ?? 2,
    hourStamp: options.hourStamp ?? 'period-end',
    ratioDenominator: options.ratioDenominator ?? 'valid-days',
    dustDays: (options.dustDays ?? []).map(isoDay),
    dustRule: options.dustRule ?? 'remove-pm',
    compareRounded: options.compareRounded ?? true,
    indexWeighting: options.indexWeighting ?? 'equal',
  };
}

/** The versions of a year's annual evaluation, forced ones first. */
export function annualVersions(year: number, options: AirEvaluationOptions = {}): StandardVersions {
  return { ...annualVersionsFor(year), ...options.versions };
}

/** The daily values from a station-year series with the validity rules of the year's evaluation version. */
export function stationDailyStatistics(series: StationYearSeries, options: AirEvaluationOptions = {}): DailyStatistics {
  const resolved = resolveAirOptions(options);
  const versions = annualVersions(series.year, options);
  const limits = limitsFor(versions.limits, resolved.grade);
  return dailyStatistics(series, {
    hourStamp: resolved.hourStamp,
    rules: validityRules(versions.evaluation),
    o3Limits: { eightHour: limits.o3.daily, hourly: limits.o3.hourly! },
  });
}

/** Evaluates one station-year of hourly values (see the module comment). */
export function evaluateStationYear(series: StationYearSeries, options: AirEvaluationOptions = {}): AirYearEvaluation {
  return evaluateDailyStatistics(stationDailyStatistics(series, options), options);
}

/** The AQI version of each day of `year` (0 = HJ 633-2012, 1 = HJ 633-2026), or all days forced. */
function dayAqiVersions(year: number, days: number, forced: AqiVersion | undefined): Uint8Array {
  const out = new Uint8Array(days);
  if (forced) return out.fill(forced === 'HJ633-2012' ? 0 : 1);
  const first = standardVersionFor(dayToIso(year, 0)).aqi;
  const last = standardVersionFor(dayToIso(year, days - 1)).aqi;
  if (first === last) return out.fill(first === 'HJ633-2012' ? 0 : 1);
  return out.fill(1, isoToDay(year, NEW_STANDARDS_FROM));
}

const VERSION_OF: readonly AqiVersion[] = ['HJ633-2012', 'HJ633-2026'];

function spansOf(year: number, perDay: Uint8Array): AqiVersionSpan[] {
  const spans: AqiVersionSpan[] = [];
  let start = 0;
  for (let d = 1; d <= perDay.length; d += 1) {
    if (d === perDay.length || perDay[d] !== perDay[start]) {
      spans.push({ version: VERSION_OF[perDay[start]!]!, from: dayToIso(year, start), to: dayToIso(year, d - 1) });
      start = d;
    }
  }
  return spans;
}

/** Which daily indicator carries each pollutant's annual statistics. */
const STAT_INDICATOR: Readonly<Record<Pollutant, AqiIndicator>> = {
  so2: 'so2',
  no2: 'no2',
  pm10: 'pm10',
  pm25: 'pm25',
  co: 'co',
  o3: 'o3_8h',
};

/** HJ 663 基本评价项目 (STANDARDS.md §3.1): the statistics per pollutant. */
const STAT_DEFS: Readonly<Record<Pollutant, readonly { id: AnnualStatistic['id']; p: number | null }[]>> = {
  so2: [{ id: 'annual-mean', p: null }, { id: 'daily-p98', p: 98 }],
  no2: [{ id: 'annual-mean', p: null }, { id: 'daily-p98', p: 98 }],
  pm10: [{ id: 'annual-mean', p: null }, { id: 'daily-p95', p: 95 }],
  pm25: [{ id: 'annual-mean', p: null }, { id: 'daily-p95', p: 95 }],
  co: [{ id: 'daily-p95', p: 95 }],
  o3: [{ id: 'mda8-p90', p: 90 }],
};

const STAT_LABELS: Readonly<Record<AnnualStatistic['id'], string>> = {
  'annual-mean': '年平均',
  'daily-p98': '24小时平均第98百分位数',
  'daily-p95': '24小时平均第95百分位数',
  'mda8-p90': '日最大8小时平均第90百分位数',
};

/** Evaluates a year of daily values (a station's, or an area's combined ones). */
export function evaluateDailyStatistics(daily: DailyStatistics, options: AirEvaluationOptions = {}): AirYearEvaluation {
  const resolved = resolveAirOptions(options);
  const { year, days } = daily;
  const versions = annualVersions(year, options);
  const limits = limitsFor(versions.limits, resolved.grade);
  const rules = validityRules(versions.evaluation);
  const month = monthOfDays(year);

  // Dust days: 1 = remove PM, 2 = remove the whole day.
  const dust = new Uint8Array(days);
  let dustCount = 0;
  for (const iso of resolved.dustDays) {
    const d = isoToDay(year, iso);
    if (d >= 0 && dust[d] === 0) {
      dust[d] = resolved.dustRule === 'remove-day' ? 2 : 1;
      dustCount += 1;
    }
  }

  const pollutants = {} as Record<Pollutant, PollutantEvaluation>;
  const scratch = new Float64Array(days);
  for (const p of POLLUTANTS) {
    const isPm = p === 'pm10' || p === 'pm25';
    const src = daily.values[STAT_INDICATOR[p]];
    const decimals = p === 'co' ? 1 : 0;
    const dailyLimit = limits[p].daily;
    const dailyLimitUnits = Math.round(dailyLimit * 10 ** decimals);
    const byMonth = new Array<number>(12).fill(0);
    let n = 0;
    let sum = 0;
    let exceed = 0;
    for (let d = 0; d < days; d += 1) {
      const v = src[d]!;
      if (!(v >= 0)) continue;
      byMonth[month[d]!] = byMonth[month[d]!]! + 1; // coverage counts every monitored day, removed dust days included
      if (dust[d] === 2 || (dust[d] === 1 && isPm)) continue;
      scratch[n++] = v;
      sum += v;
      if (resolved.compareRounded ? roundToUnits(v, decimals) > dailyLimitUnits : v > dailyLimit) exceed += 1;
    }
    const sorted = scratch.subarray(0, n).sort();
    const validity = annualValidity(byMonth, rules);
    const mean = n > 0 ? sum / n : null;
    const statistics: AnnualStatistic[] = STAT_DEFS[p].map(({ id, p: pct }) => {
      const value = n === 0 ? null : pct === null ? mean : percentileOfSorted(sorted, pct, n);
      const limit = id === 'annual-mean' ? limits[p].annual! : dailyLimit;
      const rounded = value === null ? null : roundGbt8170(value, decimals);
      const exceeds = value === null ? null : (resolved.compareRounded ? rounded! : value) > limit;
      return { id, labelZh: STAT_LABELS[id], percentile: pct, value, rounded, limit, exceeds };
    });
    const anyExceeds = statistics.some((s) => s.exceeds === true);
    const entry: PollutantEvaluation = {
      pollutant: p,
      unit: p === 'co' ? 'mg/m³' : 'µg/m³',
      validDays: validity.validDays,
      validDaysByMonth: byMonth,
      validity,
      statisticDays: n,
      mean,
      maxDaily: n > 0 ? sorted[n - 1]! : null,
      statistics,
      compliant: validity.valid ? !anyExceeds : null,
      exceedanceDays: exceed,
    };
    if (p === 'o3') entry.exceedanceDays1h = countExceeding(daily.values.o3_1h, dust, limits.o3.hourly!, resolved.compareRounded);
    pollutants[p] = entry;
  }

  // Daily AQI series.
  const perDay = dayAqiVersions(year, days, options.versions?.aqi);
  const dailyAqi = new Int16Array(days);
  const dailyPrimary = new Uint8Array(days);
  const values = new Float64Array(7);
  const iaqis = new Int32Array(7);
  const pmMask = (1 << INDICATOR_INDEX.pm10) | (1 << INDICATOR_INDEX.pm25);
  const byLevel = [0, 0, 0, 0, 0, 0];
  const primaryCounts = new Int32Array(7);
  let validDays = 0;
  let removedDays = 0;
  for (let d = 0; d < days; d += 1) {
    if (dust[d] === 2) {
      dailyAqi[d] = DAY_REMOVED;
      removedDays += 1;
      continue;
    }
    const version = VERSION_OF[perDay[d]!]!;
    fillDailyIaqis(version, dayValues(daily, d, values), dust[d] === 1 ? pmMask : 0, iaqis);
    const aqi = composeAqi(version, iaqis);
    dailyAqi[d] = aqi;
    if (aqi < 0) continue;
    validDays += 1;
    const level = aqi <= 50 ? 0 : aqi <= 100 ? 1 : aqi <= 150 ? 2 : aqi <= 200 ? 3 : aqi <= 300 ? 4 : 5;
    byLevel[level] = byLevel[level]! + 1;
    const mask = primaryMask(aqi, iaqis);
    dailyPrimary[d] = mask;
    for (let i = 0; i < 7; i += 1) if ((mask & (1 << i)) !== 0) primaryCounts[i] = primaryCounts[i]! + 1;
  }

  const calendarDays = days - removedDays;
  const denominatorDays = resolved.ratioDenominator === 'valid-days' ? validDays : calendarDays;
  const good = byLevel[0]! + byLevel[1]!;
  const heavyOrWorse = byLevel[4]! + byLevel[5]!;
  const ratio = (k: number) => (denominatorDays > 0 ? k / denominatorDays : null);
  const percent = (k: number) => (denominatorDays > 0 ? roundGbt8170((k * 100) / denominatorDays, 1) : null);
  const primaryDays = {} as Record<AqiIndicator, number>;
  AQI_INDICATORS.forEach((ind, i) => {
    primaryDays[ind] = primaryCounts[i]!;
  });

  // Compliance and index.
  const exceedingPollutants = POLLUTANTS.filter((p) => pollutants[p].compliant === false);
  const allValid = POLLUTANTS.every((p) => pollutants[p].validity.valid);
  const compliant = exceedingPollutants.length > 0 ? false : allValid ? true : null;
  const indexInputs = {} as Record<Pollutant, number>;
  let indexComplete = true;
  for (const p of POLLUTANTS) {
    const stat = pollutants[p].statistics[0]!; // annual mean, or the percentile for CO and O3
    if (stat.rounded === null) indexComplete = false;
    else indexInputs[p] = stat.rounded;
  }
  const index = indexComplete
    ? comprehensiveIndex(indexInputs, versions.limits, { weighting: resolved.indexWeighting })
    : null;

  return {
    station: daily.station,
    year,
    days,
    versions,
    dailyAqiVersions: spansOf(year, perDay),
    options: resolved,
    limits,
    pollutants,
    compliant,
    exceedingPollutants,
    index,
    indexValid: allValid,
    dayCounts: {
      calendarDays,
      validDays,
      denominator: resolved.ratioDenominator,
      denominatorDays,
      byLevel,
      good,
      goodRatio: ratio(good),
      goodPercent: percent(good),
      heavyOrWorse,
      heavyOrWorseRatio: ratio(heavyOrWorse),
      heavyOrWorsePercent: percent(heavyOrWorse),
      polluted: validDays - good,
      primaryDays,
      dustDays: dustCount,
    },
    dailyAqi,
    dailyPrimary,
    daily,
  };
}

function countExceeding(values: Float64Array, dust: Uint8Array, limit: number, rounded: boolean): number {
  let count = 0;
  for (let d = 0; d < values.length; d += 1) {
    const v = values[d]!;
    if (!(v >= 0) || dust[d] === 2) continue;
    if (rounded ? roundToUnits(v) > limit : v > limit) count += 1;
  }
  return count;
}
