import { describe, it, expect } from 'vitest';
import { checkCommitmentForm, commitmentCounts, commitmentOrder } from './commitments.js';

// 岳阳楼区's four commitments (plans/430602-yueyanglou.yaml) seen in late 2026: three due 2025-12-31 are
// overdue, one due 2035-12-31 is not started.
const ROWS = [
  { seq: 1, status: '逾期' as const, deadline: '2025-12-31' },
  { seq: 2, status: '未开始' as const, deadline: '2035-12-31' },
  { seq: 3, status: '逾期' as const, deadline: '2025-12-31' },
  { seq: 4, status: '已完成' as const, deadline: '2025-12-31' },
  { seq: 5, status: '逾期完成' as const, deadline: '2021-12-31' },
];

describe('commitments', () => {
  it('count overdue, done and open ones', () => {
    expect(commitmentCounts(ROWS)).toEqual({ overdue: 2, done: 2, open: 1, total: 5 });
    expect(commitmentCounts([])).toEqual({ overdue: 0, done: 0, open: 0, total: 0 });
  });

  it('list overdue first, then by deadline and seq', () => {
    expect([...ROWS].sort(commitmentOrder).map((r) => r.seq)).toEqual([1, 3, 5, 4, 2]);
  });

  it('need a date and evidence to be marked done (as the server requires)', () => {
    expect(checkCommitmentForm({ started: true, done: false, doneOn: null, evidence: '' })).toEqual([]);
    expect(checkCommitmentForm({ started: true, done: true, doneOn: null, evidence: ' ' }).map((p) => p.key)).toEqual(['doneOnRequired', 'evidenceRequired']);
    expect(checkCommitmentForm({ started: true, done: true, doneOn: '2023-05-01', evidence: '验收意见' })).toEqual([]);
    expect(checkCommitmentForm({ started: true, done: true, doneOn: '2023/05/01', evidence: '验收意见' }).map((p) => p.key)).toEqual(['doneOnRequired']);
  });
});
