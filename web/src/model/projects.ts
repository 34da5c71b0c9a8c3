/**
 * Project library rules for the screens: filters, the checks of the yearly investment and rolling
 * adjustment forms (as src/services/projects.ts checks them), and what an adjustment changed.
 */
import type { ChangeKind, ProjectFieldsInput, ProjectItem, ProjectStatus, ScheduleLight } from '../api.js';
import type { MessageKey } from '../i18n.js';
import type { FieldProblem } from './indicators.js';
import type { Period } from './plan.js';

/** The filters of the project table. */
export interface ProjectFilter {
  category?: string;
  light?: ScheduleLight;
  status?: ProjectStatus;
  text?: string;
}

/** Keeps the projects that pass the filters; `text` matches name, location, lead unit and content. */
export function filterProjects(rows: readonly ProjectItem[], f: ProjectFilter): ProjectItem[] {
  const q = f.text?.trim().toLowerCase() ?? '';
  return rows.filter(
    (p) =>
      (f.category === undefined || p.category === f.category) &&
      (f.light === undefined || p.light === f.light) &&
      (f.status === undefined || p.status === f.status) &&
      (!q || [p.name, p.location, p.leadUnit ?? '', p.content].some((s) => s.toLowerCase().includes(q))),
  );
}

/** What the yearly investment form holds. */
export interface InvestmentForm {
  year: number | null;
  invested: number | null;
  progress: number | null;
}

/** Checks a yearly investment: a year from the start of the period to five years after its end, an amount ≥ 0, progress 0–100. */
export function checkInvestmentForm(period: Period, f: InvestmentForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.year === null || !Number.isInteger(f.year) || f.year < period.start || f.year > period.end + 5) {
    problems.push({ field: 'year', key: 'yearOutOfRange', vars: { min: period.start, max: period.end + 5 } });
  }
  if (f.invested === null || !Number.isFinite(f.invested) || f.invested < 0) problems.push({ field: 'invested', key: 'investedNonNegative' });
  if (f.progress !== null && (!Number.isFinite(f.progress) || f.progress < 0 || f.progress > 100)) problems.push({ field: 'progress', key: 'progressRange' });
  return problems;
}

/** What the adjustment form holds. */
export interface AdjustmentForm {
  kind: ChangeKind;
  reason: string;
  decidedOn: string;
  fields: ProjectFieldsInput;
}

/** Checks an adjustment: a reason, a date, for 调入 the required fields, for 调整 at least one field, sensible years and amount. */
export function checkAdjustmentForm(f: AdjustmentForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!f.reason.trim()) problems.push({ field: 'reason', key: 'reasonRequired' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.decidedOn)) problems.push({ field: 'decidedOn', key: 'required' });
  const x = f.fields;
  if (f.kind === '调入') {
    for (const k of ['category', 'name', 'startYear', 'endYear', 'investment'] as const) {
      if (x[k] === undefined || x[k] === '' || x[k] === null) problems.push({ field: k, key: 'required' });
    }
  }
  if (f.kind === '调整' && Object.values(x).every((v) => v === undefined)) problems.push({ field: 'fields', key: 'changeAtLeastOne' });
  for (const k of ['startYear', 'endYear'] as const) {
    const v = x[k];
    if (v !== undefined && (!Number.isInteger(v) || v < 2000 || v > 2100)) problems.push({ field: k, key: 'yearOutOfRange', vars: { min: 2000, max: 2100 } });
  }
  if (x.startYear !== undefined && x.endYear !== undefined && x.endYear < x.startYear) problems.push({ field: 'endYear', key: 'endBeforeStart' });
  if (x.investment !== undefined && (!Number.isFinite(x.investment) || x.investment < 0)) problems.push({ field: 'investment', key: 'investedNonNegative' });
  return problems;
}

/** The fields an adjustment form changed against the project as it is (only those that differ). */
export function changedFields(p: ProjectItem, edited: ProjectFieldsInput): ProjectFieldsInput {
  const out: ProjectFieldsInput = {};
  const cur: Required<ProjectFieldsInput> = {
    category: p.category,
    name: p.name,
    location: p.location,
    startYear: p.startYear,
    endYear: p.endYear,
    content: p.content,
    investment: p.investment,
    leadUnit: p.leadUnit,
  };
  for (const k of Object.keys(cur) as (keyof ProjectFieldsInput)[]) {
    const v = edited[k];
    if (v === undefined) continue;
    const normal = typeof v === 'string' && k === 'leadUnit' && v.trim() === '' ? null : v;
    if (normal !== cur[k]) (out as Record<string, unknown>)[k] = normal;
  }
  return out;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  category: 'category',
  name: 'projectName',
  location: 'location',
  start_year: 'startYear',
  startYear: 'startYear',
  end_year: 'endYear',
  endYear: 'endYear',
  content: 'content',
  investment: 'investmentWan',
  lead_unit: 'leadUnit',
  leadUnit: 'leadUnit',
  status: 'projectStatus',
};

/** The label of a project field as a recorded change names it (stored snake_case or the form's camelCase). */
export function fieldLabelKey(field: string): MessageKey | null {
  return FIELD_LABELS[field] ?? null;
}

/** The differences between the before and after of a recorded change: [field, before, after]. */
export function changeDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): [string, unknown, unknown][] {
  if (!after) return [];
  const keys = Object.keys(after).filter((k) => k !== 'kind' && k !== 'reason');
  return keys.filter((k) => !before || before[k] !== after[k]).map((k) => [k, before ? before[k] : undefined, after[k]]);
}
