/**
 * Starts ecoplan's server: opens (and migrates) the database, loads the seeded plans on first run, and
 * listens. Used by `ecoplan serve` and so by `npm start`.
 */
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../store/db.js';
import { createContext } from '../services/context.js';
import { loadPlans, readPlanFolder } from '../services/plans.js';
import { hasUsers } from '../services/accounts.js';
import { buildApp } from './app.js';

/** Where and what to serve. */
export interface StartOptions {
  port: number;
  host: string;
  plansDir: string;
}

/** Starts the server and resolves once it listens; closes cleanly on SIGINT/SIGTERM. */
export async function startServer(o: StartOptions): Promise<void> {
  const db = await openDb();
  const ctx = createContext(db);
  const system = { kind: 'system' as const, name: 'serve', address: null };
  if (existsSync(o.plansDir)) {
    const r = await loadPlans(ctx, system, await readPlanFolder(o.plansDir));
    if (r.loaded.length) console.log(`已加载规划：${r.loaded.join('、')}`);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const level = process.env.ECOPLAN_LOG_LEVEL;
  const app = await buildApp(ctx, { webDir: join(root, 'web', 'dist'), logLevel: level === 'info' || level === 'error' ? level : 'warn' });
  await app.listen({ port: o.port, host: o.host });
  console.log(`ecoplan 已启动：http://${o.host}:${o.port}/  （API: /api/v1，接口文档: /api/docs；数据库：${db.describe}）`);
  if (!(await hasUsers(ctx))) {
    console.log('尚无账号。请在另一个终端创建第一个账号，例如：');
    console.log('  npx ecoplan user add admin --role admin');
    console.log('  npx ecoplan user add editor1 --role editor --scope 430902 --scope 430602');
  }
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
