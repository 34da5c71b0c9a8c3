/**
 * Air monitoring into a plan: from stations' hourly series, evaluate the district (the mean of its stations'
 * concentrations, never of their AQIs) and each station by HJ 633 / GB 3095 / HJ 663 in the version of the
 * data's dates — or restated under another version — store the daily AQI and the annual evaluation, and
 * record the plan's air indicators (annual PM2.5, 优良天数比例, 重度及以上污染天数比例) with provenance.
 */
import type { Actor } from '../domain/access.js';
import { actorName } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { MetricBinding } from '../domain/plan-schema.js';
import type { StationYearSeries } from '../standards/air/types.js';
import { evaluateStationYear, type AirYearEvaluation, type AirEvaluationOptions } from '../standards/air/evaluate.js';
import { evaluateArea } from '../standards/air/combine.js';
import { AQI_INDICATORS, indicatorsOfMask, primaryPollutantLabel } from '../standards/air/aqi.js';
import { dayToIso } from '../standards/air/calendar.js';
import { annualVersions } from '../standards/air/evaluate.js';
import type { StandardVersions } from '../standards/air/versions.js';
import { replaceAirDaily, saveAirEvaluation, airDailyRows, airEvaluations } from '../store/monitoring-repo.js';
import type { AirDailyTable } from '../store/schema.js';
import { loadPlanFor, write, type ServiceContext } from './context.js';
import { setValues, type ValueInput } from './indicators.js';
import type { MonitoringImportResult } from './monitoring.js';

/** The air metrics an indicator can name. */
export const AIR_METRICS = ['air.pm25.annualMean', 'air.goodDaysRatio', 'air.heavyDaysRatio'] as const;

/** Which standards to use: those in force on the data's dates, or a restatement under the 2026 rules. */
export type AirStandardChoice = 'auto' | '2012' | '2026';

function forcedVersions(choice: AirStandardChoice, year: number): Partial<StandardVersions> | undefined {
  if (choice === '2012') return { aqi: 'HJ633-2012', limits: 'GB3095-2012', evaluation: 'HJ663-2013' };
  if (choice === '2026') return { aqi: 'HJ633-2026', limits: year >= 2031 ? 'GB3095-2026-final' : 'GB3095-2026-transitional', evaluation: 'HJ663-2026' };
  return undefined;
}

/** The metric's value from an evaluation: PM2.5 annual mean (µg/m³, integer as reported), or a ratio in %. */
export function metricValue(metric: string, e: AirYearEvaluation): number | null {
  if (metric === 'air.pm25.annualMean') return e.pollutants.pm25.statistics.find((s) => s.id === 'annual-mean')?.rounded ?? null;
  if (metric === 'air.goodDaysRatio') return e.dayCounts.goodPercent;
  if (metric === 'air.heavyDaysRatio') return e.dayCounts.heavyOrWorsePercent;
  return null;
}

function standardLabel(v: StandardVersions): string {
  return `${v.aqi}; ${v.limits}; ${v.evaluation}`;
}

function dailyRows(scope: string, e: AirYearEvaluation, source: string, at: string): AirDailyTable[] {
  const rows: AirDailyTable[] = [];
  const v = e.daily.values;
  const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);
  for (let d = 0; d < e.days; d++) {
    const aqi = e.dailyAqi[d] ?? -1;
    const mask = e.dailyPrimary[d] ?? 0;
    rows.push({
      scope,
      date: dayToIso(e.year, d),
      standard: e.versions.aqi,
      aqi: aqi >= 0 ? aqi : null,
      primary_pollutant: aqi > 50 && mask ? primaryPollutantLabel(indicatorsOfMask(mask)) : null,
      pm25: num(v.pm25[d]),
      pm10: num(v.pm10[d]),
      so2: num(v.so2[d]),
      no2: num(v.no2[d]),
      co: num(v.co[d]),
      o3_8h: num(v.o3_8h[d]),
      source,
      recorded_at: at,
    });
  }
  return rows;
}

/** A compact, storable form of an evaluation (typed arrays dropped; the daily values are stored as rows). */
function storable(e: AirYearEvaluation) {
  const { dailyAqi: _a, dailyPrimary: _p, daily: _d, ...rest } = e;
  return rest;
}

/**
 * Imports stations' hourly series of one year into a region's plan. `series` holds every station the files
 * had; the plan's metrics pick theirs. With `standard: '2026'` (or '2012') the year is restated: the values
 * are kept under that basis beside the values under the standards in force.
 */
export async function importAirSeries(
  ctx: ServiceContext,
  actor: Actor,
  region: string,
  series: ReadonlyMap<string, StationYearSeries>,
  o: { year: number; standard?: AirStandardChoice; source: string; options?: AirEvaluationOptions },
): Promise<MonitoringImportResult & { stations: string[] }> {
  const { plan } = await loadPlanFor(ctx, actor, region, 'data.import');
  const bound = plan.indicators.filter((i) => i.metric && (AIR_METRICS as readonly string[]).includes(i.metric.id));
  if (!bound.length) throw new EcoplanError('invalid_input', `地区 ${region} 的规划没有与空气质量指标关联的 metric`, 'No indicator of the plan names an air metric');
  const choice = o.standard ?? 'auto';
  const versions = forcedVersions(choice, o.year);
  const options: AirEvaluationOptions = { ...o.options, ...(versions ? { versions } : {}) };
  const resolved = annualVersions(o.year, options);
  const basis = choice === 'auto' ? 'plan' : resolved.limits.replace(/-(transitional|final)$/, '');
  const result: MonitoringImportResult & { stations: string[] } = { region, year: o.year, recorded: [], skipped: [], stations: [] };
  const items: ValueInput[] = [];
  const evaluations = new Map<string, AirYearEvaluation>();
  const stationSets = new Map<string, string[]>();
  for (const ind of bound) {
    const metric = ind.metric as MetricBinding;
    const stations = (metric.stations ?? []).filter((s) => series.has(s));
    const missing = (metric.stations ?? []).filter((s) => !series.has(s));
    if (!metric.stations?.length) {
      result.skipped.push({ seq: ind.seq, name: ind.name, metric: metric.id, reason: '该指标未列出参与计算的站点（metric.stations）' });
      continue;
    }
    if (!stations.length) {
      result.skipped.push({ seq: ind.seq, name: ind.name, metric: metric.id, reason: `文件中没有站点 ${missing.join('、')} 的数据` });
      continue;
    }
    const key = stations.join('+');
    let found = evaluations.get(key);
    if (!found) {
      const list = stations.map((s) => series.get(s) as StationYearSeries);
      found = list.length === 1 ? evaluateStationYear(list[0] as StationYearSeries, options) : evaluateArea(list, { ...options, area: `region:${region}` });
      evaluations.set(key, found);
      stationSets.set(key, stations);
    }
    const e: AirYearEvaluation = found;
    const value = metricValue(metric.id, e);
    if (value === null) {
      result.skipped.push({ seq: ind.seq, name: ind.name, metric: metric.id, reason: `${o.year}年有效数据不足，无法计算` });
      continue;
    }
    const note = `由 ${stations.join('、')} 站监测数据计算（${metric.id}${missing.length ? `；缺站点 ${missing.join('、')}` : ''}）`;
    items.push({ region, seq: ind.seq, year: o.year, value, note, basis });
    result.recorded.push({ seq: ind.seq, name: ind.name, metric: metric.id, value, standard: standardLabel(e.versions) });
  }
  // The district's calendar and evaluation: the largest station set its metrics use.
  const [districtKey] = [...stationSets.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const stationsUsed = [...new Set([...stationSets.values()].flat())];
  result.stations = stationsUsed;
  await write(ctx, actor, async (trx, audit, at) => {
    if (districtKey) {
      const e = evaluations.get(districtKey) as AirYearEvaluation;
      await replaceAirDaily(trx, dailyRows(`region:${region}`, e, o.source, at));
      await saveAirEvaluation(trx, { scope: `region:${region}`, year: o.year, standard: e.versions.limits, result: JSON.stringify({ ...storable(e), stations: stationSets.get(districtKey) }), source: o.source, recorded_at: at });
    }
    for (const s of stationsUsed) {
      const e = evaluateStationYear(series.get(s) as StationYearSeries, options);
      await replaceAirDaily(trx, dailyRows(s, e, o.source, at));
      await saveAirEvaluation(trx, { scope: s, year: o.year, standard: e.versions.limits, result: JSON.stringify(storable(e)), source: o.source, recorded_at: at });
    }
    await audit({ action: 'monitoring.import', target: `plan:${region}`, outcome: 'success', after: { kind: 'air', year: o.year, standard: choice, stations: stationsUsed, source: o.source, by: actorName(actor) } });
  });
  if (items.length) await setValues(ctx, actor, items, { kind: 'computed', ref: `air:${o.source}`, standard: standardLabel(resolved) });
  return result;
}

/** The stored air data of a region (or one of its stations) for a year: daily AQI and values, monthly means, evaluations. */
export async function airMonitoring(ctx: ServiceContext, actor: Actor, region: string, year: number, station?: string) {
  const { plan } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const planStations = [...new Set(plan.indicators.flatMap((i) => (i.metric && i.metric.id.startsWith('air.') ? (i.metric.stations ?? []) : [])))];
  if (station && !planStations.includes(station)) throw new EcoplanError('not_found', `站点 ${station} 不属于地区 ${region} 的规划`, 'The station is not one of the plan');
  const scope = station ?? `region:${region}`;
  const [rows, evals] = await Promise.all([airDailyRows(ctx.db.kysely, scope, year), airEvaluations(ctx.db.kysely, scope, year)]);
  const byStandard = new Map<string, typeof rows>();
  for (const r of rows) byStandard.set(r.standard, [...(byStandard.get(r.standard) ?? []), r]);
  const monthly = [...byStandard.entries()].map(([standard, list]) => ({
    standard,
    months: Array.from({ length: 12 }, (_, m) => {
      const inMonth = list.filter((r) => Number(r.date.slice(5, 7)) === m + 1);
      const mean = (k: 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3_8h') => {
        const xs = inMonth.map((r) => r[k]).filter((x): x is number => x !== null);
        return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
      };
      return { month: m + 1, pm25: mean('pm25'), pm10: mean('pm10'), so2: mean('so2'), no2: mean('no2'), co: mean('co'), o3_8h: mean('o3_8h') };
    }),
  }));
  return {
    region,
    year,
    scope,
    stations: planStations,
    pollutants: AQI_INDICATORS,
    daily: rows.map((r) => ({ date: r.date, standard: r.standard, aqi: r.aqi, primary: r.primary_pollutant, pm25: r.pm25, pm10: r.pm10, so2: r.so2, no2: r.no2, co: r.co, o3_8h: r.o3_8h })),
    monthly,
    evaluations: evals.map((e) => ({ standard: e.standard, source: e.source, recordedAt: e.recorded_at, result: JSON.parse(e.result) as unknown })),
  };
}
