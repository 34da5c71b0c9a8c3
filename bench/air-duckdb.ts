/**
 * The DuckDB side of the air benchmark (docs/benchmarks.md): the compared subset (PM2.5 and PM10 annual mean of
 * the valid daily means, valid days, PM2.5 days over 75 after GB/T 8170 rounding; per station and per city) in
 * SQL over the daily files themselves: `read_csv` with the wide layout (a DOUBLE column per station), the PM
 * rows kept, `UNPIVOT` to (station, hour, value), the natural days of 'period-end' hour stamps, ≥ 20 valid
 * hours. A station column repeated in the header is read under a second name and merged with `coalesce`
 * (cell by cell the first non-empty value in column order, as ecoplan's reader does).
 *
 * Run by bench/air.ts in its own process:
 *   tsx bench/air-duckdb.ts --dir DIR --year 2025 --stations N --members stations.csv --out duckdb.csv
 */
import { closeSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RESULT_TAG, subsetCsv, type ChildReport, type SubsetRow } from './air-common.js';

const argv = process.argv.slice(2);
const arg = (name: string): string => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : undefined;
  if (v === undefined) throw new Error(`缺少选项 ${name} / missing option ${name}`);
  return v;
};
const dir = arg('--dir');
const year = Number(arg('--year'));
const membersFile = arg('--members');
const out = arg('--out');

/** A SQL string literal. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A SQL identifier. */
const id = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The first line of a file (the header), read without reading the whole file. */
function headerOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    let text = '';
    for (let pos = 0; ; ) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return text;
      text += buf.toString('latin1', 0, n);
      pos += n;
      const nl = text.indexOf('\n');
      if (nl >= 0) return text.slice(0, nl).replace(/\r$/, '');
    }
  } finally {
    closeSync(fd);
  }
}

const t0 = performance.now();
const files = readdirSync(dir)
  .filter((f) => /^china_sites_\d{8}\.csv$/.test(f))
  .sort()
  .map((f) => join(dir, f));
// One schema for all files: the headers must be the same (the generator writes them so; checked here).
const header = headerOf(files[0]!);
for (const f of files) if (headerOf(f) !== header) throw new Error(`${f}: 表头与第一个文件不同 / the header differs from the first file's`);
const names = header.split(',');
if (names.slice(0, 3).join(',') !== 'date,hour,type') throw new Error(`表头应以 date,hour,type 开头 / bad header`);
const seen = new Map<string, number>();
const columns: string[] = [];
const repeated = new Map<string, string[]>();
for (const code of names.slice(3)) {
  const k = (seen.get(code) ?? 0) + 1;
  seen.set(code, k);
  const name = k === 1 ? code : `${code}__${k}`;
  columns.push(name);
  if (k > 1) repeated.set(code, [...(repeated.get(code) ?? [code]), name]);
}
let bytesRead = 0;
for (const f of files) bytesRead += statSync(f).size;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const columnTypes = `{'date': 'VARCHAR', 'hour': 'INTEGER', 'type': 'VARCHAR', ${columns.map((c) => `${lit(c)}: 'DOUBLE'`).join(', ')}}`;
const merged = repeated.size
  ? `SELECT * EXCLUDE (${[...repeated.values()].flat().map(id).join(', ')}), ${[...repeated].map(([code, cols]) => `coalesce(${cols.map(id).join(', ')}) AS ${id(code)}`).join(', ')} FROM pm`
  : 'SELECT * FROM pm';
await con.run(`CREATE MACRO gbt_units(x) AS
  CASE WHEN abs(x - floor(x) - 0.5) <= 1e-9 * greatest(1, abs(x))
         THEN CASE WHEN floor(x)::BIGINT % 2 = 0 THEN floor(x) ELSE floor(x) + 1 END
       WHEN x - floor(x) < 0.5 THEN floor(x) ELSE floor(x) + 1 END`);
await con.run(`CREATE TABLE members AS SELECT * FROM read_csv(${lit(membersFile)}, header = true, auto_detect = false,
  columns = {'code': 'VARCHAR', 'city': 'VARCHAR', 'member': 'INTEGER'})`);
const fileList = `[${files.map(lit).join(', ')}]`;
const hourAt = `date_diff('day', DATE '${year}-01-01', strptime(date, '%Y%m%d')::DATE) * 24 + hour`;
/** (type, station, hour_at, v): the valid PM values, one row each. */
const long = `raw AS (
    SELECT * FROM read_csv(${fileList}, header = true, auto_detect = false, delim = ',', columns = ${columnTypes})
    WHERE type IN ('PM2.5', 'PM10')
  ),
  pm AS (SELECT ${hourAt} AS hour_at, * EXCLUDE (date, hour) FROM raw),
  merged AS (${merged}),
  long AS (UNPIVOT merged ON COLUMNS(* EXCLUDE (hour_at, type)) INTO NAME station VALUE v)`;
await con.run(`CREATE TABLE daily AS
  WITH ${long}
  SELECT type, station, (hour_at - 1) // 24 AS nat, sum(v) / count(v) AS m
  FROM long WHERE hour_at >= 1 AND v IS NOT NULL
  GROUP BY ALL HAVING count(v) >= 20`);
const tDaily = performance.now();
const yearly = (source: string, key: string) => `
  SELECT ${key} AS id,
    avg(m) FILTER (WHERE type = 'PM2.5') AS pm25_mean, count(*) FILTER (WHERE type = 'PM2.5') AS pm25_days,
    avg(m) FILTER (WHERE type = 'PM10') AS pm10_mean, count(*) FILTER (WHERE type = 'PM10') AS pm10_days,
    count(*) FILTER (WHERE type = 'PM2.5' AND gbt_units(m) > 75) AS pm25_over75
  FROM ${source} GROUP BY ALL`;
const stationRows = await con.runAndReadAll(`
  WITH s AS (${yearly('daily', 'station')})
  SELECT m.code AS id, s.pm25_mean, coalesce(s.pm25_days, 0) AS pm25_days, s.pm10_mean, coalesce(s.pm10_days, 0) AS pm10_days,
    coalesce(s.pm25_over75, 0) AS pm25_over75
  FROM members m LEFT JOIN s ON s.id = m.code ORDER BY m.code`);
const cityRows = await con.runAndReadAll(`
  WITH cd AS (
    SELECT d.type, m.city, d.nat, avg(d.m) AS m FROM daily d JOIN members m ON m.code = d.station AND m.member = 1 GROUP BY ALL
  ), c AS (${yearly('cd', 'city')}),
  cities AS (SELECT DISTINCT city FROM members WHERE member = 1)
  SELECT cities.city AS id, c.pm25_mean, coalesce(c.pm25_days, 0) AS pm25_days, c.pm10_mean, coalesce(c.pm10_days, 0) AS pm10_days,
    coalesce(c.pm25_over75, 0) AS pm25_over75
  FROM cities LEFT JOIN c ON c.id = cities.city`);
const tEnd = performance.now();

const toRows = (kind: SubsetRow['kind'], r: Record<string, unknown>[]): SubsetRow[] =>
  r.map((o) => ({
    kind,
    id: String(o.id),
    pm25Mean: o.pm25_mean === null ? null : Number(o.pm25_mean),
    pm25Days: Number(o.pm25_days),
    pm10Mean: o.pm10_mean === null ? null : Number(o.pm10_mean),
    pm10Days: Number(o.pm10_days),
    pm25Over75: Number(o.pm25_over75),
  }));
writeFileSync(out, subsetCsv([...toRows('station', stationRows.getRowObjects()), ...toRows('city', cityRows.getRowObjects())]));
const threads = (await con.runAndReadAll(`SELECT current_setting('threads') AS t, version() AS v`)).getRowObjects()[0];
const report: ChildReport = {
  name: 'duckdb',
  wallMs: tEnd - t0,
  maxRss: process.resourceUsage().maxRSS * 1024,
  bytesRead,
  phases: { readDaily: tDaily - t0, yearly: tEnd - tDaily },
  notes: [`DuckDB ${String(threads?.v)}, ${String(threads?.t)} threads, ${files.length} files, ${columns.length} station columns (read_csv wide + UNPIVOT)`],
};
console.log(RESULT_TAG + JSON.stringify(report));
