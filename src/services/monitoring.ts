/**
 * Monitoring use cases: evaluate water and noise files by the standards, and import monitoring data into a
 * region's plan — the metrics its indicators name are computed and recorded as values with provenance
 * (files, standard, method), all in one transaction.
 */
import { basename } from 'node:path';
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { MetricBinding } from '../domain/plan-schema.js';
import { parseWaterSamples } from '../ingest/water/water-samples.js';
import { parseNoiseReadings } from '../ingest/noise/noise-readings.js';
import { evaluateDrinkingSources, evaluateWaterSections, WATER_METHOD_VERSION, type WaterSectionsResult, type DrinkingSourcesResult } from '../standards/water/evaluation.js';
import { GB3838_VERSION } from '../standards/water/gb3838.js';
import { evaluateNoise } from '../standards/noise/gb3096.js';
import { loadPlanFor, type ServiceContext } from './context.js';
import { setValues, type ValueInput } from './indicators.js';

/** A file given to an evaluation: its name and bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

async function waterSamples(files: InputFile[]) {
  const rows = [];
  const issues = [];
  for (const f of files) {
    const r = await parseWaterSamples(f.bytes, { file: basename(f.name) });
    rows.push(...r.rows);
    issues.push(...r.issues);
  }
  if (issues.length) throw new EcoplanError('invalid_input', `水质数据有 ${issues.length} 处错误，未计算`, 'The water data has errors', issues);
  if (!rows.length) throw new EcoplanError('invalid_input', '文件中没有水质数据', 'No water samples in the files');
  return rows;
}

/** Evaluates surface-water sections for a year (GB 3838-2002, 2011 method). */
export async function evaluateWaterFiles(files: InputFile[], o: { year?: number; lakeSections?: string[] }): Promise<WaterSectionsResult> {
  const samples = await waterSamples(files);
  const year = o.year ?? Math.max(...samples.map((s) => Number(s.date.slice(0, 4))));
  return evaluateWaterSections(samples, { year, lakeSections: o.lakeSections });
}

/** Evaluates drinking-water sources for a year (GB 3838-2002 Table 1 Ⅲ and Table 2). */
export async function evaluateDrinkingFiles(files: InputFile[], o: { year?: number; lakeSources?: string[] }): Promise<DrinkingSourcesResult> {
  const samples = await waterSamples(files);
  const year = o.year ?? Math.max(...samples.map((s) => Number(s.date.slice(0, 4))));
  return evaluateDrinkingSources(samples, { year, lakeSources: o.lakeSources });
}

/** Evaluates noise readings (GB 3096-2008). */
export async function evaluateNoiseFiles(files: InputFile[], o: { year?: number }) {
  const rows = [];
  const issues = [];
  for (const f of files) {
    const r = await parseNoiseReadings(f.bytes, { file: basename(f.name) });
    rows.push(...r.rows);
    issues.push(...r.issues);
  }
  if (issues.length) throw new EcoplanError('invalid_input', `噪声数据有 ${issues.length} 处错误，未计算`, 'The noise data has errors', issues);
  if (!rows.length) throw new EcoplanError('invalid_input', '文件中没有噪声数据', 'No noise readings in the files');
  return evaluateNoise(rows, { year: o.year });
}

/** What an import computed and recorded. */
export interface MonitoringImportResult {
  region: string;
  year: number;
  recorded: { seq: number; name: string; metric: string; value: number | null; standard: string }[];
  skipped: { seq: number; name: string; metric: string; reason: string }[];
}

const WATER_METRICS = ['water.sectionsClassIIIOrBetterRatio', 'water.sectionsWorseThanVRatio', 'water.drinkingSourceCompliance'] as const;

/** Imports water samples into a region's plan: computes its water metrics and records them for the year. */
export async function importWater(ctx: ServiceContext, actor: Actor, region: string, files: InputFile[], o: { year: number; lakeSections?: string[] }): Promise<MonitoringImportResult> {
  const { plan, resource } = await loadPlanFor(ctx, actor, region, 'data.import');
  void resource;
  const samples = await waterSamples(files);
  const bound = plan.indicators.filter((i) => i.metric && (WATER_METRICS as readonly string[]).includes(i.metric.id));
  if (!bound.length) throw new EcoplanError('invalid_input', `地区 ${region} 的规划没有与水质指标关联的 metric`, 'No indicator of the plan names a water metric');
  const result: MonitoringImportResult = { region, year: o.year, recorded: [], skipped: [] };
  const items: ValueInput[] = [];
  const ref = files.map((f) => basename(f.name)).join(', ');
  for (const ind of bound) {
    const metric = ind.metric as MetricBinding;
    const inScope = (name: string) => !metric.sections?.length || metric.sections.includes(name);
    const mine = samples.filter((s) => inScope(s.section));
    if (!mine.length) {
      result.skipped.push({ seq: ind.seq, name: ind.name, metric: metric.id, reason: metric.sections?.length ? '文件中没有该指标所列断面的数据' : '文件中没有数据' });
      continue;
    }
    let value: number | null;
    if (metric.id === 'water.drinkingSourceCompliance') {
      const d = evaluateDrinkingSources(mine, { year: o.year, lakeSources: o.lakeSections });
      value = d.set.percentCompliant;
    } else {
      const w = evaluateWaterSections(mine, { year: o.year, lakeSections: o.lakeSections });
      value = metric.id === 'water.sectionsClassIIIOrBetterRatio' ? w.set.percentI_III : w.set.percentWorseThanV;
    }
    if (value === null) {
      result.skipped.push({ seq: ind.seq, name: ind.name, metric: metric.id, reason: `${o.year}年无可评价的断面` });
      continue;
    }
    const rounded = Math.round(value * 10) / 10;
    items.push({ region, seq: ind.seq, year: o.year, value: rounded, note: `由监测数据计算（${metric.id}）` });
    result.recorded.push({ seq: ind.seq, name: ind.name, metric: metric.id, value: rounded, standard: `${GB3838_VERSION}; ${WATER_METHOD_VERSION}` });
  }
  if (items.length) await setValues(ctx, actor, items, { kind: 'computed', ref: `water:${ref}`, standard: GB3838_VERSION });
  return result;
}
