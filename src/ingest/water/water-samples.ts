/**
 * Reads surface-water monitoring samples from CSV or XLSX: pure and bounded. Two layouts are accepted:
 * - long: one row per section, date and item — 断面/section, 日期/date, 项目/item, 浓度/value, and optionally
 *   单位/unit and 检出限/detection limit;
 * - wide: one row per section and date, one column per item (e.g. "高锰酸盐指数", "总磷(mg/L)", "汞(μg/L)").
 * Values are converted to the unit of GB 3838 (µg/L → mg/L, 粪大肠菌群 per 100 mL → per L). Results below
 * detection ("ND", "未检出", "<0.01", "0.01L") keep the detection limit and are marked; the evaluation uses
 * half of it (see src/standards/water/evaluation.ts). When any row is rejected, no rows are returned and every
 * issue names the file, sheet, row, column and the reason.
 */
import type { InputIssue } from '../../domain/errors.js';
import { itemKey, waterItem, waterItemCode, type WaterItemCode } from '../../standards/water/gb3838.js';
import type { WaterSample } from '../../standards/water/evaluation.js';
import type { Table } from '../table.js';
import {
  MAX_NAME_CHARS,
  columnRef,
  extraCellIssues,
  findColumn,
  loadTable,
  parseDateCell,
  parseValueCell,
  quote,
  type ReadResult,
  type ReaderOptions,
} from './cells.js';

/** One sample read from a file: a `WaterSample` with where it came from and its unit. */
export interface WaterSampleRow extends WaterSample {
  /** 1-based row in the source (the header is row 1). */
  row: number;
  sheet?: string;
  /** The item as written in the file. `item` is the GB 3838 code when known, else this name. */
  itemName: string;
  /** The unit of `value`: the standard's unit for GB 3838 items, else mg/L or the unit as written. */
  unit: string;
}

/** The water samples read, the layout found and the columns that were not used. */
export interface WaterSamplesResult extends ReadResult<WaterSampleRow> {
  layout: 'long' | 'wide' | null;
  ignoredColumns: string[];
}

/** Accepted headers, most specific first (matched after NFKC, case-insensitively, ignoring a bracketed unit). */
export const WATER_COLUMNS = {
  section: ['断面名称', '断面', '监测断面', '点位名称', '点位', '水源地名称', '水源地', '测站名称', 'section', 'site', 'station', 'point', 'location'],
  date: ['采样日期', '监测日期', '日期', '采样时间', '监测时间', '时间', 'date', 'sampling_date', 'sample_date', 'datetime'],
  item: ['监测项目', '项目', '监测指标', '指标', '因子', '污染物', 'item', 'parameter', 'indicator', 'factor', 'determinand'],
  value: ['浓度', '浓度值', '监测值', '监测结果', '结果', '数值', '值', 'value', 'concentration', 'result'],
  unit: ['单位', '计量单位', 'unit', 'units'],
  detectionLimit: ['检出限', '方法检出限', 'detection_limit', 'detectionlimit', 'dl', 'mdl', 'lod'],
} as const;

type Conversion = { ok: true; unit: string; convert: (v: number) => number } | { ok: false; message: string };

const same = (v: number) => v;
/** Multiplies by a power of ten without binary noise (0.03 µg/L → 0.00003 mg/L, not 0.000029999999999999997). */
const scale = (exp: number) => (v: number) => Number((v * 10 ** exp).toPrecision(15));

function massUnit(u: string): Conversion | null {
  if (u === 'mg/l') return { ok: true, unit: 'mg/L', convert: same };
  if (u === 'μg/l' || u === 'ug/l') return { ok: true, unit: 'mg/L', convert: scale(-3) };
  if (u === 'ng/l') return { ok: true, unit: 'mg/L', convert: scale(-6) };
  return null;
}

/** The conversion of a value written in `unitText` to the standard's unit of the item. */
export function unitConversion(code: WaterItemCode | null, unitText: string): Conversion {
  const u = unitText.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (code === null) return massUnit(u) ?? { ok: true, unit: unitText.trim(), convert: same };
  const spec = waterItem(code);
  const wrong: Conversion = { ok: false, message: `单位「${quote(unitText)}」不适用于${spec.nameZh}（应为 ${spec.unit}）/ unit does not fit the item` };
  if (code === 'ph') return ['', '无量纲', 'ph', '-', 'ph单位', '/'].includes(u) ? { ok: true, unit: '无量纲', convert: same } : wrong;
  if (code === 'waterTemp') return ['', '°c', 'c', '摄氏度', 'degc'].includes(u) ? { ok: true, unit: '℃', convert: same } : wrong;
  if (code === 'fecalColiform') {
    if (['', '个/l', 'mpn/l', 'cfu/l'].includes(u)) return { ok: true, unit: '个/L', convert: same };
    if (['个/100ml', 'mpn/100ml', 'cfu/100ml'].includes(u)) return { ok: true, unit: '个/L', convert: scale(1) };
    return wrong;
  }
  if (u === '') return { ok: true, unit: spec.unit, convert: same };
  return massUnit(u) ?? wrong;
}

/** The unit written in a header's last bracket, e.g. "汞(μg/L)" → "μg/L"; '' when the bracket is not a unit. */
function unitInHeader(header: string, code: WaterItemCode): string {
  const m = /\(([^()]*)\)\s*$/.exec(header.normalize('NFKC'));
  if (!m?.[1]) return '';
  const c = unitConversion(code, m[1]);
  return c.ok && m[1].trim() !== '' && /[a-zμ/℃°个]/i.test(m[1]) && !/^以/.test(m[1]) ? m[1] : '';
}

function plausible(code: WaterItemCode | null, v: number): string | null {
  if (code === 'ph') return v >= 0 && v <= 14 ? null : 'pH 应在 0～14 之间';
  if (code === 'waterTemp') return v >= -10 && v <= 60 ? null : '水温应在 -10～60 ℃ 之间';
  return v >= 0 ? null : '浓度不能为负数';
}

interface Cell {
  text: string;
  col: number;
}

/**
 * Reads water samples from CSV or XLSX bytes. Never throws; returns rows, or no rows and the issues.
 * "ND"/"未检出" without a detection limit (in the cell, e.g. "<0.01", or in a 检出限 column) is rejected:
 * half the detection limit cannot be computed without it.
 */
export async function parseWaterSamples(bytes: Uint8Array, options: ReaderOptions): Promise<WaterSamplesResult> {
  const file = options.file;
  const loaded = await loadTable(bytes, options);
  if (!loaded.ok) return { rows: [], issues: loaded.issues, layout: null, ignoredColumns: [] };
  try {
    return readSamples(loaded.table, file);
  } catch (e) {
    return { rows: [], issues: [{ file, message: `读取失败：${String((e as Error)?.message ?? e).split('\n')[0]}` }], layout: null, ignoredColumns: [] };
  }
}

/** The same function under the readers' common name. */
export const parse = parseWaterSamples;

function readSamples(table: Table, file: string): WaterSamplesResult {
  const { header, sheet } = table;
  const col = {
    section: findColumn(header, WATER_COLUMNS.section),
    date: findColumn(header, WATER_COLUMNS.date),
    item: findColumn(header, WATER_COLUMNS.item),
    value: findColumn(header, WATER_COLUMNS.value),
    unit: findColumn(header, WATER_COLUMNS.unit),
    detectionLimit: findColumn(header, WATER_COLUMNS.detectionLimit),
  };
  const fixed = new Set([col.section, col.date, col.item, col.value, col.unit, col.detectionLimit].filter((i) => i >= 0));
  const itemColumns: { col: number; code: WaterItemCode; unit: string }[] = [];
  header.forEach((h, i) => {
    if (fixed.has(i)) return;
    const code = waterItemCode(h);
    if (code) itemColumns.push({ col: i, code, unit: unitInHeader(h, code) });
  });
  const long = col.item >= 0 && col.value >= 0;
  const issues: InputIssue[] = [];
  const missing: string[] = [];
  if (col.section < 0) missing.push('断面 / section');
  if (col.date < 0) missing.push('日期 / date');
  if (!long && itemColumns.length === 0) missing.push('项目 / item 和 浓度 / value（或每个监测项目一列）');
  if (missing.length) {
    return { rows: [], issues: [{ file, sheet, row: 1, message: `缺少列：${missing.join('；')} / missing columns` }], layout: null, ignoredColumns: [] };
  }
  const layout = long ? 'long' : 'wide';
  const used = long ? fixed : new Set([...fixed, ...itemColumns.map((c) => c.col)]);
  const ignoredColumns = header.filter((_, i) => !used.has(i));
  const rows: WaterSampleRow[] = [];
  const seen = new Map<string, number>();
  const at = (cells: readonly string[], i: number): string => (i >= 0 ? (cells[i] ?? '') : '');

  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c === '')) continue;
    const bad = (c: number, message: string) => issues.push({ file, sheet, row, column: columnRef(header, c), message });
    issues.push(...extraCellIssues(cells, header, file, sheet, row));
    const section = at(cells, col.section);
    const dateText = at(cells, col.date);
    let ok = true;
    if (section === '') { bad(col.section, '断面名称为空 / empty section'); ok = false; }
    else if (section.length > MAX_NAME_CHARS) { bad(col.section, `断面名称超过 ${MAX_NAME_CHARS} 字符`); ok = false; }
    const date = parseDateCell(dateText);
    if (date === null) { bad(col.date, `日期无法识别（收到 "${quote(dateText)}"，应如 2023-05-12 或 2023-05）/ not a date`); ok = false; }

    const values: { cell: Cell; itemName: string; code: WaterItemCode | null; unitText: string; unitCol: number }[] = [];
    if (long) {
      const itemName = at(cells, col.item);
      if (itemName === '') { bad(col.item, '监测项目为空 / empty item'); ok = false; }
      else if (itemName.length > MAX_NAME_CHARS) { bad(col.item, `监测项目名称超过 ${MAX_NAME_CHARS} 字符`); ok = false; }
      else values.push({ cell: { text: at(cells, col.value), col: col.value }, itemName, code: waterItemCode(itemName) ?? null, unitText: at(cells, col.unit), unitCol: col.unit });
    } else {
      for (const ic of itemColumns) values.push({ cell: { text: at(cells, ic.col), col: ic.col }, itemName: header[ic.col] ?? '', code: ic.code, unitText: ic.unit, unitCol: ic.col });
    }

    const parsed: WaterSampleRow[] = [];
    for (const v of values) {
      const conv = unitConversion(v.code, v.unitText);
      if (!conv.ok) { bad(v.unitCol >= 0 ? v.unitCol : v.cell.col, conv.message); ok = false; continue; }
      const cell = parseValueCell(v.cell.text);
      const itemLabel = v.code ? waterItem(v.code).nameZh : v.itemName;
      if (cell.kind === 'empty') {
        if (long) { bad(v.cell.col, `${itemLabel}缺少数值 / missing value`); ok = false; }
        continue;
      }
      if (cell.kind === 'invalid') { bad(v.cell.col, `${itemLabel}的数值无法识别（收到 "${quote(v.cell.text)}"）/ not a number`); ok = false; continue; }
      let value: number;
      let belowDetection = false;
      if (cell.kind === 'number') {
        value = conv.convert(cell.value);
        const why = plausible(v.code, value);
        if (why) { bad(v.cell.col, `${itemLabel}：${why}（收到 "${quote(v.cell.text)}"）`); ok = false; continue; }
      } else {
        if (v.code === 'ph' || v.code === 'waterTemp') { bad(v.cell.col, `${itemLabel}不能为未检出 / cannot be below detection`); ok = false; continue; }
        let limit = cell.limit;
        if (limit === null && long && col.detectionLimit >= 0) {
          const dl = parseValueCell(at(cells, col.detectionLimit));
          if (dl.kind === 'number' && dl.value > 0) limit = dl.value;
        }
        if (limit === null) {
          bad(v.cell.col, `${itemLabel}未检出但没有检出限：请写成 "<检出限"（如 <0.01）或填写检出限列 / below detection without a detection limit`);
          ok = false;
          continue;
        }
        value = conv.convert(limit);
        belowDetection = true;
      }
      parsed.push({
        section,
        date: date ?? '',
        item: v.code ?? v.itemName,
        itemName: v.itemName,
        value,
        ...(belowDetection ? { belowDetection } : {}),
        unit: conv.unit,
        row,
        ...(sheet !== undefined ? { sheet } : {}),
      });
    }
    if (!ok) continue;
    for (const p of parsed) {
      const key = `${p.section}\u0000${p.date}\u0000${waterItemCode(p.item) ?? itemKey(p.itemName)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ file, sheet, row, message: `与第 ${first} 行重复（同一断面、日期、项目：${p.section}，${p.date}，${p.itemName}）/ duplicate of row ${first}` });
        continue;
      }
      seen.set(key, row);
      rows.push(p);
    }
  }
  if (issues.length === 0 && rows.length === 0) issues.push({ file, sheet, message: '没有数据行 / no data rows' });
  return issues.length ? { rows: [], issues, layout, ignoredColumns } : { rows, issues: [], layout, ignoredColumns };
}
