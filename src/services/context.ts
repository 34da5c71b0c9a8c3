/**
 * What every service shares: the database, the clock, the access check and the audited write.
 */
import type { Db } from '../store/db.js';
import type { Executor } from '../store/plans-repo.js';
import { appendAudit, type AuditEntry } from '../store/audit-repo.js';
import { findPlanByRegion } from '../store/plans-repo.js';
import { actorName, can, type Actor, type Operation, type Resource } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { PlanRow } from '../store/schema.js';
import { Plan } from '../domain/plan-schema.js';

/** The shared context of the services. */
export interface ServiceContext {
  db: Db;
  now: () => Date;
}

/** Creates a context; `now` can be fixed in tests. */
export function createContext(db: Db, now: () => Date = () => new Date()): ServiceContext {
  return { db, now };
}

/** Records an audit entry for the current write. */
export type Audit = (e: Omit<AuditEntry, 'at' | 'actor' | 'address'>) => Promise<void>;

/**
 * Runs a write in one transaction with an audit function bound to the actor. Either everything the
 * function wrote and its audit rows are committed, or nothing is.
 */
export async function write<T>(ctx: ServiceContext, actor: Actor, fn: (trx: Executor, audit: Audit, at: string) => Promise<T>): Promise<T> {
  const at = ctx.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const audit: Audit = (e) => appendAudit(trx, { ...e, at, actor: actorName(actor), address: actor.address });
    const result = await fn(trx, audit, at);
    await faultPause();
    return result;
  });
}

/** Appends a single audit entry in its own transaction (sign-in failures, refused operations, exports). */
export async function auditAlone(ctx: ServiceContext, actor: Actor | { name: string; address: string | null }, e: Omit<AuditEntry, 'at' | 'actor' | 'address'>): Promise<void> {
  const name = 'kind' in actor ? actorName(actor) : actor.name;
  await ctx.db.kysely.transaction().execute((trx) => appendAudit(trx, { ...e, at: ctx.now().toISOString(), actor: name, address: actor.address }));
}

/** Throws `forbidden` (and audits the refusal) unless the actor may perform the operation. */
export async function requireAccess(ctx: ServiceContext, actor: Actor, op: Operation, r: Resource, target: string): Promise<void> {
  if (can(actor, op, r)) return;
  await auditAlone(ctx, actor, { action: op, target, outcome: 'denied' });
  throw new EcoplanError('forbidden', '无权执行此操作', 'You are not allowed to do this');
}

/** A loaded plan row with its parsed document and its access resource. */
export interface LoadedPlan {
  row: PlanRow & { city_code: string };
  plan: Plan;
  resource: Resource;
}

/** Parsed plan documents by plan id and load time (a plan document never changes once loaded). */
const parsedPlans = new Map<string, Plan>();

/** Loads a region's plan or throws not_found. The region is checked before any access decision is reported. */
export async function loadPlan(db: Executor, regionCode: string): Promise<LoadedPlan> {
  const row = await findPlanByRegion(db, regionCode);
  if (!row) throw new EcoplanError('not_found', `未找到地区 ${regionCode} 的规划`, `No plan for region ${regionCode}`);
  const key = `${row.id}@${row.loaded_at}`;
  let plan = parsedPlans.get(key);
  if (!plan) {
    plan = Plan.parse(JSON.parse(row.document));
    if (parsedPlans.size > 500) parsedPlans.clear();
    parsedPlans.set(key, plan);
  }
  return {
    row,
    plan,
    resource: { region: { code: row.region_code, cityCode: row.city_code, provinceCode: plan.region.province.code } },
  };
}

/** Loads a plan and checks that the actor may perform `op` on it (for unit-scoped operations pass `unit`). */
export async function loadPlanFor(ctx: ServiceContext, actor: Actor, regionCode: string, op: Operation, unit?: string | null): Promise<LoadedPlan> {
  const loaded = await loadPlan(ctx.db.kysely, regionCode);
  await requireAccess(ctx, actor, op, { ...loaded.resource, unit }, `plan:${regionCode}`);
  return loaded;
}

/**
 * Fault injection for the crash tests: when ECOPLAN_FAULT_PAUSE_MS is set, every write pauses that long
 * just before it commits, after telling stderr, so a test can kill the process in the middle of a write.
 */
async function faultPause(): Promise<void> {
  const ms = Number(process.env.ECOPLAN_FAULT_PAUSE_MS ?? 0);
  if (!(ms > 0)) return;
  process.stderr.write('ecoplan: fault-injection pause before commit\n');
  await new Promise((r) => setTimeout(r, ms));
}
