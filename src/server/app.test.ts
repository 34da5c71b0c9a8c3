import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { openDb, type Db } from '../store/db.js';
import { createContext } from '../services/context.js';
import { loadPlans } from '../services/plans.js';
import { addUser } from '../services/accounts.js';
import { ZIYANG, YUEYANGLOU } from '../test-support/fixture-plans.js';

const system = { kind: 'system' as const, name: 'test', address: null };
const PASSWORD = 'Qingshan#2025';

let app: FastifyInstance;
let db: Db;
let clock = new Date('2024-03-01T02:00:00Z');

async function login(username: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === 'ecoplan_session');
  return { res, cookie: cookie ? `ecoplan_session=${cookie.value}` : '', csrf: (res.json() as { csrfToken?: string }).csrfToken ?? '', raw: cookie };
}

beforeAll(async () => {
  db = await openDb('sqlite::memory:');
  const ctx = createContext(db, () => clock);
  await loadPlans(ctx, system, [
    { file: 'z.yaml', plan: ZIYANG },
    { file: 'y.yaml', plan: YUEYANGLOU },
  ]);
  await addUser(ctx, system, { username: 'admin', role: 'admin', password: PASSWORD, mustChange: false });
  await addUser(ctx, system, { username: 'yyl', role: 'editor', scopes: ['430602'], password: PASSWORD, mustChange: false });
  await addUser(ctx, system, { username: 'zyq', role: 'editor', scopes: ['430902'], password: PASSWORD, mustChange: false });
  await addUser(ctx, system, { username: 'newbie', role: 'editor', scopes: ['430902'], password: PASSWORD });
  await addUser(ctx, system, { username: 'audit', role: 'auditor', password: PASSWORD, mustChange: false });
  app = await buildApp(ctx, { signInPerMinute: 1000 });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('HTTP API', () => {
  it('requires signing in for plan data and sets strict headers', async () => {
    const res = await app.inject({ url: '/api/v1/plans/430602' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated', message: '请先登录' } });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('signs in with an HttpOnly SameSite=Strict cookie and needs the CSRF token to write', async () => {
    const s = await login('yyl');
    expect(s.res.statusCode).toBe(200);
    expect(s.raw).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const plan = await app.inject({ url: '/api/v1/plans/430602', headers: { cookie: s.cookie } });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ region: { code: '430602' } });
    const noToken = await app.inject({ method: 'PUT', url: '/api/v1/plans/430602/indicators/1/values/2023', headers: { cookie: s.cookie }, payload: { value: 35 } });
    expect(noToken.statusCode).toBe(403);
    const ok = await app.inject({ method: 'PUT', url: '/api/v1/plans/430602/indicators/1/values/2023', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { value: 35 } });
    expect(ok.statusCode).toBe(200);
    // 36 → 34, 2023 path 34.8: 35 is behind.
    expect(ok.json()).toMatchObject({ status: '滞后', expected: 34.8 });
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/plans/430602/indicators/1/values/2031', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { value: 35 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'year' });
  });

  it("refuses another district's records by id, and the admin any plan data", async () => {
    const s = await login('yyl');
    for (const url of ['/api/v1/plans/430902', '/api/v1/plans/430902/indicators/9', '/api/v1/plans/430902/projects', '/api/v1/plans/430902/commitments']) {
      expect((await app.inject({ url, headers: { cookie: s.cookie } })).statusCode).toBe(403);
    }
    const w = await app.inject({ method: 'PATCH', url: '/api/v1/plans/430902/projects/1', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { year: 2023, invested: 1 } });
    expect(w.statusCode).toBe(403);
    const a = await login('admin');
    expect((await app.inject({ url: '/api/v1/plans/430602', headers: { cookie: a.cookie } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/users', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/plans', headers: { cookie: s.cookie } })).json().map((p: { region: { code: string } }) => p.region.code)).toEqual(['430602']);
  });

  it('returns 409 with the current record on a stale project edit', async () => {
    const s = await login('zyq');
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const list = (await app.inject({ url: '/api/v1/plans/430902/projects?year=2023', headers: h })).json();
    const v = list.projects.find((p: { seq: number }) => p.seq === 2).rowVersion;
    const first = await app.inject({ method: 'POST', url: '/api/v1/plans/430902/projects-changes', headers: h, payload: { kind: '调整', seq: 2, reason: '调减', decidedOn: '2023-02-01', fields: { investment: 15000 }, rowVersion: v } });
    expect(first.statusCode).toBe(200);
    const second = await app.inject({ method: 'POST', url: '/api/v1/plans/430902/projects-changes', headers: h, payload: { kind: '调整', seq: 2, reason: '再调', decidedOn: '2023-02-02', fields: { investment: 14000 }, rowVersion: v } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.investment).toBe(15000);
  });

  it('makes a new account change its password first, then ends the session', async () => {
    const s = await login('newbie');
    expect(s.res.statusCode).toBe(200);
    const blocked = await app.inject({ url: '/api/v1/plans/430902', headers: { cookie: s.cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('首次登录须修改密码');
    const weak = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { current: PASSWORD, next: 'password1' } });
    expect(weak.statusCode).toBe(400);
    const same = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { current: PASSWORD, next: PASSWORD } });
    expect(same.statusCode).toBe(400);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { current: PASSWORD, next: 'Dongting#Lake9' } });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const again = await login('newbie', 'Dongting#Lake9');
    expect((await app.inject({ url: '/api/v1/plans/430902', headers: { cookie: again.cookie } })).statusCode).toBe(200);
  });

  it('locks an account after 5 failures for 15 minutes, and logs it', async () => {
    for (let i = 0; i < 5; i++) expect((await login('zyq', 'Wrong#Pass1')).res.statusCode).toBe(401);
    const locked = await login('zyq');
    expect(locked.res.statusCode).toBe(401);
    expect(locked.res.json().error.message).toContain('账号已锁定');
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('zyq')).res.statusCode).toBe(200);
    const au = await login('audit');
    const rows = (await app.inject({ url: '/api/v1/audit?action=auth', headers: { cookie: au.cookie } })).json() as { action: string; outcome: string }[];
    expect(rows.some((r) => r.action === 'auth.lockout')).toBe(true);
  });

  it('ends sessions on logout and after 30 idle minutes', async () => {
    const s = await login('yyl');
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const t = await login('yyl');
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie: t.cookie } })).statusCode).toBe(401);
  });

  it('serves only published snapshots publicly', async () => {
    expect((await app.inject({ url: '/api/v1/public/430602' })).statusCode).toBe(404);
    const s = await login('yyl');
    const pub = await app.inject({ method: 'POST', url: '/api/v1/plans/430602/publish', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { year: 2023 } });
    expect(pub.statusCode).toBe(200);
    // A value entered after publication is not public until published again.
    await app.inject({ method: 'PUT', url: '/api/v1/plans/430602/indicators/2/values/2023', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { value: 95 } });
    const p = await app.inject({ url: '/api/v1/public/430602' });
    expect(p.statusCode).toBe(200);
    const body = p.json();
    expect(body.indicators.find((i: { seq: number }) => i.seq === 1)).toMatchObject({ value: 35, status: '滞后' });
    expect(body.indicators.find((i: { seq: number }) => i.seq === 2)).toMatchObject({ value: null, status: '无数据' });
    expect(JSON.stringify(body)).not.toContain('recordedBy');
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/v1/plans/{region}/assessment');
  });
});
