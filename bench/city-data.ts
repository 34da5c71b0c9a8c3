/**
 * Builds a benchmark database: one city's districts, each a copy of a seed plan under its own region code,
 * with five years of values for every numeric indicator, yearly project investment and some adjustments.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../src/domain/plan-schema.js';
import { openDb, type Db } from '../src/store/db.js';
import { createContext, type ServiceContext } from '../src/services/context.js';
import { loadPlans, readPlanFile } from '../src/services/plans.js';
import { setValues } from '../src/services/indicators.js';
import { updateProjectProgress } from '../src/services/projects.js';
import { ZIYANG } from '../src/test-support/fixture-plans.js';

/** The operator actor used to build the data. */
export const SYSTEM = { kind: 'system' as const, name: 'bench', address: null };

/** The seed plan of 资阳区 from plans/ (or the fixture subset if plans/ does not have it yet). */
export async function seedPlan(): Promise<Plan> {
  const file = join(import.meta.dirname, '..', 'plans', '430902-ziyang.yaml');
  return existsSync(file) ? readPlanFile(file) : ZIYANG;
}

/** Opens `url` and fills it with `districts` districts of city 439900 (codes 439901…). */
export async function buildCity(url: string, districts: number): Promise<{ db: Db; ctx: ServiceContext; regions: string[] }> {
  const db = await openDb(url);
  const ctx = createContext(db);
  const base = await seedPlan();
  const regions: string[] = [];
  const plans = [];
  for (let i = 1; i <= districts; i++) {
    const code = String(439900 + i);
    regions.push(code);
    plans.push({
      file: `bench-${code}.yaml`,
      plan: { ...base, region: { ...base.region, code, name: `示范${i}区`, fullName: `示范市示范${i}区`, city: { code: '439900', name: '示范市' } } },
    });
  }
  await loadPlans(ctx, SYSTEM, plans);
  for (const code of regions) {
    const items = [];
    for (const ind of base.indicators) {
      if (ind.target.kind === 'qualitative') continue;
      for (let y = base.period.start; y <= base.period.end; y++) {
        const b = Math.min(ind.baseline.value ?? 50, 90);
        items.push({ region: code, seq: ind.seq, year: y, value: Math.round((b + (y - base.period.baseline) * (ind.direction === 'higher' ? 0.4 : -0.4)) * 10) / 10 });
      }
    }
    await setValues(ctx, SYSTEM, items, { kind: 'import', ref: `bench-${code}.csv` });
    for (const p of base.projects) {
      await updateProjectProgress(ctx, SYSTEM, { region: code, seq: p.seq, status: '在建' });
      for (let y = Math.max(p.startYear, base.period.start); y <= Math.min(p.endYear, base.period.end); y++) {
        await updateProjectProgress(ctx, SYSTEM, { region: code, seq: p.seq, year: y, invested: Math.round(p.investment / (p.endYear - p.startYear + 1)) });
      }
    }
  }
  return { db, ctx, regions };
}
