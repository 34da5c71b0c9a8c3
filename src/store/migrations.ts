/**
 * Database migrations, in code, the same for SQLite and PostgreSQL. Append new migrations; never edit a
 * released one.
 */
import type { Database } from './schema.js';
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql, type CreateTableBuilder } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

type AnyDb = Kysely<Database>;

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

function initial(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('regions')
        .addColumn('code', 'varchar(6)', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('city_name', 'text', (c) => c.notNull())
        .addColumn('province_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('province_name', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('plans'), dialect)
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull().unique().references('regions.code'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('period_start', 'integer', (c) => c.notNull())
        .addColumn('period_end', 'integer', (c) => c.notNull())
        .addColumn('baseline_year', 'integer', (c) => c.notNull())
        .addColumn('midterm_year', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('source_file', 'text', (c) => c.notNull())
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('indicators'), dialect)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addColumn('binding', 'integer', (c) => c.notNull())
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('responsible_unit', 'text')
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('indicators_plan_seq', ['plan_id', 'seq'])
        .execute();

      await withId(db.schema.createTable('indicator_values'), dialect)
        .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('judgement', 'text')
        .addColumn('note', 'text')
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('source_ref', 'text')
        .addColumn('standard', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'text')
        .execute();
      await db.schema
        .createIndex('indicator_values_current')
        .on('indicator_values')
        .columns(['indicator_id', 'year', 'basis'])
        .unique()
        .where(sql.ref('superseded_at'), 'is', null)
        .execute();

      await withId(db.schema.createTable('target_assignments'), dialect)
        .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.notNull())
        .addColumn('assigned_on', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'text')
        .execute();

      await withId(db.schema.createTable('projects'), dialect)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('start_year', 'integer', (c) => c.notNull())
        .addColumn('end_year', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('investment', 'double precision', (c) => c.notNull())
        .addColumn('lead_unit', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('flags', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('projects_plan_seq', ['plan_id', 'seq'])
        .execute();

      await withId(db.schema.createTable('project_years'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('invested', 'double precision', (c) => c.notNull())
        .addColumn('progress', 'double precision')
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'text')
        .execute();
      await db.schema
        .createIndex('project_years_current')
        .on('project_years')
        .columns(['project_id', 'year'])
        .unique()
        .where(sql.ref('superseded_at'), 'is', null)
        .execute();

      await withId(db.schema.createTable('project_changes'), dialect)
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('decided_on', 'text', (c) => c.notNull())
        .addColumn('document', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('commitments'), dialect)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('deadline_text', 'text', (c) => c.notNull())
        .addColumn('target_text', 'text')
        .addColumn('lead_unit', 'text')
        .addColumn('started', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('done_on', 'text')
        .addColumn('evidence', 'text')
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text')
        .addUniqueConstraint('commitments_plan_seq', ['plan_id', 'seq'])
        .execute();

      await withId(db.schema.createTable('users'), dialect)
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_history', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('user_scopes')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_scopes_pk', ['user_id', 'region_code'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('absolute_expires_at', 'text', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .addColumn('last_hash', 'text', (c) => c.notNull())
        .execute();
      await db.insertInto('audit_head').values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) }).execute();

      await withId(db.schema.createTable('publications'), dialect)
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .execute();

      for (const [table, cols] of [
        ['indicators', ['plan_id']],
        ['projects', ['plan_id']],
        ['project_changes', ['project_id']],
        ['commitments', ['plan_id']],
        ['sessions', ['user_id']],
        ['publications', ['region_code']],
      ] as const) {
        await db.schema.createIndex(`${table}_${cols.join('_')}`).on(table).columns([...cols]).execute();
      }
    },
  };
}

/** Daily air results and annual evaluations per station and per district (a district's scope is `region:<code>`). */
function airDaily(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('air_daily')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('aqi', 'integer')
        .addColumn('primary_pollutant', 'text')
        .addColumn('pm25', 'double precision')
        .addColumn('pm10', 'double precision')
        .addColumn('so2', 'double precision')
        .addColumn('no2', 'double precision')
        .addColumn('co', 'double precision')
        .addColumn('o3_8h', 'double precision')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('air_daily_pk', ['scope', 'date', 'standard'])
        .execute();
      await db.schema
        .createTable('air_evaluations')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('air_evaluations_pk', ['scope', 'year', 'standard'])
        .execute();
    },
  };
}

/** The migrations, in order. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return { '0001_initial': initial(dialect), '0002_air_daily': airDaily() };
}

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}

/** Brings the database schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
