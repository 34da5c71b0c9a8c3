/**
 * Realistic synthetic CNEMC daily site files (`china_sites_YYYYMMDD.csv`), for tests and benchmarks. The
 * output has the real layout (reference/STANDARDS.md §8.1): all 15 types in CNEMC's order, 24 hours, empty
 * cells for gaps, the columns of a few stopped stations left empty, and one station column repeated (as 1961A
 * and 1966A are in the 2022 files). Everything is a pure function of the seed, so a day can be regenerated
 * and consecutive days join up (the moving averages of day D use the hours of day D−1).
 *
 * The model (invented, tuned to look like Chinese city data, not fitted to any): per station a regional
 * factor; a seasonal cycle (PM, SO2, NO2, CO high in winter, O3 high in summer afternoons); multi-day pollution
 * episodes shared by stations with neighbouring codes (PM2.5 can pass 250 µg/m³); spring dust raising PM10;
 * diurnal cycles (PM at night, NO2 at rush hours, O3 at 15:00); gaps (single missing values, station
 * outages, maintenance blocks of 3–8 hours).
 *
 * Derived rows, as the quotsoft types are understood in §8.3:
 * - `X_24h` (PM2.5, PM10, SO2, NO2, CO) = mean of the 1-h values of the last 24 hours (this one included),
 *   published when at least 20 are valid;
 * - `O3_8h` = mean of the last 8 hours (at least 6 valid); `O3_24h` = max 1-h O3 of the last 24 hours;
 *   `O3_8h_24h` = max `O3_8h` of the last 24 hours (each at least 20 valid);
 * - means are rounded half to even (GB/T 8170), CO to 0.1 mg/m³, the others to 1 µg/m³;
 * - `AQI` = the real-time AQI as CNEMC published it in 2022 (§1.4): max of the IAQIs (HJ 633-2012 Table 1,
 *   each rounded up) of the six 1-h values, PM on the 24-h breakpoints, blank when any of the six is missing.
 * The 20-of-24 and 6-of-8 thresholds follow the GB 3095 validity rules; CNEMC's own rule for publishing moving
 * averages is [UNVERIFIED].
 */

/** Options of `generateSitesDay`. */
export interface SyntheticDayOptions {
  /** Stations whose columns are present but empty (stopped). Default: about 1 in 100, chosen by the seed. */
  stopped?: readonly string[];
  /** A station whose column is repeated near the end of the header. Default: one chosen by the seed; null: none. */
  duplicate?: string | null;
  /** Share of station-hours with a missing 1-h value (default 0.01). */
  gapRate?: number;
  /** Hours whose rows are left out of the file altogether. */
  missingHours?: readonly number[];
  /** Line ending (default LF, as quotsoft writes). */
  lineEnding?: '\n' | '\r\n';
  /** Quote every field ("…"), to exercise the general CSV path. */
  quoteAll?: boolean;
}

/** A generated daily file. */
export interface SyntheticDay {
  /** `china_sites_YYYYMMDD.csv`. */
  file: string;
  /** ISO date. */
  date: string;
  bytes: Uint8Array;
  /** The stations whose columns are empty. */
  stopped: string[];
  /** The station whose column is repeated (the first copy has some blanks the second fills), or null. */
  duplicate: string | null;
}

/** `count` station codes in the national style: 1001A, 1002A, … */
export function syntheticStationCodes(count: number, first = 1001): string[] {
  return Array.from({ length: count }, (_, i) => `${first + i}A`);
}

// ---------------------------------------------------------------- deterministic noise

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) from four integers. */
function uniform(seed: number, a: number, b: number, c: number): number {
  let h = mix((seed | 0) ^ 0x9e3779b9);
  h = mix(h ^ Math.imul(a | 0, 0x27d4eb2d));
  h = mix(h ^ Math.imul(b | 0, 0x165667b1));
  h = mix(h ^ Math.imul(c | 0, 0x61c88647));
  return h / 4294967296;
}

/** Smooth noise in [0, 1): cosine interpolation between random knots every `period` hours. */
function smooth(seed: number, key: number, channel: number, t: number, period: number): number {
  const k = Math.floor(t / period);
  const f = (t - k * period) / period;
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return uniform(seed, key, k, channel) * (1 - w) + uniform(seed, key, k + 1, channel) * w;
}

function codeKey(code: string): number {
  let h = 2166136261;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A key shared by stations with neighbouring codes (the same city, roughly: blocks of 8 codes). */
function cityKey(code: string): number {
  const n = /^(\d+)/.exec(code);
  return n?.[1] ? Math.floor(Number(n[1]) / 8) : codeKey(code) % 1000;
}

// ---------------------------------------------------------------- the hourly model

const P_PM25 = 0;
const P_PM10 = 1;
const P_SO2 = 2;
const P_NO2 = 3;
const P_CO = 4;
const P_O3 = 5;

/** Hours since 2000-01-01 00:00 (station local time) of a date and hour. */
function absHour(isoDate: string, hour: number): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(2000, 0, 1)) / 3_600_000 + hour;
}

interface StationModel {
  key: number;
  city: number;
  region: number;
  north: number;
  coarse: number;
  o3: number;
}

function stationModel(seed: number, code: string): StationModel {
  const key = codeKey(code);
  return {
    key,
    city: cityKey(code),
    region: 0.6 + 0.9 * uniform(seed, key, 1, 0),
    north: uniform(seed, cityKey(code), 2, 0),
    coarse: 1.3 + 0.6 * uniform(seed, key, 3, 0),
    o3: 0.7 + 0.6 * uniform(seed, key, 4, 0),
  };
}

/**
 * The six 1-h values (published precision: integers, CO one decimal, stored ×10 as an integer) of a station
 * at an absolute hour, or NaN where missing. Writes into `out` (length 6).
 */
function hourValues(seed: number, s: StationModel, t: number, gapRate: number, out: Float64Array): void {
  const day = Math.floor(t / 24);
  const h = ((t % 24) + 24) % 24;
  // Day of year from the absolute hour (2000-01-01 is day 0; a 365.2425-day cycle is close enough).
  const doy = (day % 365.2425 + 365.2425) % 365.2425;
  const winter = 0.5 * (1 + Math.cos((2 * Math.PI * (doy - 15)) / 365.2425));
  const summer = 1 - winter;
  const episode = Math.exp(2 * (smooth(seed, s.city, 10, t, 48) - 0.5)) * (1 + 7 * Math.max(0, smooth(seed, s.city, 11, t, 96) - 0.78));
  const jitter = (ch: number) => 0.8 + 0.4 * smooth(seed, s.key, ch, t, 3);
  const pmDiurnal = 1 + 0.18 * Math.cos((2 * Math.PI * (h - 22)) / 24) + 0.08 * Math.cos((2 * Math.PI * (h - 8)) / 12);
  const pm25 = (22 + 55 * winter * (0.5 + s.north)) * s.region * episode * pmDiurnal * jitter(20);
  const spring = doy > 59 && doy < 151 ? 1 : 0;
  const dust = spring * 2500 * Math.max(0, smooth(seed, s.city, 12, t, 72) - 0.93);
  const pm10 = pm25 * s.coarse * jitter(21) + dust;
  const so2 = (4 + 16 * winter * s.north) * s.region * (1 + 0.2 * Math.cos((2 * Math.PI * (h - 10)) / 24)) * jitter(22);
  const no2 = (16 + 24 * winter) * Math.sqrt(s.region * episode) * (1 + 0.25 * Math.cos((2 * Math.PI * (h - 8)) / 12) - 0.1 * Math.cos((2 * Math.PI * (h - 14)) / 24)) * jitter(23);
  const co = 0.3 + 0.011 * pm25 * jitter(24);
  const o3 = (12 + 120 * summer * s.o3) * Math.max(0.06, 0.5 + 0.62 * Math.cos((2 * Math.PI * (h - 15)) / 24)) * jitter(25) * (1 + 0.3 * (smooth(seed, s.city, 13, t, 48) - 0.5));
  out[P_PM25] = Math.max(1, Math.round(pm25));
  out[P_PM10] = Math.max(out[P_PM25] as number, Math.round(pm10));
  out[P_SO2] = Math.max(1, Math.round(so2));
  out[P_NO2] = Math.max(1, Math.round(no2));
  out[P_CO] = Math.max(1, Math.round(co * 10));
  out[P_O3] = Math.max(1, Math.round(o3));
  // Gaps: a whole outage, a maintenance block, or a single missing value.
  const outage = uniform(seed, s.key, t, 30) < gapRate;
  const maintStart = Math.floor(uniform(seed, s.key, day, 32) * 20);
  const maintLen = 3 + Math.floor(uniform(seed, s.key, day, 33) * 6);
  const maintenance = uniform(seed, s.key, day, 31) < 0.02 && h >= maintStart && h < maintStart + maintLen;
  for (let k = 0; k < 6; k++) {
    if (outage || maintenance || uniform(seed, s.key, t, 40 + k) < gapRate / 2) out[k] = Number.NaN;
  }
}

// ---------------------------------------------------------------- derived values

/** Mean of integers rounded half to even (GB/T 8170), exactly: sum / n. */
function roundHalfEvenRatio(sum: number, n: number): number {
  const q = Math.floor(sum / n);
  const r = sum - q * n;
  if (2 * r > n) return q + 1;
  if (2 * r < n) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** HJ 633-2012 Table 1 breakpoints used by the real-time AQI (§1.1, §1.4). CO ×10 so that all are integers. */
const IAQI = [0, 50, 100, 150, 200, 300, 400, 500];
const BP_PM25_24H = [0, 35, 75, 115, 150, 250, 350, 500];
const BP_PM10_24H = [0, 50, 150, 250, 350, 420, 500, 600];
const BP_SO2_1H = [0, 150, 500, 650, 800];
const BP_SO2_24H = [0, 50, 150, 475, 800, 1600, 2100, 2620];
const BP_NO2_1H = [0, 100, 200, 700, 1200, 2340, 3090, 3840];
const BP_CO_1H_X10 = [0, 50, 100, 350, 600, 900, 1200, 1500];
const BP_O3_1H = [0, 160, 200, 300, 400, 800, 1000, 1200];

/**
 * IAQI of an integer concentration on a breakpoint row, rounded up (HJ 633-2012 Eq. 1 and §6.2), computed in
 * integers so that no binary rounding reaches the ceiling. Above the last breakpoint: 500.
 */
function iaqi(c: number, bp: readonly number[]): number {
  for (let i = 1; i < bp.length; i++) {
    const hi = bp[i] as number;
    if (c <= hi) {
      const lo = bp[i - 1] as number;
      const ilo = IAQI[i - 1] as number;
      const ihi = IAQI[i] as number;
      const num = (ihi - ilo) * (c - lo);
      const den = hi - lo;
      return ilo + Math.floor((num + den - 1) / den);
    }
  }
  return 500;
}

/**
 * The hourly (real-time) AQI from the six 1-h values, as CNEMC published it in 2022 (§1.4): PM2.5 and PM10 on
 * the 24-h breakpoints, SO2, NO2, CO and O3 on the 1-h ones, each IAQI rounded up, the max. SO2 above
 * 800 µg/m³ uses the 24-h SO2 average on the 24-h breakpoints (Table 1 note 2). `co` is in mg/m³ with at most
 * one decimal. Returns NaN when a value is missing.
 */
export function hourlyAqi2012(v: { pm25: number; pm10: number; so2: number; no2: number; co: number; o3: number; so2_24h?: number }): number {
  const { pm25, pm10, so2, no2, co, o3 } = v;
  if ([pm25, pm10, so2, no2, co, o3].some((x) => !Number.isFinite(x))) return Number.NaN;
  let so2Iaqi: number;
  if (so2 > 800) {
    const s24 = v.so2_24h ?? Number.NaN;
    if (!Number.isFinite(s24)) return Number.NaN;
    so2Iaqi = iaqi(s24, BP_SO2_24H);
  } else so2Iaqi = iaqi(so2, BP_SO2_1H);
  return Math.max(
    iaqi(pm25, BP_PM25_24H),
    iaqi(pm10, BP_PM10_24H),
    so2Iaqi,
    iaqi(no2, BP_NO2_1H),
    iaqi(Math.round(co * 10), BP_CO_1H_X10),
    iaqi(o3, BP_O3_1H),
  );
}

// ---------------------------------------------------------------- the file

const HISTORY = 31; // hours before hour 0 needed: 23 for the 24-h windows + 7 for the 8-h windows + 1

/** Column of one station: the 15 × 24 cells, as text. Index `type × 24 + hour`. */
function stationCells(seed: number, code: string, date: string, gapRate: number): string[] {
  const s = stationModel(seed, code);
  const t0 = absHour(date, 0) - HISTORY;
  const n = HISTORY + 24;
  const series = Array.from({ length: 6 }, () => new Float64Array(n));
  const tmp = new Float64Array(6);
  for (let i = 0; i < n; i++) {
    hourValues(seed, s, t0 + i, gapRate, tmp);
    for (let k = 0; k < 6; k++) (series[k] as Float64Array)[i] = tmp[k] as number;
  }
  const cells: string[] = new Array(15 * 24).fill('');
  const fmt = (k: number, v: number) => (Number.isNaN(v) ? '' : k === P_CO ? (v / 10).toFixed(1) : String(v));
  const mean = (k: number, end: number, len: number, min: number): number => {
    let sum = 0;
    let cnt = 0;
    const a = series[k] as Float64Array;
    for (let i = end - len + 1; i <= end; i++) {
      const x = a[i] as number;
      if (!Number.isNaN(x)) {
        sum += x;
        cnt++;
      }
    }
    return cnt >= min ? roundHalfEvenRatio(sum, cnt) : Number.NaN;
  };
  const o3_8h = new Float64Array(n).fill(Number.NaN);
  for (let i = 7; i < n; i++) o3_8h[i] = mean(P_O3, i, 8, 6);
  const max24 = (a: Float64Array, end: number): number => {
    let m = Number.NaN;
    let cnt = 0;
    for (let i = end - 23; i <= end; i++) {
      const x = a[i] as number;
      if (!Number.isNaN(x)) {
        cnt++;
        if (!(x <= m)) m = x;
      }
    }
    return cnt >= 20 ? m : Number.NaN;
  };
  const order: [number, number][] = [
    [P_PM25, 1],
    [P_PM10, 3],
    [P_SO2, 5],
    [P_NO2, 7],
    [P_CO, 13],
  ];
  for (let h = 0; h < 24; h++) {
    const i = HISTORY + h;
    const v = (k: number) => (series[k] as Float64Array)[i] as number;
    for (const [k, row] of order) {
      cells[row * 24 + h] = fmt(k, v(k));
      cells[(row + 1) * 24 + h] = fmt(k, mean(k, i, 24, 20));
    }
    cells[9 * 24 + h] = fmt(P_O3, v(P_O3));
    cells[10 * 24 + h] = fmt(P_O3, max24(series[P_O3] as Float64Array, i));
    cells[11 * 24 + h] = fmt(P_O3, o3_8h[i] as number);
    cells[12 * 24 + h] = fmt(P_O3, max24(o3_8h, i));
    const aqi = hourlyAqi2012({ pm25: v(P_PM25), pm10: v(P_PM10), so2: v(P_SO2), no2: v(P_NO2), co: v(P_CO) / 10, o3: v(P_O3), so2_24h: mean(P_SO2, i, 24, 20) });
    cells[0 * 24 + h] = Number.isNaN(aqi) ? '' : String(aqi);
  }
  return cells;
}

/** About 1 in 100 stations (never the first), at least one when there are 10 or more. */
function defaultStopped(stations: readonly string[], seed: number): string[] {
  if (stations.length < 10) return [];
  const picked = stations.filter((c, i) => i > 0 && uniform(seed, codeKey(c), 7, 7) < 0.01);
  if (picked.length) return picked;
  return [stations[1 + Math.floor(uniform(seed, 7, 7, 7) * (stations.length - 1))] as string];
}

const TYPES = ['AQI', 'PM2.5', 'PM2.5_24h', 'PM10', 'PM10_24h', 'SO2', 'SO2_24h', 'NO2', 'NO2_24h', 'O3', 'O3_24h', 'O3_8h', 'O3_8h_24h', 'CO', 'CO_24h'];

/**
 * Generates the daily site file of `date` (YYYY-MM-DD or YYYYMMDD) for the stations, deterministically from
 * the seed.
 */
export function generateSitesDay(date: string, stations: readonly string[], seed: number, options: SyntheticDayOptions = {}): SyntheticDay {
  const compact = date.replace(/-/g, '');
  if (!/^\d{8}$/.test(compact)) throw new RangeError(`generateSitesDay: not a date: ${date}`);
  const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  const gapRate = options.gapRate ?? 0.01;
  const stopped = options.stopped !== undefined ? [...options.stopped] : defaultStopped(stations, seed);
  const stoppedSet = new Set(stopped);
  const live = stations.filter((c) => !stoppedSet.has(c));
  const duplicate = options.duplicate !== undefined ? options.duplicate : live.length >= 2 ? (live[Math.floor(uniform(seed, 8, 8, 8) * live.length)] as string) : null;

  const columns: string[] = [...stations];
  if (duplicate !== null) {
    const at = Math.max(0, columns.length - 1 - Math.floor(uniform(seed, 9, 9, 9) * Math.min(20, columns.length)));
    columns.splice(at + 1, 0, duplicate);
  }
  const cellsOf = new Map<string, string[]>();
  for (const code of stations) {
    if (!cellsOf.has(code)) cellsOf.set(code, stoppedSet.has(code) ? new Array<string>(15 * 24).fill('') : stationCells(seed, code, iso, gapRate));
  }
  // The first copy of the duplicated station misses about 5 % of its cells; the second copy has them all.
  const firstCopy = duplicate !== null ? (cellsOf.get(duplicate) ?? []).map((c, i) => (uniform(seed, 12, i, 12) < 0.05 ? '' : c)) : [];
  const missing = new Set(options.missingHours ?? []);
  const eol = options.lineEnding ?? '\n';
  const q = options.quoteAll ? (s: string) => `"${s}"` : (s: string) => s;
  const lines: string[] = [['date', 'hour', 'type', ...columns].map(q).join(',')];
  for (let h = 0; h < 24; h++) {
    if (missing.has(h)) continue;
    for (let t = 0; t < 15; t++) {
      const parts: string[] = [q(compact), q(String(h)), q(TYPES[t] as string)];
      const seenDup = { first: true };
      for (const code of columns) {
        let cells = cellsOf.get(code) ?? [];
        if (code === duplicate && seenDup.first) {
          seenDup.first = false;
          cells = firstCopy;
        }
        parts.push(q(cells[t * 24 + h] ?? ''));
      }
      lines.push(parts.join(','));
    }
  }
  const text = lines.join(eol) + eol;
  return { file: `china_sites_${compact}.csv`, date: iso, bytes: new TextEncoder().encode(text), stopped, duplicate };
}
