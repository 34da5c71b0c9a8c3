/**
 * 环境空气质量综合指数 (comprehensive air-quality index) of the MEE city-ranking rules (城市环境空气质量排名技术规定,
 * 环办〔2014〕64号, later 环办监测〔2018〕19号; STANDARDS.md §3.4, secondary sources):
 * I_i = C_i / S_i, I_sum = Σ I_i over the six pollutants, where C is the period mean of SO2, NO2, PM10, PM2.5, the
 * daily-mean 95th percentile of CO and the MDA8 90th percentile of O3, and S is the grade II annual limit (SO2,
 * NO2, PM10, PM2.5), the 24-h CO limit and the 8-h O3 limit. The largest I_i names the index's primary pollutant.
 *
 * Under GB 3095-2026 the S_i are taken from the limits in force (transitional PM10 60, PM2.5 30; final SO2 20,
 * NO2 30, PM10 50, PM2.5 25) [UNVERIFIED]. A third-party weighting said to be HJ 663-2026's (PM2.5 ×3, NO2 ×2,
 * O3 ×2) is available as an option, not the default [UNVERIFIED] (docs/standards-notes.md).
 */
import { limitsFor } from './limits.js';
import { roundGbt8170 } from './rounding.js';
import { POLLUTANTS, type Pollutant } from './types.js';
import type { LimitsVersion } from './versions.js';

/** How the sub-indices are summed: 'equal' (the 2014/2018 rules) or 'pm25x3-no2x2-o3x2' (third-party 2026 reading). */
export type IndexWeighting = 'equal' | 'pm25x3-no2x2-o3x2';

/** The concentrations the index is computed from (rounded as reported: integers, CO one decimal). */
export type IndexConcentrations = Readonly<Record<Pollutant, number>>;

/** The comprehensive index with its parts. */
export interface ComprehensiveIndex {
  limitsVersion: LimitsVersion;
  weighting: IndexWeighting;
  /** Σ w_i·I_i, unrounded. */
  value: number;
  /** The index rounded to two decimals per GB/T 8170, as ranked and published. */
  rounded: number;
  /** I_i = C_i / S_i per pollutant (unweighted). */
  subIndices: Record<Pollutant, number>;
  /** S_i per pollutant. */
  denominators: Record<Pollutant, number>;
  weights: Record<Pollutant, number>;
  /** The pollutant(s) with the largest I_i (ties listed). */
  primary: Pollutant[];
}

const WEIGHTS: Readonly<Record<IndexWeighting, Readonly<Record<Pollutant, number>>>> = {
  equal: { so2: 1, no2: 1, pm10: 1, pm25: 1, co: 1, o3: 1 },
  'pm25x3-no2x2-o3x2': { so2: 1, no2: 2, pm10: 1, pm25: 3, co: 1, o3: 2 },
};

/** The S_i of the index under a limits version (grade II). */
export function indexDenominators(limitsVersion: LimitsVersion): Record<Pollutant, number> {
  const l = limitsFor(limitsVersion, 2);
  return {
    so2: l.so2.annual!,
    no2: l.no2.annual!,
    pm10: l.pm10.annual!,
    pm25: l.pm25.annual!,
    co: l.co.daily,
    o3: l.o3.daily,
  };
}

/** The comprehensive index of a period's six concentrations. */
export function comprehensiveIndex(
  concentrations: IndexConcentrations,
  limitsVersion: LimitsVersion,
  options: { weighting?: IndexWeighting } = {},
): ComprehensiveIndex {
  const weighting = options.weighting ?? 'equal';
  const weights = { ...WEIGHTS[weighting] };
  const denominators = indexDenominators(limitsVersion);
  const subIndices = {} as Record<Pollutant, number>;
  let value = 0;
  let top = -1;
  for (const p of POLLUTANTS) {
    const c = concentrations[p];
    if (!(c >= 0)) throw new RangeError(`综合指数缺少 ${p} 浓度（missing concentration for the index）`);
    const i = c / denominators[p];
    subIndices[p] = i;
    value += weights[p] * i;
    if (i > top) top = i;
  }
  const primary = POLLUTANTS.filter((p) => subIndices[p] === top);
  return { limitsVersion, weighting, value, rounded: roundGbt8170(value, 2), subIndices, denominators, weights, primary };
}
