/**
 * Data-validity rules (数据有效性规定) for the six basic items.
 *
 * Source: GB 3095-2026 Table 4 (read; STANDARDS.md §2.3) for the daily, 8-h and annual rows; HJ 663 §6.1.2 for the
 * daily max 8-h O3 (secondary paraphrase, the same for 2013 and 2026). GB 3095-2012 Table 4 is believed to hold
 * the same numbers [UNVERIFIED: the 2012 text was not read], so both evaluation versions use them.
 */
import type { EvaluationVersion } from './versions.js';

/** The minimum counts that make a statistic valid. */
export interface ValidityRules {
  /** 日平均: at least this many valid hourly values in the natural day (SO2, NO2, CO, PM10, PM2.5). */
  dailyMinHours: number;
  /** 8小时平均: at least this many valid hourly values in each 8 hours. */
  eightHourMinHours: number;
  /** 日最大8小时平均: the number of 8-h means of a natural day (those ending 08:00 … 24:00). */
  mda8Windows: number;
  /**
   * 日最大8小时平均: at least this many valid 8-h means; with fewer, the value still counts when it exceeds the
   * limit (HJ 663 §6.1.2).
   */
  mda8MinWindows: number;
  /** 年平均: at least this many valid daily values in the year … */
  annualMinDays: number;
  /** … and at least this many in every month … */
  monthlyMinDays: number;
  /** … except February. */
  februaryMinDays: number;
}

const RULES: ValidityRules = {
  dailyMinHours: 20,
  eightHourMinHours: 6,
  mda8Windows: 17,
  mda8MinWindows: 14,
  annualMinDays: 324,
  monthlyMinDays: 27,
  februaryMinDays: 25,
};

/** The validity rules of an evaluation version (identical for HJ 663-2013 and HJ 663-2026, see above). */
export function validityRules(version: EvaluationVersion): ValidityRules {
  void version;
  return RULES;
}

/** The verdict on a year's coverage for one pollutant. */
export interface AnnualValidity {
  valid: boolean;
  validDays: number;
  /** Months (1 = January) with fewer valid days than their minimum. */
  failingMonths: number[];
}

/**
 * GB 3095-2026 Table 4, 年平均 row: valid when the year has ≥ 324 valid daily values and every month ≥ 27
 * (February ≥ 25). `validDaysByMonth` has 12 entries, January first.
 */
export function annualValidity(validDaysByMonth: ArrayLike<number>, rules: ValidityRules): AnnualValidity {
  let validDays = 0;
  const failingMonths: number[] = [];
  for (let m = 0; m < 12; m += 1) {
    const n = validDaysByMonth[m] ?? 0;
    validDays += n;
    if (n < (m === 1 ? rules.februaryMinDays : rules.monthlyMinDays)) failingMonths.push(m + 1);
  }
  return { valid: validDays >= rules.annualMinDays && failingMonths.length === 0, validDays, failingMonths };
}
