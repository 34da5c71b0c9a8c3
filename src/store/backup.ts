/**
 * Database-level backup and restore. SQLite: an online, consistent copy through SQLite's backup API, and a
 * restore that checks the copy and swaps it in atomically. PostgreSQL: pg_dump (custom format) and pg_restore.
 */
import { spawn } from 'node:child_process';
import { copyFile, rename, rm } from 'node:fs/promises';
import SqliteDatabase from 'better-sqlite3';
import { EcoplanError } from '../domain/errors.js';
import type { Db } from './db.js';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', (e) => reject(new EcoplanError('internal', `无法运行 ${cmd}：${e.message}`, `Cannot run ${cmd}`)));
    p.on('close', (code) => (code === 0 ? resolve() : reject(new EcoplanError('internal', `${cmd} 失败：${err.trim().split('\n').slice(-3).join(' ')}`, `${cmd} failed`))));
  });
}

/** libpq connection settings from a postgres:// URL, passed through the environment (never on the command line). */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: u.pathname.replace(/^\//, ''),
  };
}

/** Writes a consistent copy of the open database to `file`. */
export async function dumpDatabase(db: Db, file: string): Promise<void> {
  if (db.dialect === 'sqlite') {
    if (!db.sqlite) throw new EcoplanError('internal', '无 SQLite 连接', 'No SQLite handle');
    await db.sqlite.backup(file);
    return;
  }
  if (!db.pgUrl) throw new EcoplanError('invalid_input', '需要 PostgreSQL 连接地址', 'PostgreSQL URL needed');
  const schemaArgs = db.pgSchema ? [`--schema=${db.pgSchema}`] : [];
  await run('pg_dump', ['--format=custom', '--no-owner', ...schemaArgs, '--file', file], pgEnv(db.pgUrl));
}

/** Checks that a file is an ecoplan SQLite database in good order; returns its plan count. */
export function checkSqliteBackup(file: string): number {
  let probe: SqliteDatabase.Database | undefined;
  try {
    probe = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const ok = probe.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(String(ok));
    const row = probe.prepare('select count(*) as n from plans').get() as { n: number };
    probe.prepare('select count(*) from audit_log').get();
    return row.n;
  } catch (e) {
    throw new EcoplanError('invalid_input', `${file} 不是完好的 ecoplan 备份：${(e as Error).message}`, `${file} is not a sound ecoplan backup`);
  } finally {
    probe?.close();
  }
}

/**
 * Restores a backup over the database. SQLite: the server must be stopped; the file is checked, copied next
 * to the database and renamed over it, so a crash leaves either the old or the new database. The caller
 * reopens the database afterwards.
 */
export async function restore(db: Db, file: string): Promise<void> {
  if (db.dialect === 'sqlite') {
    const target = db.sqlitePath;
    if (!target || target === ':memory:') throw new EcoplanError('invalid_input', '内存数据库无法恢复', 'Cannot restore an in-memory database');
    checkSqliteBackup(file);
    await db.close();
    const tmp = `${target}.restore-${process.pid}`;
    await copyFile(file, tmp);
    await rm(`${target}-wal`, { force: true });
    await rm(`${target}-shm`, { force: true });
    await rename(tmp, target);
  } else {
    const url = db.pgUrl;
    if (!url) throw new EcoplanError('invalid_input', '需要 PostgreSQL 连接地址', 'PostgreSQL URL needed');
    await db.close();
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', new URL(url).pathname.replace(/^\//, ''), file], pgEnv(url));
  }
}
