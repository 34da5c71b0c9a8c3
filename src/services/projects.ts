/**
 * Project library use cases: list with schedule lights and summaries, record yearly investment and status,
 * and rolling adjustments (调入, 调出, 调整) kept as recorded changes.
 */
import type { Actor } from '../domain/access.js';
import { actorName } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import {
  PROJECT_STATUSES,
  investedThrough,
  scheduleLight,
  summariseByCategory,
  type ChangeKind,
  type ProjectStatus,
} from '../domain/projects.js';
import {
  currentProjectYears,
  findProject,
  insertProject,
  insertProjectChange,
  listProjectChanges,
  listProjects as listProjectRows,
  nextProjectSeq,
  recordProjectYear,
  updateProject,
  type ProjectFields,
} from '../store/projects-repo.js';
import type { ProjectRow } from '../store/schema.js';
import { loadPlan, loadPlanFor, requireAccess, write, type ServiceContext } from './context.js';

function invalid(zh: string, en: string, field: string): EcoplanError {
  return new EcoplanError('invalid_input', zh, en, [{ path: field, message: zh }]);
}

function conflict(p: ProjectRow): EcoplanError {
  return new EcoplanError('conflict', `项目 ${p.seq}「${p.name}」已被他人修改，请刷新后重试`, 'The project was changed by someone else; reload and retry', [], {
    current: projectFieldsOf(p),
    rowVersion: p.row_version,
  });
}

function projectFieldsOf(p: ProjectRow): ProjectFields {
  return {
    category: p.category,
    name: p.name,
    location: p.location,
    start_year: p.start_year,
    end_year: p.end_year,
    content: p.content,
    investment: p.investment,
    lead_unit: p.lead_unit,
    status: p.status,
  };
}

/** The project library of a region as of the end of `year`: each project with its light, and sums by category. */
export async function listProjects(ctx: ServiceContext, actor: Actor, region: string, year?: number) {
  const { row, plan } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const y = year ?? Math.min(plan.period.end, ctx.now().getUTCFullYear());
  const [projects, years] = await Promise.all([listProjectRows(ctx.db.kysely, row.id), currentProjectYears(ctx.db.kysely, row.id)]);
  const investedBy = new Map<number, Map<number, number>>();
  const progressBy = new Map<number, number | null>();
  for (const py of years) {
    const m = investedBy.get(py.project_id) ?? new Map<number, number>();
    m.set(py.year, py.invested);
    investedBy.set(py.project_id, m);
    if (py.year <= y) progressBy.set(py.project_id, py.progress);
  }
  const items = projects.map((p) => {
    const invested = investedBy.get(p.id) ?? new Map<number, number>();
    const light = scheduleLight(
      { status: p.status as ProjectStatus, startYear: p.start_year, endYear: p.end_year, investment: p.investment, invested },
      y,
    );
    return {
      seq: p.seq,
      code: p.code,
      category: p.category,
      name: p.name,
      location: p.location,
      startYear: p.start_year,
      endYear: p.end_year,
      content: p.content,
      investment: p.investment,
      leadUnit: p.lead_unit,
      status: p.status as ProjectStatus,
      origin: p.origin,
      flags: JSON.parse(p.flags) as string[],
      rowVersion: p.row_version,
      investedByYear: Object.fromEntries([...invested.entries()].sort((a, b) => a[0] - b[0])),
      investedTotal: investedThrough(invested, y),
      progress: progressBy.get(p.id) ?? null,
      light: light.light,
      lightReason: light.reason,
    };
  });
  const summary = summariseByCategory(items);
  const printed = plan.investmentByCategory ?? null;
  return { year: y, projects: items, summary, printedInvestmentByCategory: printed };
}

/** A yearly investment / status update of a project. */
export interface ProjectUpdateInput {
  region: string;
  seq: number;
  year?: number;
  invested?: number;
  progress?: number | null;
  status?: ProjectStatus;
  note?: string | null;
  /** The row version the client saw; a stale version gets a conflict with the current record. */
  rowVersion?: number;
}

/** Records a project's yearly investment and/or status. */
export async function updateProjectProgress(ctx: ServiceContext, actor: Actor, u: ProjectUpdateInput): Promise<void> {
  const { row, plan, resource } = await loadPlan(ctx.db.kysely, u.region);
  const p = await findProject(ctx.db.kysely, row.id, u.seq);
  if (!p) throw new EcoplanError('not_found', `地区 ${u.region} 没有序号为 ${u.seq} 的项目`, `No project ${u.seq} in ${u.region}`);
  await requireAccess(ctx, actor, 'project.update', { ...resource, unit: p.lead_unit }, `project:${u.region}/${u.seq}`);
  if (u.invested !== undefined || u.progress !== undefined) {
    if (u.year === undefined || !Number.isInteger(u.year) || u.year < plan.period.start || u.year > plan.period.end + 5) {
      throw invalid(`投资年份应在 ${plan.period.start}–${plan.period.end + 5} 之间`, 'The year is outside the plan period', 'year');
    }
    if (u.invested !== undefined && (!Number.isFinite(u.invested) || u.invested < 0)) throw invalid('完成投资（万元）应为不小于 0 的数字', 'Invested amount must be ≥ 0', 'invested');
    if (u.progress !== undefined && u.progress !== null && (!Number.isFinite(u.progress) || u.progress < 0 || u.progress > 100)) {
      throw invalid('形象进度应为 0–100 的百分数', 'Progress is a percentage from 0 to 100', 'progress');
    }
  }
  if (u.status !== undefined && (!PROJECT_STATUSES.includes(u.status) || u.status === '调出')) {
    throw invalid('状态应为 未开工、在建、完工 或 取消（调出请用滚动调整）', 'Status must be 未开工, 在建, 完工 or 取消 (use an adjustment for 调出)', 'status');
  }
  await write(ctx, actor, async (trx, audit, at) => {
    const fresh = await findProject(trx, row.id, u.seq);
    if (!fresh) throw new EcoplanError('not_found', '项目不存在', 'No such project');
    if (u.rowVersion !== undefined && u.rowVersion !== fresh.row_version) throw conflict(fresh);
    if (u.invested !== undefined || u.progress !== undefined) {
      const old = await recordProjectYear(trx, {
        projectId: fresh.id,
        year: u.year as number,
        invested: u.invested ?? 0,
        progress: u.progress ?? null,
        note: u.note ?? null,
        recordedBy: actorName(actor),
        at,
      });
      await audit({
        action: 'project.invest',
        target: `project:${u.region}/${u.seq}/${u.year}`,
        outcome: 'success',
        before: old ? { invested: old.invested, progress: old.progress } : null,
        after: { invested: u.invested ?? 0, progress: u.progress ?? null, note: u.note ?? null },
      });
    }
    if (u.status !== undefined && u.status !== fresh.status) {
      if (!(await updateProject(trx, fresh.id, fresh.row_version, { status: u.status }, at))) throw conflict(fresh);
      await audit({ action: 'project.status', target: `project:${u.region}/${u.seq}`, outcome: 'success', before: { status: fresh.status }, after: { status: u.status } });
    }
  });
}

/** A rolling adjustment. For 调入 `fields` describes the new project; for 调整 the fields that change. */
export interface ProjectChangeInput {
  region: string;
  kind: ChangeKind;
  seq?: number;
  reason: string;
  decidedOn: string;
  document?: string | null;
  fields?: Partial<{
    category: string;
    name: string;
    location: string;
    startYear: number;
    endYear: number;
    content: string;
    investment: number;
    leadUnit: string | null;
  }>;
  rowVersion?: number;
}

function toColumns(f: NonNullable<ProjectChangeInput['fields']>): Partial<ProjectFields> {
  const out: Partial<ProjectFields> = {};
  if (f.category !== undefined) out.category = f.category;
  if (f.name !== undefined) out.name = f.name;
  if (f.location !== undefined) out.location = f.location;
  if (f.startYear !== undefined) out.start_year = f.startYear;
  if (f.endYear !== undefined) out.end_year = f.endYear;
  if (f.content !== undefined) out.content = f.content;
  if (f.investment !== undefined) out.investment = f.investment;
  if (f.leadUnit !== undefined) out.lead_unit = f.leadUnit;
  return out;
}

function validateFields(f: NonNullable<ProjectChangeInput['fields']>, requireAll: boolean): void {
  const need = ['category', 'name', 'startYear', 'endYear', 'investment'] as const;
  if (requireAll) for (const k of need) if (f[k] === undefined || f[k] === '') throw invalid(`调入项目须填写 ${k}`, `A new project needs ${k}`, `fields.${k}`);
  for (const k of ['startYear', 'endYear'] as const) {
    const v = f[k];
    if (v !== undefined && (!Number.isInteger(v) || v < 2000 || v > 2100)) throw invalid('年份应为 2000–2100 的整数', 'Years must be integers 2000–2100', `fields.${k}`);
  }
  if (f.startYear !== undefined && f.endYear !== undefined && f.endYear < f.startYear) throw invalid('竣工年份不能早于开工年份', 'End year before start year', 'fields.endYear');
  if (f.investment !== undefined && (!Number.isFinite(f.investment) || f.investment < 0)) throw invalid('总投资（万元）应为不小于 0 的数字', 'Investment must be ≥ 0', 'fields.investment');
  for (const k of ['category', 'name', 'location', 'content'] as const) {
    const v = f[k];
    if (v !== undefined && v.length > 4000) throw invalid(`${k} 过长`, `${k} is too long`, `fields.${k}`);
  }
}

/** Records a rolling adjustment; the project's old fields are kept in the change record. Returns the project seq. */
export async function changeProject(ctx: ServiceContext, actor: Actor, c: ProjectChangeInput): Promise<number> {
  const { row, resource } = await loadPlan(ctx.db.kysely, c.region);
  await requireAccess(ctx, actor, 'project.adjust', resource, `project:${c.region}/${c.seq ?? 'new'}`);
  if (!c.reason || !c.reason.trim()) throw invalid('滚动调整须说明理由', 'An adjustment needs a reason', 'reason');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.decidedOn)) throw invalid('调整日期应为 YYYY-MM-DD', 'The date must be YYYY-MM-DD', 'decidedOn');
  const fields = c.fields ?? {};
  validateFields(fields, c.kind === '调入');
  return write(ctx, actor, async (trx, audit, at) => {
    if (c.kind === '调入') {
      const seq = await nextProjectSeq(trx, row.id);
      const id = await insertProject(trx, {
        plan_id: row.id,
        seq,
        code: null,
        category: fields.category as string,
        name: fields.name as string,
        location: fields.location ?? '',
        start_year: fields.startYear as number,
        end_year: fields.endYear as number,
        content: fields.content ?? '',
        investment: fields.investment as number,
        lead_unit: fields.leadUnit ?? null,
        status: '未开工',
        origin: '调入',
        flags: '[]',
        row_version: 1,
        updated_at: at,
      });
      await insertProjectChange(trx, { projectId: id, kind: c.kind, reason: c.reason, before: null, after: fields, decidedOn: c.decidedOn, document: c.document ?? null, recordedBy: actorName(actor), at });
      await audit({ action: 'project.adjust', target: `project:${c.region}/${seq}`, outcome: 'success', before: null, after: { kind: c.kind, reason: c.reason, ...fields } });
      return seq;
    }
    if (c.seq === undefined) throw invalid('请指定项目序号', 'The project seq is required', 'seq');
    const p = await findProject(trx, row.id, c.seq);
    if (!p) throw new EcoplanError('not_found', `地区 ${c.region} 没有序号为 ${c.seq} 的项目`, `No project ${c.seq} in ${c.region}`);
    if (c.rowVersion !== undefined && c.rowVersion !== p.row_version) throw conflict(p);
    if (p.status === '调出') throw invalid('项目已调出，不能再调整', 'The project was taken out already', 'seq');
    const before = projectFieldsOf(p);
    const set: Partial<ProjectFields> = c.kind === '调出' ? { status: '调出' } : toColumns(fields);
    if (c.kind === '调整' && Object.keys(set).length === 0) throw invalid('调整须至少修改一个字段', 'An adjustment must change at least one field', 'fields');
    if (!(await updateProject(trx, p.id, p.row_version, set, at))) throw conflict(p);
    const after = { ...before, ...set };
    await insertProjectChange(trx, { projectId: p.id, kind: c.kind, reason: c.reason, before, after, decidedOn: c.decidedOn, document: c.document ?? null, recordedBy: actorName(actor), at });
    await audit({ action: 'project.adjust', target: `project:${c.region}/${c.seq}`, outcome: 'success', before, after: { kind: c.kind, reason: c.reason, ...after } });
    return c.seq;
  });
}

/** The history of rolling adjustments of a region's projects. */
export async function projectChanges(ctx: ServiceContext, actor: Actor, region: string) {
  const { row } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const rows = await listProjectChanges(ctx.db.kysely, row.id);
  return rows.map((r) => ({
    seq: r.seq,
    name: r.name,
    kind: r.kind,
    reason: r.reason,
    before: r.before ? (JSON.parse(r.before) as unknown) : null,
    after: r.after ? (JSON.parse(r.after) as unknown) : null,
    decidedOn: r.decided_on,
    document: r.document,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}
