/**
 * Limits of the importers and the small helpers every reader shares, kept apart from the CSV/XLSX code so
 * that readers of other formats (CNEMC daily files, Word documents) load without ExcelJS.
 */
import { checkXlsx } from './zip-guard.js';

/** Limits on what a table may hold. */
export interface TableLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** XLSX: most entries in the zip, and most total uncompressed bytes. */
  maxZipEntries: number;
  maxUncompressedBytes: number;
}

/** Defaults suited to a district's yearly data. */
export const DEFAULT_TABLE_LIMITS: TableLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxZipEntries: 1_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
};

/** The spreadsheet column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Checks a zip (XLSX, .docx, .zip) before it is opened: entry count, ZIP64, encryption, and the real
 * uncompressed size found by inflating each entry under a hard cap (declared sizes can lie), plus, for
 * worksheets, references beyond Excel's grid. Returns a problem message or null. See zip-guard.ts.
 */
export function checkZip(bytes: Uint8Array, limits: TableLimits): string | null {
  return checkXlsx(bytes, { maxZipEntries: limits.maxZipEntries, maxUncompressedBytes: limits.maxUncompressedBytes, maxRows: limits.maxRows, maxColumns: limits.maxColumns });
}

/** The normalised form of a header: NFKC, lower case, no spaces, without a trailing bracketed unit. */
export function headerKey(header: string): string {
  const t = header.normalize('NFKC').replace(/^\uFEFF/, '').toLowerCase().replace(/\s+/g, '');
  return t.replace(/\(.*\)$/, '') || t;
}

/** The index of the first header matching one of the names, trying the names in order of preference; -1 if none. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const i = keys.indexOf(headerKey(name));
    if (i >= 0) return i;
  }
  return -1;
}

