/**
 * The timed ecoplan run of the air benchmark, in its own process (so that its peak memory is its own):
 * reads every daily file of the generated year, accumulates it (`NationalYearAccumulator`), evaluates every
 * station (`stationDailyStatistics` + `evaluateDailyStatistics`, i.e. `evaluateStationYear`) and every city
 * (`combineDailyStatistics` + `evaluateDailyStatistics`, i.e. `evaluateArea`), then writes the compared subset.
 *
 * With `--threads 0` everything runs on the main thread through the accumulator's own `addFile` and `entries`.
 * With `--threads N` the stations are split into N shards of whole cities, one per worker
 * (bench/air-ecoplan-worker.ts): each worker parses a share of the files, keeps its shard's columns in its
 * own accumulator and hands the other shards' columns to their workers, then evaluates its stations and
 * cities; the main thread only hands out files and collects the summaries. Started by bench/air.ts:
 *   tsx bench/air-ecoplan.ts --dir <year dir> --year 2025 --stations 1950 --threads 2 --out <csv>
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { NationalYearAccumulator } from '../src/ingest/air/national-year.js';
import type { SitesDay } from '../src/ingest/air/sites-day.js';
import type { AirIssue } from '../src/ingest/air/issues.js';
import type { DailyStatistics } from '../src/standards/air/index.js';
import { cityMembers, FileReader, RESULT_TAG, subsetCsv, tsWorker, type ChildReport, type SubsetRow } from './air-common.js';
import { evaluateCity, evaluateStation, subsetRow, type EvaluationSummary } from './air-evaluation.js';
import { liveStations } from './air-stations.js';
import type { FromWorker, ToWorker } from './air-ecoplan-worker.js';

const argv = process.argv.slice(2);
const arg = (name: string): string => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`缺少选项 ${name} / missing option ${name}`);
  return v;
};
const dir = arg('--dir');
const year = Number(arg('--year'));
const stationCount = Number(arg('--stations'));
const threads = Number(arg('--threads'));
const out = arg('--out');

let peakHeap = 0;
let peakExternal = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  if (m.external > peakExternal) peakExternal = m.external; // external includes the ArrayBuffers
}

/** Errors (a rejected file) stop the run: the benchmark must evaluate every file. */
function checkIssues(file: string, accepted: boolean, issues: readonly AirIssue[]): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (!accepted || errors.length) {
    throw new Error(`${file} 未被接受 / not accepted: ${errors.map((e) => e.message).join('; ')}`);
  }
}

// ---------------------------------------------------------------- workers

// Workers are started and have loaded their modules before the clock starts, as the main thread has (module
// loading is not part of the timed work; under tsx it takes ~1 s per worker, ~0.65 s of it ExcelJS, which
// national-year.ts reaches through station-list.ts → water/cells.ts → table.ts).
const tBoot = performance.now();
const workers: Worker[] = Array.from({ length: threads }, () => tsWorker(new URL('./air-ecoplan-worker.ts', import.meta.url)));
await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))));
const bootMs = performance.now() - tBoot;
for (const w of workers) {
  w.on('error', (e: unknown) => {
    console.error(`工作线程出错 / worker failed: ${String(e)}`);
    process.exit(1);
  });
}

const t0 = performance.now();
const stations = liveStations().slice(0, stationCount);
const cities = cityMembers(stations);
const files = readdirSync(dir)
  .filter((f) => /^china_sites_\d{8}\.csv$/.test(f))
  .sort();
if (files.length === 0) throw new Error(`${dir} 中没有日站点文件 / no china_sites_YYYYMMDD.csv files`);
let bytesRead = 0;
const summaries = new Map<string, EvaluationSummary>();
const citySummaries = new Map<string, EvaluationSummary>();
const phases: Record<string, number> = {};
let storedBytes = 0;
let stationHours = 0;
const workerPhases: Record<string, number>[] = [];

if (threads === 0) {
  // Everything on the main thread, through the accumulator's own file reader.
  const acc = new NationalYearAccumulator({ year, stations });
  const reader = new FileReader();
  for (const f of files) {
    const bytes = reader.read(join(dir, f));
    bytesRead += bytes.length;
    const r = acc.addFile(bytes, f);
    checkIssues(f, r.accepted, r.issues);
    sampleMemory();
  }
  const tRead = performance.now();
  const daily = new Map<string, DailyStatistics>();
  for (const [code, series] of acc.entries()) {
    const r = evaluateStation(series);
    daily.set(code, r.daily);
    summaries.set(code, r.summary);
  }
  const tStations = performance.now();
  for (const [city, members] of cities) {
    const list = members.map((c) => daily.get(c)).filter((d): d is DailyStatistics => d !== undefined);
    if (list.length) citySummaries.set(city, evaluateCity(city, list));
  }
  phases.readAccumulate = tRead - t0;
  phases.stations = tStations - tRead;
  phases.cities = performance.now() - tStations;
  storedBytes = acc.storedBytes();
  stationHours = acc.stationCodes().length * acc.daysLoaded().length * 24;
} else {
  // One shard of whole cities per worker; the workers talk to each other directly.
  const ports = workers.map(() => [] as { shard: number; port: MessagePort }[]);
  for (let i = 0; i < threads; i++) {
    for (let j = i + 1; j < threads; j++) {
      const { port1, port2 } = new MessageChannel();
      ports[i]!.push({ shard: j, port: port1 });
      ports[j]!.push({ shard: i, port: port2 });
    }
  }
  workers.forEach((w, k) => {
    const msg: ToWorker = { type: 'init', shard: k, shards: threads, stations, year, peers: ports[k]! };
    w.postMessage(msg, ports[k]!.map((p) => p.port));
  });
  let next = 0;
  let parsed = 0;
  let tRead = 0;
  const done = new Promise<void>((resolve) => {
    let finished = 0;
    const parsedBy = workers.map(() => 0);
    workers.forEach((w, k) => {
      const dispatch = () => {
        const f = files[next++];
        if (f !== undefined) w.postMessage({ type: 'parse', path: join(dir, f), file: f } satisfies ToWorker);
      };
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'parsed') {
          bytesRead += msg.bytes;
          checkIssues(msg.file, true, msg.issues);
          parsed++;
          parsedBy[k]!++;
          sampleMemory();
          dispatch();
          if (parsed === files.length) {
            tRead = performance.now();
            // Each file sent every worker the columns of its shard once (minus the one it parsed itself).
            workers.forEach((x, i) => x.postMessage({ type: 'evaluate', expectedFromPeers: files.length - parsedBy[i]! } satisfies ToWorker));
          }
        } else if (msg.type === 'done') {
          for (const s of msg.stations) summaries.set(s.id, s);
          for (const c of msg.cities) citySummaries.set(c.id, c);
          storedBytes += msg.storedBytes;
          stationHours += msg.stationHours;
          workerPhases.push(msg.phaseMs);
          if (++finished === workers.length) resolve();
        }
      });
      // One file at a time per worker: with a second one queued, the worker's port would never be empty and the
      // columns its peer sends would wait (Node drains a port's whole queue before serving another port).
      dispatch();
    });
  });
  await done;
  phases.readAccumulate = tRead - t0;
  phases.evaluate = performance.now() - tRead;
}
const tEnd = performance.now();
sampleMemory();
const usage = process.resourceUsage();
for (const w of workers) await w.terminate();

// ---------------------------------------------------------------- outputs (not timed)

const rows: SubsetRow[] = [
  ...stations.map((s) => subsetRow('station', s.code, summaries.get(s.code))),
  ...[...cities.keys()].map((c) => subsetRow('city', c, citySummaries.get(c))),
];
writeFileSync(out, subsetCsv(rows));
// Beside it, what the full evaluation gave every station and city (for a look, or to compare two runs).
const fullRows = [...[...summaries.values()].map((v) => ['station', v] as const), ...[...citySummaries.values()].map((v) => ['city', v] as const)];
writeFileSync(
  out.replace(/\.csv$/, '') + '-full.csv',
  [
    'kind,id,compliant,index,good_days,aqi_days,heavy_days,o3_mda8_p90,pm25_mean,pm25_days,pm10_mean,pm10_days,pm25_over75',
    ...fullRows
      .map(([kind, v]) => [kind, v.id, v.compliant, v.index, v.goodDays, v.aqiDays, v.heavyDays, v.o3P90, v.pm25Mean, v.pm25Days, v.pm10Mean, v.pm10Days, v.pm25Over75].map((x) => (x === null ? '' : String(x))).join(','))
      .sort(),
  ].join('\n') + '\n',
);

const st = [...summaries.values()];
const ct = [...citySummaries.values()];
const compliantCount = (list: EvaluationSummary[]) => list.filter((s) => s.compliant === true).length;
const median = (xs: number[]) => {
  const a = xs.slice().sort((x, y) => x - y);
  return a.length ? (a[Math.floor((a.length - 1) / 2)]! + a[Math.ceil((a.length - 1) / 2)]!) / 2 : NaN;
};
const cityPm25 = ct.map((s) => s.pm25Mean).filter((v): v is number => v !== null);
const goodShare = ct.reduce((n, s) => n + s.goodDays, 0) / Math.max(1, ct.reduce((n, s) => n + s.aqiDays, 0));
const report: ChildReport = {
  name: 'ecoplan',
  wallMs: tEnd - t0,
  maxRss: usage.maxRSS * 1024,
  bytesRead,
  phases: { ...phases, stationHours },
  notes: [
    `线程 threads: ${threads === 0 ? 'main thread only' : `${threads} workers, one shard of whole cities each (loaded in ${(bootMs / 1000).toFixed(2)} s, before the clock)`}; CPU ${((usage.userCPUTime + usage.systemCPUTime) / 1e6).toFixed(1)} s`,
    ...workerPhases.map((w, k) => `  worker ${k}: ${Object.entries(w).map(([n, ms]) => `${n} ${(ms / 1000).toFixed(2)} s`).join(', ')}`),
    `站点 stations evaluated: ${st.length} (${compliantCount(st)} 达标 compliant); cities: ${ct.length} (${compliantCount(ct)} 达标)`,
    `城市 PM2.5 年均 median ${median(cityPm25).toFixed(1)} µg/m³; 优良天数比例 (all cities) ${(goodShare * 100).toFixed(1)} %; 重度及以上 days (sum) ${ct.reduce((n, s) => n + s.heavyDays, 0)}`,
    `存储 accumulator(s) hold ${(storedBytes / 1e6).toFixed(0)} MB (Float32); station-hours ${stationHours.toLocaleString('en')}`,
    `堆 main thread: peak heap used ${(peakHeap / 1e6).toFixed(0)} MB, peak external (ArrayBuffers) ${(peakExternal / 1e6).toFixed(0)} MB`,
  ],
};
console.log(RESULT_TAG + JSON.stringify(report));
