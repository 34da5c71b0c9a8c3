/**
 * Worker of the ecoplan run with threads: one shard of the stations (whole cities, see `shardStations`). The
 * worker holds a `NationalYearAccumulator` for its shard only, so the year is stored once across the workers.
 * It parses the daily files the main thread gives it (`parseSitesDay`, the reader `addFile` uses), keeps its
 * shard's columns (`addDay`) and passes every other shard's columns to that shard's worker; at the end it
 * evaluates its stations and its cities and returns the summaries. Typed arrays travel by transfer.
 */
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { NationalYearAccumulator } from '../src/ingest/air/national-year.js';
import { parseSitesDay, SITE_TYPES, type SitesDay } from '../src/ingest/air/sites-day.js';
import type { AirIssue } from '../src/ingest/air/issues.js';
import type { DailyStatistics } from '../src/standards/air/index.js';
import type { Station } from '../src/ingest/air/station-list.js';
import { cityMembers, FileReader, shardStations } from './air-common.js';
import { evaluateCity, evaluateStation, type EvaluationSummary } from './air-evaluation.js';

/** A message from the main thread. */
export type ToWorker =
  | { type: 'init'; shard: number; shards: number; stations: Station[]; year: number; peers: { shard: number; port: MessagePort }[] }
  | { type: 'parse'; path: string; file: string }
  | { type: 'evaluate'; expectedFromPeers: number };

/** A message to the main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'parsed'; file: string; bytes: number; issues: AirIssue[] }
  | { type: 'done'; stations: EvaluationSummary[]; cities: EvaluationSummary[]; storedBytes: number; stationHours: number; phaseMs: Record<string, number> };

/** A message between workers: one shard's columns of a day, or a buffer given back. */
type PeerMessage = { type: 'day'; day: SitesDay } | { type: 'buffer'; buffer: Float64Array };

const NT = SITE_TYPES.length;
const port = parentPort;
if (!port) throw new Error('air-ecoplan-worker: not started as a worker');

let shard = -1;
let acc: NationalYearAccumulator | null = null;
let shardOf = new Map<string, number>();
let ownCities = new Map<string, string[]>();
const peers = new Map<number, MessagePort>();
/** Buffers for the columns sent to each peer, given back after use. */
const spare = new Map<number, Float64Array[]>();
let parseBuffer: Float64Array | undefined;
const reader = new FileReader();
let ownBuffer: Float64Array = new Float64Array(0);
let received = 0;
let expected = -1;
let evaluated = false;
let parseMs = 0;
let peerMs = 0;

function accumulator(): NationalYearAccumulator {
  if (!acc) throw new Error('air-ecoplan-worker: not initialised');
  return acc;
}

/**
 * The types copied into a shard's columns: the accumulator reads the 1-h rows and the AQI only (national-year.ts:
 * the `_24h` and `O3_8h…` rows are derived values it does not keep), so the derived rows are not copied (they
 * are NaN in a new buffer and whatever was left in a reused one; nothing reads them).
 */
const COPIED = SITE_TYPES.map((t, i) => (/_24h$|_8h/.test(t) ? -1 : i)).filter((i) => i >= 0);

/** The day restricted to the station columns at `columns` (indices into day.stations), written into `into`. */
function subDay(day: SitesDay, columns: readonly number[], into: Float64Array): SitesDay {
  const ns = day.stations.length;
  const nk = columns.length;
  const size = NT * nk * 24;
  const values = into.length >= size ? into.subarray(0, size) : new Float64Array(size).fill(Number.NaN);
  const src = day.values;
  for (const t of COPIED) {
    for (let j = 0; j < nk; j++) {
      const from = (t * ns + (columns[j] as number)) * 24;
      const to = (t * nk + j) * 24;
      for (let h = 0; h < 24; h++) values[to + h] = src[from + h] as number;
    }
  }
  return { file: day.file, date: day.date, stations: columns.map((c) => day.stations[c] as string), values, rowPresent: day.rowPresent, duplicates: [], parser: day.parser };
}

/** Throws on an error issue (the benchmark must use every file). */
function checked(issues: readonly AirIssue[], what: string): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(`${what}: ${errors.map((e) => e.message).join('; ')}`);
}

function maybeEvaluate(): void {
  if (evaluated || expected < 0 || received < expected) return;
  evaluated = true;
  const t0 = performance.now();
  const a = accumulator();
  const daily = new Map<string, DailyStatistics>();
  const stations: EvaluationSummary[] = [];
  for (const [code, series] of a.entries()) {
    const r = evaluateStation(series);
    daily.set(code, r.daily);
    stations.push(r.summary);
  }
  const t1 = performance.now();
  const cities: EvaluationSummary[] = [];
  for (const [city, members] of ownCities) {
    const list = members.map((c) => daily.get(c)).filter((d): d is DailyStatistics => d !== undefined);
    if (list.length) cities.push(evaluateCity(city, list));
  }
  const t2 = performance.now();
  const reply: FromWorker = {
    type: 'done',
    stations,
    cities,
    storedBytes: a.storedBytes(),
    stationHours: a.stationCodes().length * a.daysLoaded().length * 24,
    phaseMs: { parse: parseMs, peerColumns: peerMs, stations: t1 - t0, cities: t2 - t1 },
  };
  port?.postMessage(reply);
}

function onPeer(from: number, msg: PeerMessage): void {
  if (msg.type === 'buffer') {
    spare.get(from)?.push(msg.buffer);
    return;
  }
  const t0 = performance.now();
  checked(accumulator().addDay(msg.day), msg.day.file);
  // Give the buffer back for the next day's columns.
  peers.get(from)?.postMessage({ type: 'buffer', buffer: msg.day.values } satisfies PeerMessage, [msg.day.values.buffer as ArrayBuffer]);
  peerMs += performance.now() - t0;
  received++;
  maybeEvaluate();
}

/**
 * Serves the columns the peers have sent so far. Called after each file: the main thread's next file can
 * arrive before this worker's event loop turns, and Node drains a port's whole queue before serving another,
 * so the peers' messages would otherwise wait until the last file (and their buffers pile up).
 */
function drainPeers(): void {
  for (const [k, p] of peers) {
    for (let m = receiveMessageOnPort(p); m !== undefined; m = receiveMessageOnPort(p)) onPeer(k, m.message as PeerMessage);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    shard = msg.shard;
    const stations = msg.stations;
    shardOf = shardStations(stations, msg.shards);
    ownCities = new Map([...cityMembers(stations)].filter(([, codes]) => shardOf.get(codes[0] as string) === shard));
    acc = new NationalYearAccumulator({ year: msg.year, stations });
    for (const { shard: k, port: p } of msg.peers) {
      peers.set(k, p);
      spare.set(k, []);
      p.on('message', (m: PeerMessage) => onPeer(k, m));
    }
    return;
  }
  if (msg.type === 'evaluate') {
    expected = msg.expectedFromPeers;
    maybeEvaluate();
    return;
  }
  const t0 = performance.now();
  const bytes = reader.read(msg.path);
  const read = parseSitesDay(bytes, { file: msg.file, ...(parseBuffer ? { reuse: parseBuffer } : {}) });
  const day = read.day;
  if (day) {
    if (day.values.buffer !== parseBuffer?.buffer) parseBuffer = new Float64Array(day.values.buffer);
    // Columns per shard (a station not in the list goes to shard 0).
    const columns = new Map<number, number[]>();
    day.stations.forEach((code, i) => {
      const k = shardOf.get(code) ?? 0;
      const list = columns.get(k);
      if (list) list.push(i);
      else columns.set(k, [i]);
    });
    for (const [k, p] of peers) {
      const part = subDay(day, columns.get(k) ?? [], spare.get(k)?.pop() ?? new Float64Array(0));
      p.postMessage({ type: 'day', day: part } satisfies PeerMessage, [part.values.buffer as ArrayBuffer]);
    }
    const own = subDay(day, columns.get(shard) ?? [], ownBuffer);
    ownBuffer = new Float64Array(own.values.buffer);
    const more = accumulator().addDay(own);
    read.issues.push(...more);
  }
  parseMs += performance.now() - t0;
  drainPeers();
  const reply: FromWorker = { type: 'parsed', file: msg.file, bytes: bytes.length, issues: day ? read.issues : [...read.issues, { severity: 'error', file: msg.file, message: '文件未被接受 / file rejected' }] };
  port.postMessage(reply);
});

// The modules are loaded: tell the main thread (which starts its clock when every worker is ready).
port.postMessage({ type: 'ready' } satisfies FromWorker);
