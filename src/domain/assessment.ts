/**
 * Progress assessment of a plan's indicators: for each indicator and year the value, the time-proportional
 * expected value (序时进度), a status and a one-line reason in Chinese. The method is written down in
 * docs/assessment.md; this file is its only implementation. Pure: no I/O.
 */
import type { Direction, Indicator, Plan, Target } from './plan-schema.js';
import { midtermYear } from './plan-schema.js';

/** The statuses of an indicator in a year. */
export const STATUSES = ['达标', '序时达标', '滞后', '未达标', '无数据', '待定'] as const;
/** An indicator's status in a year. */
export type Status = (typeof STATUSES)[number];

/** English names of the statuses (the UI's second language). */
export const STATUS_EN: Record<Status, string> = {
  达标: 'Met',
  序时达标: 'On schedule',
  滞后: 'Behind schedule',
  未达标: 'Not met',
  无数据: 'No data',
  待定: 'Pending',
};

/** The assessment stages: 年度监测分析, 中期评估, 终期考核. */
export type Stage = 'annual' | 'midterm' | 'final';
/** Chinese names of the stages. */
export const STAGE_ZH: Record<Stage, string> = { annual: '年度监测分析', midterm: '中期评估', final: '终期考核' };

/** A recorded value of an indicator for one year. `judgement` is for qualitative targets (a person's verdict). */
export interface YearValue {
  year: number;
  value: number | null;
  judgement?: 'met' | 'notMet' | null;
}

/** A value the city set for a 完成市定目标 indicator (who, when, which document). */
export interface TargetAssignment {
  kind: 'atLeast' | 'atMost' | 'reduceBy';
  value: number;
  assignedBy: string;
  assignedOn: string;
  document: string;
}

/** Trend against the year before (or the baseline): 改善, 持平, 变差. */
export type Trend = '改善' | '持平' | '变差';

/** The assessment of one indicator in one year. */
export interface IndicatorAssessment {
  seq: number;
  name: string;
  category: string;
  unit: string | null;
  binding: boolean;
  year: number;
  value: number | null;
  /** The goal actually applied (after a city assignment or a reduction was worked out), if numeric. */
  target: number | null;
  targetText: string;
  /** The time-proportional expected value for the year (序时进度), when it can be worked out. */
  expected: number | null;
  status: Status;
  reason: string;
  trend: Trend | null;
}

const EPS = 1e-9;

/** Formats a number the way the reasons print it: at most 2 decimals, no trailing zeros. */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A numeric goal and whether meeting it means reaching at least (`>=`) or at most (`<=`) the goal. */
interface Goal {
  value: number;
  sense: 'atLeast' | 'atMost';
  text: string;
}

function meets(value: number, goal: number, sense: Goal['sense']): boolean {
  return sense === 'atLeast' ? value >= goal - EPS : value <= goal + EPS;
}

function senseOf(direction: Direction): Goal['sense'] {
  return direction === 'higher' ? 'atLeast' : 'atMost';
}

/** Works out the numeric goal of a target, or why there is none. */
function goalOf(
  ind: Indicator,
  assignment: TargetAssignment | undefined,
): { goal: Goal } | { status: Status; reason: string } | { kind: 'improving' | 'qualitative' } {
  const target: Target = ind.target;
  const baseline = ind.baseline.value;
  switch (target.kind) {
    case 'atLeast':
      return { goal: { value: target.value, sense: 'atLeast', text: `≥${fmt(target.value)}` } };
    case 'atMost':
      return { goal: { value: target.value, sense: 'atMost', text: `≤${fmt(target.value)}` } };
    case 'reduceBy':
      if (baseline === null) return { status: '待定', reason: '基准值缺失，无法计算下降目标' };
      return reduceGoal(baseline, target.percent);
    case 'noDecrease':
      if (baseline === null) return { status: '待定', reason: '基准值缺失，无法判断"不降低"' };
      return {
        goal: {
          value: baseline,
          sense: senseOf(ind.direction),
          text: ind.direction === 'higher' ? `不低于${fmt(baseline)}` : `不高于${fmt(baseline)}`,
        },
      };
    case 'assigned': {
      if (!assignment) return { status: '待定', reason: '市定目标尚未下达' };
      if (assignment.kind === 'reduceBy') {
        if (baseline === null) return { status: '待定', reason: '基准值缺失，无法计算市定下降目标' };
        return reduceGoal(baseline, assignment.value);
      }
      return {
        goal: {
          value: assignment.value,
          sense: assignment.kind,
          text: `${assignment.kind === 'atLeast' ? '≥' : '≤'}${fmt(assignment.value)}（市定）`,
        },
      };
    }
    case 'improving':
    case 'qualitative':
      return { kind: target.kind };
  }
}

function reduceGoal(baseline: number, percent: number): { goal: Goal } {
  const value = baseline * (1 - percent / 100);
  return { goal: { value, sense: 'atMost', text: `较基准下降${fmt(percent)}%，即≤${fmt(value)}` } };
}

function trendOf(value: number | null, previous: number | null, direction: Direction): Trend | null {
  if (value === null || previous === null) return null;
  if (Math.abs(value - previous) <= EPS) return '持平';
  const better = direction === 'higher' ? value > previous : value < previous;
  return better ? '改善' : '变差';
}

/**
 * Assesses one indicator in one year of the plan period.
 * `values` are the indicator's recorded values (any years; one per year).
 */
export function assessIndicator(
  ind: Indicator,
  period: Plan['period'],
  values: readonly YearValue[],
  year: number,
  assignment?: TargetAssignment,
): IndicatorAssessment {
  const byYear = new Map(values.map((v) => [v.year, v]));
  const current = byYear.get(year);
  const value = current?.value ?? null;
  const previousYearValue = byYear.get(year - 1)?.value ?? null;
  const previous = year - 1 === period.baseline ? (previousYearValue ?? ind.baseline.value) : previousYearValue;
  const base = {
    seq: ind.seq,
    name: ind.name,
    category: ind.category,
    unit: ind.unit,
    binding: ind.binding,
    year,
    value,
    targetText: ind.target.text,
    trend: trendOf(value, previous, ind.direction),
  };
  const final = year >= period.end;
  const g = goalOf(ind, assignment);

  if ('status' in g) {
    return { ...base, target: null, expected: null, status: g.status, reason: g.reason };
  }

  if ('kind' in g && g.kind === 'qualitative') {
    const judgement = current?.judgement ?? null;
    if (judgement === null) {
      return { ...base, target: null, expected: null, status: '无数据', reason: `${year}年尚未录入评判结论` };
    }
    if (judgement === 'met') {
      return { ...base, target: null, expected: null, status: '达标', reason: `经评判，${year}年达到"${ind.target.text}"` };
    }
    return {
      ...base,
      target: null,
      expected: null,
      status: final ? '未达标' : '滞后',
      reason: `经评判，${year}年未达到"${ind.target.text}"`,
    };
  }

  if (value === null) {
    return { ...base, target: 'goal' in g ? g.goal.value : null, expected: null, status: '无数据', reason: `${year}年无数据` };
  }

  if ('kind' in g) {
    // 稳中向好: no worse than the year before (or the baseline in the first year).
    if (previous === null) {
      return {
        ...base,
        target: null,
        expected: null,
        status: '达标',
        reason: `${year}年值${fmt(value)}为首个可比值，暂无上年值比较，按"${ind.target.text}"记为达标`,
      };
    }
    const ok = meets(value, previous, senseOf(ind.direction));
    const prevLabel = year - 1 === period.baseline ? `基准年${period.baseline}年` : `${year - 1}年`;
    if (ok) {
      return {
        ...base,
        target: previous,
        expected: null,
        status: '达标',
        reason: `${year}年值${fmt(value)}，较${prevLabel}（${fmt(previous)}）持平或改善`,
      };
    }
    return {
      ...base,
      target: previous,
      expected: null,
      status: final ? '未达标' : '滞后',
      reason: `${year}年值${fmt(value)}，较${prevLabel}（${fmt(previous)}）变差，未体现"${ind.target.text}"`,
    };
  }

  const goal = g.goal;
  const unit = ind.unit && ind.unit !== '-' ? ind.unit : '';
  const v = `${year}年值${fmt(value)}${unit}`;
  if (meets(value, goal.value, goal.sense)) {
    return { ...base, target: goal.value, expected: null, status: '达标', reason: `${v}，已达到目标（${goal.text}）` };
  }
  if (final) {
    return { ...base, target: goal.value, expected: null, status: '未达标', reason: `${v}，未达到${period.end}年目标（${goal.text}）` };
  }

  // 序时进度: the straight line from the reference point to the goal at the end of the period.
  let refYear = period.baseline;
  let refValue = ind.baseline.value;
  let refNote = '';
  if (refValue === null) {
    const first = [...values]
      .filter((x) => x.value !== null && x.year > period.baseline && x.year <= year)
      .sort((a, b) => a.year - b.year)[0];
    if (first && first.value !== null) {
      refYear = first.year;
      refValue = first.value;
      refNote = `（无基准值，以${refYear}年值为起点）`;
    }
  }
  if (refValue === null || refYear >= period.end) {
    return { ...base, target: goal.value, expected: null, status: '滞后', reason: `${v}，尚未达到目标（${goal.text}）` };
  }
  const expected = refValue + ((goal.value - refValue) * (year - refYear)) / (period.end - refYear);
  if (meets(value, expected, goal.sense)) {
    return {
      ...base,
      target: goal.value,
      expected,
      status: '序时达标',
      reason: `${v}，达到序时进度${fmt(expected)}${refNote}，目标${goal.text}`,
    };
  }
  return {
    ...base,
    target: goal.value,
    expected,
    status: '滞后',
    reason: `${v}，落后于序时进度${fmt(expected)}${refNote}，目标${goal.text}`,
  };
}

/** Counts of indicators by status. */
export type StatusCounts = Record<Status, number>;

function countStatuses(items: readonly IndicatorAssessment[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const it of items) counts[it.status] += 1;
  return counts;
}

/** An early warning: a binding indicator behind schedule or not met. */
export interface EarlyWarning {
  seq: number;
  name: string;
  status: Status;
  reason: string;
}

/** The assessment of a whole plan in one year, for one stage. */
export interface PlanAssessment {
  region: { code: string; name: string };
  stage: Stage;
  stageName: string;
  year: number;
  /** Binding indicators first, then expected ones, each in plan order. */
  indicators: IndicatorAssessment[];
  summary: {
    total: number;
    byStatus: StatusCounts;
    binding: { total: number; byStatus: StatusCounts };
    expected: { total: number; byStatus: StatusCounts };
    /** Share of indicators met or on schedule among those that could be judged (not 无数据 / 待定), in %. */
    onTrackRate: number | null;
  };
  warnings: EarlyWarning[];
}

/** The year a stage is assessed in, when the caller gives none. */
export function defaultYearFor(plan: Pick<Plan, 'period'>, stage: Stage, today: Date = new Date()): number {
  if (stage === 'midterm') return midtermYear(plan);
  if (stage === 'final') return plan.period.end;
  return Math.min(plan.period.end, Math.max(plan.period.start, today.getUTCFullYear() - 1));
}

/** Checks that a year fits the stage and the period; returns a Chinese message when it does not. */
export function checkStageYear(plan: Pick<Plan, 'period'>, stage: Stage, year: number): string | null {
  const { start, end } = plan.period;
  if (year < start || year > end) return `年份 ${year} 不在规划期 ${start}–${end} 内`;
  if (stage === 'midterm' && year !== midtermYear(plan)) return `中期评估年份应为 ${midtermYear(plan)} 年`;
  if (stage === 'final' && year !== end) return `终期考核年份应为 ${end} 年`;
  return null;
}

/** Inputs to assess a plan: the values by indicator seq, and the city's assignments by seq. */
export interface PlanAssessmentInput {
  values: ReadonlyMap<number, readonly YearValue[]>;
  assignments: ReadonlyMap<number, TargetAssignment>;
}

/** Assesses all indicators of a plan in one year and rolls them up for a stage. */
export function assessPlan(plan: Plan, input: PlanAssessmentInput, year: number, stage: Stage): PlanAssessment {
  const results = plan.indicators.map((ind) =>
    assessIndicator(ind, plan.period, input.values.get(ind.seq) ?? [], year, input.assignments.get(ind.seq)),
  );
  const binding = results.filter((r) => r.binding);
  const expected = results.filter((r) => !r.binding);
  const judged = results.filter((r) => r.status !== '无数据' && r.status !== '待定');
  const onTrack = judged.filter((r) => r.status === '达标' || r.status === '序时达标').length;
  return {
    region: { code: plan.region.code, name: plan.region.name },
    stage,
    stageName: STAGE_ZH[stage],
    year,
    indicators: [...binding, ...expected],
    summary: {
      total: results.length,
      byStatus: countStatuses(results),
      binding: { total: binding.length, byStatus: countStatuses(binding) },
      expected: { total: expected.length, byStatus: countStatuses(expected) },
      onTrackRate: judged.length ? Math.round((onTrack / judged.length) * 1000) / 10 : null,
    },
    warnings: binding
      .filter((r) => r.status === '滞后' || r.status === '未达标')
      .map((r) => ({ seq: r.seq, name: r.name, status: r.status, reason: r.reason })),
  };
}
