/**
 * Rounding per GB/T 8170-2008 《数值修约规则与极限数值的表示和判定》 §3.2: round to the nearest; an exact half
 * (the digit dropped is 5 with nothing but zeros after it) goes to the even neighbour (四舍六入五成双).
 *
 * Concentrations arrive as binary doubles (2.25 may be stored as 2.2499999999999996), so a value within a relative
 * 1e-9 of a half is treated as the exact half: monitoring data never carry more than 3 decimals, far above that
 * tolerance.
 */

const HALF_TOLERANCE = 1e-9;

/**
 * The value rounded per GB/T 8170 to `decimals` places, as an integer count of 10^-decimals units
 * (roundToUnits(2.2, 1) = 22, roundToUnits(74.5, 0) = 74, roundToUnits(75.5, 0) = 76).
 */
export function roundToUnits(value: number, decimals = 0): number {
  const scaled = decimals === 0 ? value : value * 10 ** decimals;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const tolerance = HALF_TOLERANCE * Math.max(1, Math.abs(scaled));
  if (Math.abs(diff - 0.5) <= tolerance) return floor % 2 === 0 ? floor : floor + 1;
  // Math.floor can land one below an integer that binary noise pushed down (21.999999999999996 → 21, diff ≈ 1).
  return diff < 0.5 ? floor : floor + 1;
}

/** The value rounded per GB/T 8170 to `decimals` places (roundGbt8170(0.85, 1) = 0.8, roundGbt8170(3.057, 2) = 3.06). */
export function roundGbt8170(value: number, decimals = 0): number {
  const units = roundToUnits(value, decimals);
  return decimals === 0 ? units : units / 10 ** decimals;
}
