import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SITE_TYPES,
  parseSitesDay,
  parseSitesDayFast,
  parseSitesDayGeneral,
  siteSeries,
  siteValue,
  type SitesDayOptions,
  type SitesDayResult,
} from './sites-day.js';
import { generateSitesDay, syntheticStationCodes } from './synthetic.js';

const SAMPLES = process.env.ECOPLAN_REFERENCE_DIR ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'reference', 'samples');
const EXCERPT_FILE = join(SAMPLES, 'china_sites_20220101.hour0.beijing-excerpt.csv');

const enc = (s: string) => new TextEncoder().encode(s);

// The real excerpt (4 rows of china_sites_20220101.csv, hour 0, Beijing stations 1001A–1012A), verbatim.
const REAL_EXCERPT = [
  'date,hour,type,1001A,1002A,1003A,1004A,1005A,1006A,1007A,1008A,1009A,1010A,1011A,1012A',
  '20220101,0,AQI,59,,63,54,73,58,,,,48,65,63',
  '20220101,0,O3_24h,34,49,35,40,27,30,27,43,48,42,34,29',
  '20220101,0,O3_8h,3,19,6,6,4,3,3,12,21,17,6,3',
  '20220101,0,O3_8h_24h,23,42,24,28,20,22,19,35,41,33,23,24',
  '',
].join('\n');

/** Both parsers must agree, issues included; returns the fast result. */
function both(bytes: Uint8Array, options: SitesDayOptions): SitesDayResult {
  const fast = parseSitesDayFast(bytes, options);
  const general = parseSitesDayGeneral(bytes, options);
  expect(fast).not.toBeNull();
  const strip = (r: SitesDayResult | null) => (r?.day ? { ...r, day: { ...r.day, parser: 'x', values: Array.from(r.day.values) } } : r);
  expect(strip(fast)).toEqual(strip(general));
  return fast as SitesDayResult;
}

describe('daily site file: the real excerpt', () => {
  const check = (r: SitesDayResult) => {
    expect(r.day).not.toBeNull();
    const day = r.day!;
    expect(day.date).toBe('2022-01-01');
    expect(day.stations).toHaveLength(12);
    // Values as printed in the excerpt; they match the HeQinWill cross-walk of §8.3 (1001A: O3_24h 34,
    // O3_8h 3, O3_8h_24h 23; 1002A: 49, 19, 42; 1003A: 35, 6, 24) and the AQI row 59, –, 63, 54, 73.
    expect(siteValue(day, 'AQI', '1001A', 0)).toBe(59);
    expect(siteValue(day, 'AQI', '1002A', 0)).toBeNaN();
    expect(siteValue(day, 'AQI', '1005A', 0)).toBe(73);
    expect([siteValue(day, 'O3_24h', '1002A', 0), siteValue(day, 'O3_8h', '1002A', 0), siteValue(day, 'O3_8h_24h', '1002A', 0)]).toEqual([49, 19, 42]);
    expect([siteValue(day, 'O3_24h', '1003A', 0), siteValue(day, 'O3_8h', '1003A', 0), siteValue(day, 'O3_8h_24h', '1003A', 0)]).toEqual([35, 6, 24]);
    expect(siteValue(day, 'O3_8h_24h', '1012A', 0)).toBe(24);
    // Only 4 of the 360 rows are there: hours 1–23 absent, and the other 11 types at hour 0.
    expect(siteValue(day, 'PM2.5', '1001A', 0)).toBeNaN();
    expect(siteValue(day, 'AQI', '1001A', 1)).toBeNaN();
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(r.issues[0]?.message).toMatch(/^缺少 1、2、3、.*、23 时的全部数据行/);
    // The 11 types other than AQI, O3_24h, O3_8h, O3_8h_24h are absent from the only hour present.
    expect(r.issues.slice(1).map((i) => /^缺少类型 (\S+) 的数据行/.exec(i.message)?.[1])).toEqual(['PM2.5', 'PM2.5_24h', 'PM10', 'PM10_24h', 'SO2', 'SO2_24h', 'NO2', 'NO2_24h', 'O3', 'CO', 'CO_24h']);
  };
  it('reads the excerpt as transcribed (date from the first row: the name has no YYYYMMDD.csv)', () => {
    check(both(enc(REAL_EXCERPT), { file: 'china_sites_20220101.hour0.beijing-excerpt.csv' }));
  });
  it.skipIf(!existsSync(EXCERPT_FILE))('reads the sample file itself', () => {
    check(both(new Uint8Array(readFileSync(EXCERPT_FILE)), { file: 'china_sites_20220101.hour0.beijing-excerpt.csv' }));
  });
  it('checks the date against the file name', () => {
    const r = both(enc(REAL_EXCERPT), { file: 'china_sites_20220102.csv' });
    expect(r.day).toBeNull();
    // Four data rows (lines 2–5), each dated 20220101.
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([
      [2, 'A（第 1 列，date）'],
      [3, 'A（第 1 列，date）'],
      [4, 'A（第 1 列，date）'],
      [5, 'A（第 1 列，date）'],
    ]);
    expect(r.issues[0]?.message).toBe('日期 "20220101" 与文件名中的日期 20220102 不符 / date does not match the file name');
  });
});

/** A full, hand-written day: every type and hour for three stations, with the given cell for (type, hour). */
function handDay(header: string[], cell: (type: string, hour: number, col: number) => string, date = '20220301'): string {
  const lines = [['date', 'hour', 'type', ...header].join(',')];
  for (let h = 0; h < 24; h++) for (const t of SITE_TYPES) lines.push([date, String(h), t, ...header.map((_, c) => cell(t, h, c))].join(','));
  return lines.join('\n') + '\n';
}

describe('daily site file: quirks of §8.1', () => {
  it('duplicate station columns: first non-empty value per cell, one warning naming both columns', () => {
    // Columns: D=1001A, E=1002A, F=1001A again. In column D, 1001A is empty at even hours; column F always
    // holds 100 + hour, and differs from D (50 + hour) at odd hours of AQI only.
    const text = handDay(['1001A', '1002A', '1001A'], (t, h, c) => {
      if (c === 1) return '7';
      if (c === 0) return h % 2 === 0 ? '' : t === 'AQI' ? String(50 + h) : String(100 + h);
      return String(100 + h);
    });
    const r = both(enc(text), { file: 'china_sites_20220301.csv' });
    const day = r.day!;
    expect(day.stations).toEqual(['1001A', '1002A']);
    expect(siteValue(day, 'PM2.5', '1001A', 4)).toBe(104); // D empty → F
    expect(siteValue(day, 'AQI', '1001A', 5)).toBe(55); // D has 55, F has 105 → D kept
    expect(siteValue(day, 'PM2.5', '1001A', 5)).toBe(105); // both 105
    expect(day.duplicates).toEqual([{ station: '1001A', columns: [3, 5], conflicts: 12 }]); // 12 odd hours of AQI
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 1, column: 'D（第 4 列，站点 1001A）' });
    expect(r.issues[0]?.message).toContain('D 列/第 4 列、F 列/第 6 列');
    expect(r.issues[0]?.message).toContain('有 12 个单元格各列数值不同');
  });
  it('empty cells are missing; a stopped station column is all missing; CO keeps its decimals', () => {
    const text = handDay(['1001A', '1013A', '1002A'], (t, h, c) => (c === 1 ? '' : t.startsWith('CO') ? '0.8' : c === 2 && h === 3 ? '' : '12'));
    const r = both(enc(text), { file: 'china_sites_20220301.csv' });
    const day = r.day!;
    expect(r.issues).toEqual([]);
    expect(Array.from(siteSeries(day, 'PM10', '1013A')!).every(Number.isNaN)).toBe(true);
    expect(siteValue(day, 'SO2', '1002A', 3)).toBeNaN();
    expect(siteValue(day, 'SO2', '1002A', 4)).toBe(12);
    expect(siteValue(day, 'CO', '1001A', 0)).toBe(0.8);
    expect(siteValue(day, 'CO_24h', '1002A', 23)).toBe(0.8);
  });
  it('an unknown type is a warning, once, and its rows are skipped', () => {
    const text = handDay(['1001A'], () => '5').replace(/\n$/, '') + '\n20220301,0,PM1,3\n20220301,1,PM1,4\n';
    const r = both(enc(text), { file: 'china_sites_20220301.csv' });
    expect(r.day).not.toBeNull();
    expect(r.issues).toHaveLength(1);
    // 1 header + 360 rows: the first PM1 row is line 362.
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 362, column: 'C（第 3 列，type）' });
    expect(r.issues[0]?.message).toMatch(/^未知类型 "PM1"（2 行）已跳过/);
  });
  it('unusual station codes: one warning for all of them, the day is read', () => {
    const codes = Array.from({ length: 300 }, (_, i) => `S${i}`);
    const r = both(enc(handDay(codes, () => '1')), { file: 'china_sites_20220301.csv' });
    expect(r.day?.stations).toHaveLength(300);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 1, column: 'D（第 4 列，站点 S0）' });
    expect(r.issues[0]?.message).toMatch(/^300 个站点编码不是常见的“4 位数字 \+ 字母”形式（如 1001A）：S0（D 列）、S1（E 列）、S2（F 列）、S3（G 列）、S4（H 列） 等/);
  });
  it('a trailing comma on every line: the empty last column is ignored with a warning, and must stay empty', () => {
    const text = handDay(['1001A', '1002A'], () => '4').replace(/\n/g, ',\n');
    const r = both(enc(text), { file: 'china_sites_20220301.csv' });
    expect(r.day?.stations).toEqual(['1001A', '1002A']);
    expect(siteValue(r.day!, 'NO2', '1002A', 5)).toBe(4);
    expect(r.issues).toEqual([{ severity: 'warning', file: 'china_sites_20220301.csv', row: 1, column: 'F（第 6 列）', message: '表头末尾有一个空列（行尾多余的逗号），该列应为空，已忽略 / trailing empty column ignored' }]);
    const filled = text.replace('20220301,0,AQI,4,4,\n', '20220301,0,AQI,4,4,9\n');
    expect(both(enc(filled), { file: 'china_sites_20220301.csv' }).issues.filter((i) => i.severity === 'error')).toEqual([
      { severity: 'error', file: 'china_sites_20220301.csv', row: 2, column: 'F（第 6 列）', message: '表头为空的末列应为空（收到数值）/ the trailing column without a header must be empty' },
    ]);
  });
  it('CRLF line endings and a BOM are read the same', () => {
    const text = handDay(['1001A', '1002A'], (t, h) => String(h));
    const a = both(enc(text), { file: 'china_sites_20220301.csv' });
    const b = both(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text.replace(/\n/g, '\r\n'))]), { file: 'china_sites_20220301.csv' });
    expect(b.day?.parser).toBe('fast');
    expect(Array.from(b.day!.values)).toEqual(Array.from(a.day!.values));
  });
  it('quoted fields go to the general path and give the same values', () => {
    const text = handDay(['1001A', '1002A'], (t, h, c) => String(h * 10 + c));
    const quoted = text
      .split('\n')
      .map((l) => (l === '' ? l : l.split(',').map((c) => `"${c}"`).join(',')))
      .join('\n');
    const plain = parseSitesDay(enc(text), { file: 'china_sites_20220301.csv' });
    const q = parseSitesDay(enc(quoted), { file: 'china_sites_20220301.csv' });
    expect(parseSitesDayFast(enc(quoted), { file: 'china_sites_20220301.csv' })).toBeNull();
    expect(q.day?.parser).toBe('general');
    expect(plain.day?.parser).toBe('fast');
    expect(Array.from(q.day!.values)).toEqual(Array.from(plain.day!.values));
    expect(siteValue(q.day!, 'NO2', '1002A', 7)).toBe(71);
  });
});

describe('daily site file: validation (errors name file, row and column)', () => {
  const file = 'china_sites_20220301.csv';
  const good = () => handDay(['1001A', '1002A'], () => '9');
  const replaceLine = (text: string, line: number, content: string) => {
    const lines = text.split('\n');
    lines[line - 1] = content;
    return lines.join('\n');
  };
  const errors = (r: SitesDayResult) => r.issues.filter((i) => i.severity === 'error').map((i) => ({ file: i.file, row: i.row, column: i.column, message: i.message }));

  it('a non-numeric cell: row, column letter and number, station code, what was expected', () => {
    // Line 5 is hour 0, type PM10 (the 4th type); column E is the 5th column, station 1002A.
    const r = both(enc(replaceLine(good(), 5, '20220301,0,PM10,9,abc')), { file });
    expect(r.day).toBeNull();
    expect(errors(r)).toEqual([
      { file, row: 5, column: 'E（第 5 列，站点 1002A）', message: '数值无法识别（收到 "abc"），应为非负数，如 35 或 0.8；空单元格表示缺测 / not a number' },
    ]);
  });
  it('negative numbers, signs, exponents, spaces, "—" and trailing dots are not values', () => {
    for (const bad of ['-5', '+5', '1e3', ' 5', '5 ', '—', '5.', '.5', '1.2.3', 'NaN']) {
      const r = both(enc(replaceLine(good(), 2, `20220301,0,AQI,${bad},9`)), { file });
      expect(r.day, bad).toBeNull();
      expect(errors(r)[0]?.column, bad).toBe('D（第 4 列，站点 1001A）');
    }
  });
  it('hour outside 0–23, an empty type, a duplicate row', () => {
    let r = both(enc(replaceLine(good(), 2, '20220301,24,AQI,9,9')), { file });
    expect(errors(r)[0]).toMatchObject({ row: 2, column: 'B（第 2 列，hour）', message: '小时应为 0～23 的整数（收到 "24"）/ hour must be 0–23' });
    r = both(enc(replaceLine(good(), 2, '20220301,0,,9,9')), { file });
    expect(errors(r)[0]).toMatchObject({ row: 2, column: 'C（第 3 列，type）' });
    // Line 3 is hour 0 PM2.5; written as AQI again it repeats line 2.
    r = both(enc(replaceLine(good(), 3, '20220301,0,AQI,9,9')), { file });
    expect(errors(r)).toEqual([{ file, row: 3, column: 'C（第 3 列，type）', message: 'AQI 0 时的数据行重复（第一次出现在第 2 行）/ duplicate row for AQI hour 0' }]);
  });
  it('ragged rows: too few and too many cells', () => {
    let r = both(enc(replaceLine(good(), 4, '20220301,0,PM2.5_24h,9')), { file });
    expect(errors(r)).toEqual([{ file, row: 4, column: 'E（第 5 列，站点 1002A）', message: '该行只有 4 列，表头有 5 列 / row has 4 cells, header has 5' }]);
    r = both(enc(replaceLine(good(), 4, '20220301,0,PM2.5_24h,9,9,9,')), { file });
    expect(errors(r)).toEqual([{ file, row: 4, column: 'F（第 6 列）', message: '该行有 7 列，多于表头的 5 列 / row has 7 cells, header has 5' }]);
    r = both(enc(replaceLine(good(), 4, '20220301,0')), { file });
    expect(errors(r)[0]).toMatchObject({ row: 4, message: '该行只有 2 列，表头有 5 列 / row has 2 cells, header has 5' });
  });
  it('a truncated file (cut in the middle of a row) is an error on its last row', () => {
    const text = good();
    const cut = text.slice(0, text.length - 3); // "…,9,9\n" → "…,9"
    const r = both(enc(cut), { file });
    expect(r.day).toBeNull();
    expect(errors(r)).toEqual([{ file, row: 361, column: 'E（第 5 列，站点 1002A）', message: '该行只有 4 列，表头有 5 列 / row has 4 cells, header has 5' }]);
  });
  it('header shape: date,hour,type first, then station codes', () => {
    let r = both(enc('Date,hour,type,1001A\n20220301,0,AQI,5\n'), { file });
    expect(errors(r)[0]).toMatchObject({ row: 1, column: 'A（第 1 列，date）' });
    r = both(enc('date,hour,type\n20220301,0,AQI\n'), { file });
    expect(errors(r)[0]?.message).toMatch(/表头没有站点列/);
    r = both(enc('date,hour,type,1001A,,1003A\n'), { file });
    expect(errors(r)[0]).toMatchObject({ row: 1, column: 'E（第 5 列）', message: '站点编码为空 / empty station code' });
    r = both(enc('date,hour,type,1001A,10 02A\n'), { file });
    expect(errors(r)[0]?.column).toBe('E（第 5 列）');
  });
  it('empty file, header only, blank lines only', () => {
    expect(errors(both(enc(''), { file }))[0]?.message).toMatch(/^文件为空/);
    expect(errors(both(enc('\n\n'), { file }))[0]?.message).toMatch(/^文件为空/);
    expect(errors(both(enc('date,hour,type,1001A\n'), { file }))[0]?.message).toMatch(/^只有表头/);
  });
  it('a huge field is refused by length, not parsed', () => {
    const r = both(enc(replaceLine(good(), 2, `20220301,0,AQI,${'9'.repeat(100_000)},9`)), { file });
    expect(errors(r)[0]).toMatchObject({ row: 2, column: 'D（第 4 列，站点 1001A）', message: '单元格过长（100000 字节，上限 32）/ cell too long' });
  });
  it('wrong encodings and binary input', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(enc('date')).flatMap((b) => [b, 0])]);
    expect(parseSitesDay(utf16, { file }).issues[0]?.message).toMatch(/UTF-16/);
    expect(parseSitesDay(new Uint8Array([0x64, 0, 0x61]), { file }).issues[0]?.message).toMatch(/NUL/);
    // A GBK file with a Chinese header is not this format: the header check names the column.
    const gbk = new Uint8Array([0xc8, 0xd5, 0xc6, 0xda, ...enc(',hour,type,1001A\n20220301,0,AQI,5\n')]);
    const r = both(gbk, { file });
    expect(errors(r)[0]).toMatchObject({ row: 1, column: 'A（第 1 列，date）' });
  });
  it('limits: bytes, columns, rows; issues are capped', () => {
    expect(parseSitesDay(enc(good()), { file, limits: { maxBytes: 100 } }).issues[0]?.message).toMatch(/超过上限 100/);
    expect(both(enc(good()), { file, limits: { maxColumns: 4 } }).issues[0]?.message).toMatch(/列数 5 超过上限 4/);
    expect(errors(both(enc(good()), { file, limits: { maxRows: 10 } }))[0]).toMatchObject({ row: 12, message: '数据行数超过上限 10 / too many rows' });
    const allBad = handDay(['1001A', '1002A'], () => 'x');
    const r = both(enc(allBad), { file, limits: { maxIssues: 20 } });
    expect(r.issues).toHaveLength(20);
    expect(r.issues[19]?.message).toMatch(/问题过多/);
  });
  it('a date that does not exist in the file name is an error before reading', () => {
    expect(parseSitesDay(enc(good()), { file: 'china_sites_20220230.csv' }).issues[0]?.message).toMatch(/不是有效日期/);
  });
  it('the date may be given as an option', () => {
    expect(both(enc(good()), { file: 'day.csv', date: '2022-03-01' }).day?.date).toBe('2022-03-01');
    expect(both(enc(good()), { file: 'day.csv', date: '2022-03-02' }).day).toBeNull();
  });
  it('reuses a buffer when given one', () => {
    const reuse = new Float64Array(15 * 24 * 10);
    const r = parseSitesDay(enc(good()), { file, reuse });
    expect(r.day?.values.buffer).toBe(reuse.buffer);
    expect(r.day?.values.length).toBe(15 * 24 * 2);
  });
});

describe('daily site file: fast path = general path on generated national-style files', () => {
  it('several seeds and sizes, LF and CRLF, with gaps, stopped stations and a duplicated column', () => {
    for (const [n, seed, date] of [
      [40, 1, '2022-01-01'],
      [120, 2, '2022-07-15'],
      [300, 3, '2024-02-29'],
    ] as const) {
      const g = generateSitesDay(date, syntheticStationCodes(n), seed);
      const r = both(g.bytes, { file: g.file });
      expect(r.day?.parser).toBe('fast');
      expect(r.day?.stations).toHaveLength(n);
      expect(r.day?.duplicates.map((d) => d.station)).toEqual([g.duplicate]);
      const crlf = generateSitesDay(date, syntheticStationCodes(n), seed, { lineEnding: '\r\n' });
      expect(Array.from(both(crlf.bytes, { file: crlf.file }).day!.values)).toEqual(Array.from(r.day!.values));
      const quoted = generateSitesDay(date, syntheticStationCodes(n), seed, { quoteAll: true });
      const q = parseSitesDay(quoted.bytes, { file: quoted.file });
      expect(q.day?.parser).toBe('general');
      expect(q.issues).toEqual(r.issues);
      expect(Array.from(q.day!.values)).toEqual(Array.from(r.day!.values));
    }
  });
  it('and on the same files with hostile edits (bad cells, ragged rows, duplicate rows)', () => {
    const g = generateSitesDay('2022-03-10', syntheticStationCodes(30), 9);
    const lines = new TextDecoder().decode(g.bytes).split('\n');
    lines[5] = lines[5]!.replace(/,(\d+),/, ',x1,');
    lines[40] = lines[40]! + ',5';
    lines[41] = lines[41]!.slice(0, lines[41]!.lastIndexOf(','));
    lines[50] = lines[2]!;
    const r = both(enc(lines.join('\n')), { file: g.file });
    expect(r.day).toBeNull();
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([6, 41, 42, 51]);
  });
});
