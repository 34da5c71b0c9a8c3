/**
 * Opens the database named by DATABASE_URL: unset → the SQLite file ./data/ecoplan.sqlite; `sqlite:<path>` →
 * another SQLite file (`sqlite::memory:` for a throw-away one); `postgres://…` / `postgresql://…` → PostgreSQL.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrateToLatest } from './migrations.js';

/** The default SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/ecoplan.sqlite';

/** An open database. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** A description safe to print (no password). */
  describe: string;
  /** The SQLite file path, when SQLite. */
  sqlitePath?: string;
  /** The PostgreSQL schema in use, when one was named. */
  pgSchema?: string;
  /** The connection URL, when PostgreSQL (for pg_dump / pg_restore). */
  pgUrl?: string;
  /** The raw better-sqlite3 handle, when SQLite (for online backup). */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

/** Options for opening a database. */
export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); used by tests to isolate runs. */
  pgSchema?: string;
  /** Run migrations after opening (default true). */
  migrate?: boolean;
}

/** Hides the password of a connection URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  }
}

/** Opens (and by default migrates) the database at `url` (or DATABASE_URL, or the default SQLite file). */
export async function openDb(url: string | undefined = process.env.DATABASE_URL, options: OpenOptions = {}): Promise<Db> {
  const target = url && url.trim() !== '' ? url.trim() : `sqlite:${DEFAULT_SQLITE_PATH}`;
  let db: Db;
  if (target.startsWith('postgres://') || target.startsWith('postgresql://')) {
    const schema = options.pgSchema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`无效的 schema 名：${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: target });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: target,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    db = { kysely, dialect: 'postgres', describe: redactUrl(target), pgSchema: schema, pgUrl: target, close: () => kysely.destroy() };
  } else if (target.startsWith('sqlite:')) {
    const raw = target.slice('sqlite:'.length);
    const memory = raw === ':memory:';
    const path = memory ? ':memory:' : resolve(raw);
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    db = { kysely, dialect: 'sqlite', describe: `SQLite ${path}`, sqlitePath: path, sqlite, close: () => kysely.destroy() };
  } else {
    throw new Error(`无法识别的 DATABASE_URL：应为 sqlite:<路径> 或 postgres://…（收到 ${redactUrl(target)}）`);
  }
  if (options.migrate !== false) await migrateToLatest(db.kysely, db.dialect);
  return db;
}
