/**
 * A hand-made three-day fixture for `npm run bench:air -- --self-check`: three daily files of 2025-01-01…03
 * for the first three stations of the national list (1001A 万寿西宫, 1002A 定陵 — a control station — and
 * 1003A 东四, all 北京), with 1003A's column repeated, and the compared subset worked out by hand. All three
 * implementations (ecoplan, pandas, DuckDB) must give exactly these numbers.
 *
 * PM2.5 cells by station and day (hours 0–23; '-' = empty); PM10 is PM2.5 + 40 in every cell that has a value.
 * Natural day D with 'period-end' stamps = hours 1–23 of D and hour 0 of D+1 (hour 0 of 1 January is 2024's).
 * - 1001A: Jan 1 all 80; Jan 2 hour 0 = 100, hours 1–23 = 70; Jan 3 all 60.
 *   Day 1 = (23×80 + 100)/24 = 1940/24 = 80.83 (→ 81 > 75); day 2 = (23×70 + 60)/24 = 1670/24 = 69.58;
 *   day 3 = 23×60/23 = 60 (23 hours ≥ 20: valid).
 * - 1002A (control): Jan 1 hour 0 = 10, hours 1–12 = 75, 13–23 = 76; Jan 2 hour 0 = 76, 1–18 = 75, 19–23 = 76;
 *   Jan 3 hour 0 = 76, the rest empty. Day 1 = (12×75 + 12×76)/24 = 75.5 (GB/T 8170 → 76 > 75); day 2 =
 *   (18×75 + 6×76)/24 = 75.25 (→ 75, not over 75 although the unrounded mean is); day 3 has no value.
 * - 1003A, first column: Jan 1 hours 1–5 empty, the rest 76; Jan 2 hour 0 = 75, hours 1–5 empty, the rest 75;
 *   Jan 3 all 74. Second column: Jan 1 all 76 except hour 10 = 999 (the first column's 76 wins), Jan 2 and 3 as
 *   the first. Merged: Jan 1 all 76. Day 1 = (23×76 + 75)/24 = 1823/24 = 75.96 (→ 76 > 75); day 2 = 18 hours of
 *   Jan 2 + hour 0 of Jan 3 = 19 < 20 valid hours: not valid; day 3 = 74.
 * - 北京 (1001A and 1003A; 1002A is a control station): day 1 = (1940/24 + 1823/24)/2 = 3763/48 = 78.40 (→ 78 > 75),
 *   day 2 = 1001A's 1670/24 (1003A not valid), day 3 = (60 + 74)/2 = 67.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_TYPES } from '../src/ingest/air/sites-day.js';
import type { SubsetRow } from './air-common.js';

/** Stations of the fixture: the first three of the national list. */
export const FIXTURE_STATIONS = 3;
/** Days of the fixture (2025-01-01 … 2025-01-03). */
export const FIXTURE_DAYS = 3;

const fill = (v: string) => new Array<string>(24).fill(v);
const set = (a: string[], from: number, to: number, v: string) => {
  for (let h = from; h <= to; h++) a[h] = v;
  return a;
};

/** PM2.5 cells per column (header order) and day. */
function pm25Cells(): Record<string, string[][]> {
  return {
    '1001A': [fill('80'), set(fill('70'), 0, 0, '100'), fill('60')],
    '1002A': [
      set(set(fill('76'), 0, 0, '10'), 1, 12, '75'),
      set(set(fill('76'), 1, 18, '75'), 0, 0, '76'),
      set(fill(''), 0, 0, '76'),
    ],
    '1003A': [set(fill('76'), 1, 5, ''), set(fill('75'), 1, 5, ''), fill('74')],
    '1003A#2': [set(fill('76'), 10, 10, '999'), set(fill('75'), 1, 5, ''), fill('74')],
  };
}

/** Writes the three daily files into `dir`. */
export function writeFixture(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const cells = pm25Cells();
  const columns = ['1001A', '1002A', '1003A', '1003A#2'];
  for (let d = 0; d < FIXTURE_DAYS; d++) {
    const date = `2025010${d + 1}`;
    const lines = [['date', 'hour', 'type', ...columns.map((c) => c.replace('#2', ''))].join(',')];
    for (let h = 0; h < 24; h++) {
      for (const type of SITE_TYPES) {
        const row = columns.map((c) => {
          const v = cells[c]?.[d]?.[h] ?? '';
          if (type === 'PM2.5') return v;
          if (type === 'PM10') return v === '' ? '' : String(Number(v) + 40);
          return '';
        });
        lines.push([date, String(h), type, ...row].join(','));
      }
    }
    writeFileSync(join(dir, `china_sites_${date}.csv`), lines.join('\n') + '\n');
  }
}

/** The subset worked out by hand (see the module comment). */
export const FIXTURE_EXPECTED: readonly SubsetRow[] = [
  { kind: 'station', id: '1001A', pm25Mean: (1940 / 24 + 1670 / 24 + 60) / 3, pm25Days: 3, pm10Mean: (1940 / 24 + 1670 / 24 + 60) / 3 + 40, pm10Days: 3, pm25Over75: 1 },
  { kind: 'station', id: '1002A', pm25Mean: (75.5 + 75.25) / 2, pm25Days: 2, pm10Mean: (75.5 + 75.25) / 2 + 40, pm10Days: 2, pm25Over75: 1 },
  { kind: 'station', id: '1003A', pm25Mean: (1823 / 24 + 74) / 2, pm25Days: 2, pm10Mean: (1823 / 24 + 74) / 2 + 40, pm10Days: 2, pm25Over75: 1 },
  { kind: 'city', id: '北京', pm25Mean: (3763 / 48 + 1670 / 24 + 67) / 3, pm25Days: 3, pm10Mean: (3763 / 48 + 1670 / 24 + 67) / 3 + 40, pm10Days: 3, pm25Over75: 1 },
];
