/**
 * Reads the national air-monitoring station list (站点列表, as published with the quotsoft archive):
 * `监测点编码,监测点名称,城市,经度,纬度,对照点`, e.g. `1001A,万寿西宫,北京,116.3621,39.8784,N`.
 * English headers (code, name, city, lon/longitude, lat/latitude, control) are accepted too.
 *
 * Quirks handled (reference/STANDARDS.md §8.2, all seen in the 2022-02-13 list):
 * - coordinates written `-` (1045A) or left empty (1202A) → `null`;
 * - a stop mark in the name, in ASCII or full-width brackets: `(停运150702)` (YYMMDD), `(停运20201117)`,
 *   `(20181115停运)`, `(190211停运)`, `（已停运）` (no date), `(停用200107)`, `(20181130停用)` → `stopped`,
 *   with `stoppedOn` (ISO date) when a date is printed; 6-digit dates are 20YY (the network dates from 2013);
 * - a start mark `(启用161031)` (2994A) → `startedOn`;
 * - `(对照点)` in a name is part of the printed name; the 对照点 column (Y/N) gives `control`.
 * `name` is the printed name without its stop/start mark; `printedName` keeps it as printed.
 *
 * Pure and bounded; never throws. When any row is rejected, no stations are returned and every issue
 * names the file, row and column.
 */
import { findColumn } from '../limits.js';
import { csvRecords, decodeCsvText, isBlankRecord, looksBinary } from './csv-records.js';
import { IssueList, columnRef, shorten, type AirIssue } from './issues.js';

/** One monitoring station of the national list. */
export interface Station {
  /** Station code, e.g. "1001A". */
  code: string;
  /** Name without a stop/start mark, e.g. "市监测中心" for "市监测中心(停运150702)". */
  name: string;
  /** The name as printed in the list. */
  printedName: string;
  /** City as printed (no "市" suffix in the national list, e.g. "北京"). */
  city: string;
  lon: number | null;
  lat: number | null;
  /** 对照点 (background/control station) = Y. */
  control: boolean;
  /** The name carries a stop mark (停运/已停运/停用). */
  stopped: boolean;
  /** The stop date as an ISO date, when printed. */
  stoppedOn?: string;
  /** The start date (启用) as an ISO date, when printed. */
  startedOn?: string;
  /** 1-based row in the source file. */
  row: number;
}

/** Limits of the station-list reader. */
export interface StationListLimits {
  maxBytes: number;
  maxRows: number;
  maxCellChars: number;
}

/** Defaults: the 2022 list is 95 KB and 2,026 rows. */
export const DEFAULT_STATION_LIST_LIMITS: StationListLimits = { maxBytes: 8 * 1024 * 1024, maxRows: 50_000, maxCellChars: 200 };

/** Options of `parseStationList`. */
export interface StationListOptions {
  file: string;
  limits?: Partial<StationListLimits>;
}

/** The stations read, or (when any row is rejected) none, and the issues. */
export interface StationListResult {
  stations: Station[];
  issues: AirIssue[];
}

/** Accepted headers, most specific first. */
export const STATION_LIST_COLUMNS = {
  code: ['监测点编码', '站点编码', '监测点代码', '站点代码', '编码', 'code', 'station_code', 'stationcode', 'site_code'],
  name: ['监测点名称', '站点名称', '监测点', '站点', '名称', 'name', 'station_name', 'site_name', 'positionname'],
  city: ['城市', '所属城市', '城市名称', 'city', 'area'],
  lon: ['经度', 'lon', 'lng', 'longitude'],
  lat: ['纬度', 'lat', 'latitude'],
  control: ['对照点', '是否对照点', 'control', 'is_control', 'background'],
} as const;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MISSING_COORD = new Set(['', '-', '—', '–', '--', '/', 'NA', 'N/A', 'null']);
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** ISO date of a printed YYMMDD or YYYYMMDD, or null when it is not a real date. */
export function printedDate(digits: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{6}$/.test(digits)) {
    y = 2000 + Number(digits.slice(0, 2));
    rest = digits.slice(2);
  } else if (/^\d{8}$/.test(digits)) {
    y = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** The status a name's bracketed mark carries. */
export type NameMark =
  | { kind: 'stopped'; digits: string | null }
  | { kind: 'started'; digits: string };

const BRACKET = /[(（]([^()（）]*)[)）]/g;

/** Reads a stop or start mark out of the text inside one pair of brackets; null when it is none. */
export function readNameMark(inner: string): NameMark | null {
  const t = inner.replace(/\s+/g, '');
  let m = /^(?:停运|停用)(\d{6}|\d{8})$/.exec(t) ?? /^(\d{6}|\d{8})(?:停运|停用)$/.exec(t);
  if (m?.[1]) return { kind: 'stopped', digits: m[1] };
  if (/^已?(?:停运|停用)$/.test(t)) return { kind: 'stopped', digits: null };
  m = /^启用(\d{6}|\d{8})$/.exec(t) ?? /^(\d{6}|\d{8})启用$/.exec(t);
  if (m?.[1]) return { kind: 'started', digits: m[1] };
  return null;
}

/** True when the station had stopped by `isoDate` (a stopped station without a printed date counts as stopped). */
export function isStoppedOn(station: Pick<Station, 'stopped' | 'stoppedOn'>, isoDate: string): boolean {
  if (!station.stopped) return false;
  return station.stoppedOn === undefined || station.stoppedOn <= isoDate;
}

/**
 * Reads a station list from CSV bytes (UTF-8 with or without BOM, or GB18030/GBK). Never throws.
 */
export function parseStationList(bytes: Uint8Array, options: StationListOptions): StationListResult {
  const file = options.file;
  const limits: StationListLimits = { ...DEFAULT_STATION_LIST_LIMITS, ...(options.limits ?? {}) };
  const issues = new IssueList(file);
  const fail = (): StationListResult => ({ stations: [], issues: issues.items });
  try {
    if (bytes.length > limits.maxBytes) {
      issues.error(`文件大小 ${bytes.length} 字节超过上限 ${limits.maxBytes} / file too large`);
      return fail();
    }
    const decoded = decodeCsvText(bytes);
    if (decoded.text === null) {
      issues.error(decoded.message);
      return fail();
    }
    if (looksBinary(bytes)) {
      issues.error('不是文本文件（含 NUL 字节）：站点列表应为 CSV / not a text file');
      return fail();
    }
    const parsed = csvRecords(decoded.text, limits.maxCellChars * 20);
    if (!parsed.ok) {
      issues.error(parsed.message, parsed.row);
      return fail();
    }
    const records = parsed.records.filter((r) => !isBlankRecord(r.cells));
    const head = records[0];
    if (!head) {
      issues.error('文件为空，应有表头行（监测点编码,监测点名称,城市,经度,纬度,对照点）和数据行 / empty file');
      return fail();
    }
    if (records.length - 1 > limits.maxRows) {
      issues.error(`数据行数 ${records.length - 1} 超过上限 ${limits.maxRows} / too many rows`);
      return fail();
    }
    const header = head.cells.map((h) => h.trim());
    header.forEach((h, i) => {
      if (FORBIDDEN.has(h.toLowerCase())) issues.error(`不允许的列名 "${h}" / forbidden header`, head.row, columnRef(i, h));
    });
    const col = {
      code: findColumn(header, STATION_LIST_COLUMNS.code),
      name: findColumn(header, STATION_LIST_COLUMNS.name),
      city: findColumn(header, STATION_LIST_COLUMNS.city),
      lon: findColumn(header, STATION_LIST_COLUMNS.lon),
      lat: findColumn(header, STATION_LIST_COLUMNS.lat),
      control: findColumn(header, STATION_LIST_COLUMNS.control),
    };
    const missing: string[] = [];
    if (col.code < 0) missing.push('监测点编码 / code');
    if (col.name < 0) missing.push('监测点名称 / name');
    if (col.city < 0) missing.push('城市 / city');
    if (col.lon < 0) missing.push('经度 / lon');
    if (col.lat < 0) missing.push('纬度 / lat');
    if (missing.length) issues.error(`缺少列：${missing.join('；')} / missing columns（表头为 ${shorten(header.join(','))}）`, head.row);
    if (issues.errors > 0) return fail();

    const stations: Station[] = [];
    const seen = new Map<string, Station>();
    for (const { row, cells } of records.slice(1)) {
      if (issues.full) break;
      const station = readRow(cells, row, header, col, limits, issues);
      if (!station) continue;
      const before = seen.get(station.code);
      if (before) {
        const same = before.printedName === station.printedName && before.city === station.city && before.lon === station.lon && before.lat === station.lat && before.control === station.control;
        if (same) issues.warn(`站点 ${station.code} 与第 ${before.row} 行重复，内容相同，已忽略本行 / duplicate of row ${before.row}`, row, columnRef(col.code, header[col.code]));
        else issues.error(`站点编码 ${station.code} 与第 ${before.row} 行重复，但内容不同 / duplicate code with different content (row ${before.row})`, row, columnRef(col.code, header[col.code]));
        continue;
      }
      seen.set(station.code, station);
      stations.push(station);
    }
    if (issues.errors === 0 && stations.length === 0) issues.error('没有数据行 / no stations');
    return issues.errors > 0 ? fail() : { stations, issues: issues.items };
  } catch (e) {
    issues.error(`读取失败：${String((e as Error)?.message ?? e).split('\n')[0]} / could not read`);
    return fail();
  }
}

function readRow(
  cells: readonly string[],
  row: number,
  header: readonly string[],
  col: Record<'code' | 'name' | 'city' | 'lon' | 'lat' | 'control', number>,
  limits: StationListLimits,
  issues: IssueList,
): Station | null {
  const errorsBefore = issues.errors;
  const ref = (i: number) => columnRef(i, header[i]);
  if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
    issues.error(`该行有 ${cells.length} 列，多于表头的 ${header.length} 列 / more cells than the header`, row, ref(header.length));
  }
  const cell = (i: number): string => {
    const t = (i >= 0 ? (cells[i] ?? '') : '').trim();
    if (t.length > limits.maxCellChars) {
      issues.error(`单元格超过 ${limits.maxCellChars} 字符 / cell too long`, row, ref(i));
      return '';
    }
    return t;
  };
  const code = cell(col.code);
  const printedName = cell(col.name);
  const city = cell(col.city);
  if (code === '') issues.error('监测点编码为空 / empty station code', row, ref(col.code));
  else if (!/^[0-9A-Za-z_-]{1,32}$/.test(code)) issues.error(`监测点编码 "${shorten(code)}" 含不允许的字符，应如 1001A / invalid station code`, row, ref(col.code));
  else if (!/^\d{4}[A-Z]$/.test(code)) issues.warn(`监测点编码 "${code}" 不是常见的“4 位数字 + 字母”形式（如 1001A）/ unusual station code`, row, ref(col.code));
  if (printedName === '') issues.error('监测点名称为空 / empty station name', row, ref(col.name));
  if (city === '') issues.warn('城市为空 / empty city', row, ref(col.city));

  const coord = (i: number, what: '经度' | '纬度', lo: number, hi: number): number | null => {
    const t = cell(i);
    if (MISSING_COORD.has(t)) return null;
    if (!NUMBER.test(t)) {
      issues.error(`${what}无法识别（收到 "${shorten(t)}"，应为小数度数，如 116.3621；缺失写 - 或留空）/ not a coordinate`, row, ref(i));
      return null;
    }
    const v = Number(t);
    if (v < lo || v > hi) issues.warn(`${what} ${t} 不在中国范围（${lo}～${hi}）内，请核对是否经纬度颠倒 / outside China`, row, ref(i));
    return v;
  };
  const lon = coord(col.lon, '经度', 73, 136);
  const lat = coord(col.lat, '纬度', 3, 54);

  let control = false;
  if (col.control >= 0) {
    const t = cell(col.control).toUpperCase();
    if (['Y', 'YES', '是', '1', 'TRUE'].includes(t)) control = true;
    else if (['N', 'NO', '否', '0', 'FALSE', ''].includes(t)) control = false;
    else issues.error(`对照点应为 Y 或 N（收到 "${shorten(t)}"）/ control must be Y or N`, row, ref(col.control));
  }

  let stopped = false;
  let stoppedOn: string | undefined;
  let startedOn: string | undefined;
  let name = printedName;
  for (const m of printedName.matchAll(BRACKET)) {
    const mark = readNameMark(m[1] ?? '');
    if (!mark) continue;
    name = name.replace(m[0], '');
    const iso = mark.digits === null ? null : printedDate(mark.digits);
    if (mark.digits !== null && iso === null) {
      issues.warn(`名称中的日期 "${mark.digits}" 不是有效日期，已忽略该日期 / invalid date in the name`, row, ref(col.name));
    }
    if (mark.kind === 'stopped') {
      stopped = true;
      if (iso) stoppedOn = iso;
    } else if (iso) startedOn = iso;
  }
  name = name.trim() || printedName;

  if (issues.errors > errorsBefore) return null;
  return {
    code,
    name,
    printedName,
    city,
    lon,
    lat,
    control,
    stopped,
    ...(stoppedOn !== undefined ? { stoppedOn } : {}),
    ...(startedOn !== undefined ? { startedOn } : {}),
    row,
  };
}

/** The stations by code. */
export function stationsByCode(stations: readonly Station[]): Map<string, Station> {
  return new Map(stations.map((s) => [s.code, s]));
}
