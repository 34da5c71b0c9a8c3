/**
 * Audit use cases: reading the trail (审计员 only) and verifying its hash chain.
 */
import type { Actor } from '../domain/access.js';
import { listAudit, verifyAuditChain, type AuditQuery } from '../store/audit-repo.js';
import { requireAccess, type ServiceContext } from './context.js';

/** Reads the audit trail, newest first. */
export async function readAudit(ctx: ServiceContext, actor: Actor, q: AuditQuery) {
  await requireAccess(ctx, actor, 'audit.read', {}, 'audit');
  const rows = await listAudit(ctx.db.kysely, q);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    address: r.address,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    before: r.before ? (JSON.parse(r.before) as unknown) : null,
    after: r.after ? (JSON.parse(r.after) as unknown) : null,
  }));
}

/** Verifies the audit chain. */
export async function verifyAudit(ctx: ServiceContext, actor: Actor) {
  await requireAccess(ctx, actor, 'audit.read', {}, 'audit');
  return verifyAuditChain(ctx.db.kysely);
}
