import { describe, it, expect } from 'vitest';
import { SitesDayPool, accumulateSitesYear, type SitesFile } from './sites-pool.js';
import { parseSitesDay } from './sites-day.js';
import type { YearProgress } from './national-year.js';
import { generateSitesDay, syntheticStationCodes } from './synthetic.js';

const codes = syntheticStationCodes(40);
const files: SitesFile[] = ['2022-02-01', '2022-02-03', '2022-02-02', '2022-02-04'].map((d) => {
  const g = generateSitesDay(d, codes, 17);
  return { file: g.file, bytes: g.bytes };
});

describe('SitesDayPool and accumulateSitesYear', () => {
  it('a worker reads a file exactly as the calling thread does', async () => {
    const pool = new SitesDayPool({ workers: 2 });
    try {
      const [a, b] = await Promise.all(files.slice(0, 2).map((f) => pool.parse(f.bytes, f.file)));
      for (const [r, f] of [[a, files[0]!], [b, files[1]!]] as const) {
        const local = parseSitesDay(f.bytes, { file: f.file });
        expect(r?.issues).toEqual(local.issues);
        expect(Array.from(r!.day!.values)).toEqual(Array.from(local.day!.values));
        expect(r?.day?.stations).toEqual(local.day?.stations);
      }
      const bad = await pool.parse(new TextEncoder().encode('date,hour,type,1001A\n20220201,0,AQI,x\n'), 'china_sites_20220201.csv');
      expect(bad.day).toBeNull();
      expect(bad.issues[0]).toMatchObject({ row: 2, column: 'D（第 4 列，站点 1001A）' });
    } finally {
      await pool.close();
    }
  });

  it('with workers gives the same year as without, files in any order; progress per file; buffers recycled', async () => {
    const seen: YearProgress[] = [];
    async function* source() {
      for (const f of files) yield f;
      yield { file: 'china_sites_20220205.csv', bytes: new TextEncoder().encode('junk') };
    }
    const par = await accumulateSitesYear(source(), { year: 2022, workers: 2, onProgress: (p) => seen.push(p), filesTotal: 5 });
    const seq = await accumulateSitesYear(files, { year: 2022, workers: 0 });
    expect(par.files.map((f) => [f.file, f.accepted])).toEqual([...files.map((f) => [f.file, true]), ['china_sites_20220205.csv', false]]);
    expect(par.accumulator.daysLoaded()).toEqual(['2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04']);
    expect(par.accumulator.stationCodes()).toEqual(seq.accumulator.stationCodes());
    for (const code of seq.accumulator.stationCodes()) {
      const a = par.accumulator.series(code)!;
      const b = seq.accumulator.series(code)!;
      expect(Array.from(a.hourly.pm25)).toEqual(Array.from(b.hourly.pm25));
      expect(Array.from(a.hourly.co)).toEqual(Array.from(b.hourly.co));
      expect(Array.from(par.accumulator.publishedAqi(code)!)).toEqual(Array.from(seq.accumulator.publishedAqi(code)!));
    }
    // With transferBytes the buffers move to the workers (detached here) and the year is the same.
    const copies = files.map((f) => ({ file: f.file, bytes: f.bytes.slice() }));
    const moved = await accumulateSitesYear(copies, { year: 2022, workers: 2, transferBytes: true });
    expect(copies.every((c) => c.bytes.byteLength === 0)).toBe(true);
    expect(Array.from(moved.accumulator.series('1001A')!.hourly.no2)).toEqual(Array.from(seq.accumulator.series('1001A')!.hourly.no2));
    expect(seen.map((p) => p.filesDone)).toEqual([1, 2, 3, 4, 5]);
    expect(seen[4]).toMatchObject({ filesTotal: 5, accepted: false, bytesDone: files.reduce((n, f) => n + f.bytes.length, 0) + 4 });
  });
});
