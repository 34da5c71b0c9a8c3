import { describe, it, expect } from 'vitest';
import { NationalYearAccumulator, type YearProgress } from './national-year.js';
import { SITE_TYPES, parseSitesDay, siteSeries, type SitesDay } from './sites-day.js';
import { parseStationList } from './station-list.js';
import { generateSitesDay, syntheticStationCodes } from './synthetic.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** A hand-made day: every type and hour, value = f(type index, hour, station index), '' for NaN. */
function handFile(date: string, codes: string[], f: (t: number, h: number, s: number) => number): Uint8Array {
  const lines = [['date', 'hour', 'type', ...codes].join(',')];
  for (let h = 0; h < 24; h++) {
    SITE_TYPES.forEach((type, t) => {
      lines.push([date, String(h), type, ...codes.map((_, s) => {
        const v = f(t, h, s);
        return Number.isNaN(v) ? '' : String(v);
      })].join(','));
    });
  }
  return enc(lines.join('\n') + '\n');
}

describe('NationalYearAccumulator', () => {
  const codes = syntheticStationCodes(30);
  const days = ['2022-12-31', '2022-01-01', '2022-07-01', '2022-01-02'].map((d) => generateSitesDay(d, codes, 21));
  const parsed = days.map((g) => parseSitesDay(g.bytes, { file: g.file }).day as SitesDay);

  it('stores 1-h values of the six pollutants at day × 24 + hour, files in any order', () => {
    const acc = new NationalYearAccumulator({ year: 2022 });
    for (const g of days) expect(acc.addFile(g.bytes, g.file).accepted).toBe(true);
    expect(acc.hours).toBe(8760);
    // Day index: 2022-01-01 → 0, 2022-01-02 → 1, 2022-07-01 → 181 (31+28+31+30+31+30), 2022-12-31 → 364.
    const dayIndex = [364, 0, 181, 1];
    const live = codes.filter((c) => !days[0]!.stopped.includes(c));
    for (const code of live) {
      const s = acc.series(code)!;
      expect(s.station).toBe(code);
      expect(s.year).toBe(2022);
      expect(s.hourly.pm25).toBeInstanceOf(Float64Array);
      expect(s.hourly.pm25.length).toBe(8760);
      parsed.forEach((day, k) => {
        const base = dayIndex[k]! * 24;
        const pairs = [['pm25', 'PM2.5'], ['pm10', 'PM10'], ['so2', 'SO2'], ['no2', 'NO2'], ['co', 'CO'], ['o3', 'O3']] as const;
        for (const [key, type] of pairs) {
          const src = Array.from(siteSeries(day, type, code)!);
          expect(Array.from(s.hourly[key].subarray(base, base + 24)), `${code} ${type} ${day.date}`).toEqual(src);
        }
        expect(Array.from(acc.publishedAqi(code)!.subarray(base, base + 24))).toEqual(Array.from(siteSeries(day, 'AQI', code)!));
      });
      // A day not loaded stays missing.
      expect(s.hourly.pm25[2 * 24 + 5]).toBeNaN();
    }
    expect(acc.daysLoaded()).toEqual(['2022-01-01', '2022-01-02', '2022-07-01', '2022-12-31']);
    expect(acc.daysMissing()).toHaveLength(365 - 4);
  });

  it('the O3 kept is the quotsoft type O3 (current 1-h), not O3_24h or O3_8h (§8.3)', () => {
    // Type index t: O3 is 9, O3_24h 10, O3_8h 11, O3_8h_24h 12; give them distinct values.
    const bytes = handFile('20220105', ['1001A'], (t, h) => (t === 9 ? 100 + h : t >= 10 && t <= 12 ? 500 + t : t === 0 ? 77 : 5));
    const acc = new NationalYearAccumulator({ year: 2022 });
    expect(acc.addFile(bytes, 'china_sites_20220105.csv').accepted).toBe(true);
    const s = acc.series('1001A')!;
    expect(Array.from(s.hourly.o3.subarray(4 * 24, 5 * 24))).toEqual(Array.from({ length: 24 }, (_, h) => 100 + h));
    expect(acc.publishedAqi('1001A')![4 * 24]).toBe(77);
  });

  it('Float32 storage gives back the published values exactly, and keeps the rare others exactly aside', () => {
    // CO with one decimal, integers, and values Float32 cannot hold (4 decimals; above 2^24).
    const odd = [0.1, 0.3, 1.7, 12.3456, 16_777_217, 9_876_543.21];
    const bytes = handFile('20220110', ['1001A'], (t, h) => (t === 13 ? (odd[h % odd.length] as number) : h));
    const acc = new NationalYearAccumulator({ year: 2022 });
    expect(acc.addFile(bytes, 'china_sites_20220110.csv').accepted).toBe(true);
    const co = acc.series('1001A')!.hourly.co.subarray(9 * 24, 10 * 24);
    expect(Array.from(co)).toEqual(Array.from({ length: 24 }, (_, h) => odd[h % odd.length]));
    expect(Array.from(acc.series('1001A')!.hourly.pm25.subarray(9 * 24, 10 * 24))).toEqual(Array.from({ length: 24 }, (_, h) => h));
  });

  it('memory: 7 × hours × 4 bytes per station with data; empty (stopped) columns take none', () => {
    const acc = new NationalYearAccumulator({ year: 2024 });
    const g = generateSitesDay('2024-02-29', codes, 4);
    expect(acc.addFile(g.bytes, g.file).accepted).toBe(true);
    expect(acc.hours).toBe(8784); // leap year
    const withData = codes.length - g.stopped.length;
    expect(acc.stationCodes()).toHaveLength(withData);
    for (const c of g.stopped) expect(acc.series(c)).toBeUndefined();
    expect(acc.storedBytes()).toBe(withData * 7 * 8784 * 4);
  });

  it('refuses a file with errors, a day of another year, and a day loaded twice, storing nothing from them', () => {
    const acc = new NationalYearAccumulator({ year: 2022 });
    const bad = enc('date,hour,type,1001A\n20220103,0,AQI,x\n');
    const r1 = acc.addFile(bad, 'china_sites_20220103.csv');
    expect(r1.accepted).toBe(false);
    expect(r1.issues[0]).toMatchObject({ severity: 'error', row: 2, column: 'D（第 4 列，站点 1001A）' });
    const other = generateSitesDay('2023-01-01', codes, 1);
    const r2 = acc.addFile(other.bytes, other.file);
    expect(r2.accepted).toBe(false);
    expect(r2.issues.at(-1)?.message).toMatch(/不属于 2022 年/);
    const g = days[1]!;
    expect(acc.addFile(g.bytes, g.file).accepted).toBe(true);
    const again = acc.addFile(g.bytes, g.file);
    expect(again.accepted).toBe(false);
    expect(again.issues.at(-1)?.message).toMatch(/已导入过/);
    expect(acc.daysLoaded()).toEqual(['2022-01-01']);
  });

  it('with the station list: a code not in it, and a stopped station still reporting, are warned once', () => {
    const list = parseStationList(enc('监测点编码,监测点名称,城市,经度,纬度,对照点\n1001A,万寿西宫,北京,116.3621,39.8784,N\n1013A,市监测中心(停运150702),天津,117.151,39.097,Y\n'), { file: 's.csv' });
    const acc = new NationalYearAccumulator({ year: 2022, stations: list.stations });
    const f = (d: string) => handFile(d, ['1001A', '1013A', '9999A'], (t, h, s) => (s === 0 ? 5 : 6));
    const r = acc.addFile(f('20220201'), 'china_sites_20220201.csv');
    expect(r.accepted).toBe(true);
    expect(r.issues.map((i) => i.message)).toEqual([
      '站点 1013A（市监测中心(停运150702)）在站点列表中标为停运（2015-07-02），但 2022-02-01 仍有数据；数据照常导入 / stopped station still reports',
      '站点 9999A 不在站点列表中，其数据照常导入 / station not in the station list',
    ]);
    expect(acc.addFile(f('20220202'), 'china_sites_20220202.csv').issues).toEqual([]);
  });

  it('reports progress after each file: files and bytes done, of the totals given', () => {
    const seen: YearProgress[] = [];
    const total = days.reduce((a, g) => a + g.bytes.length, 0);
    const acc = new NationalYearAccumulator({ year: 2022, onProgress: (p) => seen.push(p), filesTotal: 5, bytesTotal: total + 10 });
    for (const g of days) acc.addFile(g.bytes, g.file);
    acc.addFile(enc('junk'), 'junk.csv');
    expect(seen.map((p) => p.filesDone)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[3]?.bytesDone).toBe(total);
    expect(seen[4]).toMatchObject({ filesDone: 5, bytesDone: total + 4, filesTotal: 5, bytesTotal: total + 10, file: 'junk.csv', accepted: false });
  });

  it('entries() walks the stations in code order, one Float64 copy at a time; toMap() has them all', () => {
    const acc = new NationalYearAccumulator({ year: 2022 });
    for (const g of days) acc.addFile(g.bytes, g.file);
    const order = [...acc.entries()].map(([c]) => c);
    expect(order).toEqual([...order].sort());
    expect(acc.toMap().size).toBe(order.length);
  });

  it('refuses a year out of range', () => {
    expect(() => new NationalYearAccumulator({ year: 1999 })).toThrow(RangeError);
  });
});
