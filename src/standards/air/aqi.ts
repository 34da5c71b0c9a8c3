/**
 * AQI per HJ 633-2012 and HJ 633-2026: the IAQI of one concentration (formula (1)), the hourly (real-time) AQI as
 * CNEMC publishes it, the daily AQI of each version, level/category/colour and the primary pollutant(s).
 *
 * Exact arithmetic: the concentration is first rounded per GB/T 8170 to the precision the standard publishes it
 * in (integers; CO one decimal — HJ 633-2026 §4.2.2/§4.2.3, applied to both versions, STANDARDS.md §9.2) and
 * turned into an integer count of those units. The breakpoints are integers in the same units, so formula (1) is
 * the rational IAQI_Lo + (IAQI_Hi − IAQI_Lo)(C − BP_Lo)/(BP_Hi − BP_Lo), rounded up (HJ 633-2012 §6.2, HJ 633-2026
 * §4.2.6: 进位取整) with integer division — no binary floating point touches the ceil (CO 24-h 2.2 → 55, not 56).
 */
import { AQI_LEVELS, IAQI_STEPS, IAQI_TABLES, type AqiLevelInfo, type AqiTableItem, type BreakpointColumn } from './aqi-tables.js';
import { roundToUnits } from './rounding.js';
import type { Pollutant } from './types.js';
import { standardVersionFor, type AqiVersion } from './versions.js';

/**
 * An AQI indicator (评价项目): the five pollutants with one averaging period each, and O3 twice (1-h and 8-h).
 * Ordered as the columns of HJ 633-2012 Table 1 (SO2, NO2, PM10, CO, O3, PM2.5), which is also the order CNEMC
 * lists tied primary pollutants in ("颗粒物(PM10),细颗粒物(PM2.5)", "颗粒物(PM10),臭氧1小时" — STANDARDS.md §1.4).
 */
export type AqiIndicator = 'so2' | 'no2' | 'pm10' | 'co' | 'o3_1h' | 'o3_8h' | 'pm25';

/** The indicators in table order; bit i of a primary-pollutant mask is AQI_INDICATORS[i]. */
export const AQI_INDICATORS: readonly AqiIndicator[] = ['so2', 'no2', 'pm10', 'co', 'o3_1h', 'o3_8h', 'pm25'];

/** Names of the indicators: Chinese as CNEMC prints primary pollutants, and English. */
export const AQI_INDICATOR_LABELS: Readonly<Record<AqiIndicator, { zh: string; en: string }>> = {
  so2: { zh: '二氧化硫', en: 'SO2' },
  no2: { zh: '二氧化氮', en: 'NO2' },
  pm10: { zh: '颗粒物(PM10)', en: 'PM10' },
  co: { zh: '一氧化碳', en: 'CO' },
  o3_1h: { zh: '臭氧1小时', en: 'O3 1-h' },
  o3_8h: { zh: '臭氧8小时', en: 'O3 8-h' },
  pm25: { zh: '细颗粒物(PM2.5)', en: 'PM2.5' },
};

/** IAQI code: the indicator's value is missing or invalid. */
export const IAQI_MISSING = -1;
/** IAQI code: the indicator is not part of this AQI (O3 1-h in the 2026 daily AQI, PM removed on a dust day). */
export const IAQI_NOT_USED = -2;
/** IAQI code returned by iaqiOfUnits when the table says to use another column (HJ 633-2012 notes 2 and 3). */
export const IAQI_FALLBACK = -3;

const I_SO2 = 0;
const I_NO2 = 1;
const I_PM10 = 2;
const I_CO = 3;
const I_O3_1H = 4;
const I_O3_8H = 5;
const I_PM25 = 6;

/** The table column of each indicator in the daily report (HJ 633-2012 §5.1.2, HJ 633-2026 §4.2.2). */
const DAILY_ITEMS: readonly AqiTableItem[] = ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'o3_8h', 'pm25_24h'];
/**
 * The table column of each indicator in the hourly report: 1-h gases on the 1-h columns, PM 1-h on the daily
 * columns (HJ 633-2026 §4.2.3/§4.2.4; CNEMC practice under HJ 633-2012 too, STANDARDS.md §1.4). No O3 8-h.
 */
const HOURLY_ITEMS: readonly (AqiTableItem | null)[] = ['so2_1h', 'no2_1h', 'pm10_24h', 'co_1h', 'o3_1h', null, 'pm25_24h'];

/**
 * IAQI of a concentration given as an integer count of the column's units (1 µg/m³; 0.1 mg/m³ for CO), by formula
 * (1) and ceil, in integer arithmetic. Above the last breakpoint: 500 (cap), the fixed IAQI (2026 notes b/c) or
 * IAQI_FALLBACK (2012 notes 2/3).
 */
export function iaqiOfUnits(col: BreakpointColumn, units: number): number {
  const bp = col.scaled;
  const last = bp.length - 1;
  if (units > bp[last]!) {
    const above = col.above;
    if (above.kind === 'fixed') return above.iaqi;
    if (above.kind === 'fallback') return IAQI_FALLBACK;
    return IAQI_STEPS[last]!;
  }
  let i = 1;
  while (units > bp[i]!) i += 1;
  const lo = bp[i - 1]!;
  const iaqiLo = IAQI_STEPS[i - 1]!;
  const num = (IAQI_STEPS[i]! - iaqiLo) * (units - lo);
  const den = bp[i]! - lo;
  const rem = num % den;
  return iaqiLo + (num - rem) / den + (rem > 0 ? 1 : 0);
}

/**
 * The IAQI of one concentration (µg/m³; CO mg/m³) on one column of a version's table, after GB/T 8170 rounding.
 * Null when the concentration is missing or negative, or when HJ 633-2012 says not to compute it from this column
 * (SO2 1-h or O3 8-h above 800 µg/m³: use the SO2 24-h or O3 1-h IAQI instead).
 */
export function iaqi(item: AqiTableItem, concentration: number, version: AqiVersion): number | null {
  if (!(concentration >= 0) || concentration === Number.POSITIVE_INFINITY) return null;
  const col = IAQI_TABLES[version][item];
  const value = iaqiOfUnits(col, roundToUnits(concentration, col.decimals));
  return value < 0 ? null : value;
}

function iaqiOfValue(col: BreakpointColumn, value: number): number {
  if (!(value >= 0) || value === Number.POSITIVE_INFINITY) return IAQI_MISSING;
  return iaqiOfUnits(col, roundToUnits(value, col.decimals));
}

/**
 * Fills `out` (7 slots, AQI_INDICATORS order) with the daily IAQIs of one day. `values` holds the daily
 * concentrations in the same order (NaN = missing): 24-h means of SO2, NO2, PM10, CO, PM2.5, the daily max 1-h O3
 * and the daily max 8-h O3. `notUsedMask` marks indicators left out on purpose (dust-day PM).
 * HJ 633-2012 §5.1.2: 7 indicators; O3 8-h > 800 → the O3 1-h IAQI (Table 1 note 3).
 * HJ 633-2026 §4.2.2: 6 indicators (no O3 1-h); O3 8-h > 800 → 300 (Table 3 note c).
 */
export function fillDailyIaqis(version: AqiVersion, values: ArrayLike<number>, notUsedMask: number, out: Int32Array): void {
  const table = IAQI_TABLES[version];
  const is2012 = version === 'HJ633-2012';
  for (let i = 0; i < 7; i += 1) {
    if ((notUsedMask & (1 << i)) !== 0 || (i === I_O3_1H && !is2012)) {
      out[i] = IAQI_NOT_USED;
      continue;
    }
    const v = iaqiOfValue(table[DAILY_ITEMS[i]!], values[i]!);
    // Only the O3 8-h column of HJ 633-2012 can fall back here; O3 1-h (slot 4) is already filled.
    out[i] = v === IAQI_FALLBACK ? (out[I_O3_1H]! >= 0 ? out[I_O3_1H]! : IAQI_MISSING) : v;
  }
}

/**
 * Fills `out` with the hourly IAQIs: 1-h SO2, NO2, CO, O3 on the 1-h columns, 1-h PM10 and PM2.5 on the daily
 * columns; slot o3_8h is not used. `values` is in AQI_INDICATORS order (slot o3_1h = the 1-h O3). Under
 * HJ 633-2012 an SO2 1-h value above 800 takes the IAQI of `so2Mean24h` (the 24-h moving mean, Table 1 note 2),
 * missing when that is not given; under HJ 633-2026 it is 200 (note b).
 */
export function fillHourlyIaqis(version: AqiVersion, values: ArrayLike<number>, so2Mean24h: number, out: Int32Array): void {
  const table = IAQI_TABLES[version];
  for (let i = 0; i < 7; i += 1) {
    const item = HOURLY_ITEMS[i];
    if (!item) {
      out[i] = IAQI_NOT_USED;
      continue;
    }
    const v = iaqiOfValue(table[item], values[i]!);
    out[i] = v === IAQI_FALLBACK ? iaqiOfValue(table.so2_24h, so2Mean24h) : v;
  }
}

/**
 * The AQI of a set of IAQIs (formula (2): the max), or -1 when it is not published (NA):
 * - HJ 633-2012: NA when any indicator is missing (CNEMC practice: AQI blank whenever one of the six is missing,
 *   13/13 rows, STANDARDS.md §1.4);
 * - HJ 633-2026 §5.3.1: computed from the indicators present; published only when above 100 if one is missing.
 *   The AQI range is 1～500 (§4.1.1), so a computed 0 is published as 1.
 */
export function composeAqi(version: AqiVersion, iaqis: ArrayLike<number>): number {
  let max = -1;
  let missing = false;
  for (let i = 0; i < iaqis.length; i += 1) {
    const v = iaqis[i]!;
    if (v === IAQI_MISSING) missing = true;
    else if (v > max) max = v;
  }
  if (max < 0) return -1;
  if (version === 'HJ633-2012') return missing ? -1 : max;
  if (missing && max <= 100) return -1;
  return max < 1 ? 1 : max;
}

/**
 * The primary pollutant(s) as a bit mask over AQI_INDICATORS: the indicators whose IAQI equals the AQI, when the
 * AQI is above 50 (HJ 633-2012 §4.4.2 / HJ 633-2026 §4.3.1; ties are all listed). 0 when AQI ≤ 50 or NA.
 */
export function primaryMask(aqi: number, iaqis: ArrayLike<number>): number {
  if (aqi <= 50) return 0;
  let mask = 0;
  for (let i = 0; i < iaqis.length; i += 1) if (iaqis[i] === aqi) mask |= 1 << i;
  return mask;
}

/** The indicators of a primary-pollutant mask, in table order. */
export function indicatorsOfMask(mask: number): AqiIndicator[] {
  return AQI_INDICATORS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** The primary pollutants as CNEMC prints them: Chinese names joined by "," ('' when there is none). */
export function primaryPollutantLabel(indicators: readonly AqiIndicator[]): string {
  return indicators.map((i) => AQI_INDICATOR_LABELS[i].zh).join(',');
}

/** Level, category and colour of an AQI value (HJ 633-2012 Table 2 / HJ 633-2026 Table 1, Annex A). */
export function aqiLevel(aqi: number): AqiLevelInfo {
  if (!(aqi >= 0)) throw new RangeError(`AQI 无效：${aqi}（invalid AQI）`);
  return AQI_LEVELS.find((l) => aqi <= l.maxAqi) ?? AQI_LEVELS[5]!;
}

/** An AQI with everything a report or a map needs. */
export interface AqiResult {
  version: AqiVersion;
  kind: 'hourly' | 'daily';
  /** The published AQI, or null for NA. */
  aqi: number | null;
  /** Level, category and colour; null when the AQI is NA. */
  level: AqiLevelInfo | null;
  /** Primary pollutant(s), ties included; empty when AQI ≤ 50 or NA. */
  primary: AqiIndicator[];
  /** CNEMC-style label of the primary pollutants ("颗粒物(PM10),细颗粒物(PM2.5)"). */
  primaryLabel: string;
  /** The IAQI of each indicator that could be computed (published even when the AQI is NA, HJ 633-2026 §5.3.1). */
  iaqi: Partial<Record<AqiIndicator, number>>;
  /** Indicators of this AQI whose value is missing or invalid. */
  missing: AqiIndicator[];
  /** Special rules applied (>800 rules), in Chinese with the clause. */
  notes: string[];
}

function buildResult(version: AqiVersion, kind: 'hourly' | 'daily', iaqis: Int32Array, notes: string[]): AqiResult {
  const aqi = composeAqi(version, iaqis);
  const primary = aqi >= 0 ? indicatorsOfMask(primaryMask(aqi, iaqis)) : [];
  const byIndicator: Partial<Record<AqiIndicator, number>> = {};
  const missing: AqiIndicator[] = [];
  AQI_INDICATORS.forEach((ind, i) => {
    const v = iaqis[i]!;
    if (v >= 0) byIndicator[ind] = v;
    else if (v === IAQI_MISSING) missing.push(ind);
  });
  return {
    version,
    kind,
    aqi: aqi >= 0 ? aqi : null,
    level: aqi >= 0 ? aqiLevel(aqi) : null,
    primary,
    primaryLabel: primaryPollutantLabel(primary),
    iaqi: byIndicator,
    missing,
    notes,
  };
}

function numberOrNaN(v: number | null | undefined): number {
  return typeof v === 'number' ? v : Number.NaN;
}

/** The six 1-h concentrations of one hour (CO mg/m³, others µg/m³; null/absent = missing). */
export type HourlyConcentrations = Partial<Record<Pollutant, number | null>> & {
  /** SO2 24-h moving mean, used only by HJ 633-2012 when SO2 1-h is above 800 µg/m³ (Table 1 note 2). */
  so2_24h?: number | null;
};

/**
 * The hourly (real-time) AQI as CNEMC publishes it: max of the IAQIs of the six 1-h values, PM on the daily
 * columns, no O3 8-h, every IAQI rounded up (HJ 633-2026 §4.2.3/§4.2.4; matches 195/195 CNEMC station-hours of
 * 2022 under HJ 633-2012, STANDARDS.md §1.4).
 */
export function hourlyAqi(concentrations: HourlyConcentrations, version: AqiVersion): AqiResult {
  const c = concentrations;
  const values = [c.so2, c.no2, c.pm10, c.co, c.o3, null, c.pm25].map(numberOrNaN);
  const out = new Int32Array(7);
  fillHourlyIaqis(version, values, numberOrNaN(c.so2_24h), out);
  const notes: string[] = [];
  const so2 = values[I_SO2]!;
  if (so2 >= 0 && roundToUnits(so2) > 800) {
    notes.push(
      version === 'HJ633-2012'
        ? 'SO2 1小时平均浓度高于800 µg/m³，分指数按24小时平均浓度计算（HJ 633-2012 表1注2）'
        : 'SO2 1小时平均浓度高于800 µg/m³，分指数按200计（HJ 633-2026 表3注b）',
    );
  }
  return buildResult(version, 'hourly', out, notes);
}

/**
 * The daily concentrations of one day: 24-h means of SO2, NO2, PM10, PM2.5, CO; `o3_8h` the daily max 8-h mean;
 * `o3_1h` the daily max 1-h value (HJ 633-2012 only). Null/absent = missing.
 */
export type DailyConcentrations = Partial<Record<AqiIndicator, number | null>>;

/**
 * The daily AQI of one version: HJ 633-2012 §5.1.2 (7 indicators) or HJ 633-2026 §4.2.2 (6 indicators, no
 * O3 1-h). `notUsed` leaves indicators out on purpose (PM on a dust day, see evaluate.ts).
 */
export function dailyAqi(
  concentrations: DailyConcentrations,
  version: AqiVersion,
  options: { notUsed?: readonly AqiIndicator[] } = {},
): AqiResult {
  const values = AQI_INDICATORS.map((ind) => numberOrNaN(concentrations[ind]));
  let mask = 0;
  for (const ind of options.notUsed ?? []) mask |= 1 << AQI_INDICATORS.indexOf(ind);
  const out = new Int32Array(7);
  fillDailyIaqis(version, values, mask, out);
  const notes: string[] = [];
  const o3 = values[I_O3_8H]!;
  if (o3 >= 0 && (mask & (1 << I_O3_8H)) === 0 && roundToUnits(o3) > 800) {
    notes.push(
      version === 'HJ633-2012'
        ? 'O3 8小时平均浓度高于800 µg/m³，分指数按1小时平均浓度计算（HJ 633-2012 表1注3）'
        : 'O3 8小时平均浓度高于800 µg/m³，分指数按300计（HJ 633-2026 表3注c）',
    );
  }
  return buildResult(version, 'daily', out, notes);
}

/**
 * The hourly AQI under the version in force on the hour's date (ISO date or date-time), unless `options.version`
 * forces one.
 */
export function hourlyAqiOn(
  concentrations: HourlyConcentrations,
  date: string,
  options: { version?: AqiVersion } = {},
): AqiResult {
  return hourlyAqi(concentrations, options.version ?? standardVersionFor(date).aqi);
}

/** The daily AQI under the version in force on the day (ISO date), unless `options.version` forces one. */
export function dailyAqiOn(
  concentrations: DailyConcentrations,
  date: string,
  options: { version?: AqiVersion; notUsed?: readonly AqiIndicator[] } = {},
): AqiResult {
  return dailyAqi(concentrations, options.version ?? standardVersionFor(date).aqi, options);
}

/** Index of each indicator in AQI_INDICATORS (for the typed-array code paths). */
export const INDICATOR_INDEX: Readonly<Record<AqiIndicator, number>> = {
  so2: I_SO2,
  no2: I_NO2,
  pm10: I_PM10,
  co: I_CO,
  o3_1h: I_O3_1H,
  o3_8h: I_O3_8H,
  pm25: I_PM25,
};
