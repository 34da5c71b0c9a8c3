import { describe, it, expect } from 'vitest';
import {
  NOISE_LIMITS,
  NOISE_ZONES,
  energyMean,
  evaluateNoise,
  isNightMaxCompliant,
  isNoiseCompliant,
  noiseLimit,
  parseNoiseZone,
  type NoiseReading,
  type NoiseZone,
} from './gb3096.js';

// Limits from GB 3096-2008 Table 1 (STANDARDS.md §5), dB(A): 0类 50/40, 1类 55/45, 2类 60/50, 3类 65/55,
// 4a类 70/55, 4b类 70/60 (day/night). Night maximum (夜间突发噪声): night limit + 15.

describe('GB 3096-2008 limits', () => {
  it('has the Table 1 day and night limits for every zone class', () => {
    const expected: Record<NoiseZone, [number, number]> = { '0': [50, 40], '1': [55, 45], '2': [60, 50], '3': [65, 55], '4a': [70, 55], '4b': [70, 60] };
    for (const zone of NOISE_ZONES) expect([noiseLimit(zone, 'day'), noiseLimit(zone, 'night')], zone).toEqual(expected[zone]);
    expect(Object.keys(NOISE_LIMITS)).toHaveLength(6);
  });

  it('complies at the limit and not 0.1 dB above, day and night, for each zone class', () => {
    const expected: Record<NoiseZone, [number, number]> = { '0': [50, 40], '1': [55, 45], '2': [60, 50], '3': [65, 55], '4a': [70, 55], '4b': [70, 60] };
    for (const zone of NOISE_ZONES) {
      const [day, night] = expected[zone];
      expect(isNoiseCompliant(day, zone, 'day'), `${zone} day at limit`).toBe(true);
      expect(isNoiseCompliant(day + 0.1, zone, 'day'), `${zone} day above`).toBe(false);
      expect(isNoiseCompliant(night, zone, 'night'), `${zone} night at limit`).toBe(true);
      expect(isNoiseCompliant(night + 0.1, zone, 'night'), `${zone} night above`).toBe(false);
    }
    // 4a and 4b share the day limit 70 but not the night limit: 58 at night fails 4a (55), passes 4b (60).
    expect(isNoiseCompliant(58, '4a', 'night')).toBe(false);
    expect(isNoiseCompliant(58, '4b', 'night')).toBe(true);
  });

  it('allows night maxima up to the night limit + 15 dB(A)', () => {
    // 2类 night 50 → Lmax ≤ 65; 0类 night 40 → ≤ 55.
    expect(isNightMaxCompliant(65, '2')).toBe(true);
    expect(isNightMaxCompliant(65.1, '2')).toBe(false);
    expect(isNightMaxCompliant(55, '0')).toBe(true);
  });

  it('reads zone classes as written', () => {
    const cases: [string, NoiseZone][] = [['0', '0'], ['0类', '0'], ['1类', '1'], ['2', '2'], ['二类', '2'], ['Ⅱ类', '2'], ['3类区', '3'], ['4a', '4a'], ['4A类', '4a'], ['４ａ类', '4a'], ['4b类', '4b'], ['class 4b', '4b'], ['Ⅳb类', '4b']];
    for (const [text, zone] of cases) expect(parseNoiseZone(text), text).toBe(zone);
    // GB 3096 has no class 4 without a or b, and no class 5.
    for (const text of ['4', '4类', '5类', '', 'a', '__proto__', 'constructor']) expect(parseNoiseZone(text), text).toBeUndefined();
  });
});

describe('energy mean', () => {
  it('averages levels logarithmically', () => {
    // 10·lg((10^5 + 10^6) / 2) = 10·lg(550000) = 57.4036 dB; equal levels average to themselves.
    expect(energyMean([50, 60])).toBeCloseTo(57.4036, 4);
    expect(energyMean([55, 55, 55])).toBeCloseTo(55, 10);
    expect(energyMean([])).toBeNaN();
  });
});

describe('evaluateNoise', () => {
  // Quarterly monitoring, as the 岳阳楼区 plan describes 2020 (62 functional-zone points, four quarters).
  const quarters = ['2025-02-15', '2025-05-15', '2025-08-15', '2025-11-15'];
  const readings: NoiseReading[] = [
    // 2类 (60/50): day 56.2, 58.9, 61.0, 59.3 → 3 of 4; night 48.1, 50.0, 52.3, 47.5 → 3 of 4.
    ...quarters.map((date, i) => ({ point: '南湖广场', zone: '2' as const, date, ld: [56.2, 58.9, 61.0, 59.3][i]!, ln: [48.1, 50.0, 52.3, 47.5][i]! })),
    // 4a类 (70/55): day 68.4, 69.9, 70.0, 70.2 → 3 of 4; night 56.0, 57.2, 55.0, 58.1 → 1 of 4.
    ...quarters.map((date, i) => ({ point: '巴陵中路', zone: '4a' as const, date, ld: [68.4, 69.9, 70.0, 70.2][i]!, ln: [56.0, 57.2, 55.0, 58.1][i]! })),
    // 1类 (55/45): day only, 52.4 and 53.0 → 2 of 2.
    { point: '市一中', zone: '1', date: '2025-05-16', ld: 52.4, ln: null },
    { point: '市一中', zone: '1', date: '2025-11-16', ld: 53.0 },
  ];

  it('gives per point the day and night compliance by point-times', () => {
    const r = evaluateNoise(readings);
    expect(r.standard).toBe('GB 3096-2008');
    const nanhu = r.points.find((p) => p.point === '南湖广场')!;
    expect(nanhu.limits).toEqual({ day: 60, night: 50 });
    expect(nanhu.readings.map((x) => [x.dayCompliant, x.nightCompliant])).toEqual([[true, true], [true, true], [false, false], [true, true]]);
    expect(nanhu.day).toEqual({ pointTimes: 4, compliant: 3, percent: 75 });
    expect(nanhu.night).toEqual({ pointTimes: 4, compliant: 3, percent: 75 });
    expect(nanhu.compliant).toBe(false);
    const road = r.points.find((p) => p.point === '巴陵中路')!;
    expect(road.day).toEqual({ pointTimes: 4, compliant: 3, percent: 75 });
    expect(road.night).toEqual({ pointTimes: 4, compliant: 1, percent: 25 });
    const school = r.points.find((p) => p.point === '市一中')!;
    expect(school.day).toEqual({ pointTimes: 2, compliant: 2, percent: 100 });
    expect(school.night).toEqual({ pointTimes: 0, compliant: 0, percent: null });
    expect(school.compliant).toBe(true);
    // Energy mean of 52.4 and 53.0: 10·lg((10^5.24 + 10^5.30) / 2) = 10·lg(186653.2) = 52.7104 dB.
    expect(school.dayEnergyMean).toBeCloseTo(52.7104, 3);
  });

  it('gives the set rates overall and per zone class', () => {
    // Day: 3 + 3 + 2 = 8 of 10 point-times = 80 %; night: 3 + 1 = 4 of 8 = 50 %.
    const r = evaluateNoise(readings);
    expect(r.set.points).toBe(3);
    expect(r.set.day).toEqual({ pointTimes: 10, compliant: 8, percent: 80 });
    expect(r.set.night).toEqual({ pointTimes: 8, compliant: 4, percent: 50 });
    expect(r.set.byZone.map((z) => [z.zone, z.points, z.day.percent, z.night.percent])).toEqual([
      ['1', 1, 100, null],
      ['2', 1, 75, 75],
      ['4a', 1, 75, 25],
    ]);
  });

  it('evaluates one reading per zone class at the limits', () => {
    // Each zone's point at exactly its limits: all comply; 0.1 above: none.
    const at: NoiseReading[] = NOISE_ZONES.map((zone) => ({ point: `p${zone}`, zone, date: '2025-06-01', ld: NOISE_LIMITS[zone].day, ln: NOISE_LIMITS[zone].night }));
    const above: NoiseReading[] = at.map((r) => ({ ...r, point: `${r.point}+`, ld: (r.ld as number) + 0.1, ln: (r.ln as number) + 0.1 }));
    const r = evaluateNoise([...at, ...above]);
    expect(r.set.day).toEqual({ pointTimes: 12, compliant: 6, percent: 50 });
    expect(r.set.night).toEqual({ pointTimes: 12, compliant: 6, percent: 50 });
    for (const z of r.set.byZone) expect([z.zone, z.day.compliant, z.night.compliant]).toEqual([z.zone, 1, 1]);
  });

  it('counts only the readings of the year asked for', () => {
    // A 2024 reading at 南湖广场 (day 65 > 60) is left out of 2025: the 2025 day rate stays 8 of 10.
    const r = evaluateNoise([...readings, { point: '南湖广场', zone: '2', date: '2024-11-15', ld: 65, ln: 45 }], { year: 2025 });
    expect(r.set.day).toEqual({ pointTimes: 10, compliant: 8, percent: 80 });
    expect(evaluateNoise(readings, { year: 2024 }).points).toEqual([]);
  });

  it('returns empty rates for no readings', () => {
    const r = evaluateNoise([]);
    expect(r.set.day).toEqual({ pointTimes: 0, compliant: 0, percent: null });
    expect(r.points).toEqual([]);
  });
});
