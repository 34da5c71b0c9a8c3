/**
 * Rules of the key project library (重点项目库): statuses, the schedule light, rolling adjustments and the
 * investment summaries. Pure: no I/O. Method written down in docs/assessment.md (项目进度).
 */

/** A project's status. */
export const PROJECT_STATUSES = ['未开工', '在建', '完工', '取消', '调出'] as const;
/** A project's status. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The kinds of rolling adjustment (滚动管理). */
export const CHANGE_KINDS = ['调入', '调出', '调整'] as const;
/** A kind of rolling adjustment: add a project, take one out, or change its fields. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The schedule lights of a project. */
export const LIGHTS = ['正常', '滞后', '逾期', '已完工', '未到开工期', '不适用'] as const;
/** The schedule light of a project in a year. */
export type ScheduleLight = (typeof LIGHTS)[number];

/** English names of the schedule lights. */
export const LIGHT_EN: Record<ScheduleLight, string> = {
  正常: 'On schedule',
  滞后: 'Behind',
  逾期: 'Overdue',
  已完工: 'Completed',
  未到开工期: 'Not yet due',
  不适用: 'Not applicable',
};

/** What the schedule light needs to know of a project. */
export interface ProjectScheduleInput {
  status: ProjectStatus;
  startYear: number;
  endYear: number;
  investment: number;
  /** Invested amounts by year (万元). */
  invested: ReadonlyMap<number, number>;
}

/** Share of the period from start to end year (inclusive) that has passed by the end of `year`, 0..1. */
export function timeShare(startYear: number, endYear: number, year: number): number {
  if (year < startYear) return 0;
  const years = endYear - startYear + 1;
  return Math.min(1, (year - startYear + 1) / years);
}

/** Cumulative amount invested up to and including `year`. */
export function investedThrough(invested: ReadonlyMap<number, number>, year: number): number {
  let sum = 0;
  for (const [y, amount] of invested) if (y <= year) sum += amount;
  return sum;
}

/** A project is behind when its invested share is below this fraction of the time share. */
export const BEHIND_THRESHOLD = 0.8;

/**
 * The schedule light of a project at the end of `year`:
 * 已完工 when completed; 不适用 when cancelled or taken out; 逾期 when the end year has passed and it is not
 * completed; 未到开工期 before the start year; 滞后 when it has not started after its start year, or its
 * invested share is below 80% of the time share; 正常 otherwise.
 */
export function scheduleLight(p: ProjectScheduleInput, year: number): { light: ScheduleLight; reason: string } {
  if (p.status === '完工') return { light: '已完工', reason: '项目已完工' };
  if (p.status === '取消' || p.status === '调出') return { light: '不适用', reason: `项目已${p.status}` };
  if (year > p.endYear) return { light: '逾期', reason: `计划${p.endYear}年竣工，至${year}年底尚未完工` };
  if (year < p.startYear) return { light: '未到开工期', reason: `计划${p.startYear}年开工` };
  if (p.status === '未开工') return { light: '滞后', reason: `计划${p.startYear}年开工，至${year}年底尚未开工` };
  const share = timeShare(p.startYear, p.endYear, year);
  const done = p.investment > 0 ? investedThrough(p.invested, year) / p.investment : 1;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  if (done + 1e-9 < share * BEHIND_THRESHOLD) {
    return { light: '滞后', reason: `累计完成投资${pct(done)}，低于序时进度${pct(share)}的80%` };
  }
  return { light: '正常', reason: `累计完成投资${pct(done)}，序时进度${pct(share)}` };
}

/** Planned and invested amounts by category, in the order categories first appear. */
export interface CategorySummary {
  category: string;
  count: number;
  planned: number;
  invested: number;
}

/** Sums projects by category (excluding those taken out or cancelled unless `includeInactive`). */
export function summariseByCategory(
  projects: readonly { category: string; investment: number; status: ProjectStatus; investedTotal: number }[],
  includeInactive = false,
): { categories: CategorySummary[]; total: CategorySummary } {
  const map = new Map<string, CategorySummary>();
  const total: CategorySummary = { category: '合计', count: 0, planned: 0, invested: 0 };
  for (const p of projects) {
    if (!includeInactive && (p.status === '取消' || p.status === '调出')) continue;
    let row = map.get(p.category);
    if (!row) {
      row = { category: p.category, count: 0, planned: 0, invested: 0 };
      map.set(p.category, row);
    }
    row.count += 1;
    row.planned += p.investment;
    row.invested += p.investedTotal;
    total.count += 1;
    total.planned += p.investment;
    total.invested += p.investedTotal;
  }
  return { categories: [...map.values()], total };
}

/** The statuses of a dated commitment. */
export const COMMITMENT_STATUSES = ['未开始', '进行中', '已完成', '逾期', '逾期完成'] as const;
/** The status of a dated commitment on a given day. */
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Works out a commitment's status from its deadline, its recorded progress and the day. */
export function commitmentStatus(
  deadline: string,
  progress: { done: boolean; doneOn?: string | null; started: boolean },
  today: string,
): CommitmentStatus {
  if (progress.done) return progress.doneOn && progress.doneOn > deadline ? '逾期完成' : '已完成';
  if (today > deadline) return '逾期';
  return progress.started ? '进行中' : '未开始';
}
