/**
 * GB 3096-2008 《声环境质量标准》: the environmental noise limits (Table 1, equivalent continuous A-weighted
 * sound level LAeq, dB(A)) per functional-zone class, day and night, and the compliance of monitoring points.
 *
 * Source: STANDARDS.md §5, from a secondary copy of Table 1 (the official text was not read); the limits are
 * those quoted in every copy seen. Pure: no I/O, no imports from the rest of the project.
 */

/** The standard every figure computed here is stated under. */
export const GB3096_VERSION = 'GB 3096-2008' as const;

/** 声环境功能区类别: 0, 1, 2, 3, 4a (roads, urban rail, inland waterways), 4b (railway trunk lines). */
export type NoiseZone = '0' | '1' | '2' | '3' | '4a' | '4b';

/** The zone classes in the standard's order. */
export const NOISE_ZONES: readonly NoiseZone[] = ['0', '1', '2', '3', '4a', '4b'];

/** 昼间 (06:00–22:00) or 夜间 (22:00–次日06:00). */
export type NoisePeriod = 'day' | 'night';

/**
 * GB 3096-2008 表1 环境噪声限值, dB(A). 4b applies to new railway trunk lines whose EIA was approved from
 * 2011-01-01; existing trunk railways use day 70 / night 55 as the background without trains (not modelled:
 * classify such points 4a-like by giving zone '4a', whose limits are the same 70/55).
 */
export const NOISE_LIMITS: Readonly<Record<NoiseZone, { day: number; night: number }>> = {
  '0': { day: 50, night: 40 },
  '1': { day: 55, night: 45 },
  '2': { day: 60, night: 50 },
  '3': { day: 65, night: 55 },
  '4a': { day: 70, night: 55 },
  '4b': { day: 70, night: 60 },
};

/** 夜间突发噪声: the night maximum level may exceed the night limit by at most 15 dB(A) (GB 3096-2008 §5, as quoted in STANDARDS.md §5). */
export const NIGHT_MAX_ALLOWANCE = 15;

/** Chinese label of a zone class: "0类" … "4a类". */
export function noiseZoneLabel(zone: NoiseZone): string {
  return `${zone}类`;
}

const ZONE_WORDS: ReadonlyMap<string, NoiseZone> = new Map<string, NoiseZone>([
  ['0', '0'], ['1', '1'], ['2', '2'], ['3', '3'], ['4a', '4a'], ['4b', '4b'],
  ['零', '0'], ['一', '1'], ['二', '2'], ['三', '3'], ['四a', '4a'], ['四b', '4b'],
  ['i', '1'], ['ii', '2'], ['iii', '3'], ['iva', '4a'], ['ivb', '4b'],
]);

/**
 * Reads a zone class as written: "2", "2类", "4a", "4A类", "4a类区", "二类", "Ⅱ类", "class 4b". Returns
 * undefined for anything else, including a bare "4"/"4类" (the standard has no class 4 without a or b).
 */
export function parseNoiseZone(text: string): NoiseZone | undefined {
  const t = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^(class|zone|声环境功能区|功能区)/, '')
    .replace(/(类声环境功能区|类功能区|类区|类)$/, '')
    .replace(/^(class|zone)/, '');
  return ZONE_WORDS.get(t);
}

/** The limit of a zone class for day or night, dB(A). */
export function noiseLimit(zone: NoiseZone, period: NoisePeriod): number {
  return NOISE_LIMITS[zone][period];
}

/** Whether a level complies: at or below the limit ("不超过") counts as compliant. */
export function isNoiseCompliant(level: number, zone: NoiseZone, period: NoisePeriod): boolean {
  return Number(level.toPrecision(12)) <= noiseLimit(zone, period);
}

/** Whether a night maximum level (夜间突发噪声 Lmax) is within the night limit + 15 dB(A). */
export function isNightMaxCompliant(lmax: number, zone: NoiseZone): boolean {
  return Number(lmax.toPrecision(12)) <= noiseLimit(zone, 'night') + NIGHT_MAX_ALLOWANCE;
}

/**
 * The energy (logarithmic) mean of levels: 10·lg(Σ10^(0.1·Lᵢ)/n). Levels in dB are averaged this way, not
 * arithmetically. NaN for no levels.
 */
export function energyMean(levels: readonly number[]): number {
  if (levels.length === 0) return Number.NaN;
  const max = Math.max(...levels);
  const sum = levels.reduce((a, l) => a + 10 ** (0.1 * (l - max)), 0);
  return max + 10 * Math.log10(sum / levels.length);
}

/** One monitoring of one point: day level Ld and/or night level Ln, dB(A). */
export interface NoiseReading {
  point: string;
  zone: NoiseZone;
  /** 'YYYY-MM-DD'. */
  date: string;
  ld?: number | null;
  ln?: number | null;
  /** Night maximum level, when measured (夜间突发噪声). */
  lmax?: number | null;
}

/** Point-times monitored in a period and how many complied. */
export interface ComplianceCount {
  pointTimes: number;
  compliant: number;
  /** compliant / pointTimes × 100; null when nothing was monitored. */
  percent: number | null;
}

/** One reading's result. */
export interface NoiseReadingResult {
  date: string;
  ld: number | null;
  ln: number | null;
  dayCompliant: boolean | null;
  nightCompliant: boolean | null;
  /** Night maximum within limit + 15 dB(A); null when no Lmax was given. */
  nightMaxCompliant: boolean | null;
}

/** One point's results over the readings given. */
export interface NoisePointResult {
  point: string;
  zone: NoiseZone;
  zoneLabel: string;
  limits: { day: number; night: number };
  readings: NoiseReadingResult[];
  day: ComplianceCount;
  night: ComplianceCount;
  /** Energy means of the point's day and night levels; null when none. */
  dayEnergyMean: number | null;
  nightEnergyMean: number | null;
  /** Every monitored day and night level complied (null when nothing was monitored). */
  compliant: boolean | null;
}

/** The results of a set of readings. */
export interface NoiseEvaluation {
  standard: typeof GB3096_VERSION;
  points: NoisePointResult[];
  /** Day and night compliance rates by point-times (点次达标率), overall and per zone class. */
  set: {
    points: number;
    day: ComplianceCount;
    night: ComplianceCount;
    byZone: { zone: NoiseZone; zoneLabel: string; points: number; day: ComplianceCount; night: ComplianceCount }[];
  };
}

function count(flags: readonly (boolean | null)[]): ComplianceCount {
  const monitored = flags.filter((f): f is boolean => f !== null);
  const compliant = monitored.filter((f) => f).length;
  return { pointTimes: monitored.length, compliant, percent: monitored.length ? (compliant / monitored.length) * 100 : null };
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Evaluates noise readings (GB 3096-2008 Table 1): each reading's day and night compliance for its point's
 * zone class; per point the point-times and compliant point-times by day and by night; for the set the
 * compliance rates by point-times (as HJ 640-2012 功能区监测 states them: 达标点次/监测点次), overall and per
 * zone class. A point listed with two zone classes is treated as two points. With `year`, only that year's
 * readings count.
 */
export function evaluateNoise(readings: readonly NoiseReading[], options: { year?: number } = {}): NoiseEvaluation {
  const byPoint = new Map<string, { point: string; zone: NoiseZone; list: NoiseReading[] }>();
  for (const r of readings) {
    if (options.year !== undefined && r.date.slice(0, 4) !== String(options.year)) continue;
    const key = `${r.point}\u0000${r.zone}`;
    const entry = byPoint.get(key) ?? { point: r.point, zone: r.zone, list: [] };
    entry.list.push(r);
    byPoint.set(key, entry);
  }
  const points: NoisePointResult[] = [];
  for (const { point, zone, list } of byPoint.values()) {
    const sorted = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const results: NoiseReadingResult[] = sorted.map((r) => ({
      date: r.date,
      ld: finite(r.ld) ? r.ld : null,
      ln: finite(r.ln) ? r.ln : null,
      dayCompliant: finite(r.ld) ? isNoiseCompliant(r.ld, zone, 'day') : null,
      nightCompliant: finite(r.ln) ? isNoiseCompliant(r.ln, zone, 'night') : null,
      nightMaxCompliant: finite(r.lmax) ? isNightMaxCompliant(r.lmax, zone) : null,
    }));
    const day = count(results.map((r) => r.dayCompliant));
    const night = count(results.map((r) => r.nightCompliant));
    const lds = results.map((r) => r.ld).filter(finite);
    const lns = results.map((r) => r.ln).filter(finite);
    const monitored = day.pointTimes + night.pointTimes;
    points.push({
      point,
      zone,
      zoneLabel: noiseZoneLabel(zone),
      limits: { ...NOISE_LIMITS[zone] },
      readings: results,
      day,
      night,
      dayEnergyMean: lds.length ? energyMean(lds) : null,
      nightEnergyMean: lns.length ? energyMean(lns) : null,
      compliant: monitored ? day.compliant === day.pointTimes && night.compliant === night.pointTimes : null,
    });
  }
  const all = points.flatMap((p) => p.readings);
  const byZone = NOISE_ZONES.map((zone) => {
    const ps = points.filter((p) => p.zone === zone);
    const rs = ps.flatMap((p) => p.readings);
    return { zone, zoneLabel: noiseZoneLabel(zone), points: ps.length, day: count(rs.map((r) => r.dayCompliant)), night: count(rs.map((r) => r.nightCompliant)) };
  }).filter((z) => z.points > 0);
  return {
    standard: GB3096_VERSION,
    points,
    set: { points: points.length, day: count(all.map((r) => r.dayCompliant)), night: count(all.map((r) => r.nightCompliant)), byZone },
  };
}
