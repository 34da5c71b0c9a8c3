/**
 * SQL for stored monitoring results.
 */
import type { Executor } from './plans-repo.js';
import type { AirDailyTable, AirEvaluationTable } from './schema.js';

/** Daily air rows of a scope (a station code or `region:<code>`) in a year, by date. */
export async function airDailyRows(db: Executor, scope: string, year: number, standard?: string) {
  let q = db.selectFrom('air_daily').selectAll().where('scope', '=', scope).where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  if (standard) q = q.where('standard', '=', standard);
  return q.orderBy('date').execute();
}

/** Replaces the daily rows of a scope and standard for the dates given (in the caller's transaction). */
export async function replaceAirDaily(db: Executor, rows: AirDailyTable[]): Promise<void> {
  for (const r of rows) {
    await db.deleteFrom('air_daily').where('scope', '=', r.scope).where('date', '=', r.date).where('standard', '=', r.standard).execute();
  }
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('air_daily').values(rows.slice(i, i + 500)).execute();
}

/** The scopes (stations and districts) with daily air rows. */
export async function airScopes(db: Executor) {
  return db.selectFrom('air_daily').select(['scope', 'standard']).distinct().orderBy('scope').execute();
}

/** Stores (replacing) the annual evaluation of a scope, year and standard. */
export async function saveAirEvaluation(db: Executor, row: AirEvaluationTable): Promise<void> {
  await db.deleteFrom('air_evaluations').where('scope', '=', row.scope).where('year', '=', row.year).where('standard', '=', row.standard).execute();
  await db.insertInto('air_evaluations').values(row).execute();
}

/** The stored annual evaluations of a scope and year (one per standard version). */
export async function airEvaluations(db: Executor, scope: string, year: number) {
  return db.selectFrom('air_evaluations').selectAll().where('scope', '=', scope).where('year', '=', year).orderBy('standard').execute();
}
