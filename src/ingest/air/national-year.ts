/**
 * Accumulates a year of CNEMC daily site files (`china_sites_YYYYMMDD.csv`, any order) into one hourly series
 * per station: the 1-h concentrations of the six AQI pollutants (`StationYearSeries`) and, kept apart, the
 * hourly AQI as published (to check ecoplan's AQI against CNEMC's). The quotsoft type `O3` is the current 1-h
 * O3 (reference/STANDARDS.md §8.3); the `_24h` and `O3_8h…` rows are not kept: they are derived values that
 * the evaluation recomputes.
 *
 * Memory is bounded by stations × hours and does not grow with the number of files: only one file's bytes
 * are needed at a time (the caller reads them one by one), and each station that ever has a value gets
 * 7 series × 8,760 (8,784) hours of Float32 — 245 KB; a national year (~2,000 stations) is about 0.5 GB.
 *
 * Why Float32 storage: it halves the memory of Float64 (a national year would need ~1 GB) and it is exact for
 * what CNEMC publishes. Values are integers (µg/m³, AQI) or have one decimal (CO, mg/m³): every integer below
 * 2^24 is exact in Float32, and a value with up to three decimals below ~8,000 is recovered exactly by
 * rounding the Float32 to three decimals. Each value is checked when stored: one that would not come back
 * exactly (more decimals, or huge) is kept exactly in a side table. `series()` returns the standard
 * Float64 `StationYearSeries`, built one station at a time, so the evaluation can walk all stations while only
 * one station's Float64 copy is alive (`entries()`).
 */
import { POLLUTANTS, daysInYear, type Pollutant, type StationYearSeries } from '../../standards/air/types.js';
import type { AirIssue } from './issues.js';
import { parseSitesDay, siteTypeIndex, type SitesDay, type SitesDayLimits } from './sites-day.js';
import { isStoppedOn, type Station } from './station-list.js';

/** Progress of an import: files and bytes done (of the totals when the caller gave them). */
export interface YearProgress {
  filesDone: number;
  bytesDone: number;
  filesTotal?: number;
  bytesTotal?: number;
  /** The file just finished, and whether it was used. */
  file: string;
  accepted: boolean;
}

/** Options of the accumulator. */
export interface NationalYearOptions {
  year: number;
  /** The station list: columns missing from it, and stopped stations that still report, are warnings. */
  stations?: readonly Station[];
  /** Called after each file (the CLI draws a progress bar from it). */
  onProgress?: (progress: YearProgress) => void;
  filesTotal?: number;
  bytesTotal?: number;
  limits?: Partial<SitesDayLimits>;
}

/** What adding one file did. */
export interface AddFileResult {
  /** True when the file's values were stored. */
  accepted: boolean;
  /** ISO date of the file, when it could be read. */
  date: string | null;
  /** The file's issues (errors reject it), then any station-list warnings it raised. */
  issues: AirIssue[];
}

/** Slot order in a station's store: the six pollutants (in `POLLUTANTS` order), then the published AQI. */
const KINDS = [...POLLUTANTS, 'aqi'] as const;
const SOURCE_TYPE: Record<(typeof KINDS)[number], string> = { so2: 'SO2', no2: 'NO2', pm10: 'PM10', pm25: 'PM2.5', co: 'CO', o3: 'O3', aqi: 'AQI' };
const KIND_TYPE_INDEX = KINDS.map((k) => siteTypeIndex(SOURCE_TYPE[k]));
const NK = KINDS.length;

function restore(f: number): number {
  return Math.round(f * 1000) / 1000;
}

/** One station's year: 7 × hours Float32 values, NaN = missing, and the values Float32 cannot hold exactly. */
interface StationStore {
  code: string;
  data: Float32Array;
  exact: Map<number, number> | null;
}

/**
 * Accumulates daily site files of one year. Feed files with `addFile` (or already-read days with `addDay`),
 * then read `series`, `entries`, `publishedAqi`.
 */
export class NationalYearAccumulator {
  readonly year: number;
  /** Hours in the year (24 × days). */
  readonly hours: number;
  private readonly stores = new Map<string, StationStore>();
  private readonly loaded: Uint8Array;
  private readonly list: Map<string, Station> | null;
  private readonly warned = new Set<string>();
  private readonly scratch: { buf: Float64Array } = { buf: new Float64Array(0) };
  private filesDone = 0;
  private bytesDone = 0;

  constructor(private readonly options: NationalYearOptions) {
    if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) throw new RangeError(`year out of range: ${options.year}`);
    this.year = options.year;
    this.hours = 24 * daysInYear(options.year);
    this.loaded = new Uint8Array(daysInYear(options.year));
    this.list = options.stations ? new Map(options.stations.map((s) => [s.code, s])) : null;
  }

  /**
   * Reads one daily file and stores its values; a file with errors is not used. Never throws (except what
   * `onProgress` throws).
   */
  addFile(bytes: Uint8Array, file: string): AddFileResult {
    const read = parseSitesDay(bytes, { file, ...(this.options.limits ? { limits: this.options.limits } : {}), reuse: this.scratch.buf });
    let result: AddFileResult;
    if (read.day === null) result = { accepted: false, date: null, issues: read.issues };
    else {
      // The values are copied out below: keep the larger buffer for the next file.
      if (read.day.values.buffer !== this.scratch.buf.buffer) this.scratch.buf = new Float64Array(read.day.values.buffer);
      const more = this.addDay(read.day);
      result = { accepted: !more.some((i) => i.severity === 'error'), date: read.day.date, issues: [...read.issues, ...more] };
    }
    this.filesDone++;
    this.bytesDone += bytes.length;
    this.options.onProgress?.({
      filesDone: this.filesDone,
      bytesDone: this.bytesDone,
      ...(this.options.filesTotal !== undefined ? { filesTotal: this.options.filesTotal } : {}),
      ...(this.options.bytesTotal !== undefined ? { bytesTotal: this.options.bytesTotal } : {}),
      file,
      accepted: result.accepted,
    });
    return result;
  }

  /**
   * Stores a day already read. A day of another year, or a day already stored, is an error and nothing is
   * stored. Returns the issues (station-list warnings are given once per station and year).
   */
  addDay(day: SitesDay): AirIssue[] {
    const issues: AirIssue[] = [];
    const y = Number(day.date.slice(0, 4));
    if (y !== this.year) {
      return [{ severity: 'error', file: day.file, message: `文件日期 ${day.date} 不属于 ${this.year} 年 / the file is not of year ${this.year}` }];
    }
    const dayIndex = Math.round((Date.UTC(y, Number(day.date.slice(5, 7)) - 1, Number(day.date.slice(8, 10))) - Date.UTC(y, 0, 1)) / 86_400_000);
    if (this.loaded[dayIndex]) {
      return [{ severity: 'error', file: day.file, message: `${day.date} 的数据已导入过，本文件未使用 / this day is already loaded` }];
    }
    this.loaded[dayIndex] = 1;
    const ns = day.stations.length;
    const values = day.values;
    const hourBase = dayIndex * 24;
    for (let s = 0; s < ns; s++) {
      // Skip a station column with no value at all in the kept types (e.g. a stopped station).
      let any = false;
      for (let k = 0; k < NK && !any; k++) {
        const from = ((KIND_TYPE_INDEX[k] as number) * ns + s) * 24;
        for (let h = 0; h < 24; h++) {
          const v = values[from + h] as number;
          if (v === v) {
            any = true;
            break;
          }
        }
      }
      if (!any) continue;
      const code = day.stations[s] as string;
      let store = this.stores.get(code);
      if (!store) {
        store = { code, data: new Float32Array(NK * this.hours).fill(Number.NaN), exact: null };
        this.stores.set(code, store);
      }
      const data = store.data;
      const hours = this.hours;
      for (let k = 0; k < NK; k++) {
        const from = ((KIND_TYPE_INDEX[k] as number) * ns + s) * 24;
        const to = k * hours + hourBase;
        for (let h = 0; h < 24; h++) {
          const v = values[from + h] as number;
          if (v !== v) continue;
          // Integers below 2^24 are exact in Float32 (most values); others are checked.
          if ((v | 0) === v && v < 16_777_216 && v > -16_777_216) {
            data[to + h] = v;
            continue;
          }
          const f = Math.fround(v);
          data[to + h] = f;
          if (restore(f) !== v) (store.exact ??= new Map()).set(to + h, v);
        }
      }
      if (this.list) this.checkStation(code, day, issues);
    }
    return issues;
  }

  private checkStation(code: string, day: SitesDay, issues: AirIssue[]): void {
    if (this.warned.has(code) || !this.list) return;
    const station = this.list.get(code);
    if (!station) {
      this.warned.add(code);
      issues.push({ severity: 'warning', file: day.file, message: `站点 ${code} 不在站点列表中，其数据照常导入 / station not in the station list` });
    } else if (isStoppedOn(station, day.date)) {
      this.warned.add(code);
      issues.push({
        severity: 'warning',
        file: day.file,
        message: `站点 ${code}（${station.printedName}）在站点列表中标为停运${station.stoppedOn ? `（${station.stoppedOn}）` : ''}，但 ${day.date} 仍有数据；数据照常导入 / stopped station still reports`,
      });
    }
  }

  /** Codes of the stations that have any value, sorted. */
  stationCodes(): string[] {
    return [...this.stores.keys()].sort();
  }

  /** Bytes held for the series: 7 × hours × 4 per station with data (plus the rare exact side-table entries). */
  storedBytes(): number {
    let n = 0;
    for (const s of this.stores.values()) n += s.data.byteLength + (s.exact ? s.exact.size * 16 : 0);
    return n;
  }

  /** ISO dates of the days stored, in order. */
  daysLoaded(): string[] {
    const out: string[] = [];
    this.loaded.forEach((v, i) => {
      if (v) out.push(isoDay(this.year, i));
    });
    return out;
  }

  /** ISO dates of the days of the year not stored (no file, or a rejected file). */
  daysMissing(): string[] {
    const out: string[] = [];
    this.loaded.forEach((v, i) => {
      if (!v) out.push(isoDay(this.year, i));
    });
    return out;
  }

  private column(store: StationStore, k: number): Float64Array {
    const out = new Float64Array(this.hours);
    const base = k * this.hours;
    const data = store.data;
    for (let i = 0; i < this.hours; i++) out[i] = restore(data[base + i] as number);
    if (store.exact) {
      for (const [at, v] of store.exact) if (at >= base && at < base + this.hours) out[at - base] = v;
    }
    return out;
  }

  /** The station's 1-h concentrations as a `StationYearSeries` (a new Float64 copy), or undefined. */
  series(code: string): StationYearSeries | undefined {
    const store = this.stores.get(code);
    if (!store) return undefined;
    const hourly = {} as Record<Pollutant, Float64Array>;
    POLLUTANTS.forEach((p, k) => {
      hourly[p] = this.column(store, k);
    });
    return { station: code, year: this.year, hourly };
  }

  /** The station's hourly AQI as published by CNEMC (NaN = blank), or undefined. */
  publishedAqi(code: string): Float64Array | undefined {
    const store = this.stores.get(code);
    return store ? this.column(store, NK - 1) : undefined;
  }

  /** The stations' series one at a time, in code order: only one Float64 copy is alive at a time. */
  *entries(): IterableIterator<[string, StationYearSeries]> {
    for (const code of this.stationCodes()) {
      const s = this.series(code);
      if (s) yield [code, s];
    }
  }

  /** All series at once. For a national year this is ~0.9 GB of Float64: prefer `entries()`. */
  toMap(): Map<string, StationYearSeries> {
    return new Map(this.entries());
  }
}

function isoDay(year: number, dayIndex: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayIndex)).toISOString().slice(0, 10);
}
