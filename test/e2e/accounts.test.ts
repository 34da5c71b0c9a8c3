/**
 * End to end: accounts and roles — the administrator creates an account, which must change its password at
 * first sign-in and then signs in again; the auditor reads the trail and verifies its chain; each role sees
 * only its screens.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { containsText, e2eUnavailable, hasText, PASSWORD, screenshot, signIn, startE2e, unexpectedErrors, visible, type E2e } from './support/harness.js';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('accounts and roles (e2e)', { timeout: 120_000 }, () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => {
    await e?.close();
  });

  async function signOut() {
    await e.page.getByTestId('user-menu').click();
    await e.page.getByText('退出登录').click();
    await e.page.locator('#login-username').waitFor();
  }

  const menu = async () => (await e.page.locator('.ant-menu-item').allTextContents()).map((s) => s.trim());

  it('lets the administrator create an account, and only that', async () => {
    const { page, server } = e;
    await signIn(page, server.url, 'admin');
    await page.getByTestId('users').waitFor();
    expect(await menu()).toEqual(['用户管理']);
    await page.locator('#new-username').fill('yy-editor2');
    await page.locator('input#scopes').fill('430602');
    await page.locator('input#scopes').press('Enter');
    await page.locator('#new-password').fill('Init!Passw0rd1');
    await page.getByRole('button', { name: /新增账号/ }).click();
    await containsText(page.getByTestId('users'), 'yy-editor2：账号已创建；首次登录须修改密码');
    const row = page.getByTestId('user-table').locator('tr.ant-table-row', { hasText: 'yy-editor2' });
    await containsText(row, '待改密');
    await containsText(row, '430602');
    await screenshot(page, '40-users');
    await page.goto(`${server.url}/r/430602`);
    await visible(page.getByText('当前账号无权查看此页面'));
    await signOut();
  });

  it('makes the new account change its password at first sign-in', async () => {
    const { page, server } = e;
    await page.goto(`${server.url}/`);
    await page.locator('#login-username').fill('yy-editor2');
    await page.locator('#login-password').fill('Init!Passw0rd1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await visible(page.getByText('首次登录须修改密码'));
    await screenshot(page, '41-first-sign-in');
    await page.locator('#pw-current').fill('Init!Passw0rd1');
    await page.locator('#pw-next').fill('N3w!Passw0rd-9');
    await page.locator('#pw-again').fill('N3w!Passw0rd-9');
    await page.getByRole('button', { name: /修改密码/ }).click();
    await visible(page.getByText('密码已修改，请重新登录'));
    await page.locator('#login-username').fill('yy-editor2');
    await page.locator('#login-password').fill('N3w!Passw0rd-9');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('overview').waitFor();
    expect(await menu()).toEqual(['总览', '指标', '项目库', '任务', '监测', '数据导入', '评估', '城市视图']);
    await signOut();
  });

  it('shows the city reviewer no import and the clerk only its unit’s work', async () => {
    const { page, server } = e;
    await signIn(page, server.url, 'yy-city');
    await page.getByTestId('overview').waitFor();
    expect(await menu()).toEqual(['总览', '指标', '项目库', '任务', '监测', '评估', '城市视图']);
    await page.goto(`${server.url}/r/430602/projects`);
    await page.getByTestId('project-table').waitFor();
    expect(await page.getByRole('button', { name: /调入项目/ }).count()).toBe(0);
    expect(await page.locator('[data-testid^="adjust-"]').count()).toBe(0);
    await signOut();
    // The clerk of 区住建局 may not adjust projects or record values of indicators without its unit.
    await signIn(page, server.url, 'yy-clerk');
    await page.goto(`${server.url}/r/430602/indicators/1`);
    await page.getByTestId('indicator').waitFor();
    expect(await page.getByTestId('value-entry').count()).toBe(0);
    await signOut();
  });

  it('lets the auditor read the trail and verify its chain', async () => {
    const { page, server } = e;
    await signIn(page, server.url, 'auditor');
    await page.getByTestId('audit').waitFor();
    expect(await menu()).toEqual(['审计日志']);
    const table = page.getByTestId('audit-table');
    await containsText(table, 'user.add');
    await containsText(table, 'user.password');
    await page.getByTestId('verify-chain').click();
    await containsText(page.getByTestId('chain-result'), '审计链完整');
    await screenshot(page, '42-audit');
    expect(unexpectedErrors(e.errors).filter((x) => !/status of 403/.test(x))).toEqual([]);
  });

  it('refuses a wrong password with the server’s message', async () => {
    const { page, server } = e;
    await signOut();
    await page.goto(`${server.url}/`);
    await page.locator('#login-username').fill('editor');
    await page.locator('#login-password').fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await hasText(page.locator('.ant-alert-error .ant-alert-title'), '用户名或密码错误');
  });
});
