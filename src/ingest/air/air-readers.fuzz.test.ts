/**
 * Property tests of the air readers: any input gives results or issues and never throws; the fast and the
 * general daily-file parsers agree on any input the fast one reads. Fixed seeds and run counts keep the suite's
 * time bounded and failures reproducible.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parseSitesDay, parseSitesDayFast, parseSitesDayGeneral, type SitesDayResult } from './sites-day.js';
import { parseStationList } from './station-list.js';
import { parseLongAirTable } from './long-table.js';
import { checkXlsx } from '../zip-guard.js';
import { NationalYearAccumulator } from './national-year.js';
import { generateSitesDay, syntheticStationCodes } from './synthetic.js';

const RUNS = { numRuns: 300, seed: 20261204 };
const enc = (s: string) => new TextEncoder().encode(s);

function comparable(r: SitesDayResult | null) {
  return r?.day ? { ...r, day: { ...r.day, parser: 'x', values: Array.from(r.day.values) } } : r;
}

/** CSV-like text from the characters a daily file has, plus some that it must refuse. */
const sitesLike = fc
  .array(
    fc.array(fc.constantFrom('date', 'hour', 'type', '20220301', '0', '23', '24', 'AQI', 'PM2.5', 'CO', 'O3_8h', 'X', '1001A', '1002A', '', '5', '0.8', '1.', '-3', 'abc', ' ', '１２', '\u00e9'), { maxLength: 7 }).map((cells) => cells.join(',')),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

describe('daily site file reader: properties', () => {
  it('any bytes give a day or issues, never a throw, and a day only without errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 800 }), (bytes) => {
        const r = parseSitesDay(bytes, { file: 'china_sites_20220301.csv' });
        if (r.day === null) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        else expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
      }),
      RUNS,
    );
  });
  it('fast path = general path on any text the fast path reads (random bytes, and CSV-like text)', () => {
    const check = (bytes: Uint8Array) => {
      const fast = parseSitesDayFast(bytes, { file: 'f.csv' });
      if (fast === null) return;
      expect(comparable(fast)).toEqual(comparable(parseSitesDayGeneral(bytes, { file: 'f.csv' })));
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => check(enc(s))), RUNS);
    fc.assert(fc.property(sitesLike, (s) => check(enc(s))), RUNS);
    fc.assert(fc.property(sitesLike, (s) => check(enc(`date,hour,type,1001A,1002A\n${s}`))), RUNS);
  });
  it('a generated file with random edits: both paths agree, nothing throws', () => {
    const g = generateSitesDay('2022-03-01', syntheticStationCodes(12), 3);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(g.bytes.length - 1), fc.constantFrom(0x2c, 0x0a, 0x2e, 0x41, 0x35, 0x20, 0x2d, 0x0d, 0x22)), { maxLength: 6 }), (edits) => {
        const bytes = g.bytes.slice();
        for (const [at, b] of edits) bytes[at] = b;
        const fast = parseSitesDayFast(bytes, { file: g.file });
        const general = parseSitesDayGeneral(bytes, { file: g.file });
        if (fast !== null) expect(comparable(fast)).toEqual(comparable(general));
        expect(general.day !== null || general.issues.length > 0).toBe(true);
      }),
      { numRuns: 150, seed: 20261204 },
    );
  });
  it('the year accumulator takes any bytes without throwing', () => {
    const acc = new NationalYearAccumulator({ year: 2022 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = acc.addFile(bytes, 'china_sites_20220301.csv');
        expect(r.accepted || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
});

describe('station list reader: properties', () => {
  it('any bytes give stations or issues', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = parseStationList(bytes, { file: 's.csv' });
        expect(r.stations.length > 0 || r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
  it('any text under the real header gives stations or issues', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseStationList(enc(`监测点编码,监测点名称,城市,经度,纬度,对照点\n${s}`), { file: 's.csv' });
        expect(r.stations.length > 0 || r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('long table reader: properties', () => {
  it('any bytes, as CSV or as XLSX, give rows or issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), fc.constantFrom<'csv' | 'xlsx'>('csv', 'xlsx'), async (bytes, format) => {
        const r = await parseLongAirTable(bytes, { file: `x.${format}`, format });
        expect(r.rows.length > 0 || r.issues.length > 0).toBe(true);
        if (r.issues.some((i) => i.severity === 'error')) expect(r.rows).toEqual([]);
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });
  it('any text under a valid header gives rows or issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const r = await parseLongAirTable(enc(`站点,时间,污染物,浓度,单位\n${s}`), { file: 'x.csv', format: 'csv' });
        expect(r.rows.length > 0 || r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
  it('a real workbook with random byte edits: the guard and the reader never throw', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['站点', '时间', '污染物', '浓度']);
    for (let h = 0; h < 5; h++) ws.addRow(['A', `2022-01-01 0${h}:00`, 'PM2.5', 10 + h]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const limits = { maxZipEntries: 100, maxUncompressedBytes: 10_000_000, maxRows: 100, maxColumns: 50 };
    expect(checkXlsx(good, limits)).toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }), async (edits) => {
        const bytes = good.slice();
        for (const [at, b] of edits) bytes[at] = b;
        const problem = checkXlsx(bytes, limits);
        expect(problem === null || typeof problem === 'string').toBe(true);
        const r = await parseLongAirTable(bytes, { file: 'x.xlsx', format: 'xlsx' });
        expect(r.rows.length > 0 || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
