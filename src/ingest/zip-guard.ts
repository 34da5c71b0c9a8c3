/**
 * Checks a zip (an XLSX, a .docx, a .zip of daily files) before a library opens it, against zip bombs and,
 * for XLSX, absurd sheets. The one zip check of ecoplan's importers:
 * - the number of zip entries, ZIP64, encryption and compression methods other than stored/deflate;
 * - the real uncompressed size: every entry is inflated with a hard output cap (the sizes a zip declares can
 *   lie), one entry at a time, so memory stays bounded by the limit;
 * - worksheet XML: cell and row references beyond Excel's grid (column XFD = 16,384, row 1,048,576), and
 *   more rows or columns than the reader's limits, found by scanning the `r="…"` references.
 * Never throws.
 */
import { inflateRawSync } from 'node:zlib';

/** Limits of the XLSX check. */
export interface XlsxGuardLimits {
  maxZipEntries: number;
  /** Most total uncompressed bytes of all entries. */
  maxUncompressedBytes: number;
  /** Most rows in a worksheet (references above it are refused). */
  maxRows: number;
  /** Most columns in a worksheet. */
  maxColumns: number;
}

/** Excel's grid: columns A…XFD, rows 1…1,048,576. */
export const EXCEL_MAX_COLUMNS = 16_384;
/** Excel's last row. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The column number (1-based) of letters A…Z, AA…; Infinity for more than 7 letters. */
export function columnNumber(letters: string): number {
  if (letters.length > 7) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function readEntries(bytes: Uint8Array, limits: XlsxGuardLimits): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) return '不是有效的 XLSX（zip）文件 / not an XLSX (zip) file';
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '不是有效的 XLSX（zip）文件 / not an XLSX (zip) file';
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return 'XLSX 使用了 ZIP64，超出允许大小 / ZIP64 is not accepted';
  if (count > limits.maxZipEntries) return `压缩包内文件数 ${count} 超过上限 ${limits.maxZipEntries} / too many zip entries`;
  if (cdOffset + cdSize > bytes.length) return '不是有效的 XLSX（zip）文件：目录越界 / corrupt zip directory';
  const entries: Entry[] = [];
  let p = cdOffset;
  let declared = 0;
  const latin1 = new TextDecoder('latin1');
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return '不是有效的 XLSX（zip）文件：目录损坏 / corrupt zip directory';
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) return '不是有效的 XLSX（zip）文件：目录损坏 / corrupt zip directory';
    const name = latin1.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) return 'XLSX 使用了 ZIP64，超出允许大小 / ZIP64 is not accepted';
    if (flags & 1) return 'XLSX 已加密，请另存为未加密的文件 / encrypted workbooks are not accepted';
    if (method !== 0 && method !== 8) return `XLSX 使用了不支持的压缩方式（${method}）/ unsupported compression`;
    declared += uncompressed;
    if (declared > limits.maxUncompressedBytes) return `解压后大小超过上限 ${limits.maxUncompressedBytes} 字节 / uncompressed size over the limit`;
    entries.push({ name, method, flags, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflateEntry(bytes: Uint8Array, e: Entry, cap: number): Buffer | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return `XLSX 内文件 ${e.name} 的位置无效 / corrupt zip entry`;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + e.compressed;
  if (end > bytes.length) return `XLSX 内文件 ${e.name} 被截断 / truncated zip entry`;
  const data = bytes.subarray(start, end);
  if (e.method === 0) {
    if (e.compressed !== e.uncompressed) return `XLSX 内文件 ${e.name} 大小不一致 / inconsistent zip entry`;
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(cap, e.uncompressed + 1)) });
    if (out.length !== e.uncompressed) return `XLSX 内文件 ${e.name} 的实际大小与声明不符，疑似压缩炸弹 / the entry's real size differs from the declared one`;
    return out;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return `XLSX 内文件 ${e.name} 解压后超过声明或上限，疑似压缩炸弹 / zip bomb`;
    return `XLSX 内文件 ${e.name} 无法解压：${String((err as Error).message).split('\n')[0]} / corrupt zip entry`;
  }
}

const REF = /\sr="([A-Z]*)(\d+)"/g;
const ROW = /<row[\s>\/]/g;
const DIMENSION = /<dimension\s+ref="([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?"/;

function checkSheet(name: string, xml: string, limits: XlsxGuardLimits): string | null {
  const dim = DIMENSION.exec(xml);
  const outside = (letters: string, digits: string): boolean => columnNumber(letters) > EXCEL_MAX_COLUMNS || digits.length > 7 || Number(digits) > EXCEL_MAX_ROWS || Number(digits) < 1;
  if (dim && (outside(dim[1] ?? '', dim[2] ?? '1') || (dim[3] !== undefined && outside(dim[3], dim[4] ?? '1')))) {
    return `工作表 ${name} 的范围 ${dim[0].slice(dim[0].indexOf('"') + 1, -1)} 超出 Excel 的表格范围（XFD1048576）/ reference beyond Excel's grid`;
  }
  let rows = 0;
  ROW.lastIndex = 0;
  while (ROW.exec(xml) !== null) {
    rows++;
    if (rows > limits.maxRows + 1) return `工作表 ${name} 的行数超过上限 ${limits.maxRows} / too many rows`;
  }
  REF.lastIndex = 0;
  for (let m = REF.exec(xml); m !== null; m = REF.exec(xml)) {
    const letters = m[1] ?? '';
    const digits = m[2] ?? '';
    if (outside(letters, digits)) return `工作表 ${name} 的单元格引用 ${letters}${digits} 超出 Excel 的表格范围（XFD1048576）/ cell reference beyond Excel's grid`;
    if (letters !== '' && columnNumber(letters) > limits.maxColumns) {
      return `工作表 ${name} 的列 ${letters} 超过列数上限 ${limits.maxColumns} / too many columns`;
    }
  }
  return null;
}

/** Checks XLSX bytes; returns null when they may be opened, else the reason (in Chinese and English). */
export function checkXlsx(bytes: Uint8Array, limits: XlsxGuardLimits): string | null {
  try {
    const entries = readEntries(bytes, limits);
    if (typeof entries === 'string') return entries;
    let budget = limits.maxUncompressedBytes;
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const out = inflateEntry(bytes, e, budget);
      if (typeof out === 'string') return out;
      budget -= out.length;
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
        const problem = checkSheet(e.name.replace(/^xl\/worksheets\//i, ''), out.toString('latin1'), limits);
        if (problem) return problem;
      }
    }
    return null;
  } catch (e) {
    return `无法检查 XLSX：${String((e as Error)?.message ?? e).split('\n')[0]} / could not check the XLSX`;
  }
}
