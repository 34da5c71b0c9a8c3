/**
 * Air monitoring for the screens: the standards a year was stored under, the calendar's days, days per AQI
 * level, and the annual evaluation (GB 3095 / HJ 663) read out of the stored result into table rows. The
 * stored result is the air evaluation of src/standards/air/evaluate.ts; it is read defensively (fields may
 * be missing in older records).
 */
import type { AirDay, AirMonitoring } from '../api.js';
import { aqiLevel } from '../charts/colors.js';

/** The AQI standards of the stored days, oldest first (the plan's own standard before a restatement). */
export function standardsOf(daily: readonly Pick<AirDay, 'standard'>[]): string[] {
  return [...new Set(daily.map((d) => d.standard))].sort();
}

/** The calendar's days under one standard: [date, AQI] for every day with a valid AQI. */
export function calendarDays(daily: readonly AirDay[], standard: string): [string, number][] {
  return daily.filter((d) => d.standard === standard && d.aqi !== null).map((d) => [d.date, d.aqi as number]);
}

/** Days per AQI level 1–6 (index 0–5) and the days without a valid AQI. */
export function levelCounts(daily: readonly AirDay[], standard: string): { byLevel: number[]; noData: number } {
  const byLevel = [0, 0, 0, 0, 0, 0];
  let noData = 0;
  for (const d of daily) {
    if (d.standard !== standard) continue;
    if (d.aqi === null) noData++;
    else byLevel[aqiLevel(d.aqi) - 1] = (byLevel[aqiLevel(d.aqi) - 1] ?? 0) + 1;
  }
  return { byLevel, noData };
}

/** The year tag of a standard's name ("HJ633-2012" → "2012", "GB3095-2026-transitional" → "2026"). */
export function standardYear(standard: string): string | null {
  return /-(\d{4})/.exec(standard)?.[1] ?? null;
}

/** The evaluation that goes with an AQI standard: the one of the same edition (2012 or 2026), else the first. */
export function evaluationFor(evaluations: AirMonitoring['evaluations'], aqiStandard: string | null): AirMonitoring['evaluations'][number] | null {
  const tag = aqiStandard ? standardYear(aqiStandard) : null;
  return evaluations.find((e) => tag !== null && standardYear(e.standard) === tag) ?? evaluations[0] ?? null;
}

/** One row of the evaluation table. */
export interface EvaluationRow {
  pollutant: string;
  unit: string;
  statistic: string;
  value: number | null;
  limit: number | null;
  exceeds: boolean | null;
  /** Whether the pollutant's year is compliant (the same on each of its rows). */
  compliant: boolean | null;
}

/** The summary of an evaluation. */
export interface EvaluationSummary {
  compliant: boolean | null;
  index: number | null;
  validDays: number | null;
  good: number | null;
  goodPercent: number | null;
  heavyOrWorse: number | null;
  heavyOrWorsePercent: number | null;
  rows: EvaluationRow[];
}

const ORDER = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3'];

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const bool = (x: unknown): boolean | null => (typeof x === 'boolean' ? x : null);
const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {});

/** Reads a stored evaluation into its summary and table rows (pollutants in the order PM2.5, PM10, SO2, NO2, CO, O3). */
export function readEvaluation(result: unknown): EvaluationSummary {
  const r = obj(result);
  const pollutants = obj(r.pollutants);
  const days = obj(r.dayCounts);
  const index = obj(r.index);
  const rows: EvaluationRow[] = [];
  const keys = Object.keys(pollutants).sort((a, b) => (ORDER.indexOf(a) + 99 * Number(!ORDER.includes(a))) - (ORDER.indexOf(b) + 99 * Number(!ORDER.includes(b))));
  for (const key of keys) {
    const p = obj(pollutants[key]);
    const stats = Array.isArray(p.statistics) ? p.statistics : [];
    for (const s of stats) {
      const st = obj(s);
      rows.push({
        pollutant: key,
        unit: typeof p.unit === 'string' ? p.unit : key === 'co' ? 'mg/m³' : 'μg/m³',
        statistic: typeof st.labelZh === 'string' ? st.labelZh : String(st.id ?? ''),
        value: num(st.rounded),
        limit: num(st.limit),
        exceeds: bool(st.exceeds),
        compliant: bool(p.compliant),
      });
    }
  }
  return {
    compliant: bool(r.compliant),
    index: num(index.rounded) ?? num(index.value),
    validDays: num(days.validDays),
    good: num(days.good),
    goodPercent: num(days.goodPercent),
    heavyOrWorse: num(days.heavyOrWorse),
    heavyOrWorsePercent: num(days.heavyOrWorsePercent),
    rows,
  };
}

/** Display names of the pollutants (subscripts as printed). */
export const POLLUTANT_NAMES: Record<string, string> = { pm25: 'PM₂.₅', pm10: 'PM₁₀', so2: 'SO₂', no2: 'NO₂', co: 'CO', o3: 'O₃', o3_8h: 'O₃-8h' };
