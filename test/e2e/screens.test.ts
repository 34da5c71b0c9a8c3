/**
 * End to end: every screen once, as a user sees it, saved to test-artifacts/screenshots/ — on a laptop
 * (1440×900) in Chinese and English, and on a tablet (1024×768 landscape and 768×1024 portrait). Each screen
 * must render its main element without a console error.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { e2eUnavailable, launchBrowser, screenshot, signIn, startE2e, unexpectedErrors, visible, watchErrors, type E2e } from './support/harness.js';

const skip = e2eUnavailable();

/** The screens of a district plan and the element each must show. */
const REGION_SCREENS: [string, string, string][] = [
  ['overview', '/r/430602', 'overview'],
  ['indicators', '/r/430602/indicators', 'indicator-table'],
  ['indicator', '/r/430602/indicators/2', 'trend-chart'],
  ['projects', '/r/430602/projects', 'project-table'],
  ['commitments', '/r/430602/commitments', 'commitment-table'],
  ['monitoring', '/r/430602/monitoring', 'monitoring'],
  ['import', '/r/430602/import', 'import'],
  ['assessment', '/r/430602/assessment', 'assessment-table'],
  ['city', '/city/430600', 'city'],
];

describe.skipIf(skip !== null)('every screen (e2e screenshots)', { timeout: 240_000 }, () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('on a laptop, in Chinese and in English', async () => {
    const { page, server } = e;
    await page.goto(`${server.url}/`);
    await page.locator('#login-username').waitFor();
    await screenshot(page, '60-login');
    await signIn(page, server.url, 'editor');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang-switch').getByText('English').click();
      for (const [name, path, testId] of REGION_SCREENS) {
        await page.goto(`${server.url}${path}`);
        await visible(page.getByTestId(testId));
        await page.waitForLoadState('networkidle');
        await screenshot(page, `61-${name}-${lang}`);
      }
    }
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.getByTestId('user-menu').click();
    await page.getByText('修改密码').click();
    await visible(page.locator('.ant-modal #pw-current'));
    await screenshot(page, '62-change-password');
    expect(unexpectedErrors(e.errors)).toEqual([]);
  });

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    it(`on a tablet ${viewport.width}×${viewport.height}`, async () => {
      const tablet = await launchBrowser(viewport);
      try {
        const page = tablet.context.pages()[0] ?? (await tablet.context.newPage());
        const errors = watchErrors(page);
        await signIn(page, e.server.url, 'editor');
        for (const [name, path, testId] of REGION_SCREENS.filter(([n]) => ['overview', 'indicators', 'indicator', 'projects', 'commitments', 'monitoring'].includes(n))) {
          await page.goto(`${e.server.url}${path}`);
          await visible(page.getByTestId(testId)).catch(async (err: unknown) => {
            await screenshot(page, `63-tablet-${viewport.width}-${name}-FAILED`);
            throw err;
          });
          await page.waitForLoadState('networkidle');
          await screenshot(page, `63-tablet-${viewport.width}-${name}`);
          // Nothing may stick out sideways: the page scrolls vertically, tables scroll inside themselves.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        }
        expect(unexpectedErrors(errors)).toEqual([]);
      } finally {
        await tablet.close();
      }
    });
  }
});
