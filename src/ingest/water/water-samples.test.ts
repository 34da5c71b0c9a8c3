import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseWaterSamples, unitConversion } from './water-samples.js';
import { evaluateWaterSections } from '../../standards/water/evaluation.js';

// Sections are those named in the seed plans (资江万家嘴, 资江龙山港, 黄家湖); values are made up and the
// expected rows worked out by hand (µg/L ÷ 1000 = mg/L; 个/100mL × 10 = 个/L; below detection keeps the limit).

const utf8 = (text: string) => new TextEncoder().encode(text);
const RUNS = { numRuns: 300, seed: 20261204 };

const LONG = [
  '断面名称,采样日期,监测项目,浓度,单位,检出限',
  '资江万家嘴,2025-01-10,氨氮,0.32,mg/L,0.025',
  '资江万家嘴,2025-01-10,总磷（以P计）,0.08,mg/L,0.01',
  '资江万家嘴,2025-01-10,汞,0.03,μg/L,0.04',
  '资江万家嘴,2025-01-10,氰化物,ND,mg/L,0.004',
  '资江万家嘴,2025-01-10,铅,<0.001,mg/L,',
  '资江万家嘴,2025-01-10,六价铬,0.004L,mg/L,',
  '资江万家嘴,2025-01-10,粪大肠菌群,540,个/100mL,',
  '资江万家嘴,2025-01-10,叶绿素a,3.2,μg/L,',
  '资江龙山港,2025年1月,pH,7.6,无量纲,',
].join('\n');

describe('water samples, long layout', () => {
  it('reads a UTF-8 CSV with Chinese headers, converting units and keeping detection limits', async () => {
    const r = await parseWaterSamples(utf8(LONG), { file: 'water.csv' });
    expect(r.issues).toEqual([]);
    expect(r.layout).toBe('long');
    expect(r.rows.map((x) => [x.row, x.section, x.date, x.item, x.value, x.belowDetection ?? false, x.unit])).toEqual([
      [2, '资江万家嘴', '2025-01-10', 'nh3n', 0.32, false, 'mg/L'],
      [3, '资江万家嘴', '2025-01-10', 'tp', 0.08, false, 'mg/L'],
      [4, '资江万家嘴', '2025-01-10', 'hg', 0.00003, false, 'mg/L'],
      // "ND" with the 检出限 column 0.004.
      [5, '资江万家嘴', '2025-01-10', 'cyanide', 0.004, true, 'mg/L'],
      [6, '资江万家嘴', '2025-01-10', 'pb', 0.001, true, 'mg/L'],
      [7, '资江万家嘴', '2025-01-10', 'cr6', 0.004, true, 'mg/L'],
      // 540 per 100 mL = 5400 per L.
      [8, '资江万家嘴', '2025-01-10', 'fecalColiform', 5400, false, '个/L'],
      // Not a GB 3838 item: kept by name, µg/L converted to mg/L.
      [9, '资江万家嘴', '2025-01-10', '叶绿素a', 0.0032, false, 'mg/L'],
      [10, '资江龙山港', '2025-01', 'ph', 7.6, false, '无量纲'],
    ]);
    expect(r.rows[1]?.itemName).toBe('总磷（以P计）');
  });

  it('reads the same file with a BOM, and encoded as GBK', async () => {
    const plain = await parseWaterSamples(utf8(LONG), { file: 'water.csv' });
    const bom = await parseWaterSamples(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LONG)]), { file: 'water.csv' });
    const gbk = await parseWaterSamples(new Uint8Array(iconv.encode(LONG.replace('μg/L', 'ug/L').replace('μg/L', 'ug/L'), 'gbk')), { file: 'water.csv' });
    expect(bom.rows).toEqual(plain.rows);
    expect(gbk.issues).toEqual([]);
    expect(gbk.rows.map((x) => [x.section, x.item, x.value])).toEqual(plain.rows.map((x) => [x.section, x.item, x.value]));
  });

  it('reads English headers', async () => {
    const r = await parseWaterSamples(utf8('Section,Date,Item,Value\nS1,2025-03-01,NH3-N,0.5\nS1,2025-03-01,DO,7.9\n'), { file: 'w.csv' });
    expect(r.rows.map((x) => [x.item, x.value])).toEqual([['nh3n', 0.5], ['do', 7.9]]);
  });

  it('feeds the evaluation: the rows classify as the standard says', async () => {
    // NH3-N 0.32 → Ⅱ, TP 0.08 → Ⅱ, Hg 0.00003 → Ⅰ, CN ND (0.002) → Ⅰ, Pb ND → Ⅰ, Cr6+ ND → Ⅰ: 资江万家嘴 Ⅱ.
    const r = await parseWaterSamples(utf8(LONG), { file: 'water.csv' });
    const e = evaluateWaterSections(r.rows, { year: 2025 });
    expect(e.sections.find((s) => s.section === '资江万家嘴')?.class).toBe(2);
  });
});

describe('water samples, wide layout', () => {
  it('reads one column per item, with units in the headers, and lists the columns it ignored', async () => {
    const text = ['序号,断面名称,采样日期,pH,溶解氧,高锰酸盐指数,总磷(以P计),汞(μg/L),备注', '1,黄家湖,2025-06-05,7.8,6.4,4.2,0.04,0.02,', '2,黄家湖,2025-07-05,8.1,,4.6,0.06,ND(0.04),雨后'].join('\n');
    const r = await parseWaterSamples(utf8(text), { file: 'wide.csv' });
    expect(r.issues).toEqual([]);
    expect(r.layout).toBe('wide');
    expect(r.ignoredColumns).toEqual(['序号', '备注']);
    expect(r.rows.map((x) => [x.row, x.date, x.item, x.value, x.belowDetection ?? false])).toEqual([
      [2, '2025-06-05', 'ph', 7.8, false], [2, '2025-06-05', 'do', 6.4, false], [2, '2025-06-05', 'codMn', 4.2, false],
      [2, '2025-06-05', 'tp', 0.04, false], [2, '2025-06-05', 'hg', 0.00002, false],
      // DO empty in row 3: not measured, no sample.
      [3, '2025-07-05', 'ph', 8.1, false], [3, '2025-07-05', 'codMn', 4.6, false], [3, '2025-07-05', 'tp', 0.06, false],
      [3, '2025-07-05', 'hg', 0.00004, true],
    ]);
  });
});

describe('water samples, XLSX', () => {
  async function workbook(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('水质');
    for (const r of rows) ws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads date and number cells', async () => {
    const bytes = await workbook([['断面', '日期', '项目', '浓度'], ['资江龙山港', new Date(Date.UTC(2025, 0, 10)), '氨氮', 0.32], ['资江龙山港', '2025-02-10', '总磷', 0.1]]);
    const r = await parseWaterSamples(bytes, { file: 'w.xlsx' });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.sheet, x.row, x.date, x.item, x.value])).toEqual([['水质', 2, '2025-01-10', 'nh3n', 0.32], ['水质', 3, '2025-02-10', 'tp', 0.1]]);
  });

  it('rejects formula cells (their cached results are not trusted)', async () => {
    const bytes = await workbook([['断面', '日期', '项目', '浓度'], ['资江龙山港', '2025-01-10', '氨氮', { formula: '0.1*3', result: 0.3 }]]);
    const r = await parseWaterSamples(bytes, { file: 'f.xlsx' });
    expect(r.rows).toEqual([]);
    expect(r.issues[0]).toMatchObject({ file: 'f.xlsx', sheet: '水质', row: 2, column: 'D', message: expect.stringContaining('公式') });
  });
});

describe('water samples, hostile input', () => {
  const head = '断面,日期,项目,浓度\n';

  it('rejects the whole file when one row is bad, naming row and column', async () => {
    const text = head + ['资江万家嘴,2025-01-10,氨氮,0.32', '资江万家嘴,2025-01-10,总磷,abc', '资江万家嘴,2025-02-30,氨氮,0.3', ',2025-01-10,氨氮,0.3', '资江万家嘴,2025-03-10,氨氮,', '资江万家嘴,2025-03-10,总磷,-0.1', '资江万家嘴,2025-03-10,pH,15'].join('\n');
    const r = await parseWaterSamples(utf8(text), { file: 'bad.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'D（浓度）'], [4, 'B（日期）'], [5, 'A（断面）'], [6, 'D（浓度）'], [7, 'D（浓度）'], [8, 'D（浓度）'],
    ]);
    expect(r.issues.every((i) => i.file === 'bad.csv')).toBe(true);
    expect(r.issues[0]?.message).toContain('abc');
  });

  it('rejects "ND" without a detection limit, and below-detection pH', async () => {
    const r = await parseWaterSamples(utf8(head + 's,2025-01-10,氰化物,未检出\ns,2025-01-10,pH,ND\n'), { file: 'nd.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => i.row)).toEqual([2, 3]);
    expect(r.issues[0]?.message).toContain('检出限');
  });

  it('rejects units that do not fit the item', async () => {
    const r = await parseWaterSamples(utf8('断面,日期,项目,浓度,单位\ns,2025-01-10,氨氮,0.3,个/L\ns,2025-01-10,pH,7,mg/L\n'), { file: 'u.csv' });
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[2, 'E（单位）'], [3, 'E（单位）']]);
    expect(unitConversion('nh3n', 'µg/L').ok).toBe(true);
  });

  it('rejects duplicates of section, date and item', async () => {
    const r = await parseWaterSamples(utf8(head + 's,2025-01-10,氨氮,0.3\ns,2025/1/10,NH3-N,0.4\n'), { file: 'd.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues[0]).toMatchObject({ row: 3, message: expect.stringContaining('第 2 行') });
  });

  it('rejects ragged rows with extra cells, and accepts short rows only when nothing required is missing', async () => {
    const r = await parseWaterSamples(utf8(head + 's,2025-01-10,氨氮,0.3,extra\ns,2025-01-10,总磷\n'), { file: 'r.csv' });
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[2, 'E'], [3, 'D（浓度）']]);
  });

  it('rejects huge fields and files beyond the limits', async () => {
    const big = await parseWaterSamples(utf8(head + `s,2025-01-10,氨氮,${'9'.repeat(20_000)}\n`), { file: 'h.csv' });
    expect(big.rows).toEqual([]);
    expect(big.issues[0]).toMatchObject({ row: 2, column: 'D' });
    const giant = await parseWaterSamples(utf8(head + `s,2025-01-10,氨氮,"${'x'.repeat(600_000)}"\n`), { file: 'g.csv' });
    expect(giant.rows).toEqual([]);
    expect(giant.issues.length).toBeGreaterThan(0);
    const many = await parseWaterSamples(utf8(head + 's,2025-01-10,氨氮,0.3\n'.repeat(11)), { file: 'm.csv', limits: { maxRows: 10 } });
    expect(many.issues[0]?.message).toContain('上限');
    const bytes = await parseWaterSamples(utf8(LONG), { file: 'b.csv', limits: { maxBytes: 100 } });
    expect(bytes.issues[0]?.message).toContain('上限');
  });

  it('rejects __proto__ and constructor headers', async () => {
    for (const h of ['__proto__', 'constructor']) {
      const r = await parseWaterSamples(utf8(`断面,日期,${h},浓度\ns,2025-01-10,氨氮,0.3\n`), { file: 'p.csv' });
      expect(r.rows).toEqual([]);
      expect(r.issues[0]).toMatchObject({ row: 1, column: 'C' });
    }
  });

  it('reports missing columns, an empty file and bytes in an unknown encoding', async () => {
    const none = await parseWaterSamples(utf8('a,b\n1,2\n'), { file: 'n.csv' });
    expect(none.issues[0]?.message).toContain('缺少列');
    const empty = await parseWaterSamples(new Uint8Array(), { file: 'e.csv' });
    expect(empty.issues.length).toBeGreaterThan(0);
    const onlyHeader = await parseWaterSamples(utf8(head), { file: 'o.csv' });
    expect(onlyHeader.issues[0]?.message).toContain('没有数据行');
    // The header in Shift-JIS: neither UTF-8 nor readable GB18030, so the columns are not found.
    const sjis = await parseWaterSamples(new Uint8Array(iconv.encode('断面,日付,項目,濃度\ns,2025-01-10,x,1\n', 'shift_jis')), { file: 's.csv' });
    expect(sjis.rows).toEqual([]);
    expect(sjis.issues.length).toBeGreaterThan(0);
  });

  it('never throws and never returns rows with issues, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), fc.constantFrom('x.csv', 'x.xlsx', 'x'), async (bytes, file) => {
        const r = await parseWaterSamples(bytes, { file });
        expect(r.rows.length > 0 !== r.issues.length > 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives rows or located issues for CSV-shaped random text under the right header', async () => {
    const cell = fc.oneof(
      fc.constantFrom('资江万家嘴', '2025-01-10', '2025-02-30', '氨氮', '总磷', 'pH', '0.3', '<0.01', 'ND', '0.01L', '-1', '', '"a,b"', '1e999', '__proto__', '\u00ff'),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 25 }), async (rows) => {
        const text = ['断面,日期,项目,浓度,检出限', ...rows.map((r) => r.join(','))].join('\n');
        const r = await parseWaterSamples(utf8(text), { file: 'g.csv' });
        expect(r.rows.length > 0 !== r.issues.length > 0).toBe(true);
        for (const i of r.issues) expect(i.file).toBe('g.csv');
        for (const row of r.rows) expect(Number.isFinite(row.value) && row.section !== '' && /^\d{4}-\d{2}(-\d{2})?$/.test(row.date)).toBe(true);
      }),
      RUNS,
    );
  });
});
