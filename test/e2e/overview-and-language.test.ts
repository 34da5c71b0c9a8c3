/**
 * End to end: sign in, open the overview of 岳阳楼区, see the plan's title, period, stage and indicator counts
 * (binding first), switch to English and back; the choice survives a reload.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import { readPlanFile } from '../../src/services/plans.js';
import { containsText, hasCount, hasText, visible, e2eUnavailable, ROOT, screenshot, signIn, startE2e, unexpectedErrors, type E2e } from './support/harness.js';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('overview and language (e2e)', { timeout: 120_000 }, () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows the overview of a region with its counts, binding first', async () => {
    // The expected counts come from the plan file itself (plans/430602-yueyanglou.yaml).
    const plan = await readPlanFile(join(ROOT, 'plans', '430602-yueyanglou.yaml'));
    const binding = plan.indicators.filter((i) => i.binding).length;
    const expected = plan.indicators.length - binding;
    const { page } = e;
    await signIn(page, e.server.url, 'editor');
    await page.goto(`${e.server.url}/r/430602`);
    await page.getByTestId('overview').waitFor();
    await visible(page.getByRole('heading', { name: plan.title }));
    await visible(page.getByText('2021—2025年').first());
    // In late 2026 the period is over and 2025 is assessed as the final year (终期考核).
    expect(await page.getByTestId('assessed-year').textContent()).toContain('2025年');
    const rows = page.getByTestId('status-counts').locator('tbody tr.ant-table-row');
    expect(await rows.nth(0).locator('td').nth(0).textContent()).toBe('约束性指标');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(String(binding));
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe(String(expected));
    expect(await rows.nth(2).locator('td').nth(1).textContent()).toBe(String(plan.indicators.length));
    // The portfolio: the number of projects and the planned total, with thousands separators.
    const planned = plan.projects.reduce((s, p) => s + p.investment, 0);
    const portfolio = page.getByTestId('portfolio');
    await containsText(portfolio, planned.toLocaleString('en-US'));
    await containsText(portfolio, '万元');
    await visible(page.getByTestId('headlines').getByText('细颗粒物（PM2.5）浓度'));
    await screenshot(page, '01-overview-zh');
    expect(unexpectedErrors(e.errors)).toEqual([]);
  });

  it('switches to English, keeps it after a reload, and back to Chinese', async () => {
    const { page } = e;
    await page.getByTestId('lang-switch').getByText('English').click();
    await visible(page.getByRole('menuitem', { name: /Overview/ }));
    await visible(page.getByRole('menuitem', { name: /Indicators/ }));
    await visible(page.getByTestId('status-counts').getByText('Binding indicators'));
    await containsText(page.getByTestId('assessed-year'), '2025 · Final assessment');
    await page.reload();
    await page.getByTestId('overview').waitFor();
    await visible(page.getByRole('menuitem', { name: /Projects/ }));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, '02-overview-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await visible(page.getByRole('menuitem', { name: /总览/ }));
    expect(await page.evaluate(() => localStorage.getItem('ecoplan.lang'))).toBe('zh');
  });

  it('lists a city’s districts side by side', async () => {
    const { page } = e;
    await page.getByRole('menuitem', { name: /城市视图/ }).click();
    await page.getByTestId('city').waitFor();
    await visible(page.getByRole('heading', { name: '岳阳市 各区县对比' }));
    await visible(page.getByTestId('city').getByText('岳阳市岳阳楼区').first());
    await screenshot(page, '03-city');
  });
});
