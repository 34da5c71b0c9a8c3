/**
 * Indicator table rules: filters, the merged category cells of the printed table, and the checks of the
 * data-entry and assigned-target forms (the same rules as src/services/indicators.ts, so most mistakes are
 * caught before a round trip; the server still checks).
 */
import type { Indicator, IndicatorAssessment, Status } from '../api.js';
import type { MessageKey } from '../i18n.js';
import type { Period } from './plan.js';

/** A row of the indicator table. */
export interface IndicatorRow {
  indicator: Indicator;
  latest: IndicatorAssessment | undefined;
}

/** The filters of the indicator table (undefined: all). */
export interface IndicatorFilter {
  category?: string;
  status?: Status;
  attribute?: 'binding' | 'expected';
}

/** Keeps the rows that pass the filters. */
export function filterIndicatorRows(rows: readonly IndicatorRow[], f: IndicatorFilter): IndicatorRow[] {
  return rows.filter(
    (r) =>
      (f.category === undefined || r.indicator.category === f.category) &&
      (f.status === undefined || (r.latest?.status ?? '无数据') === f.status) &&
      (f.attribute === undefined || r.indicator.binding === (f.attribute === 'binding')),
  );
}

/** The categories in the order the plan prints them. */
export function categoriesOf(indicators: readonly Pick<Indicator, 'category'>[]): string[] {
  return [...new Set(indicators.map((i) => i.category))];
}

/**
 * Row spans of a column whose equal consecutive values are printed as one merged cell: the first row of a
 * run gets the run's length, the others 0.
 */
export function mergedSpans<T>(rows: readonly T[], key: (row: T) => string): number[] {
  const spans = rows.map(() => 0);
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    while (j < rows.length && key(rows[j] as T) === key(rows[i] as T)) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** A form problem: the field and the message key (with its values). */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** What the data-entry form holds. */
export interface ValueForm {
  year: number | null;
  value: number | string | null;
  judgement: 'met' | 'notMet' | null;
  note: string;
}

/** Checks a value before it is sent (year in baseline..end; a number, -100..100 for %; a judgement for qualitative targets). */
export function checkValueForm(ind: Pick<Indicator, 'target' | 'unit'>, period: Period, f: ValueForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.year === null || !Number.isInteger(f.year) || f.year < period.baseline || f.year > period.end) {
    problems.push({ field: 'year', key: 'yearOutOfRange', vars: { min: period.baseline, max: period.end } });
  }
  if (ind.target.kind === 'qualitative') {
    if (!f.judgement) problems.push({ field: 'judgement', key: 'judgementRequired' });
  } else if (f.value === null || f.value === '') {
    problems.push({ field: 'value', key: 'valueRequired' });
  } else {
    const n = typeof f.value === 'number' ? f.value : Number(String(f.value).replace(/,/g, ''));
    if (!Number.isFinite(n)) problems.push({ field: 'value', key: 'valueNotNumber' });
    else if (ind.unit === '%' && (n < -100 || n > 100)) problems.push({ field: 'value', key: 'percentRange' });
  }
  if (f.note.length > 2000) problems.push({ field: 'note', key: 'noteTooLong' });
  return problems;
}

/** What the assigned-target form holds. */
export interface AssignmentForm {
  kind: 'atLeast' | 'atMost' | 'reduceBy';
  value: number | null;
  assignedBy: string;
  assignedOn: string;
  document: string;
}

/** Checks a city assignment before it is sent. */
export function checkAssignmentForm(f: AssignmentForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.value === null || !Number.isFinite(f.value)) problems.push({ field: 'value', key: 'valueRequired' });
  else if (f.kind === 'reduceBy' && (f.value <= 0 || f.value > 100)) problems.push({ field: 'value', key: 'reduceRange' });
  if (!f.assignedBy.trim()) problems.push({ field: 'assignedBy', key: 'required' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.assignedOn)) problems.push({ field: 'assignedOn', key: 'required' });
  if (!f.document.trim()) problems.push({ field: 'document', key: 'required' });
  return problems;
}

/** The numeric goal a trend chart draws: the target of the last year that has one, unless the goal moves each year (稳中向好). */
export function chartGoal(ind: Pick<Indicator, 'target'>, byYear: readonly Pick<IndicatorAssessment, 'target'>[]): number | null {
  if (ind.target.kind === 'improving' || ind.target.kind === 'qualitative') return null;
  for (let i = byYear.length - 1; i >= 0; i--) {
    const t = byYear[i]?.target;
    if (t !== null && t !== undefined) return t;
  }
  return null;
}
