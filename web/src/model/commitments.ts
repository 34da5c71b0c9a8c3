/**
 * Commitment rules for the screens: counts by status, the overdue filter and the check of the progress form
 * (as src/services/commitments.ts checks it).
 */
import type { Commitment, CommitmentStatus } from '../api.js';
import type { FieldProblem } from './indicators.js';

/** Counts of commitments: overdue (逾期), done (已完成 or 逾期完成) and open (the rest). */
export function commitmentCounts(rows: readonly Pick<Commitment, 'status'>[]): { overdue: number; done: number; open: number; total: number } {
  let overdue = 0;
  let done = 0;
  for (const r of rows) {
    if (r.status === '逾期') overdue++;
    else if (r.status === '已完成' || r.status === '逾期完成') done++;
  }
  return { overdue, done, open: rows.length - overdue - done, total: rows.length };
}

/** The order the list shows: overdue first, then by deadline, then by seq. */
export function commitmentOrder(a: Pick<Commitment, 'status' | 'deadline' | 'seq'>, b: Pick<Commitment, 'status' | 'deadline' | 'seq'>): number {
  const rank = (s: CommitmentStatus) => (s === '逾期' ? 0 : 1);
  return rank(a.status) - rank(b.status) || a.deadline.localeCompare(b.deadline) || a.seq - b.seq;
}

/** What the progress form holds. */
export interface CommitmentForm {
  started: boolean;
  done: boolean;
  doneOn: string | null;
  evidence: string;
}

/** Checks a progress update: completing needs a date (YYYY-MM-DD) and evidence. */
export function checkCommitmentForm(f: CommitmentForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.done && (!f.doneOn || !/^\d{4}-\d{2}-\d{2}$/.test(f.doneOn))) problems.push({ field: 'doneOn', key: 'doneOnRequired' });
  if (f.done && !f.evidence.trim()) problems.push({ field: 'evidence', key: 'evidenceRequired' });
  return problems;
}
