/**
 * SQL for published snapshots.
 */
import type { Executor } from './plans-repo.js';

/** Stores a published snapshot. */
export async function insertPublication(db: Executor, p: { region: string; year: number; snapshot: unknown; by: string; at: string }): Promise<void> {
  await db.insertInto('publications').values({ region_code: p.region, year: p.year, snapshot: JSON.stringify(p.snapshot), published_by: p.by, published_at: p.at }).execute();
}

/** The newest snapshot of a region. */
export async function latestPublication(db: Executor, region: string) {
  return db.selectFrom('publications').selectAll().where('region_code', '=', region).orderBy('id', 'desc').limit(1).executeTakeFirst();
}
