/**
 * SQL for stored monitoring results.
 */
import type { Executor } from './plans-repo.js';
import type { AirDailyTable } from './schema.js';

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
