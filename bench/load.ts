/**
 * Load test on loopback: the public API, the plan list and an authenticated assessment read, at 100
 * concurrent connections for a bounded time each, on a database holding a whole city's districts with five
 * years of data. Prints requests/s, p99 latency and errors. Run: npm run bench:load [-- --seconds 10]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildCity, SYSTEM } from './city-data.js';
import { buildApp } from '../src/server/app.js';
import { addUser } from '../src/services/accounts.js';
import { publish } from '../src/services/publication.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] || 10) || 10;
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-load-'));
const { db, ctx, regions } = await buildCity(`sqlite:${join(dir, 'load.sqlite')}`, 10);
for (const r of regions) await publish(ctx, SYSTEM, r, 2025);
const password = 'Load#Bench2026';
await addUser(ctx, SYSTEM, { username: 'bench-editor', role: 'editor', scopes: ['439900'], password, mustChange: false });
const app = await buildApp(ctx, { signInPerMinute: 10_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;

const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-editor', password }) });
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

async function run(title: string, path: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url: `${base}${path}`, connections: 100, duration: seconds, headers });
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`${title.padEnd(40)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${errors}`);
}

console.log(`SQLite, ${regions.length} districts × 5 years, 100 connections, ${seconds} s each`);
await run('public snapshot  GET /api/v1/public/:r', `/api/v1/public/${regions[0]}`);
await run('health           GET /api/v1/health', '/api/v1/health');
await run('signed in        GET /api/v1/plans', '/api/v1/plans', { cookie });
await run('signed in        GET /plans/:r/assessment', `/api/v1/plans/${regions[0]}/assessment?stage=final`, { cookie });
await app.close();
await db.close();
