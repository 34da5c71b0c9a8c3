/**
 * End to end: import a year of air monitoring data (CNEMC daily site files for 2023, generated in the real
 * layout by src/ingest/air/synthetic.ts, zipped) for 岳阳楼区, whose PM2.5 and 优良天数比例 indicators are
 * computed from station 1848A 城陵矶 (plans/430602-yueyanglou.yaml); see the recorded values, the AQI
 * calendar, the days per level and the annual evaluation; a broken values file is refused row by row.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { generateSitesDay } from '../../src/ingest/air/synthetic.js';
import { containsText, e2eUnavailable, eventually, hasText, screenshot, signIn, startE2e, unexpectedErrors, visible, type E2e } from './support/harness.js';

const skip = e2eUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-e2e-files-'));

async function airYearZip(): Promise<string> {
  const zip = new JSZip();
  for (let d = 0; d < 365; d++) {
    const date = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
    const g = generateSitesDay(date, ['1847A', '1848A', '1849A'], 7, { stopped: [], duplicate: null });
    zip.file(g.file, g.bytes);
  }
  const path = join(dir, 'china_sites_2023.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

describe.skipIf(skip !== null)('imports and monitoring (e2e)', { timeout: 180_000 }, () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('refuses a values file with bad rows, naming each row, and imports a good one', async () => {
    const { page, server } = e;
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/r/430602/import`);
    const bad = join(dir, 'values-bad.csv');
    writeFileSync(bad, '地区代码,序号,年份,数值,备注\n430602,1,2024,34.5,\n430602,2,2024,abc,\n430602,2,20x4,91,\n');
    await page.locator('.ant-upload input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-submit').click();
    // src/ingest/values-table.ts names the row of the file and the column of each problem; nothing is written.
    const issues = page.getByTestId('issues').locator('tr.ant-table-row');
    await eventually(() => issues.count(), (n) => n === 2, 'two issues');
    await containsText(issues.nth(0), '数值应为数字（收到 "abc"）');
    await containsText(issues.nth(1), '年份应为 4 位数字（收到 "20x4"）');
    await containsText(page.locator('.ant-alert-error'), '未写入任何数据');
    await screenshot(page, '50-import-errors');

    const good = join(dir, 'values.csv');
    writeFileSync(good, '地区代码,序号,年份,数值,备注\n430602,1,2024,34.5,城陵矶站年均值\n430602,2,2024,91.5,\n');
    await page.locator('.ant-upload input[type=file]').setInputFiles(good);
    await page.getByTestId('import-submit').click();
    await hasText(page.locator('[data-testid="import-result"] .ant-alert-title'), '已导入 2 条数值');
    // The progress bar ends at 100% (antd shows a tick for a finished bar).
    await eventually(() => page.locator('[data-testid="import-progress"][role="progressbar"], [data-testid="import-progress"] [role="progressbar"]').first().getAttribute('aria-valuenow'), (v) => v === '100', 'progress at 100');
  });

  it('imports a year of air data and shows the calendar', async () => {
    const { page } = e;
    const zip = await airYearZip();
    await page.getByTestId('import-kind').getByText('空气监测数据').click();
    await page.locator('[data-testid="import-year"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="2023年"]').click();
    await page.locator('.ant-upload input[type=file]').setInputFiles(zip);
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    // Both air indicators bound to 1848A are computed and recorded for 2023.
    await containsText(result, '细颗粒物（PM2.5）浓度');
    await containsText(result, '城市空气质量优良天数比例（城陵矶站点）');
    await containsText(result, 'HJ633-2012');
    await screenshot(page, '51-import-air');

    await page.getByTestId('view-monitoring').click();
    await page.getByTestId('monitoring').waitFor();
    expect(new URL(page.url()).search).toBe('?year=2023');
    const calendar = page.getByTestId('aqi-calendar');
    await calendar.locator('svg').first().waitFor();
    // A calendar of 365 days: each day with a valid AQI is a coloured cell; the level counts add up to 365.
    const counts = await eventually(
      async () => (await page.getByTestId('level-counts').locator('.ant-tag').allTextContents()).map((s) => Number(s.replace(/\D+/g, ' ').trim().split(' ').pop())),
      (xs) => xs.length === 7,
      'seven level tags',
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(365);
    expect(counts.slice(0, 6).reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    await visible(page.getByTestId('evaluation').getByText('年度评价'));
    await containsText(page.getByTestId('evaluation'), 'GB3095-2012');
    await screenshot(page, '52-monitoring');

    // One plan station at a time.
    await page.getByTestId('station-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="站点 1848A"]').click();
    await calendar.locator('svg').first().waitFor();
    await hasText(page.locator('[data-testid="station-select"] .ant-select-content, [data-testid="station-select"] .ant-select-selection-item').first(), '站点 1848A');
    // The one failed request is the refused values file of the first test (HTTP 400, shown as row errors).
    expect(unexpectedErrors(e.errors).filter((x) => !/status of 400/.test(x))).toEqual([]);
  });
});
