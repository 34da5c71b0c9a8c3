/**
 * Plan use cases: load plan files into the database, list plans, and export a plan with its current state.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Actor } from '../domain/access.js';
import { can } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { Plan } from '../domain/plan-schema.js';
import { parsePlanYaml } from '../ingest/plan-file.js';
import { findPlanByRegion, insertPlan, listCommitments, currentAssignments, listPlans as listPlanRows } from '../store/plans-repo.js';
import { listProjects } from '../store/projects-repo.js';
import { auditAlone, loadPlanFor, write, type ServiceContext } from './context.js';

/** Reads and validates every plan file (*.yaml, *.yml) of a folder; throws with every problem found. */
export async function readPlanFolder(dir: string): Promise<{ file: string; plan: Plan }[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const out: { file: string; plan: Plan }[] = [];
  for (const name of names) out.push({ file: name, plan: await readPlanFile(join(dir, name)) });
  return out;
}

/** Reads and validates one plan file; throws invalid_input naming the file, line and field of each problem. */
export async function readPlanFile(path: string): Promise<Plan> {
  const text = await readFile(path, 'utf8');
  const res = parsePlanYaml(text, basename(path));
  if (!res.ok) throw new EcoplanError('invalid_input', `规划文件 ${basename(path)} 有误`, `Plan file ${basename(path)} is invalid`, res.issues);
  return res.plan;
}

/** Loads plans that are not in the database yet; a region already loaded is left as it is. Returns what was loaded. */
export async function loadPlans(ctx: ServiceContext, actor: Actor, plans: { file: string; plan: Plan }[]): Promise<{ loaded: string[]; skipped: string[] }> {
  if (actor.kind !== 'system') throw new EcoplanError('forbidden', '只能在命令行加载规划文件', 'Plan files are loaded from the command line');
  const loaded: string[] = [];
  const skipped: string[] = [];
  for (const { file, plan } of plans) {
    await write(ctx, actor, async (trx, audit, at) => {
      if (await findPlanByRegion(trx, plan.region.code)) {
        skipped.push(plan.region.code);
        return;
      }
      await insertPlan(trx, plan, file, at);
      await audit({
        action: 'plan.load',
        target: `plan:${plan.region.code}`,
        outcome: 'success',
        after: { file, indicators: plan.indicators.length, projects: plan.projects.length, commitments: plan.commitments.length },
      });
      loaded.push(plan.region.code);
    });
  }
  return { loaded, skipped };
}

/** A plan in a list. */
export interface PlanSummary {
  region: { code: string; name: string; fullName: string; city: { code: string; name: string } };
  title: string;
  period: { start: number; end: number; baseline: number; midterm: number };
}

/** Lists the plans the actor may read. */
export async function listPlans(ctx: ServiceContext, actor: Actor): Promise<PlanSummary[]> {
  const rows = await listPlanRows(ctx.db.kysely);
  return rows
    .filter((r) => can(actor, 'plan.read', { region: { code: r.region_code, cityCode: r.city_code } }))
    .map((r) => ({
      region: { code: r.region_code, name: r.region_name, fullName: r.full_name, city: { code: r.city_code, name: r.city_name } },
      title: r.title,
      period: { start: r.period_start, end: r.period_end, baseline: r.baseline_year, midterm: r.midterm_year },
    }));
}

/** The plan as exported: the plan file's content with the project library and commitments as they stand now. */
export async function exportPlan(ctx: ServiceContext, actor: Actor, regionCode: string, options: { audit?: boolean } = {}) {
  const { row, plan } = await loadPlanFor(ctx, actor, regionCode, 'plan.read');
  if (options.audit) await auditAlone(ctx, actor, { action: 'export', target: `plan:${regionCode}`, outcome: 'success', after: { what: 'plan' } });
  const db = ctx.db.kysely;
  const [projects, commitments, assignments] = await Promise.all([
    listProjects(db, row.id),
    listCommitments(db, row.id),
    currentAssignments(db, row.id),
  ]);
  const bySeq = new Map(assignments.map((a) => [a.seq, a]));
  return {
    format: plan.format,
    region: { code: plan.region.code, name: plan.region.name, fullName: plan.region.fullName, city: plan.region.city, province: plan.region.province },
    title: plan.title,
    period: { ...plan.period, midterm: row.midterm_year },
    scope: plan.scope,
    indicators: plan.indicators.map((ind) => {
      const a = bySeq.get(ind.seq);
      return {
        ...ind,
        target: {
          ...ind.target,
          ...(a ? { assignment: { kind: a.kind, value: a.value, assignedBy: a.assigned_by, assignedOn: a.assigned_on, document: a.document } } : {}),
        },
      };
    }),
    projects: projects.map((p) => ({
      seq: p.seq,
      category: p.category,
      code: p.code ?? undefined,
      name: p.name,
      location: p.location,
      startYear: p.start_year,
      endYear: p.end_year,
      content: p.content,
      investment: p.investment,
      leadUnit: p.lead_unit ?? undefined,
      status: p.status,
      origin: p.origin,
      flags: JSON.parse(p.flags) as string[],
    })),
    investmentByCategory: plan.investmentByCategory,
    engineering: plan.engineering,
    commitments: commitments.map((c) => ({
      seq: c.seq,
      section: c.section,
      text: c.text,
      action: c.action,
      deadline: c.deadline,
      deadlineText: c.deadline_text,
      targetText: c.target_text ?? undefined,
      leadUnit: c.lead_unit ?? undefined,
    })),
    history: plan.history,
    notes: plan.notes,
  };
}
