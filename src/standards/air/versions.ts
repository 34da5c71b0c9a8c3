/**
 * Which air-quality standards are in force on a date.
 *
 * - HJ 633-2012 (AQI), GB 3095-2012 (limits) and HJ 663-2013 (evaluation) up to 2026-02-28.
 * - HJ 633-2026, GB 3095-2026 and HJ 663-2026 from 2026-03-01 (STANDARDS.md §0.1; GB 3095-2026 前言, HJ 633-2026 前言).
 * - GB 3095-2026 §4.4: transitional limits (过渡阶段) up to 2030-12-31, final limits from 2031-01-01.
 *
 * Dates before 2016-01-01 (when the 2012 standards came into force nationwide) get the 2012 set as well: ecoplan
 * holds no data that old under the earlier API rules, and re-stating old data under the 2012 rules is the useful
 * reading.
 */

/** The AQI standard: HJ 633-2012 or HJ 633-2026. */
export type AqiVersion = 'HJ633-2012' | 'HJ633-2026';
/** The concentration limits: GB 3095-2012 (with its 2018 amendment), GB 3095-2026 transitional or final limits. */
export type LimitsVersion = 'GB3095-2012' | 'GB3095-2026-transitional' | 'GB3095-2026-final';
/** The evaluation rules: HJ 663-2013 or HJ 663-2026. */
export type EvaluationVersion = 'HJ663-2013' | 'HJ663-2026';

/** The versions of the three standards an air figure is computed under. */
export interface StandardVersions {
  aqi: AqiVersion;
  limits: LimitsVersion;
  evaluation: EvaluationVersion;
}

/** All AQI version ids, oldest first. */
export const AQI_VERSIONS: readonly AqiVersion[] = ['HJ633-2012', 'HJ633-2026'];
/** All limits version ids, oldest first. */
export const LIMITS_VERSIONS: readonly LimitsVersion[] = ['GB3095-2012', 'GB3095-2026-transitional', 'GB3095-2026-final'];
/** All evaluation version ids, oldest first. */
export const EVALUATION_VERSIONS: readonly EvaluationVersion[] = ['HJ663-2013', 'HJ663-2026'];

/** First day of HJ 633-2026, GB 3095-2026 and HJ 663-2026. */
export const NEW_STANDARDS_FROM = '2026-03-01';
/** First day of the GB 3095-2026 final limits (GB 3095-2026 §4.4). */
export const FINAL_LIMITS_FROM = '2031-01-01';

/** How a version id is printed in a report: "HJ 633-2012", "GB 3095-2026（过渡阶段）"… */
export const VERSION_LABELS: Readonly<Record<AqiVersion | LimitsVersion | EvaluationVersion, string>> = {
  'HJ633-2012': 'HJ 633-2012',
  'HJ633-2026': 'HJ 633-2026',
  'GB3095-2012': 'GB 3095-2012',
  'GB3095-2026-transitional': 'GB 3095-2026（过渡阶段限值）',
  'GB3095-2026-final': 'GB 3095-2026（最终限值）',
  'HJ663-2013': 'HJ 663-2013',
  'HJ663-2026': 'HJ 663-2026',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * Reads the calendar date at the start of an ISO date or date-time ("2026-03-01", "2026-03-01T08:00+08:00") and
 * returns it as "YYYY-MM-DD". Throws a RangeError (Chinese first) when it is not a real date.
 */
export function isoDay(date: string): string {
  const m = ISO_DATE.exec(date);
  const bad = () => new RangeError(`日期格式无效："${date}"，应为 YYYY-MM-DD（invalid ISO date）`);
  if (!m) throw bad();
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) throw bad();
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > monthDays) throw bad();
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The AQI, limits and evaluation versions in force on an ISO date (the date of the data, not of the computation). */
export function standardVersionFor(date: string): StandardVersions {
  const day = isoDay(date);
  if (day < NEW_STANDARDS_FROM) return { aqi: 'HJ633-2012', limits: 'GB3095-2012', evaluation: 'HJ663-2013' };
  return {
    aqi: 'HJ633-2026',
    limits: day < FINAL_LIMITS_FROM ? 'GB3095-2026-transitional' : 'GB3095-2026-final',
    evaluation: 'HJ663-2026',
  };
}

/**
 * The versions an annual evaluation of `year` uses by default: those in force on 31 December of that year, the day
 * the year's statistics are complete (so 2026 is evaluated under the 2026 standards, 2030 under the transitional
 * limits and 2031 under the final ones). Daily AQIs still follow the date of each day (see evaluate.ts).
 */
export function annualVersionsFor(year: number): StandardVersions {
  return standardVersionFor(`${String(year).padStart(4, '0')}-12-31`);
}
