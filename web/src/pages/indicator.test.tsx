// @vitest-environment jsdom
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { assessIndicator } from '../../../src/domain/assessment.js';
import { Indicator as IndicatorSchema } from '../../../src/domain/plan-schema.js';
import { api, type IndicatorDetail, type PlanSummary, type User } from '../api.js';
import { fakeServer, renderInApp } from '../test-render.js';
import { IndicatorPage } from './indicator.js';

vi.mock('../components/echart.js', () => ({ EChart: ({ testId }: { testId?: string }) => <div data-testid={testId ?? 'chart'} /> }));

// 岳阳楼区 (plans/430602-yueyanglou.yaml): seq 2 优良天数比例 % 92.1 → ≥90.9 (binding); seq 6 CO2, 市级下达 (assigned).
const PERIOD = { start: 2021, end: 2025, baseline: 2020 };
const PLAN: PlanSummary = { region: { code: '430602', name: '岳阳楼区', fullName: '岳阳市岳阳楼区', city: { code: '430600', name: '岳阳市' } }, title: '岳阳楼区生态环境保护“十四五”规划', period: { ...PERIOD, midterm: 2023 } };
const GOOD_DAYS = IndicatorSchema.parse({ seq: 2, category: '环境质量改善', subgroup: '空气环境质量', name: '城市空气质量优良天数比例（城陵矶站点）', unit: '%', baseline: { value: 92.1, text: '92.1' }, target: { kind: 'atLeast', value: 90.9, text: '90.9' }, direction: 'higher', binding: true, attributeText: '约束性' });
const CO2 = IndicatorSchema.parse({ seq: 6, category: '应对气候变化', name: '单位国内生产总值二氧化碳排放', unit: '%', baseline: { value: null, text: '—' }, target: { kind: 'assigned', text: '市级下达指' }, direction: 'higher', binding: true, attributeText: '约束性' });

function detail(ind: typeof GOOD_DAYS, values: { year: number; value: number }[]): IndicatorDetail {
  return {
    indicator: ind as IndicatorDetail['indicator'],
    assignment: null,
    period: PERIOD,
    byYear: [2021, 2022, 2023, 2024, 2025].map((y) => assessIndicator(ind, PERIOD, values, y)),
    values: [],
    history: [],
  };
}

const EDITOR: User = { id: 1, username: 'editor', role: 'editor', unit: null, scopes: ['430602'], mustChangePassword: false };
const CLERK: User = { id: 2, username: 'yy-clerk', role: 'clerk', unit: '区住建局', scopes: ['430602'], mustChangePassword: false };
const REVIEWER: User = { id: 3, username: 'yy-city', role: 'reviewer', unit: null, scopes: ['430600'], mustChangePassword: false };

let saved: { year: number; value: number }[] = [];
const server = fakeServer((method, url, body) => {
  const m = /\/indicators\/(\d+)(?:\/values\/(\d+))?$/.exec(url);
  const ind = m?.[1] === '6' ? CO2 : GOOD_DAYS;
  if (method === 'GET' && m) return [200, detail(ind, saved)];
  if (method === 'PUT' && m?.[2]) {
    const v = body as { value: number };
    saved = [...saved.filter((s) => s.year !== Number(m[2])), { year: Number(m[2]), value: v.value }];
    return [200, assessIndicator(ind, PERIOD, saved, Number(m[2]))];
  }
  return [404, { error: { code: 'not_found', message: '接口不存在', messageEn: 'No such API route' } }];
});

beforeEach(() => {
  saved = [];
  server.calls.length = 0;
  vi.stubGlobal('fetch', server.fetch);
  api.setCsrfToken('csrf-test');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the indicator page', () => {
  it('checks a percentage before sending, then saves and shows the new status', async () => {
    renderInApp(<IndicatorPage user={EDITOR} plan={PLAN} seq={2} />);
    const input = await screen.findByTestId('value-input');
    const field = input.querySelector('input') ?? input;
    // Every year starts without data (the status table shows 无数据 five times).
    expect(screen.getAllByText('无数据').length).toBeGreaterThanOrEqual(5);

    fireEvent.change(field, { target: { value: '150' } });
    fireEvent.click(screen.getByTestId('value-submit'));
    expect(await screen.findByText('单位为 %，数值应在 -100 到 100 之间')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    fireEvent.change(field, { target: { value: '95' } });
    fireEvent.click(screen.getByTestId('value-submit'));
    // 95 ≥ 90.9: 达标 (src/domain/assessment.ts), saved for the default year 2025 (the last full year of the period).
    const result = await screen.findByTestId('value-result');
    expect(result.textContent).toContain('已保存：2025年状态为「达标」');
    expect(result.textContent).toContain('2025年值95%，已达到目标（≥90.9）');
    const put = server.calls.find((c) => c.method === 'PUT');
    expect(put?.url).toBe('/api/v1/plans/430602/indicators/2/values/2025');
    expect(put?.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(put?.body).toEqual({ value: 95, judgement: null, note: null });
    // The page reloads the indicator: 2025 now shows 达标 in the status table.
    await waitFor(() => expect(server.calls.filter((c) => c.method === 'GET')).toHaveLength(2));
  });

  it('hides the data-entry form from a department clerk whose unit is not responsible', async () => {
    renderInApp(<IndicatorPage user={CLERK} plan={PLAN} seq={2} />);
    await screen.findByTestId('trend-chart');
    expect(screen.queryByTestId('value-entry')).toBeNull();
    expect(screen.queryByTestId('assignment-entry')).toBeNull();
  });

  it('gives the city reviewer the assigned-target form and checks it', async () => {
    renderInApp(<IndicatorPage user={REVIEWER} plan={PLAN} seq={6} />);
    const form = await screen.findByTestId('assignment-entry');
    expect(screen.queryByTestId('value-entry')).toBeNull();
    expect(screen.getByText('尚未下达')).toBeTruthy();
    fireEvent.click(form.querySelector('button[type="submit"]') as HTMLElement);
    expect(await screen.findByText('请填写数值')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('speaks English when asked', async () => {
    renderInApp(<IndicatorPage user={EDITOR} plan={PLAN} seq={2} />, 'en');
    await screen.findByTestId('value-entry');
    expect(screen.getByText('Enter a value')).toBeTruthy();
    expect(screen.getAllByText('No data').length).toBeGreaterThanOrEqual(5);
  });
});
