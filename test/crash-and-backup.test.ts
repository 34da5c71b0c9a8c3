/**
 * Crash safety and the backup drill, through the real `ecoplan` command:
 * - a SIGKILL in the middle of an import or a project adjustment leaves the data and the audit trail exactly
 *   as before the write (the fault-injection pause ECOPLAN_FAULT_PAUSE_MS holds the transaction open);
 * - backup → more changes → restore gives back the backed-up state, on SQLite and on PostgreSQL.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ZIYANG } from '../src/test-support/fixture-plans.js';
import { openDb } from '../src/store/db.js';
import { verifyAuditChain } from '../src/store/audit-repo.js';
import { freshDb, postgresAvailable } from '../src/test-support/db.js';
import { createContext } from '../src/services/context.js';
import { loadPlans } from '../src/services/plans.js';
import { setValue, indicatorDetail } from '../src/services/indicators.js';
import { backup, restore } from '../src/services/backup.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'ecoplan.js');
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-crash-'));
const dbUrl = `sqlite:${join(dir, 'db.sqlite')}`;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: dbUrl, ...env }, encoding: 'utf8' });
}

/** Starts the command with the fault pause, waits until it is inside its transaction, and kills it. */
function killMidWrite(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: dbUrl, ECOPLAN_FAULT_PAUSE_MS: '30000' } });
    let err = '';
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`the command never reached its commit: ${err}`));
    }, 20000);
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('fault-injection pause before commit')) p.kill('SIGKILL');
    });
    p.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 9 : null);
    });
  });
}

async function snapshot() {
  const db = await openDb(dbUrl);
  try {
    const k = db.kysely;
    return {
      values: await k.selectFrom('indicator_values').selectAll().orderBy('id').execute(),
      projects: await k.selectFrom('projects').selectAll().orderBy('id').execute(),
      changes: await k.selectFrom('project_changes').selectAll().orderBy('id').execute(),
      audit: await k.selectFrom('audit_log').selectAll().orderBy('id').execute(),
      chain: await verifyAuditChain(k),
    };
  } finally {
    await db.close();
  }
}

beforeAll(() => {
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  writeFileSync(join(plans, 'ziyang.yaml'), stringify(ZIYANG));
  const r = cli(['init', '--plans', plans]);
  expect(r.status, r.stderr).toBe(0);
  expect(cli(['values', 'set', '430902', '9', '2021', '40']).status).toBe(0);
});

describe('crash safety (SIGKILL mid-write)', () => {
  it('an import killed before commit leaves values and audit trail as they were', async () => {
    const rows = ['地区代码,序号,年份,数值'];
    for (const seq of [9, 17, 19]) for (let y = 2021; y <= 2025; y++) rows.push(`430902,${seq},${y},${seq === 19 ? 22.59 : 50 + y - 2021}`);
    const file = join(dir, 'values.csv');
    writeFileSync(file, rows.join('\n'));
    const before = await snapshot();
    expect(await killMidWrite(['values', 'import', file])).toBe(9);
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.chain.ok).toBe(true);
    // The same import without the kill goes through whole.
    const ok = cli(['values', 'import', file]);
    expect(ok.stdout).toContain('已导入 15 条数值');
    expect((await snapshot()).values.filter((v) => v.superseded_at === null)).toHaveLength(15);
  });

  it('a project adjustment killed before commit leaves the project, its history and the audit trail as they were', async () => {
    const before = await snapshot();
    expect(await killMidWrite(['projects', 'change', '430902', '--kind', '调整', '--seq', '3', '--investment', '60000', '--reason', '调减', '--date', '2023-03-15'])).toBe(9);
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.projects.find((p) => p.seq === 3)?.investment).toBe(72000);
    expect(cli(['audit', 'verify']).stdout).toContain('审计链完整');
  });
});

describe('backup and restore drill', () => {
  it('SQLite: restore brings back exactly the backed-up state', async () => {
    const file = join(dir, 'backup.sqlite');
    const atBackup = await snapshot();
    expect(cli(['backup', file]).status).toBe(0);
    expect(cli(['values', 'set', '430902', '9', '2022', '45']).status).toBe(0);
    expect(cli(['restore', file]).status).not.toBe(0); // needs --yes
    const r = cli(['restore', file, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    const restored = await snapshot();
    expect(restored.values).toEqual(atBackup.values);
    // The backup's own audit row was written after the copy, so the restored trail ends with the restore.
    expect(restored.audit.slice(0, atBackup.audit.length)).toEqual(atBackup.audit);
    expect(restored.audit.at(-1)).toMatchObject({ action: 'restore', outcome: 'success' });
    expect(restored.chain.ok).toBe(true);
    // A file that is not a backup is refused and changes nothing.
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const bad = cli(['restore', junk, '--yes']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('不是完好的 ecoplan 备份');
    expect((await snapshot()).values).toEqual(restored.values);
  });

  it('PostgreSQL: pg_dump and pg_restore round-trip', async (t) => {
    if (!(await postgresAvailable())) return t.skip();
    const db = await freshDb('postgres');
    const system = { kind: 'system' as const, name: 'drill', address: null };
    let ctx = createContext(db);
    await loadPlans(ctx, system, [{ file: 'z.yaml', plan: ZIYANG }]);
    await setValue(ctx, system, { region: '430902', seq: 9, year: 2021, value: 40 });
    const file = join(dir, 'backup.pgdump');
    await backup(ctx, system, file);
    await setValue(ctx, system, { region: '430902', seq: 9, year: 2021, value: 41 });
    await restore(db, file);
    const reopened = await openDb(db.pgUrl, { pgSchema: db.pgSchema });
    ctx = createContext(reopened);
    const d = await indicatorDetail(ctx, system, '430902', 9);
    expect(d.values.map((v) => v.value)).toEqual([40]);
    expect((await verifyAuditChain(reopened.kysely)).ok).toBe(true);
    await reopened.close();
    await db.drop();
  });
});
