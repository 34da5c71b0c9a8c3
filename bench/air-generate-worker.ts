/**
 * Worker of the benchmark's year generator: writes the CNEMC daily files of the day indices it is given
 * (`generateSitesDay` with the year's gaps), each to a temporary name then renamed, and reports each day.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { generateSitesDay } from '../src/ingest/air/synthetic.js';
import { isoDate, stoppedOnDay, yearGaps } from './air-common.js';

/** What the generator worker is started with. */
export interface GenerateWork {
  dir: string;
  year: number;
  /** Days in the generated year (for the gaps). */
  days: number;
  /** Day indices this worker writes. */
  todo: number[];
  codes: string[];
  seed: number;
}

const work = workerData as GenerateWork;
const gaps = yearGaps(work.seed, work.codes, work.days);
for (const d of work.todo) {
  const missing = gaps.missingHours.get(d);
  const day = generateSitesDay(isoDate(work.year, d), work.codes, work.seed, {
    stopped: stoppedOnDay(gaps, d),
    duplicate: gaps.duplicate,
    ...(missing ? { missingHours: missing } : {}),
  });
  const path = join(work.dir, day.file);
  writeFileSync(`${path}.part`, day.bytes);
  renameSync(`${path}.part`, path);
  parentPort?.postMessage({ day: d, bytes: day.bytes.length });
}
