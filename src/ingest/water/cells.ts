/**
 * Cell-level helpers for the monitoring readers (water samples, noise readings): loading a CSV or XLSX table
 * with limits and never throwing, finding columns by Chinese or English header, and reading numbers,
 * below-detection results and dates as Chinese monitoring files write them.
 */
import type { InputIssue } from '../../domain/errors.js';
import { DEFAULT_TABLE_LIMITS, columnLetter, readCsvTable, readXlsxTable, type Table, type TableLimits } from '../table.js';
import { findColumn, headerKey } from '../limits.js';

export { findColumn, headerKey };

/** Options of a monitoring reader: the file name (for messages and the format), limits, an XLSX sheet. */
export interface ReaderOptions {
  file: string;
  limits?: Partial<TableLimits>;
  /** XLSX: the sheet to read; the first sheet by default. */
  sheet?: string;
}

/** What a reader returns: the rows, or (when any row is rejected) no rows and every issue. */
export interface ReadResult<R> {
  rows: R[];
  issues: InputIssue[];
}

/** Longest accepted section, point or item name, in characters. */
export const MAX_NAME_CHARS = 200;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Loads a table from CSV or XLSX bytes. XLSX is recognised by its zip signature or a .xlsx name; CSV by a
 * .csv/.txt name (or no extension). CSV may be UTF-8 with or without BOM, or GB18030/GBK; UTF-16 is refused
 * with a message. Cells that could not be decoded (U+FFFD) are issues. XLSX formula cells are refused by the
 * shared reader (ecoplan does not trust cached formula results). Never throws.
 */
export async function loadTable(bytes: Uint8Array, options: ReaderOptions): Promise<{ ok: true; table: Table } | { ok: false; issues: InputIssue[] }> {
  const file = options.file;
  const limits: TableLimits = { ...DEFAULT_TABLE_LIMITS, ...(options.limits ?? {}) };
  try {
    const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
    let result;
    if (isZip(bytes) || ext === 'xlsx') {
      result = await readXlsxTable(bytes, file, options.sheet, limits);
    } else if (ext === 'xls' || ext === 'et') {
      return { ok: false, issues: [{ file, message: '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV / Legacy .xls is not supported: save as .xlsx or CSV' }] };
    } else if (ext === undefined || ext === 'csv' || ext === 'txt') {
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        return { ok: false, issues: [{ file, message: '文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 编码的 CSV / UTF-16 is not supported: save as UTF-8 or GBK CSV' }] };
      }
      result = readCsvTable(bytes, file, limits);
    } else {
      return { ok: false, issues: [{ file, message: `只支持 .csv 或 .xlsx 文件（收到 .${ext}）/ Only .csv and .xlsx are supported` }] };
    }
    if (!result.ok) return result;
    const table = result.table;
    const issues: InputIssue[] = [];
    table.header.forEach((h, i) => {
      if (FORBIDDEN.has(h.trim().toLowerCase())) issues.push({ file, sheet: table.sheet, row: 1, column: columnLetter(i), message: `不允许的列名 "${h}"` });
      if (h.includes('\uFFFD')) issues.push({ file, sheet: table.sheet, row: 1, column: columnLetter(i), message: '列名含无法识别的字符：文件编码应为 UTF-8 或 GBK / undecodable characters in the header' });
    });
    for (const { row, cells } of table.rows) {
      cells.forEach((c, j) => {
        if (c.includes('\uFFFD')) issues.push({ file, sheet: table.sheet, row, column: columnLetter(j), message: '单元格含无法识别的字符：文件编码应为 UTF-8 或 GBK / undecodable characters' });
      });
    }
    return issues.length ? { ok: false, issues } : { ok: true, table };
  } catch (e) {
    return { ok: false, issues: [{ file, message: `无法读取文件：${String((e as Error)?.message ?? e).split('\n')[0]}` }] };
  }
}

/** A column reference for an issue: the letter and the header, e.g. "C（浓度）". */
export function columnRef(header: readonly string[], index: number): string {
  return `${columnLetter(index)}（${header[index] ?? ''}）`;
}

/** A value cell: empty, a number, a result below detection (with its limit when written), or not a value. */
export type ValueCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'belowDetection'; limit: number | null }
  | { kind: 'invalid' };

const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = new RegExp(`^${NUM}$`);
const LESS_THAN = new RegExp(`^(?:<=?|≤)\\s*(${NUM})$`);
const L_SUFFIX = new RegExp(`^(${NUM})\\s*l$`);
const ND_WORDS = /^(?:nd|n\.d\.?|未检出|未检|低于检出限|小于检出限|<dl|bdl|<lod|<mdl)$/;
const ND_WITH_LIMIT = new RegExp(`^(?:nd|n\\.d\\.?|未检出|低于检出限)\\s*\\(\\s*(?:dl|检出限)?\\s*[:=]?\\s*(${NUM})\\s*\\)$`);
const EMPTY = /^(?:|[-—–/\\]+|无|空|na|n\/a|null)$/;

function toNumber(s: string): number | null {
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a value cell. Numbers may have thousands separators and full-width digits. Below detection: "ND",
 * "N.D.", "未检出", "<0.01", "＜0.01", "0.01L" (the "检出限+L" notation of Chinese monitoring reports),
 * "ND(0.01)", "未检出（0.01）". Empty: "", "-", "—", "/", "NA", "无".
 */
export function parseValueCell(text: string): ValueCell {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (EMPTY.test(t)) return { kind: 'empty' };
  if (PLAIN.test(t)) {
    const n = toNumber(t);
    return n === null ? { kind: 'invalid' } : { kind: 'number', value: n };
  }
  if (THOUSANDS.test(t)) {
    const n = toNumber(t.replace(/,/g, ''));
    return n === null ? { kind: 'invalid' } : { kind: 'number', value: n };
  }
  if (ND_WORDS.test(t)) return { kind: 'belowDetection', limit: null };
  const m = LESS_THAN.exec(t) ?? L_SUFFIX.exec(t) ?? ND_WITH_LIMIT.exec(t);
  if (m?.[1] !== undefined) {
    const n = toNumber(m[1]);
    return n === null || n <= 0 ? { kind: 'invalid' } : { kind: 'belowDetection', limit: n };
  }
  return { kind: 'invalid' };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date cell: "2023-05-12", "2023/5/12", "2023.05.12", "20230512", "2023年5月12日", with an optional
 * time after it (ignored), or a month: "2023-05", "2023/5", "2023年5月", "202305". Returns 'YYYY-MM-DD' or
 * 'YYYY-MM', or null when the text is not a real date between 1900 and 2100.
 */
export function parseDateCell(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ tT].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return null;
    return `${y}-${pad(mo)}`;
  }
  return null;
}

/** Issues for cells beyond the header (a ragged row) that are not empty. */
export function extraCellIssues(cells: readonly string[], header: readonly string[], file: string, sheet: string | undefined, row: number): InputIssue[] {
  const issues: InputIssue[] = [];
  for (let j = header.length; j < cells.length; j++) {
    if ((cells[j] ?? '') !== '') {
      issues.push({ file, sheet, row, column: columnLetter(j), message: `该行比表头多出单元格（表头只有 ${header.length} 列）/ more cells than the header` });
      break;
    }
  }
  return issues;
}

/** Shortens a cell's text for a message. */
export function quote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
