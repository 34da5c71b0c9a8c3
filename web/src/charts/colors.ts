/**
 * The colours of statuses, schedule lights, commitment statuses and AQI levels, shared by the screens,
 * the charts and the public page. Status and AQI colours are defined once, in src/charts/options.ts (the
 * reports), so a status looks the same on screen and on paper.
 */
import type { CommitmentStatus, ScheduleLight } from '../api.js';
import { STATUS_COLORS, AQI_LEVEL_COLORS, AQI_LEVEL_BOUNDS, aqiLevel } from '../../../src/charts/options.js';

/** Indicator statuses (达标 green, 序时达标 blue, 滞后 orange, 未达标 red, 无数据 grey, 待定 purple) and the HJ 633 AQI colours: one definition, shared with the reports. */
export { STATUS_COLORS, AQI_LEVEL_COLORS, AQI_LEVEL_BOUNDS, aqiLevel };

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


/** A text colour readable on a background colour (black on light, white on dark). */
export function textOn(background: string): string {
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  // Relative luminance after ITU-R BT.709 on the sRGB values, good enough to pick black or white.
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 150 ? '#000000' : '#ffffff';
}
