/**
 * The ecoplan side of the air benchmark: the full annual evaluation of one station (what a worker or the main
 * thread runs) reduced to a summary, and of one city from its stations' daily values — exactly what
 * `evaluateStationYear` and `evaluateArea` (method 'station-daily-mean', the default) compute, split where the
 * two meet so that the stations' daily values are computed once and reused for their cities.
 */
import {
  combineDailyStatistics,
  evaluateDailyStatistics,
  stationDailyStatistics,
  type AirYearEvaluation,
  type DailyStatistics,
  type StationYearSeries,
} from '../src/standards/air/index.js';
import type { SubsetRow } from './air-common.js';

/** What the benchmark keeps of a station's or a city's annual evaluation. */
export interface EvaluationSummary {
  id: string;
  /** 达标 (all six compliant), false, or null (not valid). */
  compliant: boolean | null;
  /** Comprehensive index, rounded to 2 decimals; null when a statistic is missing. */
  index: number | null;
  /** 优良天数, valid AQI days, 重度及以上污染天数. */
  goodDays: number;
  aqiDays: number;
  heavyDays: number;
  /** O3 MDA8 90th percentile (rounded), for the national summary. */
  o3P90: number | null;
  pm25Mean: number | null;
  pm25Days: number;
  pm10Mean: number | null;
  pm10Days: number;
  pm25Over75: number;
}

/** The summary of a full evaluation. */
export function summarize(id: string, ev: AirYearEvaluation): EvaluationSummary {
  const p = ev.pollutants;
  return {
    id,
    compliant: ev.compliant,
    index: ev.index ? ev.index.rounded : null,
    goodDays: ev.dayCounts.good,
    aqiDays: ev.dayCounts.validDays,
    heavyDays: ev.dayCounts.heavyOrWorse,
    o3P90: p.o3.statistics[0]?.rounded ?? null,
    pm25Mean: p.pm25.mean,
    pm25Days: p.pm25.validDays,
    pm10Mean: p.pm10.mean,
    pm10Days: p.pm10.validDays,
    pm25Over75: p.pm25.exceedanceDays,
  };
}

/** Evaluates one station-year: its daily values (kept for its city) and the summary of the full evaluation. */
export function evaluateStation(series: StationYearSeries): { daily: DailyStatistics; summary: EvaluationSummary } {
  const daily = stationDailyStatistics(series);
  return { daily, summary: summarize(series.station, evaluateDailyStatistics(daily)) };
}

/** Evaluates a city from its member stations' daily values (the mean of the stations valid each day). */
export function evaluateCity(city: string, members: readonly DailyStatistics[]): EvaluationSummary {
  return summarize(city, evaluateDailyStatistics(combineDailyStatistics(members, { area: city })));
}

/** The compared subset of a summary; a station or city without data has empty means and zero counts. */
export function subsetRow(kind: SubsetRow['kind'], id: string, s: EvaluationSummary | undefined): SubsetRow {
  return {
    kind,
    id,
    pm25Mean: s?.pm25Mean ?? null,
    pm25Days: s?.pm25Days ?? 0,
    pm10Mean: s?.pm10Mean ?? null,
    pm10Days: s?.pm10Days ?? 0,
    pm25Over75: s?.pm25Over75 ?? 0,
  };
}
