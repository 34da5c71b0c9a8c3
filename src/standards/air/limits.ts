/**
 * Concentration limits of the six basic items: GB 3095-2012 Table 1 and GB 3095-2026 Table 1 (transitional and
 * final limits), grade I (class-1 zones) and grade II (class-2 zones).
 *
 * Sources: STANDARDS.md §2.1 (GB 3095-2012 Table 1, from a secondary reproduction that matches the standard as
 * widely quoted) and §2.2 (GB 3095-2026 Table 1, read in the official text). Units: µg/m³, CO mg/m³.
 */
import type { Pollutant } from './types.js';
import type { LimitsVersion } from './versions.js';

/** Grade of limits: 1 = 一级 (class-1 zones), 2 = 二级 (class-2 zones). */
export type LimitGrade = 1 | 2;

/** The limits of one pollutant; absent averaging periods have no limit in the table. */
export interface PollutantLimits {
  /** 年平均. */
  annual?: number;
  /** 24小时平均 / 日平均 (for O3: 日最大8小时平均). */
  daily: number;
  /** 1小时平均 (none for PM10 and PM2.5). */
  hourly?: number;
}

/** The limits of all six pollutants for one version and grade. */
export type AirLimits = Readonly<Record<Pollutant, PollutantLimits>>;

type Row = readonly [grade1: number, grade2: number];
interface TableRows {
  so2: { annual: Row; daily: Row; hourly: Row };
  no2: { annual: Row; daily: Row; hourly: Row };
  co: { daily: Row; hourly: Row };
  o3: { daily: Row; hourly: Row };
  pm10: { annual: Row; daily: Row };
  pm25: { annual: Row; daily: Row };
}

/** GB 3095-2012 表1 环境空气污染物基本项目浓度限值. */
const GB3095_2012: TableRows = {
  so2: { annual: [20, 60], daily: [50, 150], hourly: [150, 500] },
  no2: { annual: [40, 40], daily: [80, 80], hourly: [200, 200] },
  co: { daily: [4, 4], hourly: [10, 10] },
  o3: { daily: [100, 160], hourly: [160, 200] },
  pm10: { annual: [40, 70], daily: [50, 150] },
  pm25: { annual: [15, 35], daily: [35, 75] },
};

/** GB 3095-2026 表1, 过渡阶段 (2026-03-01 … 2030-12-31, §4.4). */
const GB3095_2026_TRANSITIONAL: TableRows = {
  so2: { annual: [20, 60], daily: [50, 150], hourly: [150, 500] },
  no2: { annual: [40, 40], daily: [80, 80], hourly: [200, 200] },
  co: { daily: [4, 4], hourly: [10, 10] },
  o3: { daily: [100, 160], hourly: [160, 200] },
  pm10: { annual: [40, 60], daily: [50, 120] },
  pm25: { annual: [15, 30], daily: [35, 60] },
};

/** GB 3095-2026 表1, final limits (from 2031-01-01, §4.4). */
const GB3095_2026_FINAL: TableRows = {
  so2: { annual: [20, 20], daily: [50, 50], hourly: [150, 150] },
  no2: { annual: [30, 30], daily: [50, 50], hourly: [200, 200] },
  co: { daily: [4, 4], hourly: [10, 10] },
  o3: { daily: [100, 160], hourly: [160, 200] },
  pm10: { annual: [20, 50], daily: [50, 100] },
  pm25: { annual: [10, 25], daily: [25, 50] },
};

const TABLES: Readonly<Record<LimitsVersion, TableRows>> = {
  'GB3095-2012': GB3095_2012,
  'GB3095-2026-transitional': GB3095_2026_TRANSITIONAL,
  'GB3095-2026-final': GB3095_2026_FINAL,
};

/** The limits of a version and grade (grade II, class-2 zones, is what city and county evaluations use). */
export function limitsFor(version: LimitsVersion, grade: LimitGrade = 2): AirLimits {
  const t = TABLES[version];
  const g = grade - 1;
  const pick = (row: Row) => row[g]!;
  return {
    so2: { annual: pick(t.so2.annual), daily: pick(t.so2.daily), hourly: pick(t.so2.hourly) },
    no2: { annual: pick(t.no2.annual), daily: pick(t.no2.daily), hourly: pick(t.no2.hourly) },
    co: { daily: pick(t.co.daily), hourly: pick(t.co.hourly) },
    o3: { daily: pick(t.o3.daily), hourly: pick(t.o3.hourly) },
    pm10: { annual: pick(t.pm10.annual), daily: pick(t.pm10.daily) },
    pm25: { annual: pick(t.pm25.annual), daily: pick(t.pm25.daily) },
  };
}
