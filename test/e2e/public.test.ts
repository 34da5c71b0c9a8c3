/**
 * End to end: the public page /public/<region> — nothing before the bureau publishes; after publishing, the
 * indicators with their status and the project list, readable without signing in and printable; a value
 * entered after publishing does not show (the page reads only the published snapshot). The assessment screen's
 * report downloads give the Word and Excel files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlanFile } from '../../src/services/plans.js';
import { setValue } from '../../src/services/indicators.js';
import { containsText, e2eUnavailable, hasCount, hasText, launchBrowser, ROOT, screenshot, signIn, startE2e, visible, type E2e, type TestBrowser } from './support/harness.js';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)('public page (e2e)', { timeout: 120_000 }, () => {
  let e: E2e;
  let anon: TestBrowser;
  beforeAll(async () => {
    e = await startE2e();
    anon = await launchBrowser({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await anon?.close();
    await e?.close();
  });

  it('says nothing is published before the bureau publishes', async () => {
    const page = anon.context.pages()[0] ?? (await anon.context.newPage());
    await page.goto(`${e.server.url}/public/430602`);
    await visible(page.getByText('该地区尚未公开发布信息。'));
  });

  it('shows what was published, without signing in, and nothing entered later', async () => {
    const plan = await readPlanFile(join(ROOT, 'plans', '430602-yueyanglou.yaml'));
    const { page, server } = e;
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/r/430602/assessment`);
    await page.getByTestId('publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /公开发布/ }).click();
    await containsText(page.getByTestId('published'), '/public/430602');

    const pub = anon.context.pages()[0] ?? (await anon.context.newPage());
    const apiCalls: string[] = [];
    pub.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname);
    });
    await pub.goto(`${server.url}/public/430602`);
    await pub.getByTestId('public').waitFor();
    await visible(pub.getByRole('heading', { name: plan.title }));
    await hasCount(pub.getByTestId('public-indicators').locator('tr.ant-table-row'), plan.indicators.length);
    await hasCount(pub.getByTestId('public-projects').locator('tr.ant-table-row'), plan.projects.length);
    const pm25 = pub.getByTestId('public-indicators').locator('tr.ant-table-row', { hasText: '细颗粒物（PM2.5）浓度' });
    await hasText(pm25.locator('[data-status]'), '无数据');
    await screenshot(pub, '30-public');
    await pub.emulateMedia({ media: 'print' });
    await screenshot(pub, '31-public-print');
    await pub.emulateMedia({ media: 'screen' });

    // A value recorded after publishing stays out of the public page until the next publication.
    await setValue(server.ctx, { kind: 'system', name: 'e2e', address: null }, { region: '430602', seq: 1, year: 2025, value: 33 });
    await pub.reload();
    await pub.getByTestId('public').waitFor();
    await hasText(pm25.locator('[data-status]'), '无数据');
    expect([...new Set(apiCalls)]).toEqual(['/api/v1/public/430602']);
    // No session cookie was ever set in the anonymous browser.
    expect((await anon.context.cookies()).filter((c) => c.name === 'ecoplan_session')).toEqual([]);
  });

  it('downloads the final assessment as Word and Excel from the assessment screen', async () => {
    const { page, server } = e;
    await page.goto(`${server.url}/r/430602/assessment`);
    await page.getByTestId('assessment-table').waitFor();
    for (const [button, ext] of [
      ['download-docx', 'docx'],
      ['download-xlsx', 'xlsx'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(button).click()]);
      // The server names the file after the region, year and stage (src/services/reports.ts).
      expect(download.suggestedFilename()).toBe(`岳阳市岳阳楼区2025年终期考核报告.${ext}`);
      const path = await download.path();
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5000);
    }
  });

  it('switches language on the public page', async () => {
    const pub = anon.context.pages()[0] ?? (await anon.context.newPage());
    await pub.getByTestId('lang-switch').getByText('English').click();
    await visible(pub.getByText('Plan indicators'));
    await visible(pub.getByText('Key projects'));
    await pub.getByTestId('lang-switch').getByText('中文').click();
  });
});
