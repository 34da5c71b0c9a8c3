import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { deflateRawSync } from 'node:zlib';
import { longRowsToSeries, parseHourCell, parseLongAirTable, parseTimeCell, pollutantOf, type LongAirProgress } from './long-table.js';
import { checkXlsx, columnNumber } from '../zip-guard.js';

const enc = (s: string) => new TextEncoder().encode(s);
const csv = (text: string, file = 'air.csv', extra: Partial<Parameters<typeof parseLongAirTable>[1]> = {}) => parseLongAirTable(enc(text), { file, format: 'csv', ...extra });
const errors = (issues: { severity: string; row?: number; column?: string; message: string }[]) => issues.filter((i) => i.severity === 'error');

describe('time, hour and pollutant cells', () => {
  it('reads the time forms, converting offsets to Beijing time (UTC+8)', () => {
    expect(parseTimeCell('2022-01-01 08:00')).toEqual({ date: '2022-01-01', hour: 8 });
    expect(parseTimeCell('2022/1/1 8:00:00')).toEqual({ date: '2022-01-01', hour: 8 });
    expect(parseTimeCell('2022-01-01T08:00:00+08:00')).toEqual({ date: '2022-01-01', hour: 8 });
    // 00:00 UTC = 08:00 Beijing; 16:00 UTC the day before = 00:00 Beijing; 01:00 at UTC−05:00 = 14:00 Beijing.
    expect(parseTimeCell('2022-01-01T00:00:00Z')).toEqual({ date: '2022-01-01', hour: 8 });
    expect(parseTimeCell('2021-12-31T16:00:00.000Z')).toEqual({ date: '2022-01-01', hour: 0 });
    expect(parseTimeCell('2022-01-01T01:00-0500')).toEqual({ date: '2022-01-01', hour: 14 });
    expect(parseTimeCell('2022年1月1日8时')).toEqual({ date: '2022-01-01', hour: 8 });
    expect(parseTimeCell('2022010123')).toEqual({ date: '2022-01-01', hour: 23 });
    expect(parseTimeCell('2022-01-01')).toEqual({ date: '2022-01-01', hour: null });
  });
  it('refuses hour 24, times off the hour, impossible dates, offsets that leave half hours', () => {
    expect(parseTimeCell('2022-01-01 24:00')).toMatchObject({ error: expect.stringMatching(/小时 24/) });
    expect(parseTimeCell('2022-01-01 08:30')).toMatchObject({ error: expect.stringMatching(/不在整点/) });
    expect(parseTimeCell('2022-02-29 08:00')).toMatchObject({ error: expect.stringMatching(/日期无效/) });
    expect(parseTimeCell('2022-01-01T08:00+05:30')).toMatchObject({ error: expect.stringMatching(/不在整点/) });
    expect(parseTimeCell('44562.5')).toMatchObject({ error: expect.stringMatching(/Excel 日期序列号/) });
  });
  it('hours: 0–23, "8时", "08:00"', () => {
    expect([parseHourCell('0'), parseHourCell('23'), parseHourCell('8时'), parseHourCell('08:00'), parseHourCell('24'), parseHourCell('x')]).toEqual([0, 23, 8, 8, null, null]);
  });
  it('pollutant names in Chinese and English; moving averages are told apart', () => {
    for (const n of ['PM2.5', 'pm25', 'PM2_5', '细颗粒物', 'PM₂.₅', '细颗粒物(PM2.5)', 'ＰＭ２.５']) expect(pollutantOf(n), n).toBe('pm25');
    for (const n of ['O3', 'o3_1h', '臭氧', '臭氧1小时', 'O₃']) expect(pollutantOf(n), n).toBe('o3');
    expect([pollutantOf('可吸入颗粒物'), pollutantOf('SO2'), pollutantOf('二氧化氮'), pollutantOf('一氧化碳'), pollutantOf('AQI')]).toEqual(['pm10', 'so2', 'no2', 'co', 'aqi']);
    expect([pollutantOf('PM2.5_24h'), pollutantOf('O3_8h'), pollutantOf('臭氧8小时')]).toEqual(['average', 'average', 'average']);
    expect([pollutantOf('PM1'), pollutantOf(''), pollutantOf('constructor')]).toEqual([null, null, null]);
  });
});

describe('parseLongAirTable: CSV', () => {
  it('Chinese headers, a time column and units', async () => {
    const r = await csv(['站点,时间,污染物,浓度,单位', '1001A,2022-01-01 00:00,PM2.5,36,μg/m³', '1001A,2022-01-01 00:00,CO,0.8,mg/m³', '1001A,2022-01-01 01:00,臭氧,12,ug/m3', '1001A,2022-01-01 01:00,AQI,59,'].join('\n'));
    expect(r.issues).toEqual([]);
    expect(r.encoding).toBe('utf-8');
    expect(r.rows).toEqual([
      { row: 2, station: '1001A', date: '2022-01-01', hour: 0, time: '2022-01-01T00:00:00+08:00', pollutant: 'pm25', value: 36, unit: 'μg/m³' },
      { row: 3, station: '1001A', date: '2022-01-01', hour: 0, time: '2022-01-01T00:00:00+08:00', pollutant: 'co', value: 0.8, unit: 'mg/m³' },
      { row: 4, station: '1001A', date: '2022-01-01', hour: 1, time: '2022-01-01T01:00:00+08:00', pollutant: 'o3', value: 12, unit: 'μg/m³' },
      { row: 5, station: '1001A', date: '2022-01-01', hour: 1, time: '2022-01-01T01:00:00+08:00', pollutant: 'aqi', value: 59, unit: '' },
    ]);
  });
  it('English headers, ISO times with offsets, and date + hour columns', async () => {
    const a = await csv('station,time,pollutant,value\n1001A,2021-12-31T16:00:00Z,pm25,40\n');
    expect(a.rows[0]).toMatchObject({ date: '2022-01-01', hour: 0, value: 40 });
    const b = await csv('监测点编码,日期,小时,项目,监测值\n1001A,2022/3/5,7,二氧化硫,9\n');
    expect(b.rows[0]).toMatchObject({ station: '1001A', date: '2022-03-05', hour: 7, pollutant: 'so2', value: 9 });
    const c = await csv('站点,时间,小时,污染物,浓度\n1001A,2022-03-05,23,NO2,30\n');
    expect(c.rows[0]).toMatchObject({ date: '2022-03-05', hour: 23, pollutant: 'no2' });
    const d = await csv('站点,时间,小时,污染物,浓度\n1001A,2022-03-05 05:00,6,NO2,30\n');
    expect(d.issues[0]).toMatchObject({ row: 2, column: 'C（第 3 列，小时）', message: '时间 "2022-03-05 05:00" 与小时列的 6 时不一致 / the time and the hour column disagree' });
  });
  it('converts units: CO in µg/m³ → mg/m³, PM in mg/m³ → µg/m³', async () => {
    const r = await csv('站点,时间,污染物,浓度,单位\nA,2022-01-01 00:00,CO,800,微克/立方米\nA,2022-01-01 00:00,PM10,0.035,mg/m3\n');
    expect(r.rows.map((x) => [x.pollutant, x.value, x.unit])).toEqual([
      ['co', 0.8, 'mg/m³'],
      ['pm10', 35, 'μg/m³'],
    ]);
  });
  it('GBK, and UTF-8 with BOM, read the same as UTF-8', async () => {
    const text = '站点,时间,污染物,浓度\n万寿西宫,2022-01-01 00:00,细颗粒物,36\n';
    const utf8 = await csv(text);
    const gbk = await parseLongAirTable(new Uint8Array(iconv.encode(text, 'gbk')), { file: 'g.csv', format: 'csv' });
    const bom = await parseLongAirTable(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]), { file: 'b.csv', format: 'csv' });
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.rows).toEqual(utf8.rows);
    expect(bom.rows).toEqual(utf8.rows);
    expect(utf8.rows[0]).toMatchObject({ station: '万寿西宫', pollutant: 'pm25' });
  });
  it('empty values are missing: rows skipped and counted', async () => {
    const r = await csv('站点,时间,污染物,浓度\nA,2022-01-01 00:00,PM2.5,\nA,2022-01-01 01:00,PM2.5,-\nA,2022-01-01 02:00,PM2.5,5\n');
    expect(r.rows).toHaveLength(1);
    expect(r.missingValues).toBe(2);
  });
  it('all or nothing: every bad row is reported with row and column, and no rows are returned', async () => {
    const text = [
      '站点,时间,污染物,浓度,单位',
      'A,2022-01-01 00:00,PM2.5,36,μg/m³', // good
      'A,2022-01-01 24:00,PM2.5,36,μg/m³', // hour 24
      'A,2022-01-01 02:00,PM2.5_24h,36,μg/m³', // moving average
      'A,2022-01-01 03:00,PM2.5,abc,μg/m³', // not a number
      'A,2022-01-01 04:00,PM2.5,-3,μg/m³', // negative
      'A,2022-01-01 05:00,PM2.5,3,ppm', // unit
      ',2022-01-01 06:00,PM2.5,3,', // no station
      'A,2022-01-01 07:00,AQI,50,mg/m3', // AQI with a unit
    ].join('\n');
    const r = await csv(text, 'bad.csv');
    expect(r.rows).toEqual([]);
    expect(errors(r.issues).map((i) => [i.row, i.column])).toEqual([
      [3, 'B（第 2 列，时间）'],
      [4, 'C（第 3 列，污染物）'],
      [5, 'D（第 4 列，浓度）'],
      [6, 'D（第 4 列，浓度）'],
      [7, 'E（第 5 列，单位）'],
      [8, 'A（第 1 列，站点）'],
      [9, 'E（第 5 列，单位）'],
    ]);
    expect(r.issues.every((i) => i.file === 'bad.csv')).toBe(true);
    expect(errors(r.issues)[3]?.message).toBe('浓度不能为负数（收到 "-3"）/ negative value');
  });
  it('duplicates: the same value is a warning, a different value an error', async () => {
    const same = await csv('站点,时间,污染物,浓度\nA,2022-01-01 00:00,PM2.5,5\nA,2022-01-01T00:00+08:00,pm25,5\n');
    expect(same.rows).toHaveLength(1);
    expect(same.issues).toMatchObject([{ severity: 'warning', row: 3 }]);
    const diff = await csv('站点,时间,污染物,浓度\nA,2022-01-01 00:00,PM2.5,5\nA,2021-12-31T16:00:00Z,细颗粒物,6\n');
    expect(diff.rows).toEqual([]);
    expect(diff.issues[0]?.message).toBe('与第 2 行重复（同一站点、时间、污染物），但数值不同：5 与 6 / conflicting duplicate of row 2');
  });
  it('an implausible value is a warning (a unit slip): CO 800 without a unit column', async () => {
    const r = await csv('站点,时间,污染物,浓度\nA,2022-01-01 00:00,CO,800\n');
    expect(r.rows).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', row: 2, column: 'D（第 4 列，浓度）' });
  });
  it('headers: __proto__ and constructor refused; missing columns named', async () => {
    expect((await csv('站点,时间,污染物,浓度,__proto__\nA,2022-01-01 00:00,CO,1,x\n')).issues[0]?.message).toBe('不允许的列名 "__proto__" / forbidden header');
    expect((await csv('constructor,时间,污染物,浓度\nA,2022-01-01 00:00,CO,1\n')).issues[0]?.column).toBe('A（第 1 列，constructor）');
    expect((await csv('站点,污染物,浓度\nA,CO,1\n')).issues[0]?.message).toMatch(/^缺少列：时间 \/ time（或 日期 \/ date 和 小时 \/ hour）/);
    expect((await csv('站点,时间,污染物,浓度\nA,2022-01-01,CO,1\n')).issues[0]?.message).toMatch(/没有小时列/);
  });
  it('hostile input: ragged rows, a huge field, an unclosed quote, a header only, empty, binary, UTF-16, an XLSX given as CSV', async () => {
    expect((await csv('站点,时间,污染物,浓度\nA,2022-01-01 00:00,CO,1,extra\n')).issues[0]).toMatchObject({ row: 2, column: 'E（第 5 列）' });
    expect((await csv(`站点,时间,污染物,浓度\nA,2022-01-01 00:00,CO,${'9'.repeat(500)}\n`)).issues[0]?.message).toMatch(/单元格超过 200 字符/);
    expect((await csv('站点,时间,污染物,浓度\n"A,2022-01-01 00:00,CO,1\n')).issues[0]?.message).toMatch(/^CSV 格式错误/);
    expect((await csv('站点,时间,污染物,浓度\n')).issues[0]?.message).toMatch(/只有表头/);
    expect((await csv('')).issues[0]?.message).toMatch(/文件为空/);
    expect((await parseLongAirTable(new Uint8Array([0, 1, 2, 3]), { file: 'x.csv', format: 'csv' })).issues[0]?.message).toMatch(/NUL/);
    expect((await parseLongAirTable(new Uint8Array([0xff, 0xfe, 0x41, 0]), { file: 'x.csv', format: 'csv' })).issues[0]?.message).toMatch(/UTF-16/);
    expect((await parseLongAirTable(new Uint8Array([0x50, 0x4b, 3, 4, 0]), { file: 'x.csv', format: 'csv' })).issues[0]?.message).toMatch(/XLSX/);
  });
  it('limits: bytes, rows, columns', async () => {
    const text = '站点,时间,污染物,浓度\n' + Array.from({ length: 30 }, (_, h) => `A,2022-01-02 ${String(h % 24).padStart(2, '0')}:00,${h < 24 ? 'CO' : 'SO2'},1`).join('\n');
    expect((await csv(text, 'a.csv', { limits: { maxBytes: 50 } })).issues[0]?.message).toMatch(/超过上限 50/);
    const rows = await csv(text, 'a.csv', { limits: { maxRows: 10 } });
    expect(rows.rows).toEqual([]);
    expect(errors(rows.issues)[0]).toMatchObject({ row: 12, message: '数据行数超过上限 10 / too many rows' });
    expect((await csv(text, 'a.csv', { limits: { maxColumns: 3 } })).issues[0]?.message).toMatch(/列数 4 超过上限 3/);
  });
  it('reports progress, ending at fraction 1', async () => {
    const seen: LongAirProgress[] = [];
    const text = '站点,时间,污染物,浓度\n' + Array.from({ length: 25_000 }, (_, i) => `S${i % 50},2022-01-${String(1 + Math.floor(i / 50 / 24)).padStart(2, '0')} ${String(Math.floor(i / 50) % 24).padStart(2, '0')}:00,PM10,${i % 300}`).join('\n');
    const r = await csv(text, 'p.csv', { onProgress: (p) => seen.push(p) });
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(25_000);
    expect(seen.map((p) => p.rowsDone)).toEqual([9_999, 19_999, 25_000]);
    expect(seen.at(-1)?.fraction).toBe(1);
  });
});

async function workbook(rows: unknown[][], sheetName = '数据'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('parseLongAirTable: XLSX', () => {
  it('date-time cells keep their hour (the wall-clock time written in the sheet)', async () => {
    const bytes = await workbook([
      ['站点', '时间', '污染物', '浓度'],
      ['1001A', new Date(Date.UTC(2022, 0, 1, 8)), 'PM2.5', 36],
      ['1001A', '2022-01-01 09:00', '一氧化碳', 0.9],
    ]);
    const r = await parseLongAirTable(bytes, { file: 'a.xlsx', format: 'xlsx' });
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, sheet: '数据', station: '1001A', date: '2022-01-01', hour: 8, time: '2022-01-01T08:00:00+08:00', pollutant: 'pm25', value: 36, unit: 'μg/m³' },
      { row: 3, sheet: '数据', station: '1001A', date: '2022-01-01', hour: 9, time: '2022-01-01T09:00:00+08:00', pollutant: 'co', value: 0.9, unit: 'mg/m³' },
    ]);
  });
  it('a date cell and an hour column (a time-formatted cell or a number)', async () => {
    const bytes = await workbook([
      ['站点', '日期', '小时', '污染物', '浓度'],
      ['A', new Date(Date.UTC(2022, 2, 5)), 7, 'SO2', 9],
      ['A', new Date(Date.UTC(2022, 2, 5)), new Date(Date.UTC(1899, 11, 30, 8)), 'SO2', 10],
    ]);
    const r = await parseLongAirTable(bytes, { file: 'd.xlsx', format: 'xlsx' });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.date, x.hour, x.value])).toEqual([
      ['2022-03-05', 7, 9],
      ['2022-03-05', 8, 10],
    ]);
  });
  it('formula cells are refused; errors name the sheet, row and column; a named sheet is read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['见下一页']);
    const ws = wb.addWorksheet('小时数据');
    ws.addRow(['station', 'date', 'hour', 'pollutant', 'value']);
    ws.addRow(['A', '2022-01-01', 3, 'NO2', { formula: '1+1', result: 2 }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await parseLongAirTable(bytes, { file: 'f.xlsx', format: 'xlsx', sheet: '小时数据' });
    expect(r.rows).toEqual([]);
    expect(r.issues[0]).toMatchObject({ severity: 'error', sheet: '小时数据', row: 2, column: 'E（第 5 列，value）' });
    expect((await parseLongAirTable(bytes, { file: 'f.xlsx', format: 'xlsx', sheet: '无此表' })).issues[0]?.message).toMatch(/找不到工作表/);
  });
  it('not a zip, a truncated zip', async () => {
    expect((await parseLongAirTable(enc('station,time'), { file: 'x.xlsx', format: 'xlsx' })).issues[0]?.message).toMatch(/不是有效的 XLSX/);
    const bytes = await workbook([['站点', '时间', '污染物', '浓度']]);
    expect((await parseLongAirTable(bytes.subarray(0, bytes.length - 30), { file: 'x.xlsx', format: 'xlsx' })).issues[0]?.severity).toBe('error');
  });
  it('zip bombs: declared size over the limit, and a declared size that lies, are refused before ExcelJS', async () => {
    const zip = new JSZip();
    const base = await JSZip.loadAsync(await workbook([['站点', '时间', '污染物', '浓度']]));
    for (const name of Object.keys(base.files)) if (!base.files[name]!.dir) zip.file(name, await base.files[name]!.async('uint8array'));
    zip.file('xl/media/zeros.bin', new Uint8Array(5_000_000));
    const bomb = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const limited = await parseLongAirTable(bomb, { file: 'b.xlsx', format: 'xlsx', limits: { maxUncompressedBytes: 1_000_000 } });
    expect(limited.issues[0]?.message).toMatch(/解压后大小超过上限 1000000/);
    // Rewrite the central-directory size of the 5 MB entry to 1,000 bytes: only inflating shows the lie.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = enc('xl/media/zeros.bin');
    for (let p = 0; p < bomb.length - 46; p++) {
      if (view.getUint32(p, true) === 0x02014b50 && view.getUint16(p + 28, true) === name.length && bomb.subarray(p + 46, p + 46 + name.length).every((b, i) => b === name[i])) {
        view.setUint32(p + 24, 1_000, true);
      }
    }
    const lie = await parseLongAirTable(bomb, { file: 'b.xlsx', format: 'xlsx' });
    expect(lie.issues[0]?.message).toMatch(/疑似压缩炸弹/);
  });
  it('too many zip entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`f${i}.txt`, 'x');
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    expect((await parseLongAirTable(bytes, { file: 'e.xlsx', format: 'xlsx', limits: { maxZipEntries: 20 } })).issues[0]?.message).toMatch(/文件数 30 超过上限 20/);
  });
  it('cell references beyond Excel’s grid (XFE1, A1048577) are refused', async () => {
    const base = await workbook([['站点', '时间', '污染物', '浓度'], ['A', '2022-01-01 00:00', 'CO', 1]]);
    const edits: [string, string][] = [
      ['r="D2"', 'r="XFE2"'],
      ['r="2"', 'r="1048577"'],
    ];
    for (const [from, to] of edits) {
      const zip = await JSZip.loadAsync(base);
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      expect(sheet).toContain(from);
      zip.file('xl/worksheets/sheet1.xml', sheet.replace(from, to));
      const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      const r = await parseLongAirTable(bytes, { file: 'g.xlsx', format: 'xlsx' });
      expect(r.rows).toEqual([]);
      expect(r.issues[0]?.message, to).toMatch(/超出 Excel 的表格范围/);
    }
  });
  it('the guard counts rows and columns before opening', async () => {
    const rows = [['站点', '时间', '污染物', '浓度'], ...Array.from({ length: 20 }, (_, h) => ['A', `2022-01-01 ${String(h).padStart(2, '0')}:00`, 'CO', 1])];
    const bytes = await workbook(rows);
    expect(checkXlsx(bytes, { maxZipEntries: 100, maxUncompressedBytes: 1e7, maxRows: 10, maxColumns: 50 })).toMatch(/行数超过上限 10/);
    expect(checkXlsx(bytes, { maxZipEntries: 100, maxUncompressedBytes: 1e7, maxRows: 100, maxColumns: 3 })).toMatch(/列 D 超过列数上限 3/);
    expect(checkXlsx(bytes, { maxZipEntries: 100, maxUncompressedBytes: 1e7, maxRows: 100, maxColumns: 50 })).toBeNull();
    expect([columnNumber('A'), columnNumber('Z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16_384]);
  });
  it('a deflate stream that is not one is an issue, not a throw', () => {
    const junk = deflateRawSync(new Uint8Array(10)).subarray(0, 2);
    expect(checkXlsx(junk, { maxZipEntries: 10, maxUncompressedBytes: 100, maxRows: 10, maxColumns: 10 })).toMatch(/不是有效的 XLSX/);
  });
});

describe('longRowsToSeries', () => {
  it('puts rows of the year at day × 24 + hour; AQI apart; other years counted', async () => {
    const r = await csv(['站点,时间,污染物,浓度', 'A,2022-01-02 03:00,PM2.5,36', 'A,2022-12-31 23:00,O3,80', 'A,2022-01-02 03:00,AQI,52', 'A,2023-01-01 00:00,PM2.5,1'].join('\n'));
    const s = longRowsToSeries(r.rows, 2022);
    const a = s.series.get('A')!;
    // 2022-01-02 03:00 → 1 × 24 + 3 = 27; 2022-12-31 23:00 → 364 × 24 + 23 = 8759.
    expect(a.hourly.pm25[27]).toBe(36);
    expect(a.hourly.o3[8759]).toBe(80);
    expect(a.hourly.pm25[26]).toBeNaN();
    expect(s.publishedAqi.get('A')![27]).toBe(52);
    expect(s.otherYears).toBe(1);
  });
});
