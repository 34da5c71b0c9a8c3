/**
 * Reads a table from CSV or XLSX bytes with limits, for the importers. CSV may be UTF-8 (with or without
 * BOM) or GB18030/GBK; XLSX is checked for zip bombs (entry count, declared uncompressed size) before it is
 * opened. Cells come back as trimmed strings; problems name the file, sheet, row and column.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { InputIssue } from '../domain/errors.js';
import { checkZip, columnLetter, DEFAULT_TABLE_LIMITS, type TableLimits } from './limits.js';

export { checkZip, columnLetter, DEFAULT_TABLE_LIMITS, type TableLimits };


/** A table read from a file: the header and the data rows with their 1-based row numbers in the source. */
export interface Table {
  sheet?: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Either a table or the problems found. */
export type TableResult = { ok: true; table: Table } | { ok: false; issues: InputIssue[] };


const FORBIDDEN_HEADERS = new Set(['__proto__', 'constructor', 'prototype']);

/** Decodes CSV bytes: UTF-8 with or without BOM, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

function checkHeader(header: string[], file: string, sheet: string | undefined, limits: TableLimits): InputIssue[] {
  const issues: InputIssue[] = [];
  if (header.length > limits.maxColumns) issues.push({ file, sheet, row: 1, message: `列数 ${header.length} 超过上限 ${limits.maxColumns}` });
  header.forEach((h, i) => {
    if (FORBIDDEN_HEADERS.has(h.trim())) issues.push({ file, sheet, row: 1, column: columnLetter(i), message: `不允许的列名 "${h}"` });
  });
  return issues;
}

/** Reads a CSV table. */
export function readCsvTable(bytes: Uint8Array, file: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): TableResult {
  if (bytes.length > limits.maxBytes) return { ok: false, issues: [{ file, message: `文件大小 ${bytes.length} 字节超过上限 ${limits.maxBytes}` }] };
  const { text } = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: limits.maxCellChars * Math.min(limits.maxColumns, 50),
      to_line: limits.maxRows + 2,
    }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    return { ok: false, issues: [{ file, row: err.lines, message: `CSV 格式错误：${(err.message ?? String(e)).split('\n')[0]}` }] };
  }
  if (records.length === 0) return { ok: false, issues: [{ file, message: '文件为空，应有表头行和数据行' }] };
  if (records.length > limits.maxRows + 1) return { ok: false, issues: [{ file, message: `数据行数超过上限 ${limits.maxRows}` }] };
  const header = (records[0] ?? []).map((h) => h.trim());
  const issues = checkHeader(header, file, undefined, limits);
  const rows: Table['rows'] = [];
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    r.forEach((c, j) => {
      if (c.length > limits.maxCellChars) issues.push({ file, row, column: columnLetter(j), message: `单元格超过 ${limits.maxCellChars} 字符` });
    });
    rows.push({ row, cells: r.map((c) => c.trim()) });
  });
  return issues.length ? { ok: false, issues } : { ok: true, table: { header, rows } };
}


function cellText(v: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v), formula: false };
  if (typeof v === 'string') return { text: v, formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { text: '', formula: true };
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in v) return { text: String(v.text), formula: false };
    if ('error' in v) return { text: String(v.error), formula: false };
  }
  return { text: String(v), formula: false };
}

/** Reads the first sheet (or the named one) of an XLSX workbook. Formula cells are rejected: enter values. */
export async function readXlsxTable(bytes: Uint8Array, file: string, sheetName?: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<TableResult> {
  if (bytes.length > limits.maxBytes) return { ok: false, issues: [{ file, message: `文件大小 ${bytes.length} 字节超过上限 ${limits.maxBytes}` }] };
  const zipProblem = checkZip(bytes, limits);
  if (zipProblem) return { ok: false, issues: [{ file, message: zipProblem }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, issues: [{ file, message: `无法读取 XLSX：${(e as Error).message.split('\n')[0]}` }] };
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) return { ok: false, issues: [{ file, sheet: sheetName, message: sheetName ? `找不到工作表 "${sheetName}"` : '工作簿中没有工作表' }] };
  const sheet = ws.name;
  if (ws.rowCount > limits.maxRows + 1) return { ok: false, issues: [{ file, sheet, message: `数据行数 ${ws.rowCount - 1} 超过上限 ${limits.maxRows}` }] };
  if (ws.columnCount > limits.maxColumns) return { ok: false, issues: [{ file, sheet, message: `列数 ${ws.columnCount} 超过上限 ${limits.maxColumns}` }] };
  const issues: InputIssue[] = [];
  let header: string[] | null = null;
  const rows: Table['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    const count = Math.min(r.cellCount, limits.maxColumns);
    for (let c = 1; c <= count; c++) {
      const { text, formula } = cellText(r.getCell(c).value);
      if (formula) issues.push({ file, sheet, row: rowNumber, column: columnLetter(c - 1), message: '单元格含公式，请粘贴为数值后再导入' });
      if (text.length > limits.maxCellChars) issues.push({ file, sheet, row: rowNumber, column: columnLetter(c - 1), message: `单元格超过 ${limits.maxCellChars} 字符` });
      cells.push(text.trim());
    }
    if (header === null) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  if (header === null) return { ok: false, issues: [{ file, sheet, message: '工作表为空，应有表头行和数据行' }] };
  issues.push(...checkHeader(header, file, sheet, limits));
  return issues.length ? { ok: false, issues } : { ok: true, table: { sheet, header, rows } };
}

/** Reads a CSV or XLSX table, chosen by the file name's extension. */
export async function readTable(bytes: Uint8Array, file: string, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<TableResult> {
  if (/\.xlsx$/i.test(file)) return readXlsxTable(bytes, file, undefined, limits);
  if (/\.(csv|txt)$/i.test(file)) return readCsvTable(bytes, file, limits);
  return { ok: false, issues: [{ file, message: '只支持 .csv 或 .xlsx 文件' }] };
}

/**
 * Finds the columns of a table by their accepted header names (Chinese or English, case-insensitive).
 * Returns the index of each wanted column, or issues for those missing.
 */
export function mapColumns<K extends string>(
  header: string[],
  wanted: Record<K, { names: string[]; required: boolean }>,
  file: string,
  sheet?: string,
): { ok: true; index: Record<K, number> } | { ok: false; issues: InputIssue[] } {
  const norm = header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const index = {} as Record<K, number>;
  const issues: InputIssue[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const spec = wanted[key];
    const i = norm.findIndex((h) => spec.names.some((n) => n.toLowerCase() === h));
    if (i >= 0) index[key] = i;
    else {
      index[key] = -1;
      if (spec.required) issues.push({ file, sheet, row: 1, message: `缺少列「${spec.names.join(' / ')}」` });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, index };
}
