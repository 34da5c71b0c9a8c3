/**
 * The colours of statuses, schedule lights, commitment statuses and AQI levels, shared by the screens,
 * the charts and the public page. The status colours are those of src/charts/options.ts (the reports), so a
 * status looks the same on screen and on paper; a test checks they agree.
 */
import type { CommitmentStatus, ScheduleLight, Status } from '../api.js';

/** Indicator statuses: 达标 green, 序时达标 blue, 滞后 orange, 未达标 red, 无数据 grey, 待定 purple. */
export const STATUS_COLORS: Record<Status, string> = {
  达标: '#389e0d',
  序时达标: '#1677ff',
  滞后: '#fa8c16',
  未达标: '#cf1322',
  无数据: '#8c8c8c',
  待定: '#722ed1',
};

/**
 * Schedule lights in the same scheme: 已完工 green (done), 正常 blue (on schedule), 滞后 orange, 逾期 red,
 * 未到开工期 purple (pending, like 待定), 不适用 grey (cancelled or taken out: nothing to judge).
 */
export const LIGHT_COLORS: Record<ScheduleLight, string> = {
  已完工: STATUS_COLORS.达标,
  正常: STATUS_COLORS.序时达标,
  滞后: STATUS_COLORS.滞后,
  逾期: STATUS_COLORS.未达标,
  未到开工期: STATUS_COLORS.待定,
  不适用: STATUS_COLORS.无数据,
};

/** Commitment statuses: 已完成 green, 进行中 blue, 逾期完成 orange, 逾期 red, 未开始 grey. */
export const COMMITMENT_COLORS: Record<CommitmentStatus, string> = {
  已完成: STATUS_COLORS.达标,
  进行中: STATUS_COLORS.序时达标,
  逾期完成: STATUS_COLORS.滞后,
  逾期: STATUS_COLORS.未达标,
  未开始: STATUS_COLORS.无数据,
};

/** HJ 633 Annex A colours of AQI levels 1–6 (优, 良, 轻度, 中度, 重度, 严重污染). */
export const AQI_LEVEL_COLORS = ['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023'] as const;

/** Upper AQI bound of levels 1–6 (HJ 633 Table 2). */
export const AQI_LEVEL_BOUNDS = [50, 100, 150, 200, 300, Number.POSITIVE_INFINITY] as const;

/** The AQI level (1–6) of an AQI value. */
export function aqiLevel(aqi: number): number {
  return AQI_LEVEL_BOUNDS.findIndex((b) => aqi <= b) + 1;
}

/** A text colour readable on a background colour (black on light, white on dark). */
export function textOn(background: string): string {
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  // Relative luminance after ITU-R BT.709 on the sRGB values, good enough to pick black or white.
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 150 ? '#000000' : '#ffffff';
}
