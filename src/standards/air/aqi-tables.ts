/**
 * The IAQI breakpoint tables of HJ 633-2012 (Table 1) and HJ 633-2026 (Table 3), the AQI levels (HJ 633-2012
 * Table 2, HJ 633-2026 Table 1) and their colours (Annex A of both), as data.
 *
 * Source: STANDARDS.md §1.1, §1.3 and §1.5, read in the official texts. Breakpoints are kept in the units of the
 * tables (µg/m³; CO in mg/m³) and, for exact arithmetic, as integers in units of the precision the
 * concentration is rounded to before use (1 µg/m³; 0.1 mg/m³ for CO, HJ 633-2026 §4.2.2).
 */
import type { AqiVersion } from './versions.js';

/** The IAQI values of the table rows: IAQI_Lo/IAQI_Hi of formula (1) (HJ 633-2012 Table 1 / HJ 633-2026 Table 3). */
export const IAQI_STEPS: readonly number[] = [0, 50, 100, 150, 200, 300, 400, 500];

/** A column of the breakpoint table: pollutant and averaging period. */
export type AqiTableItem =
  | 'so2_24h'
  | 'so2_1h'
  | 'no2_24h'
  | 'no2_1h'
  | 'co_24h'
  | 'co_1h'
  | 'o3_1h'
  | 'o3_8h'
  | 'pm10_24h'
  | 'pm25_24h';

/** All table columns. */
export const AQI_TABLE_ITEMS: readonly AqiTableItem[] = [
  'so2_24h', 'so2_1h', 'no2_24h', 'no2_1h', 'co_24h', 'co_1h', 'o3_1h', 'o3_8h', 'pm10_24h', 'pm25_24h',
];

/**
 * What a column says above its last breakpoint:
 * - `cap`: the column reaches IAQI 500; above it the IAQI is 500 (no rule in either standard; HJ 633-2026 §4.1.1
 *   bounds the AQI to 1～500, and every implementation caps — STANDARDS.md §1.1);
 * - `fixed`: the IAQI is a fixed value (HJ 633-2026 Table 3 notes b and c: SO2 1-h > 800 → 200, O3 8-h > 800 → 300);
 * - `fallback`: the IAQI is not computed from this column but from another one (HJ 633-2012 Table 1 notes 2 and 3:
 *   SO2 1-h > 800 → the SO2 24-h IAQI; O3 8-h > 800 → the O3 1-h IAQI).
 */
export type AboveTable = { kind: 'cap' } | { kind: 'fixed'; iaqi: number } | { kind: 'fallback'; to: AqiTableItem };

/** One column of a breakpoint table. */
export interface BreakpointColumn {
  item: AqiTableItem;
  unit: 'µg/m³' | 'mg/m³';
  /** Decimals the concentration is rounded to (GB/T 8170) before the IAQI: 0, or 1 for CO. */
  decimals: 0 | 1;
  /** Breakpoints in table units, row by row from IAQI 0 (BP_Lo/BP_Hi of formula (1)). */
  breakpoints: readonly number[];
  /** The same breakpoints as integers in units of 10^-decimals (CO: 0.1 mg/m³). */
  scaled: readonly number[];
  above: AboveTable;
}

function column(item: AqiTableItem, breakpoints: number[], above: AboveTable = { kind: 'cap' }): BreakpointColumn {
  const decimals = item.startsWith('co_') ? 1 : 0;
  return {
    item,
    unit: decimals === 1 ? 'mg/m³' : 'µg/m³',
    decimals,
    breakpoints,
    scaled: breakpoints.map((b) => Math.round(b * 10 ** decimals)),
    above,
  };
}

/** HJ 633-2012 表1 空气质量分指数及对应的污染物项目浓度限值 (with notes (1)–(3)). */
const HJ633_2012: Readonly<Record<AqiTableItem, BreakpointColumn>> = {
  so2_24h: column('so2_24h', [0, 50, 150, 475, 800, 1600, 2100, 2620]),
  // Note (2): above 800 µg/m³ the SO2 IAQI is the one of the 24-h average.
  so2_1h: column('so2_1h', [0, 150, 500, 650, 800], { kind: 'fallback', to: 'so2_24h' }),
  no2_24h: column('no2_24h', [0, 40, 80, 180, 280, 565, 750, 940]),
  no2_1h: column('no2_1h', [0, 100, 200, 700, 1200, 2340, 3090, 3840]),
  pm10_24h: column('pm10_24h', [0, 50, 150, 250, 350, 420, 500, 600]),
  co_24h: column('co_24h', [0, 2, 4, 14, 24, 36, 48, 60]),
  co_1h: column('co_1h', [0, 5, 10, 35, 60, 90, 120, 150]),
  o3_1h: column('o3_1h', [0, 160, 200, 300, 400, 800, 1000, 1200]),
  // Note (3): above 800 µg/m³ the O3 IAQI is the one of the 1-h average.
  o3_8h: column('o3_8h', [0, 100, 160, 215, 265, 800], { kind: 'fallback', to: 'o3_1h' }),
  pm25_24h: column('pm25_24h', [0, 35, 75, 115, 150, 250, 350, 500]),
};

/** HJ 633-2026 表3 空气质量分指数及对应的污染物项目浓度限值 (with notes a–c). PM10/PM2.5 IAQI 100 moved to 120/60. */
const HJ633_2026: Readonly<Record<AqiTableItem, BreakpointColumn>> = {
  so2_24h: column('so2_24h', [0, 50, 150, 475, 800, 1600, 2100, 2620]),
  // Note b: SO2 1-h above 800 µg/m³ → IAQI 200.
  so2_1h: column('so2_1h', [0, 150, 500, 650, 800], { kind: 'fixed', iaqi: 200 }),
  no2_24h: column('no2_24h', [0, 40, 80, 180, 280, 565, 750, 940]),
  no2_1h: column('no2_1h', [0, 100, 200, 700, 1200, 2340, 3090, 3840]),
  co_24h: column('co_24h', [0, 2, 4, 14, 24, 36, 48, 60]),
  co_1h: column('co_1h', [0, 5, 10, 35, 60, 90, 120, 150]),
  // Note c: O3 8-h above 800 µg/m³ → IAQI 300.
  o3_8h: column('o3_8h', [0, 100, 160, 215, 265, 800], { kind: 'fixed', iaqi: 300 }),
  o3_1h: column('o3_1h', [0, 160, 200, 300, 400, 800, 1000, 1200]),
  pm10_24h: column('pm10_24h', [0, 50, 120, 250, 350, 420, 500, 600]),
  pm25_24h: column('pm25_24h', [0, 35, 60, 115, 150, 250, 350, 500]),
};

/** The breakpoint tables by AQI version. */
export const IAQI_TABLES: Readonly<Record<AqiVersion, Readonly<Record<AqiTableItem, BreakpointColumn>>>> = {
  'HJ633-2012': HJ633_2012,
  'HJ633-2026': HJ633_2026,
};

/** One AQI level: number, Chinese level and category, English category, colour (Annex A). */
export interface AqiLevelInfo {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  /** Upper AQI bound of the level (Infinity for level 6). */
  maxAqi: number;
  levelZh: string;
  categoryZh: string;
  categoryEn: string;
  colourZh: string;
  /** Annex A RGB as "#RRGGBB". */
  colour: string;
  rgb: readonly [number, number, number];
}

/**
 * HJ 633-2012 表2 / HJ 633-2026 表1 空气质量指数及相关信息 and 附录A 颜色: the same bounds, categories and colours in
 * both versions (STANDARDS.md §1.3, §1.5).
 */
export const AQI_LEVELS: readonly AqiLevelInfo[] = [
  { level: 1, maxAqi: 50, levelZh: '一级', categoryZh: '优', categoryEn: 'Excellent', colourZh: '绿色', colour: '#00E400', rgb: [0, 228, 0] },
  { level: 2, maxAqi: 100, levelZh: '二级', categoryZh: '良', categoryEn: 'Good', colourZh: '黄色', colour: '#FFFF00', rgb: [255, 255, 0] },
  { level: 3, maxAqi: 150, levelZh: '三级', categoryZh: '轻度污染', categoryEn: 'Lightly polluted', colourZh: '橙色', colour: '#FF7E00', rgb: [255, 126, 0] },
  { level: 4, maxAqi: 200, levelZh: '四级', categoryZh: '中度污染', categoryEn: 'Moderately polluted', colourZh: '红色', colour: '#FF0000', rgb: [255, 0, 0] },
  { level: 5, maxAqi: 300, levelZh: '五级', categoryZh: '重度污染', categoryEn: 'Heavily polluted', colourZh: '紫色', colour: '#99004C', rgb: [153, 0, 76] },
  { level: 6, maxAqi: Number.POSITIVE_INFINITY, levelZh: '六级', categoryZh: '严重污染', categoryEn: 'Severely polluted', colourZh: '褐红色', colour: '#7E0023', rgb: [126, 0, 35] },
];
