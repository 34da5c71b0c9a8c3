/**
 * Publication (信息公开): a bureau publishes a snapshot of its plan's status; the public page and the public
 * API serve only the newest published snapshot, never live data.
 */
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import { latestPublication, insertPublication } from '../store/publications-repo.js';
import { assess } from './indicators.js';
import { listProjects } from './projects.js';
import { districtDailyAqi } from './monitoring-read.js';
import { loadPlanFor, write, type ServiceContext } from './context.js';

/** Publishes the region's indicator status for `year` and its project list. Returns the snapshot. */
export async function publish(ctx: ServiceContext, actor: Actor, region: string, year: number) {
  const { plan } = await loadPlanFor(ctx, actor, region, 'publish');
  const stage = year === plan.period.end ? 'final' : year === (plan.period.midterm ?? plan.period.start + 2) ? 'midterm' : 'annual';
  const a = await assess(ctx, actor, region, stage, year);
  const p = await listProjects(ctx, actor, region, year);
  const aqiDays = await districtDailyAqi(ctx, actor, region, year);
  const snapshot = {
    region: { code: plan.region.code, name: plan.region.name, fullName: plan.region.fullName ?? `${plan.region.city.name}${plan.region.name}` },
    title: plan.title,
    period: plan.period,
    year,
    stage: a.stage,
    stageName: a.stageName,
    summary: a.summary,
    indicators: a.indicators.map((i) => ({ seq: i.seq, category: i.category, name: i.name, unit: i.unit, binding: i.binding, value: i.value, targetText: i.targetText, status: i.status, reason: i.reason })),
    /** The district's daily AQI of the year (for the public calendar), as published. */
    aqiDays: aqiDays ?? [],
    projects: p.projects
      .filter((x) => x.status !== '调出' && x.status !== '取消')
      .map((x) => ({ seq: x.seq, category: x.category, name: x.name, location: x.location, startYear: x.startYear, endYear: x.endYear, investment: x.investment, status: x.status })),
  };
  const publishedAt = await write(ctx, actor, async (trx, audit, at) => {
    await insertPublication(trx, { region, year, snapshot, by: actor.kind === 'user' ? actor.username : actor.name, at });
    await audit({ action: 'publish', target: `plan:${region}`, outcome: 'success', after: { year, indicators: snapshot.indicators.length, projects: snapshot.projects.length } });
    return at;
  });
  return { publishedAt, snapshot };
}

/** The newest published snapshot of a region (public: no sign-in). */
export async function publicSnapshot(ctx: ServiceContext, region: string) {
  if (!/^\d{6}$/.test(region)) throw new EcoplanError('not_found', '未找到该地区的公开信息', 'Nothing published for this region');
  const row = await latestPublication(ctx.db.kysely, region);
  if (!row) throw new EcoplanError('not_found', '该地区尚未公开发布信息', 'Nothing published for this region yet');
  return { publishedAt: row.published_at, ...(JSON.parse(row.snapshot) as Record<string, unknown>) };
}
