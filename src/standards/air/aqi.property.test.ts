import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hourlyAqi, type HourlyConcentrations } from './aqi.js';
import { POLLUTANTS, type Pollutant } from './types.js';
import type { AqiVersion } from './versions.js';

// Property: the hourly AQI never falls when one of the six 1-h concentrations rises. It follows from formula (1)
// (each segment increasing, segments continuous — HJ 633 Table 1/3), from rounding to the nearest (monotone), from
// ceil and from AQI = max. Exception written into HJ 633-2012 itself: SO2 1-h above 800 µg/m³ switches to the 24-h
// IAQI (Table 1 note 2), which may be lower, so under that version SO2 stays ≤ 800 here.
const upper: Record<Pollutant, number> = { so2: 3000, no2: 4500, pm10: 700, pm25: 600, co: 180, o3: 1400 };

function hourArb(so2Max: number): fc.Arbitrary<Record<Pollutant, number>> {
  const value = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
  return fc.record({
    so2: value(so2Max),
    no2: value(upper.no2),
    pm10: value(upper.pm10),
    pm25: value(upper.pm25),
    co: value(upper.co),
    o3: value(upper.o3),
  });
}

function check(version: AqiVersion, so2Max: number): void {
  fc.assert(
    fc.property(
      hourArb(so2Max),
      fc.constantFrom(...POLLUTANTS),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (hour, pollutant, share) => {
        const before = hourlyAqi(hour, version).aqi!;
        const max = pollutant === 'so2' ? so2Max : upper[pollutant];
        const raised: HourlyConcentrations = { ...hour, [pollutant]: hour[pollutant] + (max - hour[pollutant]) * share };
        const after = hourlyAqi(raised, version).aqi!;
        expect(after).toBeGreaterThanOrEqual(before);
      },
    ),
    { numRuns: 3000 },
  );
}

describe('hourly AQI is monotone in each concentration', () => {
  it('HJ 633-2026 (SO2 > 800 → 200 keeps it monotone)', () => check('HJ633-2026', upper.so2));
  it('HJ 633-2012 (SO2 ≤ 800, see above)', () => check('HJ633-2012', 800));
});
