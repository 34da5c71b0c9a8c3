/**
 * Reads environmental-noise readings from CSV or XLSX: pure and bounded. One row per point and date:
 * 点位/point, 功能区类别/zone (0, 1, 2, 3, 4a, 4b; "2类", "4a类" and the like), 日期/date, 昼间/Ld and 夜间/Ln
 * in dB(A) (either may be empty, not both), and optionally 夜间最大声级/Lmax. When any row is rejected, no
 * rows are returned and every issue names the file, sheet, row, column and the reason.
 */
import type { InputIssue } from '../../domain/errors.js';
import { noiseZoneLabel, parseNoiseZone, type NoiseReading, type NoiseZone } from '../../standards/noise/gb3096.js';
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
} from '../water/cells.js';

/** One reading read from a file, with where it came from. */
export interface NoiseReadingRow extends NoiseReading {
  row: number;
  sheet?: string;
  ld: number | null;
  ln: number | null;
  lmax: number | null;
}

/** Accepted headers, most specific first (matched after NFKC, case-insensitively, ignoring a bracketed unit). */
export const NOISE_COLUMNS = {
  point: ['点位名称', '点位', '测点名称', '测点', '监测点', '监测点位', '点位编码', 'point', 'site', 'station', 'location'],
  zone: ['功能区类别', '声环境功能区类别', '声环境功能区', '功能区', '类别', 'zone', 'zone_class', 'zoneclass', 'class'],
  date: ['监测日期', '日期', '监测时间', 'date'],
  ld: ['昼间等效声级', '昼间ld', '昼间leq', '昼间', 'ld', 'day', 'lday', 'leq_day'],
  ln: ['夜间等效声级', '夜间ln', '夜间leq', '夜间', 'ln', 'night', 'lnight', 'leq_night'],
  lmax: ['夜间最大声级', '夜间突发噪声', 'lmax', 'night_lmax'],
} as const;

/** Plausible range of an environmental noise level, dB(A). */
export const NOISE_LEVEL_RANGE = { min: 0, max: 150 } as const;

/** Reads noise readings from CSV or XLSX bytes. Never throws; returns rows, or no rows and the issues. */
export async function parseNoiseReadings(bytes: Uint8Array, options: ReaderOptions): Promise<ReadResult<NoiseReadingRow>> {
  const file = options.file;
  const loaded = await loadTable(bytes, options);
  if (!loaded.ok) return { rows: [], issues: loaded.issues };
  try {
    return readReadings(loaded.table, file);
  } catch (e) {
    return { rows: [], issues: [{ file, message: `读取失败：${String((e as Error)?.message ?? e).split('\n')[0]}` }] };
  }
}

/** The same function under the readers' common name. */
export const parse = parseNoiseReadings;

function readReadings(table: Table, file: string): ReadResult<NoiseReadingRow> {
  const { header, sheet } = table;
  const col = {
    point: findColumn(header, NOISE_COLUMNS.point),
    zone: findColumn(header, NOISE_COLUMNS.zone),
    date: findColumn(header, NOISE_COLUMNS.date),
    ld: findColumn(header, NOISE_COLUMNS.ld),
    ln: findColumn(header, NOISE_COLUMNS.ln),
    lmax: findColumn(header, NOISE_COLUMNS.lmax),
  };
  const missing: string[] = [];
  if (col.point < 0) missing.push('点位 / point');
  if (col.zone < 0) missing.push('功能区类别 / zone');
  if (col.date < 0) missing.push('日期 / date');
  if (col.ld < 0 && col.ln < 0) missing.push('昼间 Ld / day 或 夜间 Ln / night');
  if (missing.length) return { rows: [], issues: [{ file, sheet, row: 1, message: `缺少列：${missing.join('；')} / missing columns` }] };

  const issues: InputIssue[] = [];
  const rows: NoiseReadingRow[] = [];
  const seen = new Map<string, number>();
  const zoneOf = new Map<string, { zone: NoiseZone; row: number }>();
  const at = (cells: readonly string[], i: number): string => (i >= 0 ? (cells[i] ?? '') : '');

  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c === '')) continue;
    const bad = (c: number, message: string) => issues.push({ file, sheet, row, column: columnRef(header, c), message });
    issues.push(...extraCellIssues(cells, header, file, sheet, row));
    let ok = true;
    const point = at(cells, col.point);
    if (point === '') { bad(col.point, '点位名称为空 / empty point'); ok = false; }
    else if (point.length > MAX_NAME_CHARS) { bad(col.point, `点位名称超过 ${MAX_NAME_CHARS} 字符`); ok = false; }
    const zoneText = at(cells, col.zone);
    const zone = parseNoiseZone(zoneText);
    if (!zone) { bad(col.zone, `功能区类别应为 0、1、2、3、4a 或 4b 类（收到 "${quote(zoneText)}"）/ zone must be 0, 1, 2, 3, 4a or 4b`); ok = false; }
    const dateText = at(cells, col.date);
    const date = parseDateCell(dateText);
    if (date === null || date.length !== 10) { bad(col.date, `日期无法识别（收到 "${quote(dateText)}"，应如 2023-05-12）/ not a date`); ok = false; }
    const level = (c: number, label: string): number | null | undefined => {
      if (c < 0) return null;
      const text = at(cells, c).replace(/\s*db\s*\(?a?\)?\s*$/i, '');
      const v = parseValueCell(text);
      if (v.kind === 'empty') return null;
      if (v.kind !== 'number' || v.value < NOISE_LEVEL_RANGE.min || v.value > NOISE_LEVEL_RANGE.max) {
        bad(c, `${label}应为 ${NOISE_LEVEL_RANGE.min}～${NOISE_LEVEL_RANGE.max} dB(A) 之间的数值（收到 "${quote(at(cells, c))}"）/ not a level in dB(A)`);
        return undefined;
      }
      return v.value;
    };
    const ld = level(col.ld, '昼间等效声级 Ld');
    const ln = level(col.ln, '夜间等效声级 Ln');
    const lmax = level(col.lmax, '夜间最大声级 Lmax');
    if (ld === undefined || ln === undefined || lmax === undefined) ok = false;
    else if (ld === null && ln === null) {
      bad(col.ld >= 0 ? col.ld : col.ln, '昼间和夜间声级都为空 / neither day nor night level');
      ok = false;
    }
    if (!ok || !zone || date === null || ld === undefined || ln === undefined || lmax === undefined) continue;
    const earlier = zoneOf.get(point);
    if (earlier && earlier.zone !== zone) {
      bad(col.zone, `同一点位的功能区类别不一致：第 ${earlier.row} 行为 ${noiseZoneLabel(earlier.zone)}，此行为 ${noiseZoneLabel(zone)} / zone differs from row ${earlier.row}`);
      continue;
    }
    if (!earlier) zoneOf.set(point, { zone, row });
    const key = `${point}\u0000${date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ file, sheet, row, message: `与第 ${first} 行重复（同一点位、日期：${point}，${date}）/ duplicate of row ${first}` });
      continue;
    }
    seen.set(key, row);
    rows.push({ point, zone, date, ld, ln, lmax, row, ...(sheet !== undefined ? { sheet } : {}) });
  }
  if (issues.length === 0 && rows.length === 0) issues.push({ file, sheet, message: '没有数据行 / no data rows' });
  return issues.length ? { rows: [], issues } : { rows, issues: [] };
}
