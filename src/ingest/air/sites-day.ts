/**
 * Reads one CNEMC daily site file as archived by quotsoft, `china_sites_YYYYMMDD.csv`
 * (reference/STANDARDS.md §8.1):
 *
 *     date,hour,type,1001A,1002A,…
 *     20220101,0,AQI,59,,63,…
 *
 * one row per hour (0–23) and type (15 types, see `SITE_TYPES`), one column per station; an empty cell is a
 * missing value; concentrations in µg/m³ (CO in mg/m³).
 *
 * Two parsers share one set of rules (`DayBuilder`):
 * - a hand-written byte-level fast path for this one format (no string per cell; numbers are read from the
 *   bytes), used when the file has no quote character and consistent line endings;
 * - a general path over csv-parse (quotes, any line ending), used otherwise. Tests check that both give the
 *   same result, issues included.
 *
 * Rules:
 * - Header: `date,hour,type`, then at least one station code. Codes must be non-empty and at most 32 ASCII
 *   letters, digits, '_' or '-'; unusual forms (not 4 digits + a capital letter) are one warning. A trailing
 *   comma (an empty last header cell) is a warning, and that column must stay empty.
 * - Duplicate station codes (the 2022 files repeat 1961A and 1966A): the station gets, cell by cell, the
 *   first non-empty value in column order; one warning per duplicated code names all its columns and counts
 *   the cells where two columns hold different values.
 * - Every row's date must be the date in the file name (`china_sites_20220101.csv`) or, without such a name,
 *   the date of the first data row; hour is 0–23; a (type, hour) may appear once; blank lines are skipped.
 * - Known types are stored; an unknown type is a warning (once per type) and its rows are skipped.
 * - A value cell is empty (missing) or digits with an optional decimal part (`35`, `0.8`); anything else is an
 *   error naming file, row, column (letter, number and station code) and what was expected. A row with more or
 *   fewer cells than the header is an error.
 * - Any error rejects the file: `day` is null and all issues are returned (capped, see `IssueList`).
 * - Types or hours absent from the file are warnings; their values stay missing (NaN).
 */
import { columnLetter } from '../limits.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { isBlankRecord } from './csv-records.js';
import { DEFAULT_MAX_ISSUES, IssueList, shorten, type AirIssue } from './issues.js';

/** The 15 types of a daily site file, in the order CNEMC writes them. See §8.3 for their meaning. */
export const SITE_TYPES = [
  'AQI',
  'PM2.5',
  'PM2.5_24h',
  'PM10',
  'PM10_24h',
  'SO2',
  'SO2_24h',
  'NO2',
  'NO2_24h',
  'O3',
  'O3_24h',
  'O3_8h',
  'O3_8h_24h',
  'CO',
  'CO_24h',
] as const;
/** One type of a daily site file. */
export type SiteType = (typeof SITE_TYPES)[number];

const TYPE_INDEX: ReadonlyMap<string, number> = new Map(SITE_TYPES.map((t, i) => [t, i]));
const NT = SITE_TYPES.length;

/** The index of a type in `SITE_TYPES`, or -1. */
export function siteTypeIndex(type: string): number {
  return TYPE_INDEX.get(type) ?? -1;
}

/** Limits of the daily-file reader. A national file is about 2 MB, ~2,000 columns and 360 data rows. */
export interface SitesDayLimits {
  maxBytes: number;
  maxColumns: number;
  maxRows: number;
  /** Longest value cell, in bytes. */
  maxCellBytes: number;
  maxIssues: number;
}

/** Default limits. */
export const DEFAULT_SITES_DAY_LIMITS: SitesDayLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxColumns: 20_000,
  maxRows: 10_000,
  maxCellBytes: 32,
  maxIssues: DEFAULT_MAX_ISSUES,
};

/** Options of `parseSitesDay`. */
export interface SitesDayOptions {
  /** File name (for messages; its date `china_sites_YYYYMMDD.csv` is checked against the rows). */
  file: string;
  /** The expected date (YYYYMMDD or YYYY-MM-DD), when the file name does not carry it. */
  date?: string;
  limits?: Partial<SitesDayLimits>;
  /** Which parser to use: `auto` (default) tries the fast path and falls back to the general one. */
  parser?: 'auto' | 'fast' | 'general';
  /**
   * A buffer to hold the values instead of a new one (used when long enough). The returned day's `values`
   * then live in it and are overwritten by the next read that reuses it: for callers that copy the values
   * out at once (the year accumulator), to spare a 6 MB allocation per national file.
   */
  reuse?: Float64Array;
}

/** A station code that heads more than one column, and how its columns were merged. */
export interface DuplicateColumns {
  station: string;
  /** 0-based column indices, in order. */
  columns: number[];
  /** Cells where two of its columns both hold a value and the values differ (the first was kept). */
  conflicts: number;
}

/** One daily site file, read. */
export interface SitesDay {
  file: string;
  /** ISO date, e.g. "2022-01-01". */
  date: string;
  /** Station codes in header order, each once. */
  stations: string[];
  /**
   * Values: `values[(typeIndex × stations.length + stationIndex) × 24 + hour]`, NaN = missing. `typeIndex` is
   * the index in `SITE_TYPES`.
   */
  values: Float64Array;
  /** `rowPresent[typeIndex × 24 + hour]` = 1 when the file had that row. */
  rowPresent: Uint8Array;
  duplicates: DuplicateColumns[];
  /** Which parser read the file. */
  parser: 'fast' | 'general';
}

/** A daily file read: the day, or null when any error was found, and the issues (errors and warnings). */
export interface SitesDayResult {
  day: SitesDay | null;
  issues: AirIssue[];
}

/** The value of one type, station and hour (NaN when missing or unknown). */
export function siteValue(day: SitesDay, type: SiteType, station: string, hour: number): number {
  const s = day.stations.indexOf(station);
  if (s < 0 || hour < 0 || hour > 23) return Number.NaN;
  return day.values[(siteTypeIndex(type) * day.stations.length + s) * 24 + hour] ?? Number.NaN;
}

/** The 24 hourly values of one type and station (a view, not a copy), or null for an unknown station. */
export function siteSeries(day: SitesDay, type: SiteType, station: string): Float64Array | null {
  const s = day.stations.indexOf(station);
  if (s < 0) return null;
  const at = (siteTypeIndex(type) * day.stations.length + s) * 24;
  return day.values.subarray(at, at + 24);
}

/** The date in a daily file's name (`china_sites_20220101.csv` → "20220101"), or null. */
export function dateInFileName(file: string): string | null {
  const m = /china_sites_(\d{8})\.csv$/i.exec(file);
  return m?.[1] ?? null;
}

/** "20220101" → "2022-01-01" when it is a real date, else null. */
export function compactDateToIso(d: string): string | null {
  if (!/^\d{8}$/.test(d)) return null;
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || day < 1 || day > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const CODE = /^[0-9A-Za-z_-]{1,32}$/;
const USUAL_CODE = /^\d{4}[A-Z]$/;
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** Reference of a station column in an issue, e.g. "D（第 4 列，站点 1001A）". */
function stationColumnRef(col: number, code: string | undefined): string {
  return `${columnLetter(col)}（第 ${col + 1} 列${code ? `，站点 ${shorten(code)}` : ''}）`;
}

const FIXED_REFS = ['A（第 1 列，date）', 'B（第 2 列，hour）', 'C（第 3 列，type）'];

/**
 * The rules of the format, shared by both parsers: header, row keys, cells, and the final checks. The parsers
 * only split bytes or text into cells and call it.
 */
class DayBuilder {
  readonly issues: IssueList;
  header: string[] = [];
  stations: string[] = [];
  /** Station index of each station column (column 3 + k). */
  colStation = new Int32Array(0);
  values: Float64Array = new Float64Array(0);
  /** 1 for a station column that repeats an earlier column's code, 2 for an ignored trailing empty column. */
  isDup = new Uint8Array(0);
  /** Per station column: station index × 24, or -1 for a repeated column (merged by `put`). */
  colOffset = new Int32Array(0);
  conflicts = new Int32Array(0);
  rowOf = new Int32Array(NT * 24);
  expected: string | null;
  expectedFrom: 'name' | 'option' | 'row' | null;
  dataRows = 0;
  stopped = false;
  unknownTypes = new Map<string, { row: number; count: number }>();

  constructor(
    readonly file: string,
    expected: string | null,
    expectedFrom: 'name' | 'option' | null,
    readonly limits: SitesDayLimits,
    readonly reuse: Float64Array | undefined,
  ) {
    this.issues = new IssueList(file, limits.maxIssues);
    this.expected = expected;
    this.expectedFrom = expectedFrom;
  }

  /** Checks the header and sets up the columns; false when the file cannot be read further. */
  setHeader(cells: readonly string[], row: number): boolean {
    const iss = this.issues;
    if (cells.length > this.limits.maxColumns) {
      iss.error(`列数 ${cells.length} 超过上限 ${this.limits.maxColumns} / too many columns`, row);
      return false;
    }
    const fixed = ['date', 'hour', 'type'];
    for (let i = 0; i < 3; i++) {
      if (cells[i] !== fixed[i]) {
        iss.error(`表头第 ${i + 1} 列应为 "${fixed[i]}"（收到 "${shorten(cells[i] ?? '')}"）；日站点文件的表头应为 date,hour,type,站点编码… / header must start with date,hour,type`, row, FIXED_REFS[i]);
      }
    }
    if (cells.length < 4) iss.error('表头没有站点列：应为 date,hour,type,1001A,1002A,… / no station columns', row);
    if (iss.errors > 0) return false;
    this.header = cells.slice();
    const index = new Map<string, number>();
    const dupCols = new Map<string, number[]>();
    const colStation = new Int32Array(cells.length - 3);
    const isDup = new Uint8Array(cells.length - 3);
    const unusual: number[] = [];
    // A trailing comma (an empty last header cell) is tolerated: that column must stay empty.
    const trailing = cells.length > 4 && cells[cells.length - 1] === '' ? cells.length - 1 : -1;
    for (let c = 3; c < cells.length; c++) {
      const code = cells[c] ?? '';
      if (c === trailing) {
        colStation[c - 3] = 0;
        isDup[c - 3] = 2;
        iss.warn('表头末尾有一个空列（行尾多余的逗号），该列应为空，已忽略 / trailing empty column ignored', row, stationColumnRef(c, undefined));
        continue;
      }
      if (!CODE.test(code)) {
        iss.error(code === '' ? '站点编码为空 / empty station code' : `站点编码 "${shorten(code)}" 含不允许的字符，应如 1001A / invalid station code`, row, stationColumnRef(c, undefined));
        continue;
      }
      if (!USUAL_CODE.test(code)) unusual.push(c);
      const known = index.get(code);
      if (known !== undefined) {
        colStation[c - 3] = known;
        isDup[c - 3] = 1;
        const cols = dupCols.get(code);
        if (cols) cols.push(c);
        else dupCols.set(code, [this.firstColumnOf(code), c]);
      } else {
        colStation[c - 3] = this.stations.length;
        index.set(code, this.stations.length);
        this.stations.push(code);
      }
    }
    if (iss.errors > 0) return false;
    if (unusual.length) {
      const shown = unusual.slice(0, 5).map((c) => `${cells[c]}（${columnLetter(c)} 列）`).join('、');
      iss.warn(`${unusual.length} 个站点编码不是常见的“4 位数字 + 字母”形式（如 1001A）：${shown}${unusual.length > 5 ? ' 等' : ''} / unusual station codes`, row, stationColumnRef(unusual[0] ?? 3, cells[unusual[0] ?? 3]));
    }
    this.colStation = colStation;
    this.isDup = isDup;
    this.colOffset = colStation.map((st, k) => (isDup[k] ? -1 : st * 24));
    // Not filled with NaN: every cell of every row present is written (NaN when empty), and the rows absent
    // are filled in `finish`. A row with too few cells is an error, so no unwritten slot is ever returned.
    const size = NT * this.stations.length * 24;
    this.values = this.reuse !== undefined && this.reuse.length >= size ? this.reuse.subarray(0, size) : new Float64Array(size);
    this.conflicts = new Int32Array(this.stations.length);
    this.dupCols = dupCols;
    return true;
  }

  dupCols = new Map<string, number[]>();

  private firstColumnOf(code: string): number {
    return this.header.indexOf(code, 3);
  }

  /**
   * Checks a data row's date, hour and type. Returns the offset of (type, hour) in `values` for station 0
   * (add station × 24), or -1 when the row is skipped (an error or an unknown type).
   */
  startRow(row: number, date: string, hour: string, type: string): number {
    const iss = this.issues;
    this.dataRows++;
    if (this.dataRows > this.limits.maxRows) {
      iss.error(`数据行数超过上限 ${this.limits.maxRows} / too many rows`, row);
      this.stopped = true;
      return -1;
    }
    let ok = true;
    if (this.expected === null) {
      if (compactDateToIso(date) === null) {
        iss.error(`日期应为 YYYYMMDD 格式的有效日期（收到 "${shorten(date)}"）/ not a date`, row, FIXED_REFS[0]);
        ok = false;
      } else {
        this.expected = date;
        this.expectedFrom = 'row';
      }
    } else if (date !== this.expected) {
      const source = this.expectedFrom === 'name' ? '文件名中的日期' : this.expectedFrom === 'option' ? '指定的日期' : '第一行数据的日期';
      iss.error(`日期 "${shorten(date)}" 与${source} ${this.expected} 不符 / date does not match ${this.expectedFrom === 'name' ? 'the file name' : this.expectedFrom === 'option' ? 'the given date' : 'the first row'}`, row, FIXED_REFS[0]);
      ok = false;
    }
    let h = -1;
    if (/^\d{1,2}$/.test(hour) && Number(hour) <= 23) h = Number(hour);
    else {
      iss.error(`小时应为 0～23 的整数（收到 "${shorten(hour)}"）/ hour must be 0–23`, row, FIXED_REFS[1]);
      ok = false;
    }
    const t = TYPE_INDEX.get(type);
    if (t === undefined) {
      if (type === '') {
        iss.error(`类型为空，应为 ${SITE_TYPES.join('、')} 之一 / empty type`, row, FIXED_REFS[2]);
        return -1;
      }
      const key = shorten(type);
      const seen = this.unknownTypes.get(key);
      if (seen) seen.count++;
      else this.unknownTypes.set(key, { row, count: 1 });
      return -1;
    }
    if (!ok) return -1;
    const slot = t * 24 + h;
    const before = this.rowOf[slot] ?? 0;
    if (before > 0) {
      iss.error(`${type} ${h} 时的数据行重复（第一次出现在第 ${before} 行）/ duplicate row for ${type} hour ${h}`, row, FIXED_REFS[2]);
      return -1;
    }
    this.rowOf[slot] = row;
    return t * this.stations.length * 24 + h;
  }

  /** A row with fewer than the three key cells. */
  shortRow(row: number, cellCount: number): void {
    this.dataRows++;
    this.issues.error(`该行只有 ${cellCount} 列，表头有 ${this.header.length} 列 / row has ${cellCount} cells, header has ${this.header.length}`, row, stationColumnRef(cellCount, this.header[cellCount]));
  }

  /** A row whose cell count differs from the header's. */
  ragged(row: number, cellCount: number): void {
    const n = this.header.length;
    const at = Math.min(cellCount, n);
    this.issues.error(
      cellCount < n
        ? `该行只有 ${cellCount} 列，表头有 ${n} 列 / row has ${cellCount} cells, header has ${n}`
        : `该行有 ${cellCount} 列，多于表头的 ${n} 列 / row has ${cellCount} cells, header has ${n}`,
      row,
      stationColumnRef(at, this.header[at]),
    );
  }

  /** A value cell that is not a number. */
  badCell(row: number, col: number, text: string, byteLength: number): void {
    const ref = stationColumnRef(col, this.header[col]);
    if (byteLength > this.limits.maxCellBytes) {
      this.issues.error(`单元格过长（${byteLength} 字节，上限 ${this.limits.maxCellBytes}）/ cell too long`, row, ref);
    } else {
      this.issues.error(`数值无法识别（收到 "${shorten(text)}"），应为非负数，如 35 或 0.8；空单元格表示缺测 / not a number`, row, ref);
    }
  }

  /**
   * Stores a cell's value (NaN for an empty cell). A repeated column of a station only fills a missing value
   * (first non-empty wins) and counts the cells where it disagrees.
   */
  put(offset: number, col: number, v: number, row: number): void {
    const st = this.colStation[col - 3] ?? 0;
    const i = offset + st * 24;
    const kind = this.isDup[col - 3];
    if (kind === 0) {
      this.values[i] = v;
      return;
    }
    if (v !== v) return;
    if (kind === 2) {
      this.issues.error('表头为空的末列应为空（收到数值）/ the trailing column without a header must be empty', row, stationColumnRef(col, undefined));
      return;
    }
    const old = this.values[i] ?? Number.NaN;
    if (old !== old) this.values[i] = v;
    else if (old !== v) this.conflicts[st] = (this.conflicts[st] ?? 0) + 1;
  }

  finish(parser: 'fast' | 'general', headerSeen: boolean): SitesDayResult {
    const iss = this.issues;
    if (!headerSeen && iss.errors === 0) iss.error('文件为空，应有表头 date,hour,type,站点编码… 和数据行 / empty file');
    if (headerSeen && this.dataRows === 0 && iss.errors === 0) iss.error('只有表头，没有数据行 / header only, no data rows');
    for (const [type, { row, count }] of this.unknownTypes) {
      iss.warn(`未知类型 "${type}"（${count} 行）已跳过；已知类型为 ${SITE_TYPES.join('、')} / unknown type skipped`, row, FIXED_REFS[2]);
    }
    if (iss.errors > 0 || this.expected === null) return { day: null, issues: iss.items };
    const duplicates: DuplicateColumns[] = [];
    for (const [station, cols] of this.dupCols) {
      const st = this.stations.indexOf(station);
      const conflicts = this.conflicts[st] ?? 0;
      duplicates.push({ station, columns: cols, conflicts });
      iss.warn(
        `站点 ${station} 出现在 ${cols.length} 列（${cols.map((c) => `${columnLetter(c)} 列/第 ${c + 1} 列`).join('、')}）：逐个单元格取第一个非空值${conflicts ? `；有 ${conflicts} 个单元格各列数值不同，已取第一列的值` : ''} / duplicate station column, first non-empty value kept`,
        1,
        stationColumnRef(cols[0] ?? 3, station),
      );
    }
    const rowPresent = new Uint8Array(NT * 24);
    const ns = this.stations.length;
    for (let i = 0; i < NT * 24; i++) {
      if ((this.rowOf[i] ?? 0) > 0) rowPresent[i] = 1;
      else {
        const t = Math.floor(i / 24);
        const base = t * ns * 24 + (i % 24);
        for (let st = 0; st < ns; st++) this.values[base + st * 24] = Number.NaN;
      }
    }
    const allAbsent: number[] = [];
    for (let h = 0; h < 24; h++) {
      let any = false;
      for (let t = 0; t < NT; t++) if (rowPresent[t * 24 + h]) any = true;
      if (!any) allAbsent.push(h);
    }
    if (allAbsent.length) iss.warn(`缺少 ${allAbsent.join('、')} 时的全部数据行，按缺测处理 / hours absent: ${allAbsent.join(', ')}`);
    for (let t = 0; t < NT; t++) {
      const absent: number[] = [];
      for (let h = 0; h < 24; h++) if (!rowPresent[t * 24 + h] && !allAbsent.includes(h)) absent.push(h);
      if (absent.length === 24 - allAbsent.length && absent.length > 0) iss.warn(`缺少类型 ${SITE_TYPES[t]} 的数据行，按缺测处理 / type absent`);
      else if (absent.length) iss.warn(`缺少 ${SITE_TYPES[t]} 在 ${absent.join('、')} 时的数据行，按缺测处理 / rows absent`);
    }
    const date = compactDateToIso(this.expected) ?? '';
    return {
      day: { file: this.file, date, stations: this.stations, values: this.values, rowPresent, duplicates, parser },
      issues: iss.items,
    };
  }
}

/** The expected date from the options and the file name, or an error message. */
function expectedDate(options: SitesDayOptions): { date: string | null; from: 'name' | 'option' | null } | { error: string } {
  if (options.date !== undefined) {
    const d = options.date.replace(/-/g, '');
    if (compactDateToIso(d) === null) return { error: `指定的日期 "${shorten(options.date)}" 不是有效日期 / invalid date option` };
    return { date: d, from: 'option' };
  }
  const inName = dateInFileName(options.file);
  if (inName !== null) {
    if (compactDateToIso(inName) === null) return { error: `文件名中的日期 ${inName} 不是有效日期 / the date in the file name is not a real date` };
    return { date: inName, from: 'name' };
  }
  return { date: null, from: null };
}

function newBuilder(options: SitesDayOptions): DayBuilder | SitesDayResult {
  const limits: SitesDayLimits = { ...DEFAULT_SITES_DAY_LIMITS, ...(options.limits ?? {}) };
  const e = expectedDate(options);
  if ('error' in e) return { day: null, issues: [{ severity: 'error', file: options.file, message: e.error }] };
  return new DayBuilder(options.file, e.date, e.from, limits, options.reuse);
}

function precheck(bytes: Uint8Array, options: SitesDayOptions): SitesDayResult | null {
  const maxBytes = options.limits?.maxBytes ?? DEFAULT_SITES_DAY_LIMITS.maxBytes;
  const err = (message: string): SitesDayResult => ({ day: null, issues: [{ severity: 'error', file: options.file, message }] });
  if (bytes.length > maxBytes) return err(`文件大小 ${bytes.length} 字节超过上限 ${maxBytes} / file too large`);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return err('文件是 UTF-16 编码；日站点文件应为 ASCII/UTF-8 文本 / UTF-16 is not supported');
  }
  if (bytes.subarray(0, 65_536).indexOf(0) >= 0) return err('不是文本文件（含 NUL 字节）/ not a text file');
  return null;
}

function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Reads a daily site file with the general path (csv-parse over the UTF-8 text). Any CSV is accepted as far
 * as csv-parse reads it. Never throws.
 */
export function parseSitesDayGeneral(bytes: Uint8Array, options: SitesDayOptions): SitesDayResult {
  try {
    const pre = precheck(bytes, options);
    if (pre) return pre;
    const b = newBuilder(options);
    if (!(b instanceof DayBuilder)) return b;
    const text = utf8.decode(bytes.subarray(bomLength(bytes)));
    let headerSeen = false;
    let line = 1;
    try {
      // Record by record (on_record returns nothing), so no table of all records is held.
      parseCsv(text, {
        relax_column_count: true,
        skip_empty_lines: false,
        max_record_size: b.limits.maxColumns * (b.limits.maxCellBytes + 1) + 64,
        on_record: (cells: string[]) => {
          const row = line;
          for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) line++;
          line++;
          if (b.stopped || b.issues.full) throw new StopReading();
          if (isBlankRecord(cells)) return null;
          if (!headerSeen) {
            headerSeen = true;
            if (!b.setHeader(cells, row)) throw new StopReading();
            return null;
          }
          generalRow(b, cells, row);
          return null;
        },
      });
    } catch (e) {
      if (!(e instanceof StopReading)) {
        const err = e as { lines?: unknown; message?: unknown };
        const message = typeof err.message === 'string' ? (err.message.split('\n')[0] ?? '') : String(e);
        b.issues.error(`CSV 格式错误：${message} / malformed CSV`, typeof err.lines === 'number' && err.lines > 0 ? err.lines : undefined);
        return { day: null, issues: b.issues.items };
      }
    }
    return b.finish('general', headerSeen);
  } catch (e) {
    return { day: null, issues: [{ severity: 'error', file: options.file, message: `读取失败：${String((e as Error)?.message ?? e).split('\n')[0]} / could not read` }] };
  }
}

class StopReading extends Error {}

function generalRow(b: DayBuilder, cells: readonly string[], row: number): void {
  if (cells.length < 3) {
    b.shortRow(row, cells.length);
    return;
  }
  const offset = b.startRow(row, cells[0] ?? '', cells[1] ?? '', cells[2] ?? '');
  if (offset < 0) return;
  const n = Math.min(cells.length, b.header.length);
  for (let c = 3; c < n; c++) {
    const s = cells[c] ?? '';
    if (s === '') {
      b.put(offset, c, Number.NaN, row);
      continue;
    }
    const len = s.length * 3 > b.limits.maxCellBytes ? encoder.encode(s).length : s.length;
    if (len > b.limits.maxCellBytes || !NUMBER.test(s)) {
      b.badCell(row, c, s, len > b.limits.maxCellBytes ? len : 0);
      b.put(offset, c, Number.NaN, row);
      continue;
    }
    b.put(offset, c, Number(s), row);
  }
  if (cells.length !== b.header.length) b.ragged(row, cells.length);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/** Returned by the fast path when the file needs the general one. */
const BAIL = null;

/**
 * Reads a daily site file with the byte-level fast path. Returns null when the file has something the fast
 * path does not handle (a quote, a lone CR, mixed line endings); `parseSitesDay` then uses the general path.
 */
export function parseSitesDayFast(bytes: Uint8Array, options: SitesDayOptions): SitesDayResult | null {
  try {
    const pre = precheck(bytes, options);
    if (pre) return pre;
    if (bytes.indexOf(0x22) >= 0) return BAIL;
    const b = newBuilder(options);
    if (!(b instanceof DayBuilder)) return b;
    return fastLoop(bytes, b);
  } catch (e) {
    return { day: null, issues: [{ severity: 'error', file: options.file, message: `读取失败：${String((e as Error)?.message ?? e).split('\n')[0]} / could not read` }] };
  }
}

function fastLoop(bytes: Uint8Array, b: DayBuilder): SitesDayResult | null {
  const n = bytes.length;
  const maxCell = b.limits.maxCellBytes;
  let p = bomLength(bytes);
  let line = 1;
  // Line endings: decided by the first line (as csv-parse does); anything inconsistent bails out.
  const firstLf = bytes.indexOf(10, p);
  const crlf = firstLf > 0 && bytes[firstLf - 1] === 13;
  let headerSeen = false;

  /** End of the line starting at q (index of its LF, or n); -1 (bail out) on a stray CR or a bare LF. */
  const lineEnd = (q: number): number => {
    const lf = bytes.indexOf(10, q);
    const end = lf < 0 ? n : lf;
    if (crlf && lf >= 0) {
      if (bytes[lf - 1] !== 13 || lf - 1 < q) return -1;
      return bytes.subarray(q, lf - 1).indexOf(13) >= 0 ? -1 : end;
    }
    return bytes.subarray(q, end).indexOf(13) >= 0 ? -1 : end;
  };

  while (p < n) {
    if (b.stopped || b.issues.full) break;
    const end = lineEnd(p);
    if (end < 0) return BAIL;
    const contentEnd = crlf && end < n ? end - 1 : end;
    const next = end + 1;
    if (contentEnd === p) {
      p = next;
      line++;
      continue;
    }
    if (!headerSeen) {
      headerSeen = true;
      // Count the columns before splitting: a hostile header must not become millions of strings.
      let columns = 1;
      for (let q = p; q < contentEnd; q++) if (bytes[q] === 44) columns++;
      if (columns > b.limits.maxColumns) {
        b.issues.error(`列数 ${columns} 超过上限 ${b.limits.maxColumns} / too many columns`, line);
        break;
      }
      const cells = utf8.decode(bytes.subarray(p, contentEnd)).split(',');
      if (!b.setHeader(cells, line)) break;
      p = next;
      line++;
      continue;
    }
    // The three key cells.
    // Commas are searched within the line only (a line without commas must not scan the rest of the file).
    const lineBytes = bytes.subarray(p, contentEnd);
    const k1 = lineBytes.indexOf(44);
    const k2 = k1 >= 0 ? lineBytes.indexOf(44, k1 + 1) : -1;
    const c1 = k1 >= 0 ? p + k1 : -1;
    const c2 = k2 >= 0 ? p + k2 : -1;
    if (c1 < 0 || c2 < 0) {
      // Fewer than two commas: one or two cells.
      let cells = 1;
      for (let q = p; q < contentEnd; q++) if (bytes[q] === 44) cells++;
      if (cells < 3) {
        b.shortRow(line, cells);
        p = next;
        line++;
        continue;
      }
    }
    const k3 = lineBytes.indexOf(44, k2 + 1);
    const typeEnd = k3 >= 0 ? p + k3 : contentEnd;
    const offset = b.startRow(line, utf8.decode(bytes.subarray(p, c1)), utf8.decode(bytes.subarray(c1 + 1, c2)), utf8.decode(bytes.subarray(c2 + 1, typeEnd)));
    if (offset < 0) {
      p = next;
      line++;
      continue;
    }
    // Station cells.
    const ncols = b.header.length;
    let q = typeEnd;
    let col = 3;
    const values = b.values;
    const colOffset = b.colOffset;
    while (q < contentEnd && col < ncols) {
      q++; // skip the comma
      const start = q;
      // Grammar \d+(\.\d+)?: integer digits, then an optional dot and fraction digits, then a comma or the end.
      let mant = 0;
      let c = 0;
      while (q < contentEnd) {
        c = bytes[q] as number;
        const d = (c - 48) >>> 0;
        if (d > 9) break;
        mant = mant * 10 + d;
        q++;
      }
      const intDigits = q - start;
      let fd = 0;
      let dot = false;
      if (q < contentEnd && c === 46) {
        dot = true;
        q++;
        const from = q;
        while (q < contentEnd) {
          c = bytes[q] as number;
          const d = (c - 48) >>> 0;
          if (d > 9) break;
          mant = mant * 10 + d;
          q++;
        }
        fd = q - from;
      }
      let bad = false;
      if (q < contentEnd && bytes[q] !== 44) {
        bad = true;
        while (q < contentEnd && bytes[q] !== 44) q++;
      }
      const len = q - start;
      let v = Number.NaN;
      if (len > 0) {
        if (len > maxCell || bad || intDigits === 0 || (dot && fd === 0)) {
          b.badCell(line, col, utf8.decode(bytes.subarray(start, q)), len > maxCell ? len : 0);
        } else if (intDigits + fd > 15) v = Number(utf8.decode(bytes.subarray(start, q)));
        else v = fd > 0 ? mant / (POW10[fd] as number) : mant;
      }
      const o = colOffset[col - 3] as number;
      if (o >= 0) values[offset + o] = v;
      else b.put(offset, col, v, line);
      col++;
    }
    // Cell count: `col` cells read; more commas mean extra cells.
    let cells = col;
    if (q < contentEnd) {
      for (; q < contentEnd; q++) if (bytes[q] === 44) cells++;
    }
    if (cells !== ncols) b.ragged(line, cells);
    p = next;
    line++;
  }
  return b.finish('fast', headerSeen);
}

/**
 * Reads a daily site file: the fast path, falling back to the general path when the fast one cannot read the
 * bytes (quotes, irregular line endings). Never throws.
 */
export function parseSitesDay(bytes: Uint8Array, options: SitesDayOptions): SitesDayResult {
  const parser = options.parser ?? 'auto';
  if (parser === 'general') return parseSitesDayGeneral(bytes, options);
  const fast = parseSitesDayFast(bytes, options);
  if (fast !== null) return fast;
  if (parser === 'fast') {
    return { day: null, issues: [{ severity: 'error', file: options.file, message: '快速读取器无法读取此文件（含引号或换行符不一致）/ the fast path cannot read this file' }] };
  }
  return parseSitesDayGeneral(bytes, options);
}
