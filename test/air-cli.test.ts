/**
 * Air data through the command line: `air aqi` reproduces the published AQI of every station-hour that has all
 * six values, and `monitoring import` records 岳阳楼区's air indicators (station 1848A 城陵矶, plans/) with
 * their provenance. The daily files are generated in the CNEMC format (src/ingest/air/synthetic.ts).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSitesDay } from '../src/ingest/air/synthetic.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'ecoplan.js');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-air-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` };
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const files: string[] = [];

beforeAll(() => {
  const stations = ['1847A', '1848A', '1849A', '1850A', '1851A', '1852A', '1001A', '1002A', '1003A', '1004A', '1005A'];
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
    const g = generateSitesDay(date, stations, 11);
    const f = join(dir, g.file);
    writeFileSync(f, g.bytes);
    files.push(f);
  }
  expect(run('init').status).toBe(0);
});

describe('ecoplan air', () => {
  it('air aqi agrees with the published AQI on every complete station-hour', () => {
    const r = run('air', 'aqi', files[0]!, files[180]!, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { aqi: number | null; published: number | null; version: string }[];
    const both = rows.filter((x) => x.aqi !== null && x.published !== null);
    expect(both.length).toBeGreaterThan(300);
    expect(both.filter((x) => x.aqi !== x.published)).toEqual([]);
    expect(new Set(rows.map((x) => x.version))).toEqual(new Set(['HJ633-2012']));
  });

  it('monitoring import records the plan indicators of 岳阳楼区 computed from 城陵矶 (1848A)', () => {
    const r = run('monitoring', 'import', ...files, '--region', '430602', '--kind', 'air', '--year', '2023');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/已记录 2023年 指标1「细颗粒物（PM2\.5）浓度」= \d+（air\.pm25\.annualMean，HJ633-2012; GB3095-2012; HJ663-2013）/);
    const h = JSON.parse(run('values', 'history', '430602', '1', '--format', 'json').stdout) as { history: { year: number; source: { kind: string; ref: string } }[] };
    expect(h.history.find((x) => x.year === 2023)?.source.kind).toBe('computed');
    // The same year restated under the 2026 standards is kept beside, under its own basis.
    const r26 = run('monitoring', 'import', ...files, '--region', '430602', '--kind', 'air', '--year', '2023', '--standard', '2026');
    expect(r26.stdout).toContain('HJ633-2026; GB3095-2026-transitional; HJ663-2026');
    const h2 = JSON.parse(run('values', 'history', '430602', '2', '--format', 'json').stdout) as { values: { year: number; basis: string }[] };
    expect(h2.values.filter((v) => v.year === 2023).map((v) => v.basis).sort()).toEqual(['GB3095-2026', 'plan']);
  });

  it('a broken file is refused, named, and nothing is written', () => {
    const bad = join(dir, 'china_sites_20230102.csv');
    writeFileSync(bad, 'date,hour,type,1848A\n20230102,0,PM2.5,abc\n');
    const r = run('monitoring', 'import', bad, '--region', '430602', '--kind', 'air', '--year', '2023');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('china_sites_20230102.csv');
  });
});
