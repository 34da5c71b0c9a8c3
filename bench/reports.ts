/**
 * Time to build the final-assessment DOCX (and PDF) for one district, and for every district of a city.
 * Run: npm run bench:reports [-- --districts 10]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCity, SYSTEM } from './city-data.js';
import { buildReport } from '../src/services/reports.js';
import { sofficePath } from '../src/reports/pdf.js';

const districts = Number(process.argv[process.argv.indexOf('--districts') + 1] || 10) || 10;
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-bench-'));
const { db, ctx, regions } = await buildCity(`sqlite:${join(dir, 'bench.sqlite')}`, districts);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

// Warm up the chart renderer and fonts once.
await buildReport(ctx, SYSTEM, regions[0]!, 'final', 'docx');
const [one, tOne] = await time(() => buildReport(ctx, SYSTEM, regions[0]!, 'final', 'docx'));
console.log(`final DOCX, one district: ${tOne.toFixed(0)} ms (${(one.bytes.length / 1024).toFixed(0)} KiB)`);
const [, tAll] = await time(async () => {
  for (const r of regions) await buildReport(ctx, SYSTEM, r, 'final', 'docx');
});
console.log(`final DOCX, all ${regions.length} districts of the city: ${tAll.toFixed(0)} ms (${(tAll / regions.length).toFixed(0)} ms each)`);
const [, tX] = await time(() => buildReport(ctx, SYSTEM, regions[0]!, 'final', 'xlsx'));
console.log(`final XLSX, one district: ${tX.toFixed(0)} ms`);
if (sofficePath()) {
  const [, tPdf] = await time(() => buildReport(ctx, SYSTEM, regions[0]!, 'final', 'pdf'));
  console.log(`final PDF (DOCX + LibreOffice), one district: ${tPdf.toFixed(0)} ms`);
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await db.close();
