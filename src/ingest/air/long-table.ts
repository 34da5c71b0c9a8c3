/**
 * Reads hourly air-quality data in long format — one row per station, hour and pollutant — from CSV or XLSX:
 *
 *     站点,时间,污染物,浓度,单位            station,time,pollutant,value,unit
 *     1001A,2022-01-01 08:00,PM2.5,36,μg/m³   1001A,2022-01-01T08:00:00+08:00,pm25,36,ug/m3
 *
 * - Headers in Chinese or English (see `LONG_AIR_COLUMNS`); time as one column (ISO 8601 with or without an
 *   offset, "YYYY-MM-DD HH:mm", "2022/1/1 8:00", "2022年1月1日8时", an XLSX date-time) or as a date column and an
 *   hour column (0–23). Times with an offset are converted to Beijing time (UTC+8); times without one are
 *   Beijing time. Values must be on the hour. Hour 24 is refused (write 0 of the next day).
 * - Pollutants: the six AQI pollutants as 1-h values (PM2.5/pm25/细颗粒物, PM10/可吸入颗粒物, SO2/二氧化硫,
 *   NO2/二氧化氮, CO/一氧化碳, O3/臭氧/O3_1h) and AQI. Moving averages (…_24h, O3_8h) are refused: ecoplan
 *   computes them.
 * - Units (optional column): µg/m³ or mg/m³ in any common spelling; values are converted to µg/m³ (CO to
 *   mg/m³). Without a unit column the standard units are assumed.
 * - Value: a number ≥ 0; empty, "-", "—", "NA", "/" = missing (the row is skipped and counted).
 * - CSV: UTF-8 with or without BOM, or GB18030/GBK, read record by record (csv-parse `on_record`, nothing
 *   buffered but the rows kept). XLSX: checked first for zip bombs (real inflated size, entries) and
 *   references beyond Excel's grid (`checkXlsx`), then read with ExcelJS; formula cells are refused.
 * - Limits on bytes, rows, columns, cell length; `__proto__`, `constructor`, `prototype` headers refused.
 * - All or nothing: when any row is rejected, no rows are returned and every issue (capped) is.
 * Never throws.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { daysInYear, emptyStationYear, type Pollutant, type StationYearSeries } from '../../standards/air/types.js';
import { findColumn } from '../water/cells.js';
import { decodeCsvText, isBlankRecord, looksBinary, type TextEncodingName } from './csv-records.js';
import { DEFAULT_MAX_ISSUES, IssueList, columnRef, shorten, type AirIssue } from './issues.js';
import { checkXlsx } from '../zip-guard.js';

/** What a long-format row measures: one of the six pollutants (1-h) or the AQI. */
export type LongAirItem = Pollutant | 'aqi';

/** One row read. */
export interface LongAirRow {
  /** 1-based row in the source (the header is usually row 1). */
  row: number;
  sheet?: string;
  station: string;
  /** Beijing date, ISO. */
  date: string;
  /** Beijing hour, 0–23. */
  hour: number;
  /** ISO 8601 with the +08:00 offset, e.g. "2022-01-01T08:00:00+08:00". */
  time: string;
  pollutant: LongAirItem;
  /** In µg/m³; CO in mg/m³; AQI without unit. */
  value: number;
  unit: 'μg/m³' | 'mg/m³' | '';
}

/** Limits of the long-format reader. */
export interface LongAirLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxZipEntries: number;
  maxUncompressedBytes: number;
  maxIssues: number;
}

/** Defaults: a city's year (10 stations × 8,784 h × 7 items ≈ 615,000 rows) fits. */
export const DEFAULT_LONG_AIR_LIMITS: LongAirLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 50,
  maxCellChars: 200,
  maxZipEntries: 1_000,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxIssues: DEFAULT_MAX_ISSUES,
};

/** Progress of a long import. */
export interface LongAirProgress {
  rowsDone: number;
  /** Share of the input read, 0–1 (CSV; XLSX reports 1 when done). */
  fraction: number;
}

/** Options of `parseLongAirTable`. */
export interface LongAirOptions {
  file: string;
  format: 'csv' | 'xlsx';
  /** XLSX: the sheet (default the first). */
  sheet?: string;
  limits?: Partial<LongAirLimits>;
  /** Called every 10,000 rows and at the end. */
  onProgress?: (progress: LongAirProgress) => void;
}

/** The rows (none when any was rejected), the issues, how many rows had no value, and the CSV encoding. */
export interface LongAirResult {
  rows: LongAirRow[];
  issues: AirIssue[];
  missingValues: number;
  encoding?: TextEncodingName;
}

/** Accepted headers, most specific first (matched after NFKC, case-insensitively, ignoring a bracketed unit). */
export const LONG_AIR_COLUMNS = {
  station: ['监测点编码', '站点编码', '站点代码', '监测点代码', '站点', '监测点', '站点名称', '监测点名称', '点位', '点位名称', 'station', 'station_code', 'stationcode', 'site', 'site_code', 'code'],
  time: ['监测时间', '时间', '日期时间', '时间点', 'time', 'datetime', 'date_time', 'timestamp', 'timepoint'],
  date: ['监测日期', '日期', 'date', 'day'],
  hour: ['小时', '时段', '时', '整点', 'hour'],
  pollutant: ['污染物', '监测项目', '项目', '指标', '因子', '污染物项目', 'pollutant', 'parameter', 'item', 'type', 'species'],
  value: ['浓度', '浓度值', '监测值', '数值', '值', '结果', 'value', 'concentration', 'result'],
  unit: ['单位', '计量单位', 'unit', 'units'],
} as const;

type Col = Record<keyof typeof LONG_AIR_COLUMNS, number>;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MISSING = new Set(['', '-', '—', '–', '--', '/', 'na', 'n/a', 'nan', 'null', '无', '缺测']);
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function normKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s._\-·]/g, '');
}

const ITEM_NAMES: ReadonlyMap<string, LongAirItem> = new Map<string, LongAirItem>([
  ['pm25', 'pm25'],
  ['细颗粒物', 'pm25'],
  ['pm10', 'pm10'],
  ['可吸入颗粒物', 'pm10'],
  ['so2', 'so2'],
  ['二氧化硫', 'so2'],
  ['no2', 'no2'],
  ['二氧化氮', 'no2'],
  ['co', 'co'],
  ['一氧化碳', 'co'],
  ['o3', 'o3'],
  ['o31h', 'o3'],
  ['臭氧', 'o3'],
  ['臭氧1小时', 'o3'],
  ['臭氧1h', 'o3'],
  ['aqi', 'aqi'],
  ['空气质量指数', 'aqi'],
]);

/** The pollutant a name denotes, 'average' for a moving average (refused), or null. */
export function pollutantOf(name: string): LongAirItem | 'average' | null {
  const key = normKey(name);
  if (key === '') return null;
  const direct = ITEM_NAMES.get(key);
  if (direct) return direct;
  if (/(?:24h|8h|24小时|8小时|日均|滑动|moving|avg|mean)/.test(key)) return 'average';
  // "细颗粒物(PM2.5)": try the parts inside and outside the brackets.
  const m = /^([^()]*)\(([^()]*)\)$/.exec(key);
  if (m) {
    const a = ITEM_NAMES.get(m[1] ?? '');
    const b = ITEM_NAMES.get(m[2] ?? '');
    if (a && (!b || a === b)) return a;
    if (b && !a) return b;
  }
  return null;
}

type UnitKind = 'ug' | 'mg' | 'none' | 'default';

function unitOf(text: string): UnitKind | null {
  const u = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace('^', '').replace('·', '/').replace('m-3', 'm3');
  if (u === '') return 'default';
  if (['μg/m3', 'ug/m3', '微克/立方米', 'μg/立方米', 'mcg/m3'].includes(u)) return 'ug';
  if (['mg/m3', '毫克/立方米', 'mg/立方米'].includes(u)) return 'mg';
  if (['无量纲', '无', '-', '/', '—', 'none'].includes(u)) return 'none';
  return null;
}

/** Multiplies by a power of ten without binary noise (1200 µg/m³ CO → 1.2 mg/m³). */
function scale(v: number, exp: number): number {
  return Number((v * 10 ** exp).toPrecision(15));
}

/** Implausible 1-h values (beyond anything CNEMC has published, as far as known): a unit slip is likely. */
const PLAUSIBLE_MAX: Record<LongAirItem, number> = { pm25: 2000, pm10: 10000, so2: 5000, no2: 3000, co: 150, o3: 1500, aqi: 500 };

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A parsed time: Beijing date and hour, or only a date (the hour comes from another column), or an error. */
export type TimeCell = { date: string; hour: number } | { date: string; hour: null } | { error: string };

/**
 * Reads a time cell. Accepts "2022-01-01T08:00:00+08:00", "2022-01-01T00:00:00Z", "2022-01-01 08:00",
 * "2022/1/1 8:00:00", "2022.01.01 08", "2022年1月1日8时", "2022-01-01" (date only), "2022010108" (YYYYMMDDHH).
 */
export function parseTimeCell(text: string): TimeCell {
  const t = text.normalize('NFKC').trim();
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:\s*时)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(t) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})\s*(?:[时点]|:(\d{2})(?::(\d{2}))?))?()()$/.exec(t);
  let y: number, mo: number, d: number;
  let h: number | null = null;
  let mi = 0;
  let s = 0;
  let frac = '';
  let zone = '';
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined && m[4] !== '') h = Number(m[4]);
    mi = m[5] ? Number(m[5]) : 0;
    s = m[6] ? Number(m[6]) : 0;
    frac = m[7] ?? '';
    zone = m[8] ?? '';
  } else if ((m = /^(\d{4})(\d{2})(\d{2})(\d{2})?$/.exec(t))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] !== undefined) h = Number(m[4]);
  } else {
    const serial = /^\d{5}(?:\.\d+)?$/.test(t) ? '（看似 Excel 日期序列号：请把单元格设为日期格式）' : '';
    return { error: `时间无法识别（收到 "${shorten(text)}"${serial}），应如 2022-01-01 08:00 或 2022-01-01T08:00:00+08:00 / not a time` };
  }
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return { error: `日期无效（收到 "${shorten(text)}"）/ not a real date` };
  if (h === null) {
    if (zone) return { error: `只有日期却带时区（收到 "${shorten(text)}"）/ a date with a time zone` };
    return { date: `${y}-${pad(mo)}-${pad(d)}`, hour: null };
  }
  if (h === 24) return { error: `小时 24 不被接受，请写作次日 0 时（收到 "${shorten(text)}"）/ hour 24: write 0 of the next day` };
  if (h > 23 || mi > 59 || s > 59) return { error: `时间无效（收到 "${shorten(text)}"）/ not a real time` };
  let epoch = Date.UTC(y, mo - 1, d, h, mi, s) + (frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
  if (zone) {
    let offsetMin = 0;
    if (zone.toUpperCase() !== 'Z') {
      const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
      const zh = Number(zm?.[2] ?? 0);
      const zmin = Number(zm?.[3] ?? 0);
      if (zh > 14 || zmin > 59) return { error: `时区无效（收到 "${shorten(text)}"）/ invalid offset` };
      offsetMin = (zm?.[1] === '-' ? -1 : 1) * (zh * 60 + zmin);
    }
    epoch = epoch - offsetMin * 60_000 + 8 * 3_600_000;
  }
  const bj = new Date(epoch);
  if (bj.getUTCMinutes() !== 0 || bj.getUTCSeconds() !== 0 || bj.getUTCMilliseconds() !== 0) {
    return { error: `时间不在整点（收到 "${shorten(text)}"${zone ? '，换算为北京时间后' : ''}）：小时数据应为整点 / hourly values must be on the hour` };
  }
  return { date: `${bj.getUTCFullYear()}-${pad(bj.getUTCMonth() + 1)}-${pad(bj.getUTCDate())}`, hour: bj.getUTCHours() };
}

/** Reads an hour cell: 0–23, also "8时", "08:00", "8:00:00". Null when it is not one. */
export function parseHourCell(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{1,2})(?:\s*[时点]|:00(?::00)?)?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  return h <= 23 ? h : null;
}

/**
 * Reads a date cell ('YYYY-MM-DD', 'YYYY/M/D', 'YYYYMMDD', 'YYYY年M月D日'). A time part is accepted only at
 * midnight (an XLSX date cell reads as "2022-01-01 00:00:00").
 */
function parseDateOnly(text: string): string | null {
  const r = parseTimeCell(text);
  return 'error' in r || (r.hour !== null && r.hour !== 0) ? null : r.date;
}

/** A bounded cache of a function of a string (cleared when full). */
class Memo<T> {
  private readonly map = new Map<string, T>();
  constructor(
    private readonly f: (text: string) => T,
    private readonly max = 4096,
  ) {}
  get(text: string): T {
    if (this.map.has(text)) return this.map.get(text) as T;
    const v = this.f(text);
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(text, v);
    return v;
  }
}

const ITEM_ORDER: readonly LongAirItem[] = ['so2', 'no2', 'pm10', 'pm25', 'co', 'o3', 'aqi'];

/** Hours from 1900-01-01 00:00 to an ISO date and hour (an integer key). */
function hoursSince1900(date: string, hour: number): number {
  return (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - Date.UTC(1900, 0, 1)) / 3_600_000 + hour;
}

function cellAt(cells: readonly string[], i: number): string {
  return i >= 0 ? (cells[i] ?? '').trim() : '';
}

const SIMPLE_NUMBER = /^\d{1,15}(?:\.\d{1,15})?$/;

/** The shared row rules of the CSV and XLSX paths. */
class LongReader {
  readonly issues: IssueList;
  readonly rows: LongAirRow[] = [];
  missingValues = 0;
  header: string[] | null = null;
  col: Col | null = null;
  dataRows = 0;
  stopped = false;
  /** Duplicate check: (station index × 8 + item) → (hour since 1900 → index in `rows`). */
  private readonly seen = new Map<number, Map<number, number>>();
  private readonly stationIndex = new Map<string, number>();

  constructor(
    readonly file: string,
    readonly limits: LongAirLimits,
    readonly sheet?: string,
  ) {
    this.issues = new IssueList(file, limits.maxIssues, sheet);
  }

  setHeader(cells: readonly string[], row: number): boolean {
    const iss = this.issues;
    const header = cells.map((h) => h.replace(/^\uFEFF/, '').trim());
    if (header.length > this.limits.maxColumns) {
      iss.error(`列数 ${header.length} 超过上限 ${this.limits.maxColumns} / too many columns`, row);
      return false;
    }
    header.forEach((h, i) => {
      if (FORBIDDEN.has(h.normalize('NFKC').toLowerCase())) iss.error(`不允许的列名 "${h}" / forbidden header`, row, columnRef(i, h));
      else if (h.length > this.limits.maxCellChars) iss.error(`列名超过 ${this.limits.maxCellChars} 字符 / header too long`, row, columnRef(i));
    });
    if (iss.errors > 0) return false;
    const col: Col = {
      station: findColumn(header, LONG_AIR_COLUMNS.station),
      time: findColumn(header, LONG_AIR_COLUMNS.time),
      date: findColumn(header, LONG_AIR_COLUMNS.date),
      hour: findColumn(header, LONG_AIR_COLUMNS.hour),
      pollutant: findColumn(header, LONG_AIR_COLUMNS.pollutant),
      value: findColumn(header, LONG_AIR_COLUMNS.value),
      unit: findColumn(header, LONG_AIR_COLUMNS.unit),
    };
    if (col.time === col.date) col.date = -1;
    const missing: string[] = [];
    if (col.station < 0) missing.push('站点 / station');
    if (col.time < 0 && (col.date < 0 || col.hour < 0)) missing.push('时间 / time（或 日期 / date 和 小时 / hour）');
    if (col.pollutant < 0) missing.push('污染物 / pollutant');
    if (col.value < 0) missing.push('浓度 / value');
    if (missing.length) {
      iss.error(`缺少列：${missing.join('；')}（表头为 "${shorten(header.join(','))}"）/ missing columns`, row);
      return false;
    }
    this.header = header;
    this.col = col;
    return true;
  }

  private ref(i: number): string {
    return columnRef(i, this.header?.[i]);
  }

  // Long tables repeat the same few times, pollutants and units on many rows: parse each text once.
  private readonly timeMemo = new Memo((t: string) => parseTimeCell(t));
  private readonly hourMemo = new Memo((t: string) => parseHourCell(t));
  private readonly dateMemo = new Memo((t: string) => parseDateOnly(t));
  private readonly itemMemo = new Memo((t: string) => pollutantOf(t));
  private readonly unitMemo = new Memo((t: string) => unitOf(t));
  private readonly isoMemo = new Memo((t: string) => `${t.slice(0, 10)}T${t.length === 12 ? '0' : ''}${t.slice(11)}:00:00+08:00`);

  addRow(cells: readonly string[], row: number): void {
    const header = this.header;
    const col = this.col;
    if (!header || !col) return;
    this.dataRows++;
    if (this.dataRows > this.limits.maxRows) {
      this.issues.error(`数据行数超过上限 ${this.limits.maxRows} / too many rows`, row);
      this.stopped = true;
      return;
    }
    const iss = this.issues;
    const errorsBefore = iss.errors;
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j] as string;
      if (c.length > this.limits.maxCellChars) {
        iss.error(`单元格超过 ${this.limits.maxCellChars} 字符 / cell too long`, row, this.ref(j));
        return;
      }
      if (j >= header.length && c.trim() !== '') {
        iss.error(`该行比表头多出单元格（表头只有 ${header.length} 列）/ more cells than the header`, row, this.ref(j));
        return;
      }
    }
    const station = cellAt(cells, col.station);
    if (station === '') iss.error('站点为空 / empty station', row, this.ref(col.station));
    else if (station.length > 64) iss.error('站点超过 64 字符 / station too long', row, this.ref(col.station));

    let date: string | null = null;
    let hour: number | null = null;
    if (col.time >= 0) {
      const text = cellAt(cells, col.time);
      const t = this.timeMemo.get(text);
      if ('error' in t) iss.error(t.error, row, this.ref(col.time));
      else {
        date = t.date;
        hour = t.hour;
        if (col.hour >= 0) {
          // With an hour column, a time cell at midnight (or date only, e.g. an XLSX date cell) gives the date,
          // the hour column the hour; any other time must agree with the hour column.
          const fromColumn = this.hourMemo.get(cellAt(cells, col.hour));
          if (fromColumn === null) iss.error(`小时应为 0～23 的整数（收到 "${shorten(cellAt(cells, col.hour))}"）/ hour must be 0–23`, row, this.ref(col.hour));
          else if (hour !== null && hour !== 0 && hour !== fromColumn) iss.error(`时间 "${shorten(text)}" 与小时列的 ${fromColumn} 时不一致 / the time and the hour column disagree`, row, this.ref(col.hour));
          hour = fromColumn;
        } else if (hour === null) {
          iss.error(`时间只有日期（收到 "${shorten(text)}"），且没有小时列 / the time has no hour and there is no hour column`, row, this.ref(col.time));
        }
      }
    } else {
      date = this.dateMemo.get(cellAt(cells, col.date));
      if (date === null) iss.error(`日期无法识别（收到 "${shorten(cellAt(cells, col.date))}"），应如 2022-01-01 / not a date`, row, this.ref(col.date));
      hour = this.hourMemo.get(cellAt(cells, col.hour));
      if (hour === null) iss.error(`小时应为 0～23 的整数（收到 "${shorten(cellAt(cells, col.hour))}"）/ hour must be 0–23`, row, this.ref(col.hour));
    }

    const itemText = cellAt(cells, col.pollutant);
    const item = this.itemMemo.get(itemText);
    if (item === null) iss.error(`污染物无法识别（收到 "${shorten(itemText)}"），应为 PM2.5、PM10、SO2、NO2、CO、O3 或 AQI / unknown pollutant`, row, this.ref(col.pollutant));
    else if (item === 'average') iss.error(`只接受 1 小时浓度（收到 "${shorten(itemText)}"）：滑动平均由系统计算 / only 1-hour values are accepted`, row, this.ref(col.pollutant));

    const unitText = cellAt(cells, col.unit);
    const unit = this.unitMemo.get(unitText);
    if (unit === null) iss.error(`单位无法识别（收到 "${shorten(unitText)}"），应为 μg/m³ 或 mg/m³ / unknown unit`, row, this.ref(col.unit));
    else if (item === 'aqi' && (unit === 'ug' || unit === 'mg')) iss.error(`AQI 没有单位（收到 "${shorten(unitText)}"）/ AQI has no unit`, row, this.ref(col.unit));
    else if (item !== null && item !== 'average' && item !== 'aqi' && unit === 'none') iss.error(`浓度应有单位 μg/m³ 或 mg/m³（收到 "${shorten(unitText)}"）/ a concentration needs a unit`, row, this.ref(col.unit));

    let valueText = cellAt(cells, col.value);
    let value: number | null = null;
    if (SIMPLE_NUMBER.test(valueText)) value = Number(valueText);
    else {
      valueText = valueText.normalize('NFKC');
      if (MISSING.has(valueText.toLowerCase())) value = null;
      else if (!NUMBER.test(valueText)) {
        const negative = /^-\s*(?:\d|\.\d)/.test(valueText);
        iss.error(negative ? `浓度不能为负数（收到 "${shorten(valueText)}"）/ negative value` : `数值无法识别（收到 "${shorten(valueText)}"），应为非负数；缺测留空或写 - / not a number`, row, this.ref(col.value));
      } else value = Number(valueText);
    }

    if (iss.errors > errorsBefore || item === null || item === 'average' || unit === null || date === null || hour === null) return;
    if (value === null) {
      this.missingValues++;
      return;
    }
    let v = value;
    let outUnit: LongAirRow['unit'] = '';
    if (item !== 'aqi') {
      outUnit = item === 'co' ? 'mg/m³' : 'μg/m³';
      if (item === 'co' && unit === 'ug') v = scale(v, -3);
      if (item !== 'co' && unit === 'mg') v = scale(v, 3);
    }
    if (v > PLAUSIBLE_MAX[item]) {
      iss.warn(`${itemText} ${valueText}${unitText ? ` ${unitText}` : ''} 高得不合常理（超过 ${PLAUSIBLE_MAX[item]}${outUnit ? ` ${outUnit}` : ''}），请核对单位 / implausibly high, check the unit`, row, this.ref(col.value));
    }
    let si = this.stationIndex.get(station);
    if (si === undefined) {
      si = this.stationIndex.size;
      this.stationIndex.set(station, si);
    }
    const slot = si * 8 + ITEM_ORDER.indexOf(item);
    let byHour = this.seen.get(slot);
    if (!byHour) {
      byHour = new Map();
      this.seen.set(slot, byHour);
    }
    const hourKey = hoursSince1900(date, hour);
    const at = byHour.get(hourKey);
    if (at !== undefined) {
      const before = this.rows[at] as LongAirRow;
      if (before.value === v) iss.warn(`与第 ${before.row} 行重复（同一站点、时间、污染物，数值相同），已忽略 / duplicate of row ${before.row}`, row);
      else iss.error(`与第 ${before.row} 行重复（同一站点、时间、污染物），但数值不同：${before.value} 与 ${v} / conflicting duplicate of row ${before.row}`, row, this.ref(col.value));
      return;
    }
    byHour.set(hourKey, this.rows.length);
    const time = this.isoMemo.get(`${date} ${hour}`);
    const out: LongAirRow = { row, station, date, hour, time, pollutant: item, value: v, unit: outUnit };
    if (this.sheet !== undefined) out.sheet = this.sheet;
    this.rows.push(out);
  }

  result(encoding?: TextEncodingName): LongAirResult {
    if (this.header === null && this.issues.errors === 0) this.issues.error('文件为空，应有表头（站点,时间,污染物,浓度）和数据行 / empty file');
    if (this.header !== null && this.dataRows === 0 && this.issues.errors === 0) this.issues.error('只有表头，没有数据行 / header only, no data rows');
    const base = { issues: this.issues.items, missingValues: this.missingValues, ...(encoding ? { encoding } : {}) };
    return this.issues.errors > 0 ? { rows: [], ...base } : { rows: this.rows, ...base };
  }
}

function resolveLimits(options: LongAirOptions): LongAirLimits {
  return { ...DEFAULT_LONG_AIR_LIMITS, ...(options.limits ?? {}) };
}

class Stop extends Error {}

function readCsv(bytes: Uint8Array, options: LongAirOptions, limits: LongAirLimits): LongAirResult {
  const reader = new LongReader(options.file, limits);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    reader.issues.error('文件是 XLSX（zip），却按 CSV 读取：请选择 xlsx 格式 / this is an XLSX file, not CSV');
    return reader.result();
  }
  const decoded = decodeCsvText(bytes);
  if (decoded.text === null) {
    reader.issues.error(decoded.message);
    return reader.result();
  }
  if (looksBinary(bytes)) {
    reader.issues.error('不是文本文件（含 NUL 字节）/ not a text file');
    return reader.result();
  }
  const text = decoded.text;
  let line = 1;
  let records = 0;
  try {
    parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: limits.maxCellChars * limits.maxColumns + limits.maxColumns,
      on_record: (cells: string[], ctx: { bytes?: number }) => {
        const row = line;
        for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) line++;
        line++;
        if (reader.stopped || reader.issues.full) throw new Stop();
        if (isBlankRecord(cells)) return null;
        if (cells.some((c) => c.includes('\uFFFD'))) {
          reader.issues.error('含无法识别的字符：文件编码应为 UTF-8 或 GBK / undecodable characters', row);
        }
        if (reader.header === null) {
          if (!reader.setHeader(cells, row)) throw new Stop();
        } else reader.addRow(cells, row);
        records++;
        if (records % 10_000 === 0) options.onProgress?.({ rowsDone: reader.dataRows, fraction: Math.min(1, (ctx.bytes ?? 0) / Math.max(1, text.length)) });
        return null;
      },
    });
  } catch (e) {
    if (!(e instanceof Stop)) {
      const err = e as { lines?: unknown; message?: unknown };
      const msg = typeof err.message === 'string' ? (err.message.split('\n')[0] ?? '') : String(e);
      reader.issues.error(`CSV 格式错误：${msg} / malformed CSV`, typeof err.lines === 'number' ? err.lines : undefined);
    }
  }
  options.onProgress?.({ rowsDone: reader.dataRows, fraction: 1 });
  return reader.result(decoded.encoding);
}

/** The text of an ExcelJS cell value; dates as Beijing wall-clock text ("YYYY-MM-DD HH:mm:ss"). */
function xlsxCellText(v: ExcelJS.CellValue): { text: string } | { formula: true } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v) };
  if (typeof v === 'string') return { text: v };
  if (v instanceof Date) {
    // ExcelJS turns a date serial into a Date whose UTC fields are the wall-clock time written in the sheet.
    const ms = v.getTime();
    if (!Number.isFinite(ms)) return { text: '' };
    const d = new Date(Math.round(ms / 1000) * 1000);
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    if (d.getUTCFullYear() < 1901) return { text: time };
    return { text: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${time}` };
  }
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { formula: true };
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join('') };
    if ('text' in v) return { text: String(v.text) };
    if ('error' in v) return { text: String(v.error) };
  }
  return { text: String(v) };
}

async function readXlsx(bytes: Uint8Array, options: LongAirOptions, limits: LongAirLimits): Promise<LongAirResult> {
  const file = options.file;
  const early = new LongReader(file, limits);
  const problem = checkXlsx(bytes, { maxZipEntries: limits.maxZipEntries, maxUncompressedBytes: limits.maxUncompressedBytes, maxRows: limits.maxRows, maxColumns: limits.maxColumns });
  if (problem) {
    early.issues.error(problem);
    return early.result();
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    early.issues.error(`无法读取 XLSX：${String((e as Error)?.message ?? e).split('\n')[0]} / could not read the workbook`);
    return early.result();
  }
  const ws = options.sheet !== undefined ? wb.getWorksheet(options.sheet) : wb.worksheets[0];
  if (!ws) {
    early.issues.error(options.sheet !== undefined ? `找不到工作表 "${shorten(options.sheet)}" / no such sheet` : '工作簿中没有工作表 / no worksheet');
    return early.result();
  }
  const reader = new LongReader(file, limits, ws.name);
  let headerFailed = false;
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (headerFailed || reader.stopped || reader.issues.full) return;
    const count = Math.min(r.cellCount, limits.maxColumns + 1);
    const cells: string[] = [];
    for (let c = 1; c <= count; c++) {
      const t = xlsxCellText(r.getCell(c).value);
      if ('formula' in t) {
        reader.issues.error('单元格含公式，请粘贴为数值后再导入 / formula cells are not accepted', rowNumber, columnRef(c - 1, reader.header?.[c - 1]));
        cells.push('');
      } else cells.push(t.text);
    }
    if (isBlankRecord(cells) || cells.every((c) => c.trim() === '')) return;
    if (reader.header === null) {
      if (!reader.setHeader(cells, rowNumber)) headerFailed = true;
    } else {
      reader.addRow(cells, rowNumber);
      if (reader.dataRows % 10_000 === 0) options.onProgress?.({ rowsDone: reader.dataRows, fraction: Math.min(1, rowNumber / Math.max(1, ws.rowCount)) });
    }
  });
  options.onProgress?.({ rowsDone: reader.dataRows, fraction: 1 });
  return reader.result();
}

/** Reads a long-format air table (CSV or XLSX bytes). Never throws. */
export async function parseLongAirTable(bytes: Uint8Array, options: LongAirOptions): Promise<LongAirResult> {
  const limits = resolveLimits(options);
  try {
    if (bytes.length > limits.maxBytes) {
      return { rows: [], issues: [{ severity: 'error', file: options.file, message: `文件大小 ${bytes.length} 字节超过上限 ${limits.maxBytes} / file too large` }], missingValues: 0 };
    }
    return options.format === 'xlsx' ? await readXlsx(bytes, options, limits) : readCsv(bytes, options, limits);
  } catch (e) {
    return { rows: [], issues: [{ severity: 'error', file: options.file, message: `读取失败：${String((e as Error)?.message ?? e).split('\n')[0]} / could not read` }], missingValues: 0 };
  }
}

/** Series built from long rows: 1-h concentrations per station, the AQI rows apart, rows of other years counted. */
export interface LongSeries {
  series: Map<string, StationYearSeries>;
  publishedAqi: Map<string, Float64Array>;
  otherYears: number;
}

/** Puts long rows of one year into `StationYearSeries` (and the AQI rows into hourly arrays). */
export function longRowsToSeries(rows: readonly LongAirRow[], year: number): LongSeries {
  const series = new Map<string, StationYearSeries>();
  const publishedAqi = new Map<string, Float64Array>();
  const hours = 24 * daysInYear(year);
  let otherYears = 0;
  for (const r of rows) {
    const y = Number(r.date.slice(0, 4));
    if (y !== year) {
      otherYears++;
      continue;
    }
    const dayIndex = Math.round((Date.UTC(y, Number(r.date.slice(5, 7)) - 1, Number(r.date.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000);
    const i = dayIndex * 24 + r.hour;
    if (r.pollutant === 'aqi') {
      let a = publishedAqi.get(r.station);
      if (!a) {
        a = new Float64Array(hours).fill(Number.NaN);
        publishedAqi.set(r.station, a);
      }
      a[i] = r.value;
      continue;
    }
    let s = series.get(r.station);
    if (!s) {
      s = emptyStationYear(r.station, year);
      series.set(r.station, s);
    }
    s.hourly[r.pollutant][i] = r.value;
  }
  return { series, publishedAqi, otherYears };
}
