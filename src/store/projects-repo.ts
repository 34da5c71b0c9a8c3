/**
 * SQL for the project library: projects, yearly investment, rolling adjustments.
 */
import type { Executor } from './plans-repo.js';
import type { ProjectInsert, ProjectRow } from './schema.js';

/** The projects of a plan in seq order. */
export async function listProjects(db: Executor, planId: number): Promise<ProjectRow[]> {
  return db.selectFrom('projects').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

/** One project by its plan and seq. */
export async function findProject(db: Executor, planId: number, seq: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('plan_id', '=', planId).where('seq', '=', seq).executeTakeFirst();
}

/** Current yearly investment rows of all projects of a plan. */
export async function currentProjectYears(db: Executor, planId: number) {
  return db
    .selectFrom('project_years')
    .innerJoin('projects', 'projects.id', 'project_years.project_id')
    .selectAll('project_years')
    .where('projects.plan_id', '=', planId)
    .where('project_years.superseded_at', 'is', null)
    .orderBy('project_years.year')
    .execute();
}

/** Records a project's investment and progress for a year, superseding the current row. Returns the old row. */
export async function recordProjectYear(
  db: Executor,
  v: { projectId: number; year: number; invested: number; progress: number | null; note: string | null; recordedBy: string; at: string },
) {
  const old = await db
    .selectFrom('project_years')
    .selectAll()
    .where('project_id', '=', v.projectId)
    .where('year', '=', v.year)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (old) await db.updateTable('project_years').set({ superseded_at: v.at }).where('id', '=', old.id).execute();
  await db
    .insertInto('project_years')
    .values({
      project_id: v.projectId,
      year: v.year,
      invested: v.invested,
      progress: v.progress,
      note: v.note,
      recorded_by: v.recordedBy,
      recorded_at: v.at,
      superseded_at: null,
    })
    .execute();
  return old;
}

/** Fields of a project that an adjustment or update may change. */
export type ProjectFields = Pick<
  ProjectRow,
  'category' | 'name' | 'location' | 'start_year' | 'end_year' | 'content' | 'investment' | 'lead_unit' | 'status'
>;

/** Updates a project if its row version still matches; returns false on a stale version. */
export async function updateProject(db: Executor, id: number, expectedVersion: number, set: Partial<ProjectFields>, at: string): Promise<boolean> {
  const res = await db
    .updateTable('projects')
    .set({ ...set, row_version: expectedVersion + 1, updated_at: at })
    .where('id', '=', id)
    .where('row_version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Adds a project (调入); returns its id. */
export async function insertProject(db: Executor, row: ProjectInsert): Promise<number> {
  const r = await db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The next free seq of a plan's projects. */
export async function nextProjectSeq(db: Executor, planId: number): Promise<number> {
  const r = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

/** Records a rolling adjustment. */
export async function insertProjectChange(
  db: Executor,
  c: { projectId: number; kind: string; reason: string; before: unknown; after: unknown; decidedOn: string; document: string | null; recordedBy: string; at: string },
) {
  await db
    .insertInto('project_changes')
    .values({
      project_id: c.projectId,
      kind: c.kind,
      reason: c.reason,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
      decided_on: c.decidedOn,
      document: c.document,
      recorded_by: c.recordedBy,
      recorded_at: c.at,
    })
    .execute();
}

/** The adjustment history of a plan's projects, oldest first. */
export async function listProjectChanges(db: Executor, planId: number) {
  return db
    .selectFrom('project_changes')
    .innerJoin('projects', 'projects.id', 'project_changes.project_id')
    .selectAll('project_changes')
    .select(['projects.seq', 'projects.name'])
    .where('projects.plan_id', '=', planId)
    .orderBy('project_changes.id')
    .execute();
}
