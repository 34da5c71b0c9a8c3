/**
 * The general CSV path of the air readers: csv-parse (RFC 4180, quotes, any line ending) over decoded text,
 * with the 1-based line on which each record starts (a quoted field may span lines), and text decoding that
 * names the encoding it used. Never throws.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** One CSV record and the line it starts on (1-based; line 1 is the first line after a BOM). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Records, or the reason the text is not CSV (with the line when csv-parse gives one). */
export type CsvRecords = { ok: true; records: CsvRecord[] } | { ok: false; row?: number; message: string };

/** True for a record that came from an empty line. */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.length === 0 || (cells.length === 1 && cells[0] === '');
}

function countNewlines(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    let i = c.indexOf('\n');
    while (i >= 0) {
      n++;
      i = c.indexOf('\n', i + 1);
    }
  }
  return n;
}

/**
 * Parses CSV text into records with their start lines. Empty lines come back as blank records (one empty
 * cell) so that line numbers stay right; callers skip them. `maxRecordChars` bounds a single record.
 */
export function csvRecords(text: string, maxRecordChars: number): CsvRecords {
  let raw: string[][];
  try {
    raw = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
    }) as string[][];
  } catch (e) {
    const err = e as { lines?: unknown; message?: unknown; code?: unknown };
    const message = typeof err.message === 'string' ? err.message.split('\n')[0] ?? '' : String(e);
    const row = typeof err.lines === 'number' && err.lines > 0 ? err.lines : undefined;
    return { ok: false, ...(row !== undefined ? { row } : {}), message: `CSV 格式错误：${message} / malformed CSV` };
  }
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of raw) {
    records.push({ row: line, cells });
    line += 1 + countNewlines(cells);
  }
  return { ok: true, records };
}

/** Which text encoding a file was decoded with. */
export type TextEncodingName = 'utf-8' | 'gb18030';

/**
 * Decodes text bytes: UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK and GB2312). UTF-16 is
 * refused: returns null with a reason.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | { text: null; message: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: null, message: '文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 编码的 CSV / UTF-16 is not supported: save as UTF-8 or GBK CSV' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}

/** True when the bytes contain a NUL byte in their first 64 KiB: a binary file, not CSV text. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 65_536).indexOf(0) >= 0;
}
