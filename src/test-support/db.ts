/**
 * Test databases: a fresh in-memory SQLite, and a fresh PostgreSQL schema on 127.0.0.1:5432 (database test).
 * PostgreSQL tests run when the server answers; under CI (CI=true) it must answer.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../store/db.js';

/** The PostgreSQL URL the tests use. */
export const TEST_PG_URL = process.env.ECOPLAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | null = null;

/** Whether the test PostgreSQL answers (cached). Under CI a missing server is an error, not a skip. */
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('select 1');
      return true;
    } catch (e) {
      if (process.env.CI) throw new Error(`CI 需要 PostgreSQL（${TEST_PG_URL}）：${String(e)}`);
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return pgAvailable;
}

/** The dialects to run repository and service tests on. */
export const DIALECTS = ['sqlite', 'postgres'] as const;

/** Opens a fresh, migrated database of the dialect; `drop` removes it. */
export async function freshDb(dialect: (typeof DIALECTS)[number]): Promise<Db & { drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = await openDb('sqlite::memory:');
    return { ...db, drop: () => db.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openDb(TEST_PG_URL, { pgSchema: schema });
  return {
    ...db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}
