/**
 * Reading stored monitoring results for screens and reports.
 */
import type { Actor } from '../domain/access.js';
import { airDailyRows } from '../store/monitoring-repo.js';
import { loadPlanFor, type ServiceContext } from './context.js';

/** The district's daily AQI in a year as [date, AQI] pairs, or null when there is no monitoring data. */
export async function districtDailyAqi(ctx: ServiceContext, actor: Actor, region: string, year: number): Promise<[string, number][] | null> {
  await loadPlanFor(ctx, actor, region, 'plan.read');
  const rows = await airDailyRows(ctx.db.kysely, `region:${region}`, year);
  const days = rows.filter((r) => r.aqi !== null).map((r) => [r.date, r.aqi as number] as [string, number]);
  return days.length ? days : null;
}
