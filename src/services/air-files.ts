/**
 * Air data files in: CNEMC daily site files (`china_sites_YYYYMMDD.csv`, or a .zip of them) read into one
 * year of hourly series per station, then the per-station-hour AQI (`air aqi`), the annual evaluation of
 * stations, a city or a station set (`air evaluate`), and the import into a plan (`monitoring import`).
 * Any file with an error rejects the whole import: nothing is written, every issue is named.
 */
import { basename } from 'node:path';
import JSZip from 'jszip';
import type { Actor } from '../domain/access.js';
import { EcoplanError, type InputIssue } from '../domain/errors.js';
import { NationalYearAccumulator, type YearProgress } from '../ingest/air/national-year.js';
import { parseSitesDay, siteTypeIndex, SITE_TYPES } from '../ingest/air/sites-day.js';
import { parseStationList, type Station } from '../ingest/air/station-list.js';
import { checkZip, DEFAULT_TABLE_LIMITS } from '../ingest/limits.js';
import { hourlyAqiOn, AQI_INDICATORS, type AqiIndicator } from '../standards/air/aqi.js';
import type { AqiVersion } from '../standards/air/versions.js';
import { evaluateStationYear, type AirYearEvaluation, type AirEvaluationOptions } from '../standards/air/evaluate.js';
import { evaluateArea } from '../standards/air/combine.js';
import type { StationYearSeries } from '../standards/air/types.js';
import type { ServiceContext } from './context.js';
import { importAirSeries, type AirStandardChoice } from './air-monitoring.js';
import type { InputFile } from './monitoring.js';

const DAILY_FILE = /china_sites_(\d{8})\.csv$/i;

/** Expands .zip inputs into their china_sites files (checked against zip bombs first). */
export async function expandZips(files: InputFile[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of files) {
    if (!/\.zip$/i.test(f.name)) {
      out.push(f);
      continue;
    }
    const problem = checkZip(f.bytes, { ...DEFAULT_TABLE_LIMITS, maxZipEntries: 5000, maxUncompressedBytes: 2 * 1024 * 1024 * 1024 });
    if (problem) throw new EcoplanError('invalid_input', `${basename(f.name)}：${problem}`, 'The zip cannot be read', [{ file: basename(f.name), message: problem }]);
    const zip = await JSZip.loadAsync(f.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir && DAILY_FILE.test(n)).sort();
    if (!names.length) throw new EcoplanError('invalid_input', `${basename(f.name)} 中没有 china_sites_YYYYMMDD.csv 文件`, 'No daily site files in the zip', [{ file: basename(f.name), message: '没有日文件' }]);
    for (const n of names) out.push({ name: `${basename(f.name)}/${basename(n)}`, bytes: await zip.file(n)!.async('uint8array') });
  }
  return out;
}

/** Reads a year of daily site files; throws with every error if any file has one (warnings are returned). */
export async function readSitesYear(files: InputFile[], o: { year?: number; stations?: readonly Station[]; onProgress?: (p: YearProgress) => void }) {
  const expanded = await expandZips(files);
  const daily = expanded.filter((f) => DAILY_FILE.test(f.name));
  const other = expanded.filter((f) => !DAILY_FILE.test(f.name));
  if (other.length) {
    throw new EcoplanError('invalid_input', '空气质量数据应为 CNEMC 站点日文件 china_sites_YYYYMMDD.csv（或其 .zip 压缩包）', 'Air data must be CNEMC daily site files', other.map((f) => ({ file: basename(f.name), message: '文件名应为 china_sites_YYYYMMDD.csv' })));
  }
  if (!daily.length) throw new EcoplanError('invalid_input', '没有空气质量日文件', 'No daily files');
  const years = [...new Set(daily.map((f) => Number(DAILY_FILE.exec(f.name)?.[1]?.slice(0, 4))))];
  const year = o.year ?? years[0] ?? 0;
  const wrongYear = daily.filter((f) => Number(DAILY_FILE.exec(f.name)?.[1]?.slice(0, 4)) !== year);
  if (wrongYear.length) throw new EcoplanError('invalid_input', `文件不属于 ${year} 年`, 'Files of another year', wrongYear.map((f) => ({ file: basename(f.name), message: `不是 ${year} 年的文件` })));
  const acc = new NationalYearAccumulator({ year, stations: o.stations, onProgress: o.onProgress, filesTotal: daily.length, bytesTotal: daily.reduce((s, f) => s + f.bytes.length, 0) });
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  for (const f of daily) {
    const r = acc.addFile(f.bytes, basename(f.name));
    for (const i of r.issues) (i.severity === 'error' ? errors : warnings).push(i);
  }
  if (errors.length) throw new EcoplanError('invalid_input', `空气质量文件有 ${errors.length} 处错误，未导入任何数据`, 'The air files have errors; nothing was imported', errors);
  return { acc, year, warnings, files: daily.length };
}

/** One station-hour of `air aqi`. */
export interface StationHourAqi {
  station: string;
  date: string;
  hour: number;
  aqi: number | null;
  level: string | null;
  category: string | null;
  primary: string;
  iaqi: Partial<Record<AqiIndicator, number>>;
  published: number | null;
  version: AqiVersion;
}

/** The hourly AQI of every station-hour of daily site files, with CNEMC's published AQI beside it. */
export function stationHourAqi(files: InputFile[], o: { version?: AqiVersion } = {}): { rows: StationHourAqi[]; issues: InputIssue[] } {
  const rows: StationHourAqi[] = [];
  const issues: InputIssue[] = [];
  const t = (type: (typeof SITE_TYPES)[number]) => siteTypeIndex(type);
  const types = { pm25: t('PM2.5'), pm10: t('PM10'), so2: t('SO2'), no2: t('NO2'), co: t('CO'), o3: t('O3'), aqi: t('AQI'), so2_24h: t('SO2_24h') };
  for (const f of files) {
    const r = parseSitesDay(f.bytes, { file: basename(f.name) });
    issues.push(...r.issues);
    const day = r.day;
    if (!day) continue;
    const n = day.stations.length;
    const at = (type: number, s: number, h: number) => day.values[(type * n + s) * 24 + h] ?? Number.NaN;
    for (let s = 0; s < n; s++) {
      for (let h = 0; h < 24; h++) {
        const c = { pm25: at(types.pm25, s, h), pm10: at(types.pm10, s, h), so2: at(types.so2, s, h), no2: at(types.no2, s, h), co: at(types.co, s, h), o3: at(types.o3, s, h) };
        if (Object.values(c).every((v) => Number.isNaN(v))) continue;
        const so224 = at(types.so2_24h, s, h);
        const res = hourlyAqiOn({ ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number.isNaN(v) ? null : v])), so2_24h: Number.isNaN(so224) ? null : so224 }, day.date, o);
        const published = at(types.aqi, s, h);
        rows.push({
          station: day.stations[s] ?? '',
          date: day.date,
          hour: h,
          aqi: res.aqi,
          level: res.level ? res.level.levelZh : null,
          category: res.level ? res.level.categoryZh : null,
          primary: res.primaryLabel,
          iaqi: res.iaqi,
          published: Number.isNaN(published) ? null : published,
          version: res.version,
        });
      }
    }
  }
  return { rows, issues };
}

/** Reads a station list (站点列表) file. */
export function readStationList(file: InputFile): Station[] {
  const r = parseStationList(file.bytes, { file: basename(file.name) });
  const errors = r.issues.filter((i) => (i as { severity?: string }).severity !== 'warning');
  if (errors.length) throw new EcoplanError('invalid_input', `站点列表 ${basename(file.name)} 有误`, 'The station list has errors', errors);
  return r.stations;
}

/** Annual evaluation of stations (each) and of their set (a city or district: mean of concentrations). */
export function evaluateSites(series: ReadonlyMap<string, StationYearSeries>, o: { codes: string[]; area?: string; options?: AirEvaluationOptions }): { stations: AirYearEvaluation[]; area: AirYearEvaluation | null } {
  const list = o.codes.map((c) => series.get(c)).filter((s): s is StationYearSeries => s !== undefined);
  const stations = list.map((s) => evaluateStationYear(s, o.options));
  const area = list.length > 1 ? evaluateArea(list, { ...o.options, area: o.area ?? 'area' }) : null;
  return { stations, area };
}

/** Imports daily site files into a plan: the plan's air metrics are computed and recorded. */
export async function importAirFiles(ctx: ServiceContext, actor: Actor, region: string, files: InputFile[], o: { year: number; standard?: AirStandardChoice; onProgress?: (p: YearProgress) => void }) {
  const { acc } = await readSitesYear(files, { year: o.year, onProgress: o.onProgress });
  const source = files.length === 1 ? basename(files[0]!.name) : `${files.length} 个文件（${basename(files[0]!.name)} 等）`;
  return importAirSeries(ctx, actor, region, acc.toMap(), { year: o.year, standard: o.standard, source });
}

export { AQI_INDICATORS };
