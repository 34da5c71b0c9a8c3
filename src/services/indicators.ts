/**
 * Indicator use cases: record yearly values (with provenance and history), set the city's assigned targets,
 * read an indicator's history, and assess a plan.
 */
import type { Actor } from '../domain/access.js';
import { actorName } from '../domain/access.js';
import {
  assessIndicator,
  assessPlan,
  checkStageYear,
  defaultYearFor,
  type IndicatorAssessment,
  type PlanAssessment,
  type Stage,
  type TargetAssignment,
  type YearValue,
} from '../domain/assessment.js';
import { EcoplanError } from '../domain/errors.js';
import { Indicator, type Plan } from '../domain/plan-schema.js';
import {
  currentAssignments,
  currentValues,
  currentValuesAllBases,
  findIndicator,
  recordAssignment,
  recordValue,
  restatedValueRows,
  StaleValueError,
  valueHistory,
  type Executor,
} from '../store/plans-repo.js';
import type { IndicatorRow } from '../store/schema.js';
import { loadPlan, loadPlanFor, requireAccess, write, type ServiceContext } from './context.js';

/** A value to record for an indicator. */
export interface ValueInput {
  region: string;
  seq: number;
  year: number;
  value: number | null;
  judgement?: 'met' | 'notMet' | null;
  note?: string | null;
  basis?: string;
  source?: { kind: 'manual' | 'import' | 'computed'; ref: string | null; standard?: string | null };
  /** The id of the value the editor saw (null: there was none); a different current value gets a conflict. */
  replaces?: number | null;
}

function invalid(zh: string, en: string, field?: string): EcoplanError {
  return new EcoplanError('invalid_input', zh, en, [{ path: field, message: zh }]);
}

/** Checks a value against its indicator and the plan period; throws invalid_input with the field named. */
export function validateValue(plan: Plan, ind: Indicator, v: ValueInput): void {
  const { baseline, end } = plan.period;
  if (!Number.isInteger(v.year) || v.year < baseline || v.year > end) {
    throw invalid(`年份应为 ${baseline}–${end} 之间的整数（收到 ${v.year}）`, `Year must be an integer from ${baseline} to ${end}`, 'year');
  }
  if (ind.target.kind === 'qualitative') {
    if (!v.judgement) throw invalid(`指标 ${ind.seq}「${ind.name}」为定性目标，请录入评判结论（达到/未达到）`, 'A qualitative target needs a judgement (met/notMet)', 'judgement');
    return;
  }
  if (v.value === null || !Number.isFinite(v.value)) {
    throw invalid(`指标 ${ind.seq}「${ind.name}」的数值应为数字`, 'The value must be a number', 'value');
  }
  if (ind.unit === '%' && (v.value < -100 || v.value > 100)) {
    throw invalid(`指标 ${ind.seq}「${ind.name}」单位为 %，数值应在 -100 到 100 之间（收到 ${v.value}）`, 'A percentage must lie between -100 and 100', 'value');
  }
  if (v.note && v.note.length > 2000) throw invalid('备注不能超过 2000 字', 'The note is limited to 2000 characters', 'note');
}

async function indicatorOf(db: Executor, planId: number, seq: number, region: string): Promise<IndicatorRow> {
  const row = await findIndicator(db, planId, seq);
  if (!row) throw new EcoplanError('not_found', `地区 ${region} 的规划没有序号为 ${seq} 的指标`, `No indicator ${seq} in the plan of ${region}`);
  return row;
}

/** The values and assignment of one indicator, as the assessment needs them. */
async function assessmentInputs(db: Executor, planId: number) {
  const [values, assignments] = await Promise.all([currentValues(db, planId), currentAssignments(db, planId)]);
  const bySeq = new Map<number, YearValue[]>();
  for (const v of values) {
    const list = bySeq.get(v.seq) ?? [];
    list.push({ year: v.year, value: v.value, judgement: (v.judgement as YearValue['judgement']) ?? null });
    bySeq.set(v.seq, list);
  }
  const assigned = new Map<number, TargetAssignment>(
    assignments.map((a) => [
      a.seq,
      { kind: a.kind as TargetAssignment['kind'], value: a.value, assignedBy: a.assigned_by, assignedOn: a.assigned_on, document: a.document },
    ]),
  );
  return { values: bySeq, assignments: assigned };
}

/**
 * Records a yearly value (a correction supersedes the earlier value; both are kept) and returns the
 * indicator's assessment for that year with the new value.
 */
export async function setValue(ctx: ServiceContext, actor: Actor, v: ValueInput): Promise<IndicatorAssessment> {
  const { row, plan, resource } = await loadPlan(ctx.db.kysely, v.region);
  const indRow = await indicatorOf(ctx.db.kysely, row.id, v.seq, v.region);
  await requireAccess(ctx, actor, 'value.write', { ...resource, unit: indRow.responsible_unit }, `indicator:${v.region}/${v.seq}`);
  const ind = Indicator.parse(JSON.parse(indRow.definition));
  validateValue(plan, ind, v);
  const basis = v.basis ?? 'plan';
  await write(ctx, actor, async (trx, audit, at) => {
    const old = await recordValue(trx, {
      replaces: v.replaces,
      indicatorId: indRow.id,
      year: v.year,
      basis,
      value: ind.target.kind === 'qualitative' ? v.value ?? null : v.value,
      judgement: v.judgement ?? null,
      note: v.note ?? null,
      sourceKind: v.source?.kind ?? 'manual',
      sourceRef: v.source?.ref ?? null,
      standard: v.source?.standard ?? null,
      recordedBy: actorName(actor),
      at,
    }).catch((e: unknown) => {
      if (e instanceof StaleValueError) {
        throw new EcoplanError('conflict', `${v.year}年的数值已被他人修改，请刷新后重试`, 'The value was changed by someone else', [], { current: e.current ? valueView(e.current) : null });
      }
      throw e;
    });
    await audit({
      action: 'value.set',
      target: `indicator:${v.region}/${v.seq}/${v.year}/${basis}`,
      outcome: 'success',
      before: old ? { value: old.value, judgement: old.judgement, note: old.note } : null,
      after: { value: v.value, judgement: v.judgement ?? null, note: v.note ?? null, source: v.source?.kind ?? 'manual' },
    });
  });
  const inputs = await assessmentInputs(ctx.db.kysely, row.id);
  return assessIndicator(ind, plan.period, inputs.values.get(v.seq) ?? [], v.year, inputs.assignments.get(v.seq));
}

/** Records many values in one transaction: all or nothing. Each item is validated first; any problem rejects the whole set. */
export async function setValues(ctx: ServiceContext, actor: Actor, items: ValueInput[], source: { kind: 'import' | 'computed'; ref: string; standard?: string | null }): Promise<number> {
  const issues: { row?: number; message: string }[] = [];
  const prepared: { indicatorId: number; v: ValueInput; ind: Indicator }[] = [];
  const plans = new Map<string, Awaited<ReturnType<typeof loadPlan>>>();
  for (const [i, v] of items.entries()) {
    try {
      let loaded = plans.get(v.region);
      if (!loaded) {
        loaded = await loadPlan(ctx.db.kysely, v.region);
        plans.set(v.region, loaded);
      }
      const indRow = await indicatorOf(ctx.db.kysely, loaded.row.id, v.seq, v.region);
      await requireAccess(ctx, actor, 'value.write', { ...loaded.resource, unit: indRow.responsible_unit }, `indicator:${v.region}/${v.seq}`);
      const ind = Indicator.parse(JSON.parse(indRow.definition));
      validateValue(loaded.plan, ind, v);
      prepared.push({ indicatorId: indRow.id, v, ind });
    } catch (e) {
      if (e instanceof EcoplanError && e.code === 'forbidden') throw e;
      issues.push({ row: i + 1, message: e instanceof EcoplanError ? e.messageZh : String(e) });
    }
  }
  if (issues.length) {
    throw new EcoplanError('invalid_input', `有 ${issues.length} 行数据有误，未写入任何数据`, `${issues.length} rows are invalid; nothing was written`, issues.map((x) => ({ file: source.ref, row: x.row, message: x.message })));
  }
  await write(ctx, actor, async (trx, audit, at) => {
    for (const { indicatorId, v } of prepared) {
      await recordValue(trx, {
        indicatorId,
        year: v.year,
        basis: v.basis ?? 'plan',
        value: v.value,
        judgement: v.judgement ?? null,
        note: v.note ?? null,
        sourceKind: source.kind,
        sourceRef: source.ref,
        standard: source.standard ?? null,
        recordedBy: actorName(actor),
        at,
      });
    }
    await audit({ action: 'value.import', target: `file:${source.ref}`, outcome: 'success', after: { rows: prepared.length, regions: [...plans.keys()] } });
  });
  return prepared.length;
}

/** The city's value for a 完成市定目标 indicator. */
export interface AssignmentInput {
  region: string;
  seq: number;
  kind: TargetAssignment['kind'];
  value: number;
  assignedBy: string;
  assignedOn: string;
  document: string;
}

/** Records the value the city set for an assigned target (市级审核 only). */
export async function assignTarget(ctx: ServiceContext, actor: Actor, a: AssignmentInput): Promise<void> {
  const { row, resource } = await loadPlan(ctx.db.kysely, a.region);
  const indRow = await indicatorOf(ctx.db.kysely, row.id, a.seq, a.region);
  await requireAccess(ctx, actor, 'target.assign', resource, `indicator:${a.region}/${a.seq}`);
  if (indRow.target_kind !== 'assigned') {
    throw invalid(`指标 ${a.seq}「${indRow.name}」的目标不是"完成市定目标"，不能下达市定值`, 'Only assigned (市定) targets take a city value', 'seq');
  }
  if (!Number.isFinite(a.value)) throw invalid('市定目标值应为数字', 'The assigned value must be a number', 'value');
  if (a.kind === 'reduceBy' && (a.value <= 0 || a.value > 100)) throw invalid('下降比例应在 0–100 之间', 'A reduction is a percentage between 0 and 100', 'value');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.assignedOn)) throw invalid('下达日期应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD', 'assignedOn');
  if (!a.assignedBy.trim() || !a.document.trim()) throw invalid('请填写下达单位和文件', 'Who assigned it and the document are required', 'document');
  await write(ctx, actor, async (trx, audit, at) => {
    const old = await recordAssignment(trx, { indicatorId: indRow.id, kind: a.kind, value: a.value, assignedBy: a.assignedBy, assignedOn: a.assignedOn, document: a.document, recordedBy: actorName(actor), at });
    await audit({
      action: 'target.assign',
      target: `indicator:${a.region}/${a.seq}`,
      outcome: 'success',
      before: old ? { kind: old.kind, value: old.value, document: old.document } : null,
      after: { kind: a.kind, value: a.value, assignedBy: a.assignedBy, assignedOn: a.assignedOn, document: a.document },
    });
  });
}

/** One indicator with its values (all bases), history with provenance, and its status in each year of the period. */
export async function indicatorDetail(ctx: ServiceContext, actor: Actor, region: string, seq: number) {
  const { row, plan } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const indRow = await indicatorOf(ctx.db.kysely, row.id, seq, region);
  const ind = Indicator.parse(JSON.parse(indRow.definition));
  const [current, history, inputs] = await Promise.all([
    currentValuesAllBases(ctx.db.kysely, indRow.id),
    valueHistory(ctx.db.kysely, indRow.id),
    assessmentInputs(ctx.db.kysely, row.id),
  ]);
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  const values = inputs.values.get(seq) ?? [];
  const assignment = inputs.assignments.get(seq);
  return {
    indicator: { ...ind, responsibleUnit: indRow.responsible_unit ?? ind.responsibleUnit },
    assignment: assignment ?? null,
    period: plan.period,
    byYear: years.map((y) => assessIndicator(ind, plan.period, values, y, assignment)),
    values: current.map(valueView),
    history: history.map(valueView),
  };
}

function valueView(v: Awaited<ReturnType<typeof valueHistory>>[number]) {
  return {
    id: v.id,
    year: v.year,
    basis: v.basis,
    value: v.value,
    judgement: v.judgement,
    note: v.note,
    source: { kind: v.source_kind, ref: v.source_ref, standard: v.standard },
    recordedBy: v.recorded_by,
    recordedAt: v.recorded_at,
    supersededAt: v.superseded_at,
  };
}

/** Assesses a plan for a stage and year (the stage's year by default). */
export async function assess(ctx: ServiceContext, actor: Actor, region: string, stage: Stage, year?: number): Promise<PlanAssessment> {
  const { row, plan } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const y = year ?? defaultYearFor(plan, stage, ctx.now());
  const problem = checkStageYear(plan, stage, y);
  if (problem) throw invalid(problem, `The year does not fit the ${stage} stage or the plan period`, 'year');
  const inputs = await assessmentInputs(ctx.db.kysely, row.id);
  return assessPlan(plan, inputs, y, stage);
}

/** Values of a plan's indicators restated under another basis (e.g. GB3095-2026), beside the plan values. */
export async function restatedValues(ctx: ServiceContext, actor: Actor, region: string) {
  const { row } = await loadPlanFor(ctx, actor, region, 'plan.read');
  return restatedValueRows(ctx.db.kysely, row.id);
}
