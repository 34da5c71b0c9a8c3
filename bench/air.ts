/**
 * `npm run bench:air`: the national-year air benchmark (docs/benchmarks.md).
 *
 * 1. Generates a synthetic year of CNEMC daily site files (`china_sites_YYYYMMDD.csv`) for the stations of the
 *    real national list, with gaps and pollution episodes, once, into a cache directory (reused after).
 * 2. Runs, each in its own process and timed: ecoplan (read, accumulate, full annual evaluation of every
 *    station and city: bench/air-ecoplan.ts), the same subset with pandas (bench/air-pandas.py, Debian's
 *    python3-pandas) and with DuckDB SQL (bench/air-duckdb.ts).
 * 3. Checks that pandas and DuckDB give ecoplan's numbers (1e-9 relative) and prints a table.
 *
 * Options: --stations N --days N (a smaller year), --seed S, --year Y (2016–2025), --threads N (ecoplan
 * workers, 0 = main thread only), --skip pandas,duckdb, --cache DIR, --cpu-prof (profile the ecoplan run),
 * --self-check (run the three on a hand-made 3-day fixture and check them against hand-worked values).
 * Exit code 1 when the numbers differ.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  cityMembers,
  compareSubsets,
  COMPLETE_MARK,
  parseBenchArgs,
  readSubsetCsv,
  RESULT_TAG,
  tsWorker,
  yearDir,
  type ChildReport,
  type Comparison,
} from './air-common.js';
import { FIXTURE_DAYS, FIXTURE_EXPECTED, FIXTURE_STATIONS, writeFixture } from './air-fixture.js';
import type { Station } from '../src/ingest/air/station-list.js';
import { liveStations, STATION_LIST_FILE } from './air-stations.js';
import type { GenerateWork } from './air-generate-worker.js';

const live = liveStations();
const o = parseBenchArgs(process.argv.slice(2), live.length);
const stations = live.slice(0, o.stations);
const codes = stations.map((s) => s.code);
const dir = yearDir(o);
const runDir = join(dir, 'results');
const mb = (b: number) => b / 1e6;

/** What the cache directory records about a generated year. */
interface CompleteMark {
  year: number;
  stations: number;
  days: number;
  seed: number;
  files: number;
  bytes: number;
  generationMs: number;
}

async function generateYear(): Promise<CompleteMark> {
  const mark = join(dir, COMPLETE_MARK);
  if (existsSync(mark)) return JSON.parse(readFileSync(mark, 'utf8')) as CompleteMark;
  mkdirSync(dir, { recursive: true });
  const have = new Set(readdirSync(dir));
  const todo: number[] = [];
  for (let d = 0; d < o.days; d++) {
    const date = new Date(Date.UTC(o.year, 0, 1 + d)).toISOString().slice(0, 10).replace(/-/g, '');
    if (!have.has(`china_sites_${date}.csv`)) todo.push(d);
  }
  const t0 = performance.now();
  const n = Math.max(1, Math.min(availableParallelism(), todo.length));
  console.log(`生成 generating ${todo.length} daily files (${o.stations} stations, seed ${o.seed}) into ${dir} with ${n} threads …`);
  let done = 0;
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const work: GenerateWork = { dir, year: o.year, days: o.days, todo: todo.filter((_, i) => i % n === w), codes, seed: o.seed };
      return new Promise<void>((resolve, reject) => {
        const worker = tsWorker(new URL('./air-generate-worker.ts', import.meta.url), { workerData: work });
        worker.on('message', () => {
          done++;
          if (done % 25 === 0 || done === todo.length) process.stdout.write(`  ${done}/${todo.length} files, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator worker exited with ${code}`))));
      });
    }),
  );
  const files = readdirSync(dir).filter((f) => /^china_sites_\d{8}\.csv$/.test(f));
  const bytes = files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  const complete: CompleteMark = { year: o.year, stations: o.stations, days: o.days, seed: o.seed, files: files.length, bytes, generationMs: performance.now() - t0 };
  writeFileSync(mark, JSON.stringify(complete, null, 2));
  return complete;
}

/** Runs a child process, echoing its output, and returns its report line and its wall-clock time. */
function runChild(name: string, command: string, args: string[]): Promise<{ report: ChildReport; processMs: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(import.meta.dirname, '..') });
    let report: ChildReport | null = null;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line.startsWith(RESULT_TAG)) report = JSON.parse(line.slice(RESULT_TAG.length)) as ChildReport;
        else console.log(`  [${name}] ${line}`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const processMs = performance.now() - t0;
      if (code !== 0 || !report) reject(new Error(`${name} 运行失败 / failed (exit ${code})`));
      else resolve({ report, processMs });
    });
  });
}

function printRun(r: ChildReport, processMs: number, stationHours: number): void {
  const s = r.wallMs / 1000;
  console.log(
    `  ${r.name}: ${s.toFixed(2)} s timed (${(processMs / 1000).toFixed(2)} s with process start), ${(mb(r.bytesRead) / s).toFixed(0)} MB/s, ` +
      `${(stationHours / s / 1e6).toFixed(2)} M station-hours/s, peak RSS ${mb(r.maxRss).toFixed(0)} MB`,
  );
  const phases = Object.entries(r.phases)
    .filter(([k]) => k !== 'stationHours')
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
    .join(', ');
  if (phases) console.log(`    phases: ${phases}`);
  for (const n of r.notes) console.log(`    ${n}`);
}

/** One implementation's run. */
interface Run {
  name: string;
  report: ChildReport;
  processMs: number;
  csv: string;
}

/** Runs ecoplan, pandas and DuckDB over the daily files of `data`, each in its own process. */
async function runAll(data: string, year: number, chosen: readonly Station[], out: string): Promise<Run[]> {
  mkdirSync(out, { recursive: true });
  // The stations and their cities for pandas and DuckDB (ecoplan reads the list itself): member = 1 for a city
  // member (neither a control station nor stopped).
  const membersFile = join(out, 'stations.csv');
  writeFileSync(membersFile, ['code,city,member', ...chosen.map((s) => `${s.code},${s.city},${s.control || s.stopped ? 0 : 1}`)].join('\n') + '\n');
  const tsx = [...process.execArgv];
  const common = ['--dir', data, '--year', String(year), '--stations', String(chosen.length)];
  const runs: Run[] = [];
  const ecoCsv = join(out, 'ecoplan.csv');
  const profArgs = o.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', join(out, 'prof')] : [];
  console.log('ecoplan …');
  const eco = await runChild('ecoplan', process.execPath, [...tsx, ...profArgs, join(import.meta.dirname, 'air-ecoplan.ts'), ...common, '--threads', String(o.threads), '--out', ecoCsv]);
  const stationHours = eco.report.phases.stationHours ?? 0;
  printRun(eco.report, eco.processMs, stationHours);
  runs.push({ name: 'ecoplan', ...eco, csv: ecoCsv });
  if (!o.skipPandas) {
    const csv = join(out, 'pandas.csv');
    console.log('pandas …');
    const r = await runChild('pandas', '/usr/bin/python3', [join(import.meta.dirname, 'air-pandas.py'), ...common, '--members', membersFile, '--out', csv]);
    printRun(r.report, r.processMs, stationHours);
    runs.push({ name: 'pandas', ...r, csv });
  }
  if (!o.skipDuckdb) {
    const csv = join(out, 'duckdb.csv');
    console.log('duckdb …');
    const r = await runChild('duckdb', process.execPath, [...tsx, join(import.meta.dirname, 'air-duckdb.ts'), ...common, '--members', membersFile, '--out', csv]);
    printRun(r.report, r.processMs, stationHours);
    runs.push({ name: 'duckdb', ...r, csv });
  }
  return runs;
}

function printMismatches(name: string, against: string, c: Comparison): void {
  if (!c.mismatches.length) return;
  console.log(`${name} 与 ${against} 不一致 / differs from ${against}:`);
  for (const m of c.mismatches) console.log(`  ${m}`);
}

// ---------------------------------------------------------------- self-check on the hand-made fixture

if (o.selfCheck) {
  const fixtureDir = join(o.cache, 'self-check');
  writeFixture(fixtureDir);
  console.log(`自检 self-check: ${FIXTURE_DAYS} hand-made daily files in ${fixtureDir}, values worked out by hand (bench/air-fixture.ts)`);
  const runs = await runAll(fixtureDir, 2025, live.slice(0, FIXTURE_STATIONS), join(fixtureDir, 'results'));
  let ok = true;
  for (const r of runs) {
    const c = compareSubsets(FIXTURE_EXPECTED, readSubsetCsv(readFileSync(r.csv, 'utf8'), r.name));
    printMismatches(r.name, 'the hand-worked values', c);
    console.log(`  ${r.name.padEnd(8)} ${c.mismatches.length === 0 ? 'matches the hand-worked values' : 'DIFFERS'}`);
    ok &&= c.mismatches.length === 0;
  }
  console.log(`self-check: ${ok ? 'passed' : 'FAILED'}`);
  process.exit(ok ? 0 : 1);
}

// ---------------------------------------------------------------- the national year

const gen = await generateYear();
console.log(
  `数据 data: ${gen.files} files, ${mb(gen.bytes).toFixed(0)} MB, ${o.stations} stations of ${STATION_LIST_FILE.split('/').pop()} in ${cityMembers(stations).size} cities, ` +
    `year ${o.year}, seed ${o.seed} (generated in ${(gen.generationMs / 1000).toFixed(0)} s, not timed)`,
);
const results = await runAll(dir, o.year, stations, runDir);
const eco = results[0]!;

const reference = readSubsetCsv(readFileSync(eco.csv, 'utf8'), 'ecoplan');
const comparisons = new Map<string, Comparison>();
for (const r of results.slice(1)) {
  const c = compareSubsets(reference, readSubsetCsv(readFileSync(r.csv, 'utf8'), r.name));
  comparisons.set(r.name, c);
  printMismatches(r.name, 'ecoplan', c);
}

console.log(`\n比较 compared (ecoplan.csv vs the others, ${reference.length} rows: stations and cities; PM2.5/PM10 annual mean, valid days, PM2.5 days > 75):`);
console.log('  run        timed s   process s   MB/s   peak RSS MB   same numbers');
for (const r of results) {
  const c = comparisons.get(r.name);
  const same = r.name === 'ecoplan' ? '(reference)' : c && c.mismatches.length === 0 ? `yes (max rel diff ${c.maxRelDiff.toExponential(1)})` : 'NO';
  const s = r.report.wallMs / 1000;
  console.log(
    `  ${r.name.padEnd(8)} ${s.toFixed(2).padStart(9)} ${(r.processMs / 1000).toFixed(2).padStart(11)} ${(mb(r.report.bytesRead) / s).toFixed(0).padStart(6)} ${mb(r.report.maxRss).toFixed(0).padStart(13)}   ${same}`,
  );
}
const allSame = [...comparisons.values()].every((c) => c.mismatches.length === 0);
console.log(`same numbers: ${allSame ? 'yes' : 'NO'}`);
const ecoS = eco.report.wallMs / 1000;
if (o.stations === live.length && o.days >= 365) {
  const others = results.slice(1);
  const faster = others.length === 0 ? 'not compared' : others.every((r) => r.report.wallMs > eco.report.wallMs) ? '✓' : '✗';
  console.log(
    `goal (national year < 10 s, < 1 GB, faster than pandas and DuckDB): ${ecoS.toFixed(2)} s ${ecoS < 10 ? '✓' : '✗'}, ${mb(eco.report.maxRss).toFixed(0)} MB ${eco.report.maxRss < 1e9 ? '✓' : '✗'}, faster ${faster}`,
  );
}
if (!allSame) process.exitCode = 1;
