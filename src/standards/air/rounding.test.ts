import { describe, it, expect } from 'vitest';
import { roundGbt8170, roundToUnits } from './rounding.js';

// GB/T 8170-2008 §3.2 (四舍六入五成双): below half down, above half up, an exact half to the even neighbour.
describe('GB/T 8170 rounding', () => {
  it('rounds an exact half to the even neighbour', () => {
    expect(roundGbt8170(74.5)).toBe(74); // 74 is even
    expect(roundGbt8170(75.5)).toBe(76); // 75 is odd → 76
    expect(roundGbt8170(2.25, 1)).toBe(2.2); // 2.25 is stored as 2.2499999999999996 but is a half
    expect(roundGbt8170(2.35, 1)).toBe(2.4);
    expect(roundGbt8170(0.85, 1)).toBe(0.8);
  });

  it('rounds non-halves to the nearest', () => {
    expect(roundGbt8170(74.51)).toBe(75);
    expect(roundGbt8170(74.49)).toBe(74);
    expect(roundGbt8170(3.0571428, 2)).toBe(3.06); // the §3.4 index example
    expect(roundGbt8170(78.75)).toBe(79);
  });

  it('gives exact integer units despite binary noise', () => {
    expect(roundToUnits(2.2, 1)).toBe(22); // 2.2 × 10 = 22.000000000000004 in doubles
    expect(roundToUnits(65.4, 1)).toBe(654);
    expect(roundToUnits(0.1 + 0.2, 1)).toBe(3); // 0.30000000000000004
    expect(roundToUnits(21.999999999999996)).toBe(22);
  });
});
