/**
 * Calendar helpers for one year of daily air data: day index ↔ ISO date, the month of each day. Day index 0 is
 * 1 January; the year has `daysInYear(year)` days.
 */
import { daysInYear } from './types.js';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days in each month of `year` (index 0 = January). */
export function monthLengths(year: number): number[] {
  const lengths = MONTH_DAYS.slice();
  if (daysInYear(year) === 366) lengths[1] = 29;
  return lengths;
}

/** The month (0 = January … 11 = December) of every day of `year`, by day index. */
export function monthOfDays(year: number): Uint8Array {
  const out = new Uint8Array(daysInYear(year));
  let d = 0;
  monthLengths(year).forEach((len, m) => {
    out.fill(m, d, d + len);
    d += len;
  });
  return out;
}

/** The ISO date ("YYYY-MM-DD") of day index `day` of `year`. */
export function dayToIso(year: number, day: number): string {
  if (!Number.isInteger(day) || day < 0 || day >= daysInYear(year)) {
    throw new RangeError(`日序号超出范围：${day}（day index out of range for ${year}）`);
  }
  const lengths = monthLengths(year);
  let m = 0;
  let rest = day;
  while (rest >= lengths[m]!) {
    rest -= lengths[m]!;
    m += 1;
  }
  return `${String(year).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(rest + 1).padStart(2, '0')}`;
}

/** The day index of an ISO date within `year`, or -1 when the date falls in another year. */
export function isoToDay(year: number, iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`日期格式无效："${iso}"（invalid ISO date）`);
  if (Number(m[1]) !== year) return -1;
  const lengths = monthLengths(year);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lengths[month - 1]!) {
    throw new RangeError(`日期无效："${iso}"（invalid date）`);
  }
  let day = dayOfMonth - 1;
  for (let i = 0; i < month - 1; i += 1) day += lengths[i]!;
  return day;
}
