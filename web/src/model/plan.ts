/**
 * Plan-level rules the screens need: where the plan period stands today, which year and stage to assess
 * by default (as src/domain/assessment.ts `defaultYearFor` does for the annual analysis), and which
 * indicators are the air and water headline figures.
 */
import type { Indicator, IndicatorAssessment, PlanAssessment, Stage } from '../api.js';

/** A plan period. */
export interface Period {
  start: number;
  end: number;
  baseline: number;
  midterm?: number;
}

/** Where the plan period stands in a year. */
export type PlanStage = { kind: 'before' } | { kind: 'running'; n: number; total: number } | { kind: 'ended' };

/** The period's stage in `year`: before it, year n of the period, or over. */
export function planStage(period: Period, year: number): PlanStage {
  if (year < period.start) return { kind: 'before' };
  if (year > period.end) return { kind: 'ended' };
  return { kind: 'running', n: year - period.start + 1, total: period.end - period.start + 1 };
}

/** The mid-term year (start + 2 unless the plan says otherwise). */
export function midtermOf(period: Period): number {
  return period.midterm ?? period.start + 2;
}

/** The year assessed by default: the last full year, within the period (the server's default for the annual analysis). */
export function defaultYear(period: Period, thisYear: number): number {
  return Math.min(period.end, Math.max(period.start, thisYear - 1));
}

/** The stage a year is assessed at: the end year's final assessment, the mid-term year's evaluation, else the annual analysis. */
export function stageOfYear(period: Period, year: number): Stage {
  if (year === period.end) return 'final';
  if (year === midtermOf(period)) return 'midterm';
  return 'annual';
}

/** The years of the period, start to end. */
export function periodYears(period: Period): number[] {
  const out: number[] = [];
  for (let y = period.start; y <= period.end; y++) out.push(y);
  return out;
}

/**
 * The latest assessment of each indicator: from the given yearly assessments, the latest year in which the
 * indicator has a value or a judgement (status other than 无数据); without any, the latest year's item
 * (无数据, or 待定 when its target is not set yet). Keyed by indicator seq, in the order of the newest assessment.
 */
export function latestByIndicator(assessments: readonly PlanAssessment[]): Map<number, IndicatorAssessment> {
  const sorted = [...assessments].sort((a, b) => b.year - a.year);
  const out = new Map<number, IndicatorAssessment>();
  const newest = sorted[0];
  if (!newest) return out;
  for (const item of newest.indicators) {
    let pick: IndicatorAssessment = item;
    for (const a of sorted) {
      const it = a.indicators.find((x) => x.seq === item.seq);
      if (it && it.status !== '无数据') {
        pick = it;
        break;
      }
    }
    out.set(item.seq, pick);
  }
  return out;
}

/** Which headline an indicator belongs to, by its monitoring metric (air.* / water.*) or its printed group. */
export function headlineKind(ind: Pick<Indicator, 'metric' | 'subgroup' | 'category' | 'name'>): 'air' | 'water' | null {
  const id = ind.metric?.id ?? '';
  if (id.startsWith('air.')) return 'air';
  if (id.startsWith('water.')) return 'water';
  const group = `${ind.subgroup ?? ''}`;
  if (/空气|大气/.test(group)) return 'air';
  if (/地表水|水环境|饮用水/.test(group)) return 'water';
  return null;
}
