/**
 * Percentiles per HJ 663 Annex A (STANDARDS.md §3.2): sort ascending X(1) ≤ … ≤ X(n); k = 1 + (n − 1)·p%;
 * s = the integer part of k; m_p = X(s) + (X(s+1) − X(s))·(k − s). The same as Excel PERCENTILE.INC and R type 7.
 *
 * With an integer p the position is computed in integers ((n − 1)·p split into s and a remainder over 100), so
 * k − s carries no binary error.
 */

/** The p-th percentile (0 ≤ p ≤ 100) of values already sorted ascending; NaN when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number, n: number = sorted.length): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`百分位数应在 0～100 之间：${p}（percentile out of range）`);
  if (n === 0) return Number.NaN;
  let s: number; // zero-based index of X(s)
  let frac: number;
  if (Number.isInteger(p)) {
    const pos = (n - 1) * p;
    s = Math.floor(pos / 100);
    frac = (pos - s * 100) / 100;
  } else {
    const k = (n - 1) * (p / 100);
    s = Math.floor(k);
    frac = k - s;
  }
  const lo = sorted[s]!;
  if (frac === 0 || s + 1 >= n) return lo;
  return lo + (sorted[s + 1]! - lo) * frac;
}

/** The p-th percentile of the values (any order); NaN values are left out. NaN when no value remains. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const copy = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    if (v === v) copy[n++] = v;
  }
  const sorted = copy.subarray(0, n).sort();
  return percentileOfSorted(sorted, p, n);
}
