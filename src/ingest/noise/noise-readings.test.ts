import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseNoiseReadings } from './noise-readings.js';
import { evaluateNoise } from '../../standards/noise/gb3096.js';

// Points are made up in the 岳阳楼区 setting; expected rows are the cells as written, zone classes read as
// GB 3096-2008 names them (0, 1, 2, 3, 4a, 4b), compliance from its Table 1 limits.

const utf8 = (text: string) => new TextEncoder().encode(text);
const RUNS = { numRuns: 300, seed: 20261204 };

const CSV = [
  '点位名称,功能区类别,监测日期,昼间等效声级(dB(A)),夜间等效声级(dB(A))',
  '南湖广场,2类,2025-02-15,56.2,48.1',
  '南湖广场,2类,2025-05-15,61.0,52.3',
  '巴陵中路,4a类,2025-02-15,69.9,57.2',
  '市一中,1类,2025-02-16,52.4,',
  '京广铁路旁,4B,2025-02-16,68.0,59.5',
].join('\n');

describe('noise readings', () => {
  it('reads a UTF-8 CSV with Chinese headers', async () => {
    const r = await parseNoiseReadings(utf8(CSV), { file: 'noise.csv' });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.point, x.zone, x.date, x.ld, x.ln])).toEqual([
      [2, '南湖广场', '2', '2025-02-15', 56.2, 48.1],
      [3, '南湖广场', '2', '2025-05-15', 61.0, 52.3],
      [4, '巴陵中路', '4a', '2025-02-15', 69.9, 57.2],
      [5, '市一中', '1', '2025-02-16', 52.4, null],
      [6, '京广铁路旁', '4b', '2025-02-16', 68.0, 59.5],
    ]);
  });

  it('reads the same file as GBK and with a BOM, and English headers with dB(A) suffixes', async () => {
    const plain = await parseNoiseReadings(utf8(CSV), { file: 'noise.csv' });
    const gbk = await parseNoiseReadings(new Uint8Array(iconv.encode(CSV, 'gbk')), { file: 'noise.csv' });
    const bom = await parseNoiseReadings(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)]), { file: 'noise.csv' });
    expect(gbk.rows).toEqual(plain.rows);
    expect(bom.rows).toEqual(plain.rows);
    const en = await parseNoiseReadings(utf8('Point,Zone,Date,Ld,Ln,Lmax\nP1,3,2025-06-01,64.5 dB(A),54,68\n'), { file: 'en.csv' });
    expect(en.rows.map((x) => [x.zone, x.ld, x.ln, x.lmax])).toEqual([['3', 64.5, 54, 68]]);
  });

  it('feeds the evaluation', async () => {
    // Day: 56.2 ≤ 60 ✓, 61.0 > 60 ✗, 69.9 ≤ 70 ✓, 52.4 ≤ 55 ✓, 68.0 ≤ 70 ✓ → 4 of 5 = 80 %.
    // Night: 48.1 ≤ 50 ✓, 52.3 > 50 ✗, 57.2 > 55 ✗, 59.5 ≤ 60 (4b) ✓ → 2 of 4 = 50 %.
    const r = await parseNoiseReadings(utf8(CSV), { file: 'noise.csv' });
    const e = evaluateNoise(r.rows);
    expect(e.set.day).toEqual({ pointTimes: 5, compliant: 4, percent: 80 });
    expect(e.set.night).toEqual({ pointTimes: 4, compliant: 2, percent: 50 });
  });

  it('reads XLSX with date cells and rejects formula cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('噪声');
    ws.addRow(['点位', '功能区', '日期', '昼间', '夜间']);
    ws.addRow(['南湖广场', '2类', new Date(Date.UTC(2025, 1, 15)), 56.2, 48.1]);
    ws.addRow(['巴陵中路', '4a', '2025-02-15', { formula: '70-0.1', result: 69.9 }, 57.2]);
    const r = await parseNoiseReadings(new Uint8Array(await wb.xlsx.writeBuffer()), { file: 'n.xlsx' });
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ sheet: '噪声', row: 3, column: 'D', message: expect.stringContaining('公式') })]);
  });
});

describe('noise readings, hostile input', () => {
  const head = '点位,功能区,日期,昼间,夜间\n';

  it('rejects bad zone classes, dates and levels, naming row and column', async () => {
    const text = head + ['A,4类,2025-02-15,60,50', 'B,2类,2025-02-30,60,50', 'C,2类,2025-02-15,loud,50', 'D,2类,2025-02-15,60,200', 'E,2类,2025-02-15,,', 'F,2类,2025-02,60,50'].join('\n');
    const r = await parseNoiseReadings(utf8(text), { file: 'bad.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'B（功能区）'], [3, 'C（日期）'], [4, 'D（昼间）'], [5, 'E（夜间）'], [6, 'D（昼间）'], [7, 'C（日期）'],
    ]);
  });

  it('rejects a point with two zone classes and duplicate point-dates', async () => {
    const r = await parseNoiseReadings(utf8(head + 'A,2类,2025-02-15,60,50\nA,3类,2025-05-15,60,50\nA,2类,2025-02-15,58,49\n'), { file: 'd.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => i.row)).toEqual([3, 4]);
    expect(r.issues[0]?.message).toContain('不一致');
    expect(r.issues[1]?.message).toContain('第 2 行');
  });

  it('rejects ragged rows, huge fields, forbidden headers and missing columns', async () => {
    const ragged = await parseNoiseReadings(utf8(head + 'A,2类,2025-02-15,60,50,extra\n'), { file: 'r.csv' });
    expect(ragged.issues[0]).toMatchObject({ row: 2, column: 'F' });
    const huge = await parseNoiseReadings(utf8(head + `${'A'.repeat(20_000)},2类,2025-02-15,60,50\n`), { file: 'h.csv' });
    expect(huge.rows).toEqual([]);
    expect(huge.issues[0]).toMatchObject({ row: 2, column: 'A' });
    const proto = await parseNoiseReadings(utf8('点位,功能区,日期,昼间,__proto__\nA,2,2025-02-15,60,50\n'), { file: 'p.csv' });
    expect(proto.issues[0]).toMatchObject({ row: 1, column: 'E' });
    const missing = await parseNoiseReadings(utf8('点位,日期,昼间\nA,2025-02-15,60\n'), { file: 'm.csv' });
    expect(missing.issues[0]?.message).toContain('功能区');
  });

  it('never throws and never returns rows with issues, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), fc.constantFrom('x.csv', 'x.xlsx', 'x'), async (bytes, file) => {
        const r = await parseNoiseReadings(bytes, { file });
        expect(r.rows.length > 0 !== r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives rows or located issues for CSV-shaped random text under the right header', async () => {
    const cell = fc.oneof(fc.constantFrom('A', '2类', '4a', '4', '2025-02-15', '55.5', '', '200', 'ND', '__proto__', '"x,y"', '\u00ff'), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), async (rows) => {
        const r = await parseNoiseReadings(utf8(head + rows.map((x) => x.join(',')).join('\n')), { file: 'g.csv' });
        expect(r.rows.length > 0 !== r.issues.length > 0).toBe(true);
        for (const i of r.issues) expect(i.file).toBe('g.csv');
        for (const row of r.rows) expect(row.ld !== null || row.ln !== null).toBe(true);
      }),
      RUNS,
    );
  });
});
