/**
 * Commitment use cases: the dated tasks of a plan with their status, and progress updates with evidence.
 */
import type { Actor } from '../domain/access.js';
import { actorName } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import { commitmentStatus } from '../domain/projects.js';
import { listCommitments as listCommitmentRows, updateCommitment } from '../store/plans-repo.js';
import { loadPlan, loadPlanFor, requireAccess, write, type ServiceContext } from './context.js';

/** The commitments of a region with their status on the service's today. */
export async function listCommitments(ctx: ServiceContext, actor: Actor, region: string) {
  const { row } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const today = ctx.now().toISOString().slice(0, 10);
  const rows = await listCommitmentRows(ctx.db.kysely, row.id);
  return rows.map((c) => ({
    seq: c.seq,
    section: c.section,
    text: c.text,
    action: c.action,
    deadline: c.deadline,
    deadlineText: c.deadline_text,
    targetText: c.target_text,
    leadUnit: c.lead_unit,
    started: c.started === 1,
    done: c.done === 1,
    doneOn: c.done_on,
    evidence: c.evidence,
    status: commitmentStatus(c.deadline, { done: c.done === 1, doneOn: c.done_on, started: c.started === 1 }, today),
    rowVersion: c.row_version,
    updatedBy: c.updated_by,
    updatedAt: c.updated_at,
  }));
}

/** A progress update of a commitment. */
export interface CommitmentUpdateInput {
  region: string;
  seq: number;
  started?: boolean;
  done?: boolean;
  doneOn?: string | null;
  evidence?: string | null;
  leadUnit?: string | null;
  rowVersion?: number;
}

/** Records a commitment's progress; completing it requires the date and evidence. */
export async function updateCommitmentProgress(ctx: ServiceContext, actor: Actor, u: CommitmentUpdateInput): Promise<void> {
  const { row, resource } = await loadPlan(ctx.db.kysely, u.region);
  const rows = await listCommitmentRows(ctx.db.kysely, row.id);
  const c = rows.find((x) => x.seq === u.seq);
  if (!c) throw new EcoplanError('not_found', `地区 ${u.region} 没有序号为 ${u.seq} 的任务`, `No commitment ${u.seq} in ${u.region}`);
  await requireAccess(ctx, actor, 'commitment.update', { ...resource, unit: c.lead_unit }, `commitment:${u.region}/${u.seq}`);
  const done = u.done ?? c.done === 1;
  const doneOn = u.doneOn !== undefined ? u.doneOn : c.done_on;
  const evidence = u.evidence !== undefined ? u.evidence : c.evidence;
  if (done && (!doneOn || !/^\d{4}-\d{2}-\d{2}$/.test(doneOn))) {
    throw new EcoplanError('invalid_input', '标记完成须填写完成日期（YYYY-MM-DD）', 'Completion needs a date (YYYY-MM-DD)', [{ path: 'doneOn', message: '完成日期格式应为 YYYY-MM-DD' }]);
  }
  if (done && (!evidence || !evidence.trim())) {
    throw new EcoplanError('invalid_input', '标记完成须提供佐证材料说明', 'Completion needs evidence', [{ path: 'evidence', message: '请填写佐证材料' }]);
  }
  await write(ctx, actor, async (trx, audit, at) => {
    const set = {
      started: (u.started ?? c.started === 1) || done ? 1 : 0,
      done: done ? 1 : 0,
      done_on: done ? doneOn ?? null : null,
      evidence: evidence ?? null,
      lead_unit: u.leadUnit !== undefined ? u.leadUnit : c.lead_unit,
      updated_by: actorName(actor),
      updated_at: at,
    };
    const version = u.rowVersion ?? c.row_version;
    if (!(await updateCommitment(trx, c.id, version, set))) {
      throw new EcoplanError('conflict', `任务 ${c.seq} 已被他人修改，请刷新后重试`, 'The commitment was changed by someone else', [], { rowVersion: c.row_version });
    }
    await audit({
      action: 'commitment.update',
      target: `commitment:${u.region}/${u.seq}`,
      outcome: 'success',
      before: { started: c.started, done: c.done, done_on: c.done_on, evidence: c.evidence, lead_unit: c.lead_unit },
      after: set,
    });
  });
}
