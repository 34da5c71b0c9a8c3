import { describe, it, expect } from 'vitest';
import { IAQI_STEPS, IAQI_TABLES, AQI_TABLE_ITEMS, type AqiTableItem } from './aqi-tables.js';
import { aqiLevel, dailyAqi, dailyAqiOn, hourlyAqi, hourlyAqiOn, iaqi, iaqiOfUnits, primaryPollutantLabel } from './aqi.js';
import { AQI_VERSIONS, standardVersionFor } from './versions.js';

describe('IAQI test vectors of STANDARDS.md §1.6', () => {
  // [item, concentration, IAQI under HJ 633-2012, IAQI under HJ 633-2026] — the table of §1.6, computed there from
  // HJ 633-2012 Table 1 and HJ 633-2026 Table 3 with formula (1) and ceil.
  const vectors: [AqiTableItem, number, number, number][] = [
    ['pm25_24h', 50, 69, 80],
    ['pm25_24h', 60, 82, 100],
    ['pm25_24h', 75, 100, 114],
    ['pm25_24h', 76, 102, 115],
    ['pm10_24h', 120, 85, 100],
    ['pm10_24h', 150, 100, 112],
    ['pm10_24h', 160, 105, 116],
    ['so2_24h', 150, 100, 100],
    ['so2_1h', 501, 101, 101],
    ['no2_24h', 85, 103, 103],
    ['co_24h', 2.5, 63, 63],
    ['o3_8h', 161, 101, 101],
    ['o3_1h', 801, 301, 301],
  ];
  it.each(vectors)('%s %d → %d (2012) / %d (2026)', (item, c, v2012, v2026) => {
    expect(iaqi(item, c, 'HJ633-2012')).toBe(v2012);
    expect(iaqi(item, c, 'HJ633-2026')).toBe(v2026);
  });

  it('applies the >800 rules of each version (last two rows of §1.6)', () => {
    // HJ 633-2012 Table 1 notes (2)/(3): not computed from this column (the caller uses SO2 24-h / O3 1-h).
    expect(iaqi('so2_1h', 900, 'HJ633-2012')).toBeNull();
    expect(iaqi('o3_8h', 900, 'HJ633-2012')).toBeNull();
    // HJ 633-2026 Table 3 notes b/c: 200 and 300.
    expect(iaqi('so2_1h', 900, 'HJ633-2026')).toBe(200);
    expect(iaqi('o3_8h', 900, 'HJ633-2026')).toBe(300);
    // 800 itself is still on the table: the top breakpoint, IAQI 200 (SO2 1-h) and 300 (O3 8-h).
    expect(iaqi('so2_1h', 800, 'HJ633-2012')).toBe(200);
    expect(iaqi('o3_8h', 800, 'HJ633-2012')).toBe(300);
  });

  it('is exact where binary floating point is not (§1.6 trap)', () => {
    // CO 24-h 2.2: 50 + (100 − 50)/(4 − 2)·(2.2 − 2) = 55 exactly; doubles give 55.00000000000001 → ceil 56.
    expect(50 + ((100 - 50) / (4 - 2)) * (2.2 - 2)).toBeGreaterThan(55);
    expect(iaqi('co_24h', 2.2, 'HJ633-2012')).toBe(55);
    // CO 1-h 65.4: 200 + (300 − 200)/(90 − 60)·(65.4 − 60) = 218 exactly; doubles give 218.00000000000003.
    expect(iaqi('co_1h', 65.4, 'HJ633-2026')).toBe(218);
  });

  it('rounds the concentration per GB/T 8170 first, then ceils the IAQI', () => {
    // PM2.5 75.5 → 76 (half to even) → 102 (§1.6 row 76); 74.5 → 74 → 50 + 50·39/40 = 98.75 → 99 (hand).
    expect(iaqi('pm25_24h', 75.5, 'HJ633-2012')).toBe(102);
    expect(iaqi('pm25_24h', 74.5, 'HJ633-2012')).toBe(99);
    // CO 0.8 → 0.8/2·50 = 20 (§7 table, HJ 633-2012 column).
    expect(iaqi('co_24h', 0.8, 'HJ633-2012')).toBe(20);
  });

  it('caps at 500 above the last breakpoint and refuses missing values', () => {
    expect(iaqi('pm25_24h', 500, 'HJ633-2012')).toBe(500);
    expect(iaqi('pm25_24h', 650, 'HJ633-2026')).toBe(500);
    // Not capped below the top: SO2 24-h 600 → 150 + 50·(600 − 475)/(800 − 475) = 169.2 → 170 (§7 table).
    expect(iaqi('so2_24h', 600, 'HJ633-2012')).toBe(170);
    expect(iaqi('pm25_24h', Number.NaN, 'HJ633-2012')).toBeNull();
    expect(iaqi('pm25_24h', -1, 'HJ633-2012')).toBeNull();
  });

  it('every IAQI on the integer grid is the least integer ≥ the exact rational of formula (1)', () => {
    // Independent check in BigInt: r is right iff (r − 1 − IAQI_Lo)·den < num ≤ (r − IAQI_Lo)·den.
    for (const version of AQI_VERSIONS) {
      for (const item of AQI_TABLE_ITEMS) {
        const col = IAQI_TABLES[version][item];
        const bp = col.scaled;
        for (let c = 0; c <= bp[bp.length - 1]!; c += 1) {
          let i = 1;
          while (c > bp[i]!) i += 1;
          const lo = BigInt(IAQI_STEPS[i - 1]!);
          const num = BigInt(IAQI_STEPS[i]! - IAQI_STEPS[i - 1]!) * BigInt(c - bp[i - 1]!);
          const den = BigInt(bp[i]! - bp[i - 1]!);
          const r = BigInt(iaqiOfUnits(col, c));
          if (!((r - 1n - lo) * den < num && num <= (r - lo) * den)) {
            throw new Error(`${version} ${item} ${c}: ${r}`);
          }
        }
      }
    }
  });
});

describe('AQI levels (HJ 633-2012 Table 2 / HJ 633-2026 Table 1, Annex A colours)', () => {
  it('maps AQI to level, category and colour at the bounds', () => {
    expect(aqiLevel(0)).toMatchObject({ level: 1, categoryZh: '优', categoryEn: 'Excellent', colour: '#00E400' });
    expect(aqiLevel(50).level).toBe(1);
    expect(aqiLevel(51)).toMatchObject({ level: 2, levelZh: '二级', categoryZh: '良', colour: '#FFFF00' });
    expect(aqiLevel(100).level).toBe(2);
    expect(aqiLevel(101)).toMatchObject({ level: 3, categoryZh: '轻度污染', colour: '#FF7E00' });
    expect(aqiLevel(200)).toMatchObject({ level: 4, categoryZh: '中度污染', colour: '#FF0000' });
    expect(aqiLevel(201)).toMatchObject({ level: 5, categoryZh: '重度污染', colour: '#99004C' });
    expect(aqiLevel(300).level).toBe(5);
    expect(aqiLevel(301)).toMatchObject({ level: 6, categoryZh: '严重污染', colour: '#7E0023', rgb: [126, 0, 35] });
  });
});

describe('hourly AQI (CNEMC practice, STANDARDS.md §1.4; HJ 633-2026 §4.2.3)', () => {
  const hour = { so2: 10, no2: 45, pm10: 90, pm25: 60, co: 0.9, o3: 30 };

  it('takes the max IAQI of the six 1-h values, PM on the daily columns', () => {
    // Hand calculation, HJ 633-2012: SO2 1-h 10/150·50 = 3.3 → 4; NO2 1-h 45/100·50 = 22.5 → 23;
    // PM10 50 + 50·40/100 = 70; CO 1-h 0.9/5·50 = 9; O3 1-h 30/160·50 = 9.4 → 10; PM2.5 60 → 82 (§1.6).
    const r = hourlyAqi(hour, 'HJ633-2012');
    expect(r.iaqi).toEqual({ so2: 4, no2: 23, pm10: 70, co: 9, o3_1h: 10, pm25: 82 });
    expect(r.aqi).toBe(82);
    expect(r.primary).toEqual(['pm25']);
    expect(r.primaryLabel).toBe('细颗粒物(PM2.5)');
    expect(r.level?.categoryZh).toBe('良');
    // HJ 633-2026: PM10 50 + 50·40/70 = 78.6 → 79; PM2.5 60 → 100 (§1.6).
    const n = hourlyAqi(hour, standardVersionFor('2026-03-01').aqi);
    expect(n.iaqi.pm10).toBe(79);
    expect(n.aqi).toBe(100);
  });

  it('lists tied primary pollutants in table order, as CNEMC does', () => {
    // PM10 150 → 100 and PM2.5 75 → 100 under HJ 633-2012 (§1.6); CNEMC writes "颗粒物(PM10),细颗粒物(PM2.5)".
    const r = hourlyAqi({ ...hour, pm10: 150, pm25: 75 }, 'HJ633-2012');
    expect(r.primary).toEqual(['pm10', 'pm25']);
    expect(r.primaryLabel).toBe('颗粒物(PM10),细颗粒物(PM2.5)');
    expect(primaryPollutantLabel(['pm10', 'o3_1h'])).toBe('颗粒物(PM10),臭氧1小时');
  });

  it('has no primary pollutant at AQI ≤ 50', () => {
    const r = hourlyAqi({ so2: 5, no2: 20, pm10: 30, pm25: 20, co: 0.5, o3: 60 }, 'HJ633-2012');
    // Hand: SO2 5/150·50 → 2; NO2 20/100·50 = 10; PM10 30/50·50 = 30; PM2.5 20/35·50 = 28.6 → 29; CO 5; O3 18.75 → 19.
    expect(r.aqi).toBe(30);
    expect(r.primary).toEqual([]);
    expect(r.primaryLabel).toBe('');
  });

  it('HJ 633-2012 (CNEMC 2022): AQI blank whenever one of the six is missing', () => {
    const r = hourlyAqi({ ...hour, o3: null, pm25: 200 }, 'HJ633-2012');
    expect(r.aqi).toBeNull();
    expect(r.missing).toEqual(['o3_1h']);
    expect(r.iaqi.pm25).toBe(250); // 150–250 → 200–300: 200 + 100·50/100 (hand); still reported
  });

  it('HJ 633-2026 §5.3.1: with one missing, publish only when the AQI is above 100', () => {
    // PM2.5 80 → 100 + 50·20/55 = 118.2 → 119 > 100: published.
    expect(hourlyAqi({ ...hour, o3: null, pm25: 80 }, 'HJ633-2026').aqi).toBe(119);
    // PM2.5 60 → 100, not above 100: NA.
    const na = hourlyAqi({ ...hour, o3: undefined }, 'HJ633-2026');
    expect(na.aqi).toBeNull();
    expect(na.level).toBeNull();
    expect(na.iaqi.pm25).toBe(100);
  });

  it('SO2 1-h above 800: 24-h IAQI under HJ 633-2012, 200 under HJ 633-2026', () => {
    // SO2 24-h 300: 100 + 50·(300 − 150)/(475 − 150) = 123.1 → 124 (hand).
    const old = hourlyAqi({ ...hour, so2: 900, so2_24h: 300 }, 'HJ633-2012');
    expect(old.iaqi.so2).toBe(124);
    expect(old.aqi).toBe(124);
    expect(old.primary).toEqual(['so2']);
    expect(old.notes[0]).toMatch(/HJ 633-2012 表1注2/);
    expect(hourlyAqi({ ...hour, so2: 900 }, 'HJ633-2012').aqi).toBeNull(); // no 24-h mean given
    expect(hourlyAqi({ ...hour, so2: 900 }, 'HJ633-2026').aqi).toBe(200);
  });

  it('AQI range 1～500 under HJ 633-2026 (§4.1.1)', () => {
    const zero = { so2: 0, no2: 0, pm10: 0, pm25: 0, co: 0, o3: 0 };
    expect(hourlyAqi(zero, 'HJ633-2012').aqi).toBe(0);
    expect(hourlyAqi(zero, 'HJ633-2026').aqi).toBe(1);
    expect(hourlyAqi({ ...zero, pm25: 900 }, 'HJ633-2026').aqi).toBe(500);
  });
});

describe('daily AQI (HJ 633-2012 §5.1.2: 7 indicators; HJ 633-2026 §4.2.2: 6)', () => {
  const day = { so2: 10, no2: 30, pm10: 60, pm25: 30, co: 0.8, o3_8h: 150, o3_1h: 400 };

  it('HJ 633-2012 includes the daily max 1-h O3; HJ 633-2026 does not', () => {
    // O3 1-h 400 → 200 (table row); MDA8 150 → 50 + 50·50/60 = 91.7 → 92 (hand).
    const old = dailyAqi(day, 'HJ633-2012');
    expect(old.iaqi.o3_1h).toBe(200);
    expect(old.aqi).toBe(200);
    expect(old.primaryLabel).toBe('臭氧1小时');
    const now = dailyAqi(day, 'HJ633-2026');
    expect(now.iaqi.o3_1h).toBeUndefined();
    expect(now.aqi).toBe(92);
    expect(now.primaryLabel).toBe('臭氧8小时');
    // A missing O3 1-h blocks the 2012 AQI only.
    expect(dailyAqi({ ...day, o3_1h: null }, 'HJ633-2012').aqi).toBeNull();
    expect(dailyAqi({ ...day, o3_1h: null }, 'HJ633-2026').aqi).toBe(92);
  });

  it('O3 8-h above 800: the O3 1-h IAQI under HJ 633-2012, 300 under HJ 633-2026', () => {
    // O3 1-h 1000 → 400 (table row).
    const old = dailyAqi({ ...day, o3_8h: 900, o3_1h: 1000 }, 'HJ633-2012');
    expect(old.iaqi.o3_8h).toBe(400);
    expect(old.aqi).toBe(400);
    expect(old.primary).toEqual(['o3_1h', 'o3_8h']);
    const now = dailyAqi({ ...day, o3_8h: 900, o3_1h: 1000 }, 'HJ633-2026');
    expect(now.iaqi.o3_8h).toBe(300);
    expect(now.aqi).toBe(300);
    expect(now.notes[0]).toMatch(/表3注c/);
  });

  it('computes the day without the indicators left out on purpose', () => {
    // A dust day without PM: SO2 10, NO2 38, CO 20, MDA8 92, O3 1-h 200 → 200 (2012), 92 (2026) — as above.
    const r = dailyAqi({ ...day, pm10: null, pm25: null }, 'HJ633-2026', { notUsed: ['pm10', 'pm25'] });
    expect(r.aqi).toBe(92);
    expect(r.missing).toEqual([]);
  });
});

describe('version by the date of the data (STANDARDS.md §0.1: HJ 633-2026 from 2026-03-01)', () => {
  const hour = { so2: 10, no2: 45, pm10: 90, pm25: 60, co: 0.9, o3: 30 };
  it('switches the hourly and daily AQI at 2026-03-01, or keeps a forced version', () => {
    // PM2.5 60 → 82 under HJ 633-2012 and 100 under HJ 633-2026 (§1.6).
    expect(hourlyAqiOn(hour, '2026-02-28T23:00+08:00')).toMatchObject({ version: 'HJ633-2012', aqi: 82 });
    expect(hourlyAqiOn(hour, '2026-03-01T00:00+08:00')).toMatchObject({ version: 'HJ633-2026', aqi: 100 });
    expect(hourlyAqiOn(hour, '2026-03-01', { version: 'HJ633-2012' }).aqi).toBe(82);
    const day = { so2: 10, no2: 30, pm10: 60, pm25: 60, co: 0.8, o3_8h: 100, o3_1h: 120 };
    expect(dailyAqiOn(day, '2026-02-28').aqi).toBe(82);
    expect(dailyAqiOn(day, '2026-03-01').aqi).toBe(100);
  });
});
