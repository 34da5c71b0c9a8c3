/**
 * SQL for plans, indicators, values, assignments and commitments. The only place these tables are written.
 * Every function takes the executor (the database or an open transaction) first.
 */
import type { Kysely } from 'kysely';
import type { Database, IndicatorRow, IndicatorValueRow, PlanRow, CommitmentRow } from './schema.js';
import type { Plan } from '../domain/plan-schema.js';

/** The database or an open transaction. */
export type Executor = Kysely<Database>;

/** Current time as an ISO-8601 UTC string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Inserts a region if missing; updates its names otherwise. */
export async function upsertRegion(db: Executor, plan: Plan): Promise<void> {
  const r = plan.region;
  const row = {
    code: r.code,
    name: r.name,
    full_name: r.fullName ?? `${r.city.name}${r.name}`,
    city_code: r.city.code,
    city_name: r.city.name,
    province_code: r.province.code,
    province_name: r.province.name,
  };
  const existing = await db.selectFrom('regions').select('code').where('code', '=', r.code).executeTakeFirst();
  if (existing) await db.updateTable('regions').set(row).where('code', '=', r.code).execute();
  else await db.insertInto('regions').values(row).execute();
}

/** Inserts a plan with its indicators, projects and commitments; returns the plan id. */
export async function insertPlan(db: Executor, plan: Plan, sourceFile: string, at: string): Promise<number> {
  await upsertRegion(db, plan);
  const inserted = await db
    .insertInto('plans')
    .values({
      region_code: plan.region.code,
      title: plan.title,
      period_start: plan.period.start,
      period_end: plan.period.end,
      baseline_year: plan.period.baseline,
      midterm_year: plan.period.midterm ?? plan.period.start + 2,
      document: JSON.stringify(plan),
      source_file: sourceFile,
      loaded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const planId = inserted.id;
  for (const ind of plan.indicators) {
    await db
      .insertInto('indicators')
      .values({
        plan_id: planId,
        seq: ind.seq,
        category: ind.category,
        name: ind.name,
        unit: ind.unit,
        binding: ind.binding ? 1 : 0,
        target_kind: ind.target.kind,
        definition: JSON.stringify(ind),
        responsible_unit: ind.responsibleUnit ?? null,
        row_version: 1,
      })
      .execute();
  }
  for (const p of plan.projects) {
    await db
      .insertInto('projects')
      .values({
        plan_id: planId,
        seq: p.seq,
        code: p.code ?? null,
        category: p.category,
        name: p.name,
        location: p.location,
        start_year: p.startYear,
        end_year: p.endYear,
        content: p.content,
        investment: p.investment,
        lead_unit: p.leadUnit ?? null,
        status: '未开工',
        origin: 'plan',
        flags: JSON.stringify(p.flags),
        row_version: 1,
        updated_at: at,
      })
      .execute();
  }
  for (const c of plan.commitments) {
    await db
      .insertInto('commitments')
      .values({
        plan_id: planId,
        seq: c.seq,
        section: c.section,
        text: c.text,
        action: c.action,
        deadline: c.deadline,
        deadline_text: c.deadlineText,
        target_text: c.targetText ?? null,
        lead_unit: c.leadUnit ?? null,
        started: 0,
        done: 0,
        row_version: 1,
      })
      .execute();
  }
  return planId;
}

/** All plans with their region names. */
export async function listPlans(db: Executor) {
  return db
    .selectFrom('plans')
    .innerJoin('regions', 'regions.code', 'plans.region_code')
    .select([
      'plans.id',
      'plans.region_code',
      'plans.title',
      'plans.period_start',
      'plans.period_end',
      'plans.baseline_year',
      'plans.midterm_year',
      'regions.name as region_name',
      'regions.full_name',
      'regions.city_code',
      'regions.city_name',
    ])
    .orderBy('plans.region_code')
    .execute();
}

/** The plan of a region, or undefined. */
export async function findPlanByRegion(db: Executor, regionCode: string): Promise<(PlanRow & { city_code: string }) | undefined> {
  return db
    .selectFrom('plans')
    .innerJoin('regions', 'regions.code', 'plans.region_code')
    .selectAll('plans')
    .select('regions.city_code')
    .where('plans.region_code', '=', regionCode)
    .executeTakeFirst();
}

/** The indicators of a plan in seq order. */
export async function listIndicators(db: Executor, planId: number): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

/** One indicator of a plan by seq. */
export async function findIndicator(db: Executor, planId: number, seq: number): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('plan_id', '=', planId).where('seq', '=', seq).executeTakeFirst();
}

/** Current (not superseded) values of all indicators of a plan for a basis. */
export async function currentValues(db: Executor, planId: number, basis = 'plan'): Promise<(IndicatorValueRow & { seq: number })[]> {
  return db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .selectAll('indicator_values')
    .select('indicators.seq')
    .where('indicators.plan_id', '=', planId)
    .where('indicator_values.basis', '=', basis)
    .where('indicator_values.superseded_at', 'is', null)
    .orderBy('indicators.seq')
    .orderBy('indicator_values.year')
    .execute();
}

/** Current values of every basis (plan values and restatements) for one indicator. */
export async function currentValuesAllBases(db: Executor, indicatorId: number): Promise<IndicatorValueRow[]> {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('superseded_at', 'is', null)
    .orderBy('year')
    .orderBy('basis')
    .execute();
}

/** Every value ever recorded for one indicator, newest first (the history with provenance). */
export async function valueHistory(db: Executor, indicatorId: number): Promise<IndicatorValueRow[]> {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A value to record. */
export interface NewValue {
  indicatorId: number;
  year: number;
  basis: string;
  value: number | null;
  judgement: string | null;
  note: string | null;
  sourceKind: 'manual' | 'import' | 'computed';
  sourceRef: string | null;
  standard: string | null;
  recordedBy: string;
  at: string;
  /** The id of the current row the writer saw (null: none); when given and different, nothing is written. */
  replaces?: number | null;
}

/** Thrown by recordValue when the current value is not the one the writer saw. */
export class StaleValueError extends Error {
  constructor(readonly current: IndicatorValueRow | undefined) {
    super('stale value');
  }
}

/** Records a value: supersedes the current one for the same indicator, year and basis. Returns the old row. */
export async function recordValue(db: Executor, v: NewValue): Promise<IndicatorValueRow | undefined> {
  const old = await db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', v.indicatorId)
    .where('year', '=', v.year)
    .where('basis', '=', v.basis)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (v.replaces !== undefined && (old?.id ?? null) !== v.replaces) throw new StaleValueError(old);
  if (old) await db.updateTable('indicator_values').set({ superseded_at: v.at }).where('id', '=', old.id).execute();
  await db
    .insertInto('indicator_values')
    .values({
      indicator_id: v.indicatorId,
      year: v.year,
      basis: v.basis,
      value: v.value,
      judgement: v.judgement,
      note: v.note,
      source_kind: v.sourceKind,
      source_ref: v.sourceRef,
      standard: v.standard,
      recorded_by: v.recordedBy,
      recorded_at: v.at,
      superseded_at: null,
    })
    .execute();
  return old;
}

/** Current target assignments of a plan's indicators. */
export async function currentAssignments(db: Executor, planId: number) {
  return db
    .selectFrom('target_assignments')
    .innerJoin('indicators', 'indicators.id', 'target_assignments.indicator_id')
    .selectAll('target_assignments')
    .select('indicators.seq')
    .where('indicators.plan_id', '=', planId)
    .where('target_assignments.superseded_at', 'is', null)
    .execute();
}

/** Records the city's value for an assigned target, superseding any earlier one. */
export async function recordAssignment(
  db: Executor,
  a: { indicatorId: number; kind: string; value: number; assignedBy: string; assignedOn: string; document: string; recordedBy: string; at: string },
) {
  const old = await db
    .selectFrom('target_assignments')
    .selectAll()
    .where('indicator_id', '=', a.indicatorId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (old) await db.updateTable('target_assignments').set({ superseded_at: a.at }).where('id', '=', old.id).execute();
  await db
    .insertInto('target_assignments')
    .values({
      indicator_id: a.indicatorId,
      kind: a.kind,
      value: a.value,
      assigned_by: a.assignedBy,
      assigned_on: a.assignedOn,
      document: a.document,
      recorded_by: a.recordedBy,
      recorded_at: a.at,
      superseded_at: null,
    })
    .execute();
  return old;
}

/** The commitments of a plan in seq order. */
export async function listCommitments(db: Executor, planId: number): Promise<CommitmentRow[]> {
  return db.selectFrom('commitments').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

/** Updates a commitment's progress if its row version still matches; returns false on a stale version. */
export async function updateCommitment(
  db: Executor,
  id: number,
  expectedVersion: number,
  set: { started: number; done: number; done_on: string | null; evidence: string | null; lead_unit: string | null; updated_by: string; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('commitments')
    .set({ ...set, row_version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('row_version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Current values of a plan's indicators under bases other than 'plan' (restatements under another standard). */
export async function restatedValueRows(db: Executor, planId: number) {
  return db
    .selectFrom('indicator_values')
    .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
    .select(['indicators.seq', 'indicator_values.year', 'indicator_values.basis', 'indicator_values.value', 'indicator_values.standard'])
    .where('indicators.plan_id', '=', planId)
    .where('indicator_values.superseded_at', 'is', null)
    .where('indicator_values.basis', '!=', 'plan')
    .orderBy('indicators.seq')
    .orderBy('indicator_values.year')
    .execute();
}
