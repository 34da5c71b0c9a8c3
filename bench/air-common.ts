/**
 * Shared pieces of the national-year air benchmark (`npm run bench:air`, see docs/benchmarks.md): options,
 * the cache directory, the stations and cities taken from the real national station list, the synthetic
 * year's gaps, and the results table the three implementations (ecoplan, pandas, DuckDB) write and compare.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Station } from '../src/ingest/air/station-list.js';
import { daysInYear } from '../src/standards/air/types.js';

/** Options of a benchmark run. */
export interface AirBenchOptions {
  year: number;
  /** Stations taken from the list (in list order); default all stations not marked stopped. */
  stations: number;
  /** Days from 1 January; default the whole year. */
  days: number;
  seed: number;
  /** Worker threads of the ecoplan run (0 = everything on the main thread). */
  threads: number;
  /** Cache root; the year is generated into `<cache>/<year>-<stations>-<days>-<seed>/`. */
  cache: string;
  /** Which implementations run. */
  skipPandas: boolean;
  skipDuckdb: boolean;
  /** Run the ecoplan child with `--cpu-prof` (profile written to `<run dir>/prof`). */
  cpuProf: boolean;
  /** Only run the hand-made fixture through the three and check the hand-worked values. */
  selfCheck: boolean;
}

/** Reads `--name value` options; unknown ones are an error (in Chinese first). */
export function parseBenchArgs(argv: readonly string[], liveStations: number): AirBenchOptions {
  const known = new Set(['--year', '--stations', '--days', '--seed', '--threads', '--cache', '--skip', '--cpu-prof', '--self-check']);
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  for (const a of argv) {
    if (a.startsWith('--') && !known.has(a)) throw new Error(`未知选项 ${a} / unknown option (${[...known].join(' ')})`);
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} 应为 ${min}～${max} 的整数（收到 ${raw}）/ ${name} must be an integer in ${min}..${max}`);
    return n;
  };
  const year = int('--year', 2025, 2016, 2025);
  const skip = (get('--skip') ?? '').split(',');
  return {
    year,
    stations: int('--stations', liveStations, 1, liveStations),
    days: int('--days', daysInYear(year), 1, daysInYear(year)),
    seed: int('--seed', 2025, 0, 2 ** 31 - 1),
    threads: int('--threads', 2, 0, 8),
    cache: get('--cache') ?? join(process.env.TMPDIR || tmpdir(), 'ecoplan-bench-air'),
    skipPandas: skip.includes('pandas'),
    skipDuckdb: skip.includes('duckdb'),
    cpuProf: argv.includes('--cpu-prof'),
    selfCheck: argv.includes('--self-check'),
  };
}

/**
 * The cities and their member stations: every station that is neither a control station (对照点) nor
 * stopped, grouped by the list's city. A city's value is the mean of its members' values.
 */
export function cityMembers(stations: readonly Station[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of stations) {
    if (s.control || s.stopped) continue;
    const list = out.get(s.city);
    if (list) list.push(s.code);
    else out.set(s.city, [s.code]);
  }
  return out;
}

/**
 * Splits the stations into `shards` groups of whole cities (by the list's city, control stations included),
 * largest cities first, each to the group with the fewest stations so far. Returns the group of each station.
 */
export function shardStations(stations: readonly Station[], shards: number): Map<string, number> {
  const byCity = new Map<string, string[]>();
  for (const s of stations) {
    const list = byCity.get(s.city);
    if (list) list.push(s.code);
    else byCity.set(s.city, [s.code]);
  }
  const load = new Array<number>(Math.max(1, shards)).fill(0);
  const out = new Map<string, number>();
  const cities = [...byCity.values()].sort((a, b) => b.length - a.length);
  for (const codes of cities) {
    let k = 0;
    for (let i = 1; i < load.length; i++) if ((load[i] as number) < (load[k] as number)) k = i;
    load[k] = (load[k] as number) + codes.length;
    for (const c of codes) out.set(c, k);
  }
  return out;
}

/** ISO date of day index `day` of `year`. */
export function isoDate(year: number, day: number): string {
  return new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
}

/** The cache directory of one generated year. */
export function yearDir(o: Pick<AirBenchOptions, 'cache' | 'year' | 'stations' | 'days' | 'seed'>): string {
  return join(o.cache, `${o.year}-${o.stations}-${o.days}-${o.seed}`);
}

/** The file that marks a generated year as complete (written last). */
export const COMPLETE_MARK = 'complete.json';

// ---------------------------------------------------------------- the synthetic year's gaps

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** A uniform number in [0, 1) from the seed and two integers (independent of the generator's own noise). */
export function gapUniform(seed: number, a: number, b: number): number {
  return mix(mix(mix(seed ^ 0x5bd1e995) ^ Math.imul(a, 0x9e3779b1)) ^ Math.imul(b, 0x85ebca77)) / 4294967296;
}

/** What the generator leaves out, on top of its own single gaps and maintenance blocks. */
export interface YearGaps {
  /** Stations whose columns are empty all year (about 1 in 100: closed after the list was published). */
  stoppedAllYear: Set<string>;
  /** Station outages of 3–45 consecutive days (about 3 in 100 stations): day index range [from, to). */
  outages: Map<string, { from: number; to: number }>;
  /** Hours (rows) absent from a day's file (about 2 in 100 days lose 1–3 hours). */
  missingHours: Map<number, number[]>;
  /**
   * The station whose column is repeated in every file (as 1961A and 1966A are in the real 2022 files), chosen
   * among those without outages so that every file has the same header.
   */
  duplicate: string | null;
}

/** The gaps of a synthetic year, a pure function of the seed and the stations. */
export function yearGaps(seed: number, codes: readonly string[], days: number): YearGaps {
  const stoppedAllYear = new Set<string>();
  const outages = new Map<string, { from: number; to: number }>();
  codes.forEach((code, i) => {
    const n = Number.parseInt(code, 10) || i;
    if (i > 0 && gapUniform(seed, n, 1) < 0.01) stoppedAllYear.add(code);
    else if (gapUniform(seed, n, 2) < 0.03) {
      const len = 3 + Math.floor(gapUniform(seed, n, 3) * 43);
      const from = Math.floor(gapUniform(seed, n, 4) * days);
      outages.set(code, { from, to: Math.min(days, from + len) });
    }
  });
  const missingHours = new Map<number, number[]>();
  for (let d = 0; d < days; d++) {
    if (gapUniform(seed, d, 5) >= 0.02) continue;
    const count = 1 + Math.floor(gapUniform(seed, d, 6) * 3);
    const start = Math.floor(gapUniform(seed, d, 7) * (24 - count));
    missingHours.set(d, Array.from({ length: count }, (_, k) => start + k));
  }
  const steady = codes.filter((c) => !stoppedAllYear.has(c) && !outages.has(c));
  const duplicate = steady.length >= 2 ? (steady[Math.floor(gapUniform(seed, 8, 8) * steady.length)] as string) : null;
  return { stoppedAllYear, outages, missingHours, duplicate };
}

/** The stations with empty columns on day `day`. */
export function stoppedOnDay(gaps: YearGaps, day: number): string[] {
  const out = [...gaps.stoppedAllYear];
  for (const [code, { from, to }] of gaps.outages) if (day >= from && day < to) out.push(code);
  return out;
}

// ---------------------------------------------------------------- the compared results

/**
 * One row of the compared subset, per station or city: PM2.5 and PM10 annual mean of the valid daily means
 * (null when there is none), the number of valid days, and the days whose PM2.5 daily mean, rounded per
 * GB/T 8170, exceeds 75 µg/m³.
 */
export interface SubsetRow {
  kind: 'station' | 'city';
  id: string;
  pm25Mean: number | null;
  pm25Days: number;
  pm10Mean: number | null;
  pm10Days: number;
  pm25Over75: number;
}

/** Header of the results CSV (the same for the three implementations). */
export const SUBSET_HEADER = 'kind,id,pm25_mean,pm25_days,pm10_mean,pm10_days,pm25_over75';

/** The rows as CSV text (numbers in shortest round-trip form; an empty cell for null). */
export function subsetCsv(rows: readonly SubsetRow[]): string {
  const num = (v: number | null) => (v === null ? '' : String(v));
  return [SUBSET_HEADER, ...rows.map((r) => [r.kind, r.id, num(r.pm25Mean), r.pm25Days, num(r.pm10Mean), r.pm10Days, r.pm25Over75].join(','))].join('\n') + '\n';
}

/** Reads a results CSV written by any of the three; throws on a malformed line. */
export function readSubsetCsv(text: string, source: string): SubsetRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  if (lines[0] !== SUBSET_HEADER) throw new Error(`${source}：表头应为 ${SUBSET_HEADER} / bad header: ${lines[0] ?? ''}`);
  return lines.slice(1).map((line, i) => {
    const c = line.split(',');
    if (c.length !== 7) throw new Error(`${source} 第 ${i + 2} 行应有 7 列 / line ${i + 2} must have 7 cells: ${line}`);
    const kind = c[0];
    if (kind !== 'station' && kind !== 'city') throw new Error(`${source} 第 ${i + 2} 行类型无效 / bad kind: ${line}`);
    const opt = (s: string | undefined) => (s === undefined || s === '' || s === 'nan' || s === 'NaN' ? null : Number(s));
    const int = (s: string | undefined) => {
      const n = Number(s);
      if (!Number.isInteger(n)) throw new Error(`${source} 第 ${i + 2} 行计数无效 / bad count: ${line}`);
      return n;
    };
    return { kind, id: c[1] ?? '', pm25Mean: opt(c[2]), pm25Days: int(c[3]), pm10Mean: opt(c[4]), pm10Days: int(c[5]), pm25Over75: int(c[6]) };
  });
}

/** The outcome of comparing two result sets. */
export interface Comparison {
  rows: number;
  mismatches: string[];
  /** Largest relative difference of the means. */
  maxRelDiff: number;
}

/** Relative tolerance of the means. */
export const REL_TOL = 1e-9;

/**
 * Compares `other` with the reference rows: the same (kind, id) set, equal counts, means equal to `REL_TOL`
 * relative (both null, or both numbers). Lists at most `maxListed` mismatches.
 */
export function compareSubsets(reference: readonly SubsetRow[], other: readonly SubsetRow[], maxListed = 20): Comparison {
  const key = (r: SubsetRow) => `${r.kind}\t${r.id}`;
  const byKey = new Map(other.map((r) => [key(r), r]));
  const mismatches: string[] = [];
  let count = 0;
  let maxRelDiff = 0;
  const note = (m: string) => {
    count++;
    if (mismatches.length < maxListed) mismatches.push(m);
  };
  const mean = (label: string, a: number | null, b: number | null) => {
    if (a === null || b === null) {
      if (a !== b) note(`${label}: ${a} ≠ ${b}`);
      return;
    }
    const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
    if (rel > maxRelDiff) maxRelDiff = rel;
    if (rel > REL_TOL) note(`${label}: ${a} ≠ ${b} (rel ${rel.toExponential(2)})`);
  };
  for (const r of reference) {
    const o = byKey.get(key(r));
    const label = `${r.kind} ${r.id}`;
    if (!o) {
      note(`${label}: missing`);
      continue;
    }
    byKey.delete(key(r));
    mean(`${label} pm25_mean`, r.pm25Mean, o.pm25Mean);
    mean(`${label} pm10_mean`, r.pm10Mean, o.pm10Mean);
    if (r.pm25Days !== o.pm25Days) note(`${label} pm25_days: ${r.pm25Days} ≠ ${o.pm25Days}`);
    if (r.pm10Days !== o.pm10Days) note(`${label} pm10_days: ${r.pm10Days} ≠ ${o.pm10Days}`);
    if (r.pm25Over75 !== o.pm25Over75) note(`${label} pm25_over75: ${r.pm25Over75} ≠ ${o.pm25Over75}`);
  }
  for (const k of byKey.keys()) note(`${k.replace('\t', ' ')}: not in the reference`);
  if (count > mismatches.length) mismatches.push(`… ${count - mismatches.length} more`);
  return { rows: reference.length, mismatches, maxRelDiff };
}

/** What each child run prints as its last line after `RESULT_TAG`. */
export interface ChildReport {
  name: string;
  /** Wall time of the timed work (reading the files to the last result), ms. */
  wallMs: number;
  /** Peak resident set of the child process, bytes. */
  maxRss: number;
  /** Bytes of daily files read. */
  bytesRead: number;
  /** Free-form phase timings, ms. */
  phases: Record<string, number>;
  /** Lines to print under the run. */
  notes: string[];
}

/** Prefix of the child's report line on stdout. */
export const RESULT_TAG = '@@air-bench ';

/**
 * A worker thread running a TypeScript module. Under tsx the loader does not reach worker threads started
 * from a `.ts` URL, so the worker is a one-line ESM bootstrap that registers tsx first and imports the module.
 */
export function tsWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * Reads files into one reused buffer (grown when a file is larger), so that reading a year of daily files
 * does not leave 800 MB of garbage buffers behind. The bytes returned are valid until the next `read`.
 */
export class FileReader {
  private buf = Buffer.allocUnsafe(4 << 20);

  /** The whole file's bytes (a view of the shared buffer). */
  read(path: string): Uint8Array {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.buf.length) this.buf = Buffer.allocUnsafe(size + (size >> 3));
      let at = 0;
      while (at < size) {
        const n = readSync(fd, this.buf, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
      return this.buf.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  }
}
