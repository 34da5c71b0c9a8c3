import { describe, it, expect } from 'vitest';
import { generateSitesDay, hourlyAqi2012, syntheticStationCodes } from './synthetic.js';
import { SITE_TYPES, parseSitesDay, siteSeries, type SitesDay } from './sites-day.js';

const zero = { pm25: 0, pm10: 0, so2: 0, no2: 0, co: 0, o3: 0 };

describe('hourlyAqi2012: the real-time AQI the generator writes', () => {
  it('matches the HJ 633-2012 test vectors of STANDARDS.md §1.6 (other pollutants at 0)', () => {
    expect(hourlyAqi2012({ ...zero, pm25: 50 })).toBe(69);
    expect(hourlyAqi2012({ ...zero, pm25: 60 })).toBe(82);
    expect(hourlyAqi2012({ ...zero, pm25: 75 })).toBe(100);
    expect(hourlyAqi2012({ ...zero, pm25: 76 })).toBe(102);
    expect(hourlyAqi2012({ ...zero, pm10: 120 })).toBe(85);
    expect(hourlyAqi2012({ ...zero, pm10: 150 })).toBe(100);
    expect(hourlyAqi2012({ ...zero, pm10: 160 })).toBe(105);
    expect(hourlyAqi2012({ ...zero, so2: 501 })).toBe(101);
    expect(hourlyAqi2012({ ...zero, o3: 801 })).toBe(301);
  });
  it('has no binary-rounding trap at the ceiling: CO 1h 65.4 mg/m³ → 218 (§1.6 note), 2.2 → 22', () => {
    // 65.4 on the 1-h CO row: 200 + (300−200)/(90−60)·(65.4−60) = 218 exactly; IEEE doubles give 218.00000000000003.
    expect(hourlyAqi2012({ ...zero, co: 65.4 })).toBe(218);
    // 2.2 on the 1-h row: 50/5·2.2 = 22 exactly.
    expect(hourlyAqi2012({ ...zero, co: 2.2 })).toBe(22);
  });
  it('SO2 1h above 800 uses the 24-h SO2 average on the 24-h breakpoints (Table 1 note 2)', () => {
    // SO2 24h 150 µg/m³ is the IAQI-100 breakpoint of the 24-h row.
    expect(hourlyAqi2012({ ...zero, so2: 900, so2_24h: 150 })).toBe(100);
    expect(hourlyAqi2012({ ...zero, so2: 900 })).toBeNaN();
  });
  it('is the max of the IAQIs, and blank when any of the six is missing (§1.4)', () => {
    // PM2.5 36 → 50 + 50/40 → ceil(51.25) = 52; O3 170 → 50 + 50/40·10 = 62.5 → 63.
    expect(hourlyAqi2012({ pm25: 36, pm10: 40, so2: 5, no2: 30, co: 0.8, o3: 170 })).toBe(63);
    expect(hourlyAqi2012({ pm25: 36, pm10: 40, so2: 5, no2: 30, co: Number.NaN, o3: 170 })).toBeNaN();
  });
  it('caps above the last breakpoint at 500', () => {
    expect(hourlyAqi2012({ ...zero, pm25: 600 })).toBe(500);
  });
});

function read(date: string, codes: string[], seed: number): { day: SitesDay; text: string } {
  const g = generateSitesDay(date, codes, seed);
  const r = parseSitesDay(g.bytes, { file: g.file });
  if (!r.day) throw new Error(JSON.stringify(r.issues));
  return { day: r.day, text: new TextDecoder().decode(g.bytes) };
}

/** Mean of integers rounded half to even (GB/T 8170), written out again here to check the generator. */
function halfEven(values: number[]): number {
  const sum = values.reduce((a, b) => a + b, 0);
  const x = sum / values.length;
  const f = Math.floor(x);
  const diff = sum - f * values.length;
  if (2 * diff === values.length) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

describe('generateSitesDay: the real format', () => {
  const codes = syntheticStationCodes(60);
  const g = generateSitesDay('2022-01-02', codes, 11);
  const text = new TextDecoder().decode(g.bytes);
  const lines = text.split('\n');

  it('is deterministic in the seed', () => {
    expect(generateSitesDay('2022-01-02', codes, 11).bytes).toEqual(g.bytes);
    expect(generateSitesDay('2022-01-02', codes, 12).bytes).not.toEqual(g.bytes);
  });
  it('header, 15 types × 24 hours in CNEMC order, file name', () => {
    expect(g.file).toBe('china_sites_20220102.csv');
    expect(lines[0]?.startsWith('date,hour,type,1001A,1002A,')).toBe(true);
    expect(lines).toHaveLength(1 + 360 + 1); // header, 360 rows, final newline
    expect(lines.slice(1, 16).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(SITE_TYPES.map((t) => `20220102,0,${t}`));
    expect(lines[360]?.startsWith('20220102,23,CO_24h,')).toBe(true);
  });
  it('integers everywhere but CO, which has one decimal', () => {
    for (const line of lines.slice(1, -1)) {
      const [, , type, ...cells] = line.split(',');
      const re = type === 'CO' || type === 'CO_24h' ? /^(?:\d+\.\d)?$/ : /^\d*$/;
      for (const c of cells) expect(re.test(c), `${type} ${c}`).toBe(true);
    }
  });
  it('stopped stations have empty columns; one station column is repeated and the second copy fills the first', () => {
    expect(g.stopped.length).toBeGreaterThan(0);
    expect(g.duplicate).not.toBeNull();
    const header = lines[0]!.split(',');
    const dupCols = header.map((h, i) => (h === g.duplicate ? i : -1)).filter((i) => i >= 0);
    expect(dupCols).toHaveLength(2);
    const cells = lines.slice(1, -1).map((l) => l.split(','));
    const stoppedCol = header.indexOf(g.stopped[0]!);
    expect(cells.every((c) => c[stoppedCol] === '')).toBe(true);
    const [a, b] = dupCols as [number, number];
    const blanksFilled = cells.filter((c) => c[a] === '' && c[b] !== '').length;
    expect(blanksFilled).toBeGreaterThan(0);
    expect(cells.every((c) => c[a] === '' || c[a] === c[b])).toBe(true);
  });
  it('missing hours are left out; CRLF and quoting are options', () => {
    const m = new TextDecoder().decode(generateSitesDay('2022-01-02', codes, 11, { missingHours: [3, 4] }).bytes).split('\n');
    expect(m).toHaveLength(1 + 22 * 15 + 1);
    expect(m.some((l) => l.startsWith('20220102,3,'))).toBe(false);
    expect(new TextDecoder().decode(generateSitesDay('2022-01-02', codes, 11, { lineEnding: '\r\n' }).bytes)).toBe(text.replace(/\n/g, '\r\n'));
    expect(new TextDecoder().decode(generateSitesDay('2022-01-02', ['1001A'], 11, { quoteAll: true, duplicate: null }).bytes).startsWith('"date","hour","type","1001A"\n"20220102","0","AQI",')).toBe(true);
  });
});

describe('generateSitesDay: derived rows agree with the 1-h rows across consecutive days', () => {
  const codes = syntheticStationCodes(25);
  const d1 = read('2022-03-01', codes, 5).day;
  const d2 = read('2022-03-02', codes, 5).day;
  const live = codes.filter((c) => !Number.isNaN(siteSeries(d2, 'PM2.5', c)?.find((v) => !Number.isNaN(v)) ?? Number.NaN));
  const joined = (type: 'PM2.5' | 'PM10' | 'SO2' | 'NO2' | 'CO' | 'O3' | 'O3_8h', code: string) => [...siteSeries(d1, type, code)!, ...siteSeries(d2, type, code)!];

  it('X_24h = mean of the last 24 1-h values (≥ 20 valid), half to even; CO to 0.1', () => {
    let checked = 0;
    for (const code of live) {
      for (const [t1, t24] of [['PM2.5', 'PM2.5_24h'], ['PM10', 'PM10_24h'], ['SO2', 'SO2_24h'], ['NO2', 'NO2_24h'], ['CO', 'CO_24h']] as const) {
        const hourly = joined(t1, code);
        const published = siteSeries(d2, t24, code)!;
        for (let h = 0; h < 23; h++) {
          const window = hourly.slice(h + 1, h + 25).filter((v) => !Number.isNaN(v));
          const scale = t1 === 'CO' ? 10 : 1;
          const expected = window.length >= 20 ? halfEven(window.map((v) => Math.round(v * scale))) / scale : Number.NaN;
          expect(published[h], `${code} ${t24} ${h}`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
  it('O3_8h = mean of the last 8 hours (≥ 6 valid); O3_24h = max 1-h O3 and O3_8h_24h = max O3_8h of the last 24 hours (≥ 20)', () => {
    for (const code of live) {
      const o3 = joined('O3', code);
      const o38 = joined('O3_8h', code);
      for (let h = 8; h < 23; h++) {
        const w8 = o3.slice(24 + h - 7, 24 + h + 1).filter((v) => !Number.isNaN(v));
        expect(siteSeries(d2, 'O3_8h', code)![h]).toBe(w8.length >= 6 ? halfEven(w8) : Number.NaN);
        const w24 = o3.slice(h + 1, h + 25).filter((v) => !Number.isNaN(v));
        expect(siteSeries(d2, 'O3_24h', code)![h]).toBe(w24.length >= 20 ? Math.max(...w24) : Number.NaN);
        const w24b = o38.slice(h + 1, h + 25).filter((v) => !Number.isNaN(v));
        expect(siteSeries(d2, 'O3_8h_24h', code)![h]).toBe(w24b.length >= 20 ? Math.max(...w24b) : Number.NaN);
      }
    }
  });
  it('AQI row = real-time AQI of the six 1-h values, blank when one is missing', () => {
    let blanks = 0;
    for (const code of live) {
      const v = (t: 'PM2.5' | 'PM10' | 'SO2' | 'NO2' | 'CO' | 'O3', h: number) => siteSeries(d2, t, code)![h]!;
      for (let h = 0; h < 24; h++) {
        const six = { pm25: v('PM2.5', h), pm10: v('PM10', h), so2: v('SO2', h), no2: v('NO2', h), co: v('CO', h), o3: v('O3', h) };
        const aqi = siteSeries(d2, 'AQI', code)![h]!;
        if (Object.values(six).some(Number.isNaN)) {
          expect(aqi).toBeNaN();
          blanks++;
        } else expect(aqi).toBe(hourlyAqi2012(six));
      }
    }
    // With gaps on, some hours of some stations lack one of the six values (26 with this seed).
    expect(blanks).toBeGreaterThan(0);
  });
});

describe('generateSitesDay: realistic magnitudes and gaps', () => {
  const codes = syntheticStationCodes(200);
  const median = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1] ?? Number.NaN;
  const values = (day: SitesDay, type: 'PM2.5' | 'PM10' | 'O3' | 'CO' | 'SO2' | 'NO2', hour?: number) =>
    day.stations.flatMap((c) => Array.from(siteSeries(day, type, c)!).filter((_, h) => hour === undefined || h === hour)).filter((v) => !Number.isNaN(v));
  // Ranges from what Chinese cities report (e.g. the real 2022-01-01 00:00 Beijing excerpt: AQI 48–73): winter
  // PM2.5 tens to a few hundred µg/m³, summer-afternoon O3 around 100–200 µg/m³, CO about 0.2–3 mg/m³.
  it('January: PM2.5 median 30–150 µg/m³ with episodes above 150; PM10 ≥ PM2.5; CO 0.1–10 mg/m³', () => {
    const jan = read('2022-01-20', codes, 3).day;
    const pm25 = values(jan, 'PM2.5');
    expect(median(pm25)).toBeGreaterThan(30);
    expect(median(pm25)).toBeLessThan(150);
    expect(Math.max(...pm25)).toBeGreaterThan(150);
    expect(Math.max(...pm25)).toBeLessThan(1000);
    for (const c of jan.stations) {
      const a = siteSeries(jan, 'PM2.5', c)!;
      const b = siteSeries(jan, 'PM10', c)!;
      for (let h = 0; h < 24; h++) if (!Number.isNaN(a[h]!) && !Number.isNaN(b[h]!)) expect(b[h]!).toBeGreaterThanOrEqual(a[h]!);
    }
    const co = values(jan, 'CO');
    expect(Math.min(...co)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...co)).toBeLessThan(10);
  });
  it('July: O3 at 15:00 has a median of 100–250 µg/m³, and is low at night', () => {
    const jul = read('2022-07-20', codes, 3).day;
    expect(median(values(jul, 'O3', 15))).toBeGreaterThan(100);
    expect(median(values(jul, 'O3', 15))).toBeLessThan(250);
    expect(median(values(jul, 'O3', 3))).toBeLessThan(60);
  });
  it('about 1–5 % of the live stations’ 1-h cells are empty', () => {
    const g = generateSitesDay('2022-04-10', codes, 3);
    const day = parseSitesDay(g.bytes, { file: g.file }).day!;
    const live = day.stations.filter((c) => !g.stopped.includes(c));
    const cells = live.flatMap((c) => Array.from(siteSeries(day, 'PM2.5', c)!));
    const share = cells.filter(Number.isNaN).length / cells.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.05);
  });
  it('a national file is about 2 MB', () => {
    const g = generateSitesDay('2022-01-01', syntheticStationCodes(1950), 1);
    expect(g.bytes.length).toBeGreaterThan(1_500_000);
    expect(g.bytes.length).toBeLessThan(3_000_000);
  });
});
