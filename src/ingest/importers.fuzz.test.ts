/**
 * Property tests: every importer, given any input, returns rows or typed issues — never throws, never hangs.
 * Fixed seeds and run counts keep the suite's time bounded and its failures reproducible.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parsePlanYaml } from './plan-file.js';
import { checkZip, readCsvTable, readXlsxTable, DEFAULT_TABLE_LIMITS } from './table.js';
import { parseValuesTable } from './values-table.js';
import { stringify } from 'yaml';
import { ZIYANG } from '../test-support/fixture-plans.js';

const RUNS = { numRuns: 300, seed: 20261204 };

describe('plan file reader', () => {
  it('any text gives a plan or issues', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parsePlanYaml(text, 'x.yaml');
        expect(r.ok === true || r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
  it('a valid plan with one field mutated gives issues naming the field and line', () => {
    const good = stringify(ZIYANG);
    expect(parsePlanYaml(good, 'z.yaml').ok).toBe(true);
    const bad = good.replace('kind: noDecrease', 'kind: notAKind');
    const r = parsePlanYaml(bad, 'z.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toMatch(/^indicators\.5\.target/);
      expect(r.issues[0]?.row).toBe(bad.split('\n').findIndex((l) => l.includes('notAKind')) + 1);
    }
    const dup = parsePlanYaml('format: a\nformat: b\n', 'd.yaml');
    expect(dup.ok).toBe(false);
  });
  it('YAML alias bombs are refused', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const r = parsePlanYaml(bomb.join('\n'), 'bomb.yaml');
    expect(r.ok).toBe(false);
  });
});

describe('CSV table and values importer', () => {
  it('any bytes give a table or issues, and any table gives rows or issues', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const t = readCsvTable(bytes, 'f.csv');
        if (!t.ok) {
          expect(t.issues.length).toBeGreaterThan(0);
          return;
        }
        const v = parseValuesTable(t.table, 'f.csv');
        expect(v.ok === true || v.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
  it('CSV-shaped random text with the right header gives rows or located issues', () => {
    const cellArb = fc.oneof(fc.constantFrom('430902', '9', '2023', '55.5', '', '"a,b"', '九十', '-1e309', '__proto__'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const text = ['地区代码,序号,年份,数值,备注', ...rows.map((r) => r.join(','))].join('\n');
        const t = readCsvTable(Buffer.from(text), 'g.csv');
        if (!t.ok) return;
        const v = parseValuesTable(t.table, 'g.csv');
        if (!v.ok) for (const i of v.issues) expect(i.file).toBe('g.csv');
      }),
      RUNS,
    );
  });
  it('reads GBK bytes and rejects prototype-polluting headers', () => {
    const gbk = Buffer.from([0xb5, 0xd8, 0xc7, 0xf8, 0xb4, 0xfa, 0xc2, 0xeb]); // "地区代码" in GBK
    const t = readCsvTable(Buffer.concat([gbk, Buffer.from(',序号,年份,数值\n430902,9,2023,1\n'.replace('序号', 'seq').replace('年份', 'year').replace('数值', 'value'))]), 'gbk.csv');
    expect(t.ok && t.table.header[0]).toBe('地区代码');
    const p = readCsvTable(Buffer.from('__proto__,seq\n1,2\n'), 'p.csv');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.issues[0]).toMatchObject({ row: 1, column: 'A' });
  });
  it('refuses files over the limits', () => {
    const big = new Uint8Array(DEFAULT_TABLE_LIMITS.maxBytes + 1);
    expect(readCsvTable(big, 'big.csv').ok).toBe(false);
    const many = readCsvTable(Buffer.from('a\n' + '1\n'.repeat(20)), 'm.csv', { ...DEFAULT_TABLE_LIMITS, maxRows: 10 });
    expect(many.ok).toBe(false);
  });
});

describe('XLSX reader', () => {
  it('any bytes give a table or issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await readXlsxTable(bytes, 'f.xlsx');
        expect(r.ok === true || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 100, seed: 20261204 },
    );
  });
  it('reads a real workbook, rejects formula cells, and refuses a zip bomb without inflating it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数值');
    ws.addRow(['地区代码', '序号', '年份', '数值']);
    ws.addRow(['430902', 9, 2023, 55.5]);
    ws.addRow(['430902', 17, 2023, { formula: '1+1', result: 2 }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readXlsxTable(bytes, 'v.xlsx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ sheet: '数值', row: 3, column: 'D', message: expect.stringContaining('公式') });
    // The same workbook with a declared uncompressed size beyond the limit.
    expect(checkZip(bytes, { ...DEFAULT_TABLE_LIMITS, maxUncompressedBytes: 100 })).toContain('解压后大小');
    expect(checkZip(bytes, { ...DEFAULT_TABLE_LIMITS, maxZipEntries: 2 })).toContain('文件数');
  });
});
