/**
 * End to end: the dated commitments of 岳阳楼区 (plans/430602-yueyanglou.yaml) — overdue ones stand out and
 * are counted; completing one needs a date and evidence; done before the deadline is 已完成, after it 逾期完成.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { readPlanFile } from '../../src/services/plans.js';
import { containsText, e2eUnavailable, hasText, ROOT, screenshot, signIn, startE2e, unexpectedErrors, visible, type E2e } from './support/harness.js';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('commitments (e2e)', { timeout: 120_000 }, () => {
  let e: E2e;
  let overdue = 0;
  beforeAll(async () => {
    e = await startE2e();
    // Overdue: a deadline before today (the server's day, UTC) and not done — src/domain/projects.ts commitmentStatus.
    const plan = await readPlanFile(join(ROOT, 'plans', '430602-yueyanglou.yaml'));
    const today = new Date().toISOString().slice(0, 10);
    overdue = plan.commitments.filter((c) => c.deadline < today).length;
  });
  afterAll(async () => {
    await e?.close();
  });

  const row = (seq: number) => e.page.getByTestId('commitment-table').locator(`tr[data-row-key="${seq}"]`);

  async function complete(seq: number, doneOn: string, evidence: string) {
    const { page } = e;
    await page.getByTestId(`commitment-edit-${seq}`).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('已完成', { exact: true }).click();
    await modal.locator('input#doneOn').fill(doneOn);
    await modal.locator('input#doneOn').press('Enter');
    if (evidence) await modal.locator('textarea#evidence').fill(evidence);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
  }

  it('counts and marks the overdue commitments', async () => {
    expect(overdue).toBeGreaterThan(0);
    const { page, server } = e;
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/r/430602/commitments`);
    await hasText(page.locator('[data-testid="overdue-alert"] .ant-alert-title'), `逾期 ${overdue} 项`);
    await hasText(row(3).locator('[data-commitment-status]'), '逾期');
    expect(await row(3).getAttribute('class')).toContain('eco-row-overdue');
    await screenshot(page, '70-commitments');
  });

  it('needs evidence to complete, then records 已完成 or 逾期完成 by the date', async () => {
    const { page } = e;
    await complete(3, '2025-11-30', '');
    await visible(page.locator('.ant-modal:visible').getByText('标记完成须提供佐证材料'));
    await page.locator('.ant-modal:visible textarea#evidence').fill('区生态环境分局危险废物监管制度汇编（2025年11月）');
    await page.locator('.ant-modal:visible').getByRole('button', { name: /保\s*存/ }).click();
    // Done on 2025-11-30, before the deadline 2025-12-31: 已完成.
    await hasText(row(3).locator('[data-commitment-status]'), '已完成');
    await containsText(row(3), '2025年11月30日');
    await hasText(page.locator('[data-testid="overdue-alert"] .ant-alert-title'), `逾期 ${overdue - 1} 项`);
    // Done on 2026-01-15, after the deadline: 逾期完成.
    await complete(4, '2026-01-15', '执法案件台账');
    await hasText(row(4).locator('[data-commitment-status]'), '逾期完成');
    await containsText(row(4), 'editor');
    expect(unexpectedErrors(e.errors)).toEqual([]);
  });
});
