/**
 * Limits of the importers and the small helpers every reader shares, kept apart from the CSV/XLSX code so
 * that readers of other formats (CNEMC daily files, Word documents) load without ExcelJS.
 */

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
 * Checks a zip's central directory without inflating anything: the number of entries and the sum of the
 * declared uncompressed sizes. Returns a problem message or null.
 */
export function checkZip(bytes: Uint8Array, limits: TableLimits): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '不是有效的 XLSX（zip）文件';
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries > limits.maxZipEntries) return `压缩包内文件数 ${entries} 超过上限 ${limits.maxZipEntries}`;
  if (cdOffset + cdSize > bytes.length) return '不是有效的 XLSX（zip）文件：目录越界';
  let p = cdOffset;
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return '不是有效的 XLSX（zip）文件：目录损坏';
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) return 'XLSX 使用了 ZIP64，超出允许大小';
    total += uncompressed;
    if (compressed > 0 && uncompressed / compressed > 1000) return `压缩比异常（${Math.round(uncompressed / compressed)}:1），疑似压缩炸弹`;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (total > limits.maxUncompressedBytes) return `解压后大小 ${total} 字节超过上限 ${limits.maxUncompressedBytes}`;
  return null;
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

