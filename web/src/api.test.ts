import { describe, it, expect } from 'vitest';
import { ApiError, apiErrorFrom, createApi, query } from './api.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fake fetch answering from a table of (method path) → [status, body]. */
function fakeFetch(answers: Record<string, [number, unknown]>) {
  const calls: Call[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string | undefined });
    const [status, body] = answers[`${method} ${url}`] ?? [404, { error: { code: 'not_found', message: '接口不存在', messageEn: 'No such API route' } }];
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls, fetchImpl };
}

const USER = { id: 3, username: 'editor', role: 'editor', unit: null, scopes: ['430602'], mustChangePassword: false };

describe('the API client', () => {
  it('keeps the CSRF token from /auth/me and sends it with state changes only', async () => {
    const { calls, fetchImpl } = fakeFetch({
      'GET /api/v1/auth/me': [200, { user: USER, csrfToken: 'tok-1' }],
      'GET /api/v1/plans/430602/projects?year=2023': [200, { year: 2023, projects: [], summary: { categories: [], total: { category: '合计', count: 0, planned: 0, invested: 0 } }, printedInvestmentByCategory: null }],
      'PUT /api/v1/plans/430602/indicators/1/values/2025': [200, { seq: 1, status: '达标' }],
    });
    const api = createApi(fetchImpl);
    expect((await api.me()).username).toBe('editor');
    expect(api.csrfToken()).toBe('tok-1');
    await api.projects('430602', 2023);
    const r = await api.setValue('430602', 1, 2025, { value: 33, note: null });
    expect(r.status).toBe('达标');
    expect(calls[1]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[2]?.headers['X-CSRF-Token']).toBe('tok-1');
    expect(calls[2]?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[2]?.body ?? '')).toEqual({ value: 33, note: null });
  });

  it('takes the token from sign-in and forgets it after a password change', async () => {
    const { fetchImpl } = fakeFetch({
      'POST /api/v1/auth/login': [200, { user: USER, csrfToken: 'tok-2' }],
      'POST /api/v1/auth/password': [200, { ok: true, message: '密码已修改，请重新登录' }],
    });
    const api = createApi(fetchImpl);
    await api.login('editor', 'Str0ng!Passw0rd');
    expect(api.csrfToken()).toBe('tok-2');
    await api.changePassword('Str0ng!Passw0rd', 'N3w!Passw0rd-x');
    expect(api.csrfToken()).toBeNull();
  });

  it('turns error answers into ApiError with both messages, the issues and the details', async () => {
    const issues = [{ file: 'values.csv', row: 3, column: '数值', message: '数值应为数字' }];
    const { fetchImpl } = fakeFetch({
      'GET /api/v1/plans/430602/commitments': [400, { error: { code: 'invalid_input', message: '文件 values.csv 有 1 处错误，未写入任何数据', messageEn: 'values.csv has errors; nothing was written', issues } }],
      'POST /api/v1/plans/430602/projects-changes': [409, { error: { code: 'conflict', message: '项目 1 已被他人修改，请刷新后重试', messageEn: 'The project was changed by someone else; reload and retry', issues: [], details: { current: { investment: 200000 }, rowVersion: 2 } } }],
    });
    const api = createApi(fetchImpl);
    const e1 = await api.commitments('430602').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).status).toBe(400);
    expect((e1 as ApiError).text('zh')).toBe('文件 values.csv 有 1 处错误，未写入任何数据');
    expect((e1 as ApiError).text('en')).toBe('values.csv has errors; nothing was written');
    expect((e1 as ApiError).issues).toEqual(issues);
    const e2 = (await api.changeProject('430602', { kind: '调整', seq: 1, reason: 'r', decidedOn: '2023-03-15', fields: { investment: 1 }, rowVersion: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(e2.code).toBe('conflict');
    expect(e2.details).toEqual({ current: { investment: 200000 }, rowVersion: 2 });
  });

  it('reports a lost session and a pending password change to the app, but not a failed sign-in', async () => {
    let lost = 0;
    let mustChange = 0;
    const { fetchImpl } = fakeFetch({
      'GET /api/v1/plans': [401, { error: { code: 'unauthenticated', message: '请先登录', messageEn: 'Please sign in' } }],
      'POST /api/v1/auth/login': [401, { error: { code: 'unauthenticated', message: '用户名或密码错误', messageEn: 'Wrong username or password' } }],
      'GET /api/v1/users': [403, { error: { code: 'forbidden', message: '首次登录须修改密码', messageEn: 'Change your password first' } }],
    });
    const api = createApi(fetchImpl, { onUnauthenticated: () => lost++, onMustChangePassword: () => mustChange++ });
    await expect(api.plans()).rejects.toBeInstanceOf(ApiError);
    await expect(api.login('x', 'y')).rejects.toMatchObject({ status: 401 });
    await expect(api.users()).rejects.toMatchObject({ status: 403 });
    expect(lost).toBe(1);
    expect(mustChange).toBe(1);
  });

  it('reports a network failure as status 0 with a message in both languages', async () => {
    const api = createApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e = (await api.plans().catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.text('zh')).toContain('无法连接服务器');
    expect(e.text('en')).toContain('Cannot reach the server');
  });

  it('builds query strings and report addresses', () => {
    expect(query({ stage: 'final', year: undefined, format: 'docx' })).toBe('?stage=final&format=docx');
    expect(query({})).toBe('');
    const api = createApi(async () => new Response(''));
    expect(api.reportUrl('430602', 'midterm', 'xlsx', 2023)).toBe('/api/v1/plans/430602/report?stage=midterm&year=2023&format=xlsx');
  });

  it('falls back to the HTTP status when the body is not the error shape', () => {
    const e = apiErrorFrom(502, '<html>bad gateway</html>');
    expect(e.code).toBe('internal');
    expect(e.text('zh')).toBe('请求失败（HTTP 502）');
  });
});

describe('the public snapshot', () => {
  it('is asked for again each time (no-cache), without credentials beyond the same origin', async () => {
    const inits: RequestInit[] = [];
    const api = createApi(async (_url, init) => {
      inits.push(init ?? {});
      return new Response(JSON.stringify({ error: { code: 'not_found', message: '该地区尚未公开发布信息', messageEn: 'Nothing published for this region yet' } }), { status: 404 });
    });
    await expect(api.publicSnapshot('430602')).rejects.toMatchObject({ status: 404 });
    expect(inits[0]?.cache).toBe('no-cache');
    expect(inits[0]?.method).toBe('GET');
  });
});
