/**
 * The append-only audit trail. Each row carries the hash of the row before it, so that editing, deleting or
 * reordering rows is detected by `verifyAuditChain`. Nothing here updates or deletes audit rows.
 */
import { createHash } from 'node:crypto';
import type { Executor } from './plans-repo.js';
import type { AuditRow } from './schema.js';

/** An audit entry to append. */
export interface AuditEntry {
  at: string;
  actor: string;
  address: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'failure' | 'denied';
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

function hashOf(prevHash: string, r: Omit<AuditRow, 'id' | 'hash' | 'prev_hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, r.at, r.actor, r.address, r.action, r.target, r.outcome, r.before, r.after]))
    .digest('hex');
}

/**
 * Appends an entry inside the caller's transaction. Touching the single audit_head row first takes its
 * row lock on PostgreSQL (SQLite serialises writers anyway), so concurrent appends cannot fork the chain.
 */
export async function appendAudit(db: Executor, e: AuditEntry): Promise<void> {
  await db.updateTable('audit_head').set((eb) => ({ last_id: eb.ref('last_id') })).where('id', '=', 1).execute();
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const row = {
    at: e.at,
    actor: e.actor,
    address: e.address,
    action: e.action,
    target: e.target,
    outcome: e.outcome,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
  };
  const hash = hashOf(head.last_hash, row);
  const inserted = await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: head.last_hash, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('audit_head').set({ last_id: inserted.id, last_hash: hash }).where('id', '=', 1).execute();
}

/** Filters for reading the audit trail. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  since?: string;
  until?: string;
  limit?: number;
  beforeId?: number;
}

/** Reads audit rows, newest first. */
export async function listAudit(db: Executor, q: AuditQuery = {}): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.action) query = query.where('action', 'like', `${q.action}%`);
  if (q.target) query = query.where('target', 'like', `${q.target}%`);
  if (q.since) query = query.where('at', '>=', q.since);
  if (q.until) query = query.where('at', '<=', q.until);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  return query.orderBy('id', 'desc').limit(Math.min(q.limit ?? 100, 1000)).execute();
}

/** The result of checking the chain. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** The first row found broken, and why. */
  problem?: { id: number; reason: string };
}

/** Walks the whole chain in id order and checks every link and hash, and the head. */
export async function verifyAuditChain(db: Executor): Promise<AuditVerification> {
  let prev = GENESIS;
  let lastId = 0;
  let rows = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(pageSize).execute();
    for (const r of page) {
      rows += 1;
      if (r.prev_hash !== prev) return { ok: false, rows, problem: { id: r.id, reason: '与上一条记录的链接不符（记录被删除、插入或调换）' } };
      const { id: _id, hash, prev_hash: _p, ...fields } = r;
      if (hashOf(prev, fields) !== hash) return { ok: false, rows, problem: { id: r.id, reason: '记录内容与其哈希不符（记录被修改）' } };
      prev = hash;
      lastId = r.id;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.last_hash !== prev || head.last_id !== lastId) {
    return { ok: false, rows, problem: { id: head.last_id, reason: '审计链末端与记录不符（末尾记录被删除）' } };
  }
  return { ok: true, rows };
}
