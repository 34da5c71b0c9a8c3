import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, freshDb, postgresAvailable } from '../test-support/db.js';
import { ZIYANG, YUEYANGLOU } from '../test-support/fixture-plans.js';
import { createContext, type ServiceContext } from './context.js';
import { exportPlan, listPlans, loadPlans } from './plans.js';
import { assess, assignTarget, indicatorDetail, setValue } from './indicators.js';
import { importValues } from './imports.js';
import { changeProject, listProjects, projectChanges, updateProjectProgress } from './projects.js';
import { listCommitments, updateCommitmentProgress } from './commitments.js';
import { readAudit, verifyAudit } from './audit.js';
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { Db } from '../store/db.js';

const system: Actor = { kind: 'system', name: 'test', address: null };
const editor: Actor = { kind: 'user', id: 101, username: 'zy-editor', role: 'editor', unit: null, scopes: ['430902'], address: '127.0.0.1' };
const otherEditor: Actor = { kind: 'user', id: 102, username: 'yyl-editor', role: 'editor', unit: null, scopes: ['430602'], address: '127.0.0.1' };
const clerkWater: Actor = { kind: 'user', id: 103, username: 'zy-water', role: 'clerk', unit: '区水利局', scopes: ['430902'], address: null };
const reviewer: Actor = { kind: 'user', id: 104, username: 'yy-city', role: 'reviewer', unit: null, scopes: ['430900'], address: null };
const otherReviewer: Actor = { kind: 'user', id: 105, username: 'yueyang-city', role: 'reviewer', unit: null, scopes: ['430600'], address: null };
const admin: Actor = { kind: 'user', id: 106, username: 'admin', role: 'admin', unit: null, scopes: [], address: null };
const auditor: Actor = { kind: 'user', id: 107, username: 'auditor', role: 'auditor', unit: null, scopes: [], address: null };

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof EcoplanError) return e.code;
    throw e;
  }
}

describe.each(DIALECTS)('services on %s', (dialect) => {
  let db: Db & { drop(): Promise<void> };
  let ctx: ServiceContext;
  let skip = false;

  beforeAll(async () => {
    if (dialect === 'postgres' && !(await postgresAvailable())) {
      skip = true;
      return;
    }
    db = await freshDb(dialect);
    // A fixed "today" inside the period: 2023-06-30.
    ctx = createContext(db, () => new Date('2023-06-30T08:00:00Z'));
    await loadPlans(ctx, system, [
      { file: 'ziyang.yaml', plan: ZIYANG },
      { file: 'yueyanglou.yaml', plan: YUEYANGLOU },
    ]);
  });
  afterAll(async () => {
    if (!skip) await db.drop();
  });

  it('loads plans once and exports them with the plan file fields', async (t) => {
    if (skip) return t.skip();
    const again = await loadPlans(ctx, system, [{ file: 'ziyang.yaml', plan: ZIYANG }]);
    expect(again).toEqual({ loaded: [], skipped: ['430902'] });
    const p = await exportPlan(ctx, system, '430902');
    expect(p.region).toMatchObject({ code: '430902', name: '资阳区' });
    expect(p.indicators).toHaveLength(6);
    expect(p.projects.reduce((s, x) => s + x.investment, 0)).toBe(4800 + 15700 + 72000);
    expect(p.indicators.find((i) => i.seq === 19)?.target).toEqual({ kind: 'noDecrease', text: '不降低' });
    expect(p.commitments[0]).toMatchObject({ deadline: '2021-12-31', leadUnit: '区水利局' });
  });

  it('lists only the plans an actor may read', async (t) => {
    if (skip) return t.skip();
    expect((await listPlans(ctx, system)).map((p) => p.region.code)).toEqual(['430602', '430902']);
    expect((await listPlans(ctx, editor)).map((p) => p.region.code)).toEqual(['430902']);
    expect((await listPlans(ctx, reviewer)).map((p) => p.region.code)).toEqual(['430902']);
    expect(await listPlans(ctx, admin)).toEqual([]);
  });

  it('records a value, returns the new status, and keeps a correction as history', async (t) => {
    if (skip) return t.skip();
    // 岳阳楼区 PM2.5 36 → 34: 2022 path 35.2 (see domain tests).
    const first = await setValue(ctx, system, { region: '430602', seq: 1, year: 2022, value: 35.5, note: '初报' });
    expect(first.status).toBe('滞后');
    const fixed = await setValue(ctx, system, { region: '430602', seq: 1, year: 2022, value: 35, note: '更正' });
    expect(fixed.status).toBe('序时达标');
    const d = await indicatorDetail(ctx, system, '430602', 1);
    expect(d.values.filter((v) => v.year === 2022).map((v) => v.value)).toEqual([35]);
    expect(d.history.filter((v) => v.year === 2022).map((v) => [v.value, v.note, v.supersededAt !== null])).toEqual([
      [35, '更正', false],
      [35.5, '初报', true],
    ]);
    expect(d.byYear.find((y) => y.year === 2022)?.status).toBe('序时达标');
  });

  it('refuses a stale value edit with the current value', async (t) => {
    if (skip) return t.skip();
    const seen = (await indicatorDetail(ctx, system, '430602', 1)).values.find((v) => v.year === 2022);
    await setValue(ctx, system, { region: '430602', seq: 1, year: 2022, value: 34.9, replaces: seen?.id ?? null });
    const stale = await setValue(ctx, system, { region: '430602', seq: 1, year: 2022, value: 36, replaces: seen?.id ?? null }).catch((e: unknown) => e as EcoplanError);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: { value: 34.9 } } });
    const fresh = await setValue(ctx, system, { region: '430602', seq: 2, year: 2024, value: 91, replaces: null });
    expect(fresh.status).toBe('达标');
    expect(await code(setValue(ctx, system, { region: '430602', seq: 2, year: 2024, value: 92, replaces: null }))).toBe('conflict');
    await setValue(ctx, system, { region: '430602', seq: 1, year: 2022, value: 35, note: '更正' });
  });

  it('rejects bad values with the field named and writes nothing', async (t) => {
    if (skip) return t.skip();
    const before = await indicatorDetail(ctx, system, '430602', 2);
    const e = await setValue(ctx, system, { region: '430602', seq: 2, year: 2026, value: 90 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EcoplanError);
    expect((e as EcoplanError).issues[0]?.path).toBe('year');
    expect(await code(setValue(ctx, system, { region: '430602', seq: 2, year: 2022, value: 190 }))).toBe('invalid_input');
    expect(await code(setValue(ctx, system, { region: '430602', seq: 99, year: 2022, value: 1 }))).toBe('not_found');
    expect((await indicatorDetail(ctx, system, '430602', 2)).history).toEqual(before.history);
  });

  it('an assigned target is 待定 until the city reviewer sets it', async (t) => {
    if (skip) return t.skip();
    await setValue(ctx, editor, { region: '430902', seq: 7, year: 2023, value: 93.9 });
    let a = await assess(ctx, editor, '430902', 'midterm');
    expect(a.year).toBe(2023);
    expect(a.indicators.find((i) => i.seq === 7)?.status).toBe('待定');
    // The district editor may not set the city's target; a reviewer of another city neither.
    const assignment = { region: '430902', seq: 7, kind: 'atLeast' as const, value: 93.9, assignedBy: '益阳市生态环境局', assignedOn: '2021-09-01', document: '示例文号' };
    expect(await code(assignTarget(ctx, editor, assignment))).toBe('forbidden');
    expect(await code(assignTarget(ctx, otherReviewer, assignment))).toBe('forbidden');
    await assignTarget(ctx, reviewer, assignment);
    a = await assess(ctx, editor, '430902', 'midterm');
    expect(a.indicators.find((i) => i.seq === 7)).toMatchObject({ status: '达标', target: 93.9 });
    // Only assigned targets take a city value.
    expect(await code(assignTarget(ctx, reviewer, { ...assignment, seq: 9 }))).toBe('invalid_input');
  });

  it('enforces roles and district scope on every operation, including by id on another district', async (t) => {
    if (skip) return t.skip();
    // Another district's editor: cannot read or write 资阳区.
    expect(await code(exportPlan(ctx, otherEditor, '430902'))).toBe('forbidden');
    expect(await code(setValue(ctx, otherEditor, { region: '430902', seq: 9, year: 2022, value: 50 }))).toBe('forbidden');
    expect(await code(updateProjectProgress(ctx, otherEditor, { region: '430902', seq: 1, year: 2022, invested: 1 }))).toBe('forbidden');
    expect(await code(changeProject(ctx, otherEditor, { region: '430902', kind: '调出', seq: 2, reason: 'x', decidedOn: '2023-01-01' }))).toBe('forbidden');
    expect(await code(updateCommitmentProgress(ctx, otherEditor, { region: '430902', seq: 2, started: true }))).toBe('forbidden');
    // A department clerk writes only what its unit leads.
    expect(await code(setValue(ctx, clerkWater, { region: '430902', seq: 7, year: 2022, value: 100 }))).toBe('ok');
    expect(await code(setValue(ctx, clerkWater, { region: '430902', seq: 9, year: 2022, value: 50 }))).toBe('forbidden');
    expect(await code(updateProjectProgress(ctx, clerkWater, { region: '430902', seq: 1, year: 2022, invested: 1000 }))).toBe('ok');
    expect(await code(updateProjectProgress(ctx, clerkWater, { region: '430902', seq: 2, year: 2022, invested: 1000 }))).toBe('forbidden');
    expect(await code(changeProject(ctx, clerkWater, { region: '430902', kind: '调出', seq: 1, reason: 'x', decidedOn: '2023-01-01' }))).toBe('forbidden');
    expect(await code(updateCommitmentProgress(ctx, clerkWater, { region: '430902', seq: 1, started: true }))).toBe('ok');
    expect(await code(updateCommitmentProgress(ctx, clerkWater, { region: '430902', seq: 2, started: true }))).toBe('forbidden');
    // A city reviewer reads its districts but does not enter data.
    expect(await code(exportPlan(ctx, reviewer, '430902'))).toBe('ok');
    expect(await code(exportPlan(ctx, reviewer, '430602'))).toBe('forbidden');
    expect(await code(setValue(ctx, reviewer, { region: '430902', seq: 9, year: 2022, value: 50 }))).toBe('forbidden');
    // The administrator manages accounts, not data; the auditor reads only the audit trail.
    expect(await code(exportPlan(ctx, admin, '430902'))).toBe('forbidden');
    expect(await code(assess(ctx, auditor, '430902', 'annual', 2022))).toBe('forbidden');
    expect(await code(readAudit(ctx, editor, {}))).toBe('forbidden');
    expect(await code(readAudit(ctx, auditor, {}))).toBe('ok');
    // Each refusal is in the audit trail.
    const denied = await readAudit(ctx, auditor, { limit: 1000 });
    expect(denied.filter((r) => r.outcome === 'denied' && r.actor === 'yyl-editor').length).toBeGreaterThanOrEqual(5);
  });

  it('project investment, schedule light and rolling adjustments keep the old version', async (t) => {
    if (skip) return t.skip();
    await updateProjectProgress(ctx, editor, { region: '430902', seq: 1, status: '在建' });
    await updateProjectProgress(ctx, editor, { region: '430902', seq: 1, year: 2023, invested: 920 });
    // invested 1000 (2022, above) + 920 = 1920 of 4800 = 40% vs time share 50% × 0.8 = 40% → 正常
    let list = await listProjects(ctx, editor, '430902', 2023);
    expect(list.projects.find((p) => p.seq === 1)).toMatchObject({ investedTotal: 1920, light: '正常' });
    const version = list.projects.find((p) => p.seq === 3)?.rowVersion ?? 0;
    await changeProject(ctx, editor, { region: '430902', kind: '调整', seq: 3, reason: '初步设计批复调减投资', decidedOn: '2023-03-15', document: '资发改〔2023〕5号', fields: { investment: 60000 }, rowVersion: version });
    // A second edit from the same stale version is refused with the current record.
    const stale = await changeProject(ctx, editor, { region: '430902', kind: '调整', seq: 3, reason: 'x', decidedOn: '2023-03-16', fields: { investment: 1 }, rowVersion: version }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(EcoplanError);
    expect((stale as EcoplanError).code).toBe('conflict');
    expect((stale as EcoplanError).details).toMatchObject({ current: { investment: 60000 } });
    const added = await changeProject(ctx, editor, { region: '430902', kind: '调入', reason: '新增黑臭水体整治', decidedOn: '2023-04-01', fields: { category: '水生态环境提升类', name: '示例新增项目', startYear: 2023, endYear: 2024, investment: 500 } });
    expect(added).toBe(4);
    await changeProject(ctx, editor, { region: '430902', kind: '调出', seq: 2, reason: '已纳入市级项目', decidedOn: '2023-05-01' });
    list = await listProjects(ctx, editor, '430902', 2023);
    expect(list.summary.total).toMatchObject({ count: 3, planned: 4800 + 60000 + 500 });
    const history = await projectChanges(ctx, editor, '430902');
    expect(history.map((h) => [h.seq, h.kind])).toEqual([
      [3, '调整'],
      [4, '调入'],
      [2, '调出'],
    ]);
    expect(history[0]?.before).toMatchObject({ investment: 72000 });
    expect(history[0]?.after).toMatchObject({ investment: 60000 });
    expect(await code(changeProject(ctx, editor, { region: '430902', kind: '调整', seq: 1, reason: '', decidedOn: '2023-05-01', fields: { investment: 1 } }))).toBe('invalid_input');
  });

  it('commitments become overdue after their deadline and need evidence to complete', async (t) => {
    if (skip) return t.skip();
    let rows = await listCommitments(ctx, editor, '430902');
    // today is 2023-06-30: the 2021-12-31 one is overdue (started above but not done), the 2023-12-31 one not yet.
    expect(rows.map((c) => c.status)).toEqual(['逾期', '未开始']);
    expect(await code(updateCommitmentProgress(ctx, editor, { region: '430902', seq: 2, done: true, doneOn: '2023-05-01' }))).toBe('invalid_input');
    await updateCommitmentProgress(ctx, editor, { region: '430902', seq: 2, done: true, doneOn: '2023-05-01', evidence: '资阳区执法大队标准化建设验收意见' });
    rows = await listCommitments(ctx, editor, '430902');
    expect(rows.map((c) => c.status)).toEqual(['逾期', '已完成']);
  });

  it('imports a CSV all or nothing, naming the row and column of each problem', async (t) => {
    if (skip) return t.skip();
    const bad = Buffer.from('地区代码,序号,年份,数值\n430602,2,2021,93.2\n430602,2,2022,九十\n430602,2,2027,91\n', 'utf8');
    const e = await importValues(ctx, editor, bad, 'bad.csv').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EcoplanError);
    // editor of 资阳区 is not allowed on 岳阳楼区 at all; check the parse errors with the system actor
    const e2 = await importValues(ctx, system, bad, 'bad.csv').catch((x: unknown) => x as EcoplanError);
    expect((e2 as EcoplanError).issues.map((i) => [i.row, i.column])).toEqual([[3, 'D（数值）']]);
    const e3 = await importValues(ctx, system, Buffer.from('地区代码,序号,年份,数值\n430602,2,2021,93.2\n430602,2,2027,91\n'), 'late.csv').catch((x: unknown) => x as EcoplanError);
    expect((e3 as EcoplanError).issues[0]).toMatchObject({ file: 'late.csv', row: 3 });
    expect((await indicatorDetail(ctx, system, '430602', 2)).values.find((v) => v.year === 2021)).toBeUndefined();
    const good = Buffer.from('\uFEFFregion,seq,year,value,note\n430602,2,2021,93.2,城陵矶站\n430602,2,2022,91.5,\n', 'utf8');
    expect(await importValues(ctx, system, good, 'good.csv')).toBe(2);
    const d = await indicatorDetail(ctx, system, '430602', 2);
    expect(d.values.filter((v) => v.year <= 2022).map((v) => [v.year, v.value, v.source.kind, v.source.ref])).toEqual([
      [2021, 93.2, 'import', 'good.csv'],
      [2022, 91.5, 'import', 'good.csv'],
    ]);
  });

  it('the audit trail is a verified hash chain that detects tampering', async (t) => {
    if (skip) return t.skip();
    const ok = await verifyAudit(ctx, auditor);
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(10);
    const rows = await readAudit(ctx, auditor, { action: 'value.set', limit: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    const victim = rows[rows.length - 1];
    expect(victim?.before === null || typeof victim?.before === 'object').toBe(true);
    await db.kysely.updateTable('audit_log').set({ after: '{"value":1}' }).where('id', '=', victim?.id ?? 0).execute();
    const broken = await verifyAudit(ctx, auditor);
    expect(broken).toMatchObject({ ok: false, problem: { id: victim?.id } });
  });
});
