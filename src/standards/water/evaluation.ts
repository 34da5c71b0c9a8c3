/**
 * Surface-water evaluation after GB 3838-2002 §5 and the 2011 method 《地表水环境质量评价办法（试行）》
 * (环办〔2011〕22号): the single-factor class of a sample and of a period, exceeding items with 超标倍数, main
 * pollutants, a section's annual class from annual means, the shares of a set of sections, and the
 * compliance of drinking-water sources with Table 1 (Class Ⅲ) and Table 2.
 *
 * Which parts of the method were read and which are recalled is set out in docs/standards-water-noise.md;
 * the rules marked UNVERIFIED below are the recalled ones. Pure: no I/O.
 */
import {
  GB3838_VERSION,
  WATER_CLASS_LABELS,
  WATER_ITEMS,
  WORSE_THAN_V,
  classIIILimit,
  classifyValue,
  exceedanceMultiple,
  itemKey,
  stableValue,
  waterItem,
  waterItemCode,
  waterQualityGrade,
  type WaterBody,
  type WaterClass,
  type WaterGrade,
  type WaterItemCode,
} from './gb3838.js';

/** The evaluation method every result here is stated under. */
export const WATER_METHOD_VERSION = '地表水环境质量评价办法（试行）（环办〔2011〕22号）' as const;

/** One measured value: a section (or drinking-water source), a date, an item and the value. */
export interface WaterSample {
  section: string;
  /** 'YYYY-MM-DD', or 'YYYY-MM' for monthly data. */
  date: string;
  /** An item code (`WaterItemCode`) or the item's name as written in the source file. */
  item: string;
  /** In the unit of the standard (mg/L; pH none; 水温 ℃; 粪大肠菌群 个/L). Below detection: the detection limit. */
  value: number;
  /** True when the result was below the detection limit (ND, 未检出, "<DL", "DL L"); `value` is then the limit. */
  belowDetection?: boolean;
}

/**
 * A result below the detection limit enters means as this fraction of the limit (half the detection limit,
 * the common rule of the surface-water monitoring specifications — UNVERIFIED against the 2011 method's text).
 */
export const BELOW_DETECTION_FACTOR = 0.5;

/** The value a sample contributes to a mean: the value, or half the detection limit when below detection. */
export function effectiveValue(sample: Pick<WaterSample, 'value' | 'belowDetection'>): number {
  return sample.belowDetection ? sample.value * BELOW_DETECTION_FACTOR : sample.value;
}

/** Options shared by the evaluations. */
export interface WaterEvaluationOptions {
  /**
   * Count 总氮 in the class of lakes/reservoirs. Default false: the 2011 method evaluates lake TN apart
   * (it is reported in `referenceItems`). River TN never has a class (GB 3838 gives TN limits for 湖、库 only).
   */
  includeTotalNitrogen?: boolean;
  /** Count 粪大肠菌群 in the class. Default false: the 2011 method evaluates it apart. */
  includeFecalColiform?: boolean;
}

/** One item's mean over the evaluated samples, its class, and whether it counts in the section class. */
export interface WaterItemResult {
  item: WaterItemCode;
  nameZh: string;
  unit: string;
  mean: number;
  /** Number of values averaged, and how many of them were below detection. */
  count: number;
  belowDetectionCount: number;
  /** Single-factor class of the mean; null for items without classes (水温, river TN, Table 2 items). */
  class: WaterClass | null;
  /** Whether the item counts in the section class (the 21 items, plus TN/粪大肠菌群 when asked). */
  evaluated: boolean;
  classIIILimit: number | null;
  /** 超标倍数 against Class Ⅲ when the mean is worse than Class Ⅲ; null otherwise and for 水温, pH, DO. */
  exceedMultiple: number | null;
}

/** An item worse than Class Ⅲ, with its class and 超标倍数 (null for pH and DO, which have none). */
export interface ExceedingItem {
  item: WaterItemCode;
  nameZh: string;
  class: WaterClass;
  mean: number;
  classIIILimit: number | null;
  exceedMultiple: number | null;
}

/** The single-factor class of a sample or a period. */
export interface WaterClassResult {
  standard: typeof GB3838_VERSION;
  method: typeof WATER_METHOD_VERSION;
  waterBody: WaterBody;
  /** The worst class of the evaluated items; null when no evaluated item was measured. */
  class: WaterClass | null;
  classLabel: string | null;
  grade: WaterGrade | null;
  /** The evaluated items, in the standard's order. */
  items: WaterItemResult[];
  /** Items measured but not counted in the class: 水温, TN, 粪大肠菌群 (unless asked), Table 2 items. */
  referenceItems: WaterItemResult[];
  /** Evaluated items worse than Class Ⅲ, in main-pollutant order (see `mainPollutantOrder`). */
  exceeding: ExceedingItem[];
  /** The first three exceeding items (主要污染指标); empty when the class is Ⅰ–Ⅲ. */
  mainPollutants: ExceedingItem[];
  /** Item names that are not items of GB 3838 Table 1 or 2, as written; not evaluated. */
  unknownItems: string[];
}

interface Acc {
  sum: number;
  count: number;
  nd: number;
}

/** Whether an item counts in the class for this water body and these options. */
function isEvaluated(code: WaterItemCode, body: WaterBody, options: WaterEvaluationOptions): boolean {
  const spec = waterItem(code);
  if (spec.table !== 1 || spec.kind === 'none') return false;
  if (code === 'tn') return body === 'lake' && options.includeTotalNitrogen === true;
  if (code === 'fecalColiform') return options.includeFecalColiform === true;
  return true;
}

/** Cyanide and heavy metals go first among the main pollutants (2011 method, recalled — UNVERIFIED). */
const PRIORITY_ITEMS: ReadonlySet<WaterItemCode> = new Set<WaterItemCode>(['cyanide', 'pb', 'cr6', 'hg', 'cd', 'as', 'cu', 'zn']);

/**
 * Orders exceeding items as the 2011 method picks main pollutants: cyanide and heavy metals first, then the
 * worse class first, then the larger 超标倍数 (items without one — pH, DO — after those with one).
 * UNVERIFIED: recalled from the method, not read.
 */
export function mainPollutantOrder(a: ExceedingItem, b: ExceedingItem): number {
  const pa = PRIORITY_ITEMS.has(a.item) ? 0 : 1;
  const pb = PRIORITY_ITEMS.has(b.item) ? 0 : 1;
  if (pa !== pb) return pa - pb;
  if (a.class !== b.class) return b.class - a.class;
  const ma = a.exceedMultiple ?? -Infinity;
  const mb = b.exceedMultiple ?? -Infinity;
  if (ma !== mb) return mb - ma;
  return WATER_ITEMS.findIndex((s) => s.code === a.item) - WATER_ITEMS.findIndex((s) => s.code === b.item);
}

/** Classifies per-item means (already averaged) for a water body. */
function classifyMeans(
  means: ReadonlyMap<WaterItemCode, Acc & { mean: number }>,
  unknown: readonly string[],
  body: WaterBody,
  options: WaterEvaluationOptions,
): WaterClassResult {
  const items: WaterItemResult[] = [];
  const referenceItems: WaterItemResult[] = [];
  let worst: WaterClass | null = null;
  for (const spec of WATER_ITEMS) {
    const m = means.get(spec.code);
    if (!m) continue;
    const cls = spec.table === 1 ? classifyValue(spec.code, m.mean, body) : null;
    const limitIII = classIIILimit(spec.code, body) ?? null;
    const evaluated = isEvaluated(spec.code, body, options);
    const worseThanIII = cls !== null && cls > 3;
    const result: WaterItemResult = {
      item: spec.code,
      nameZh: spec.nameZh,
      unit: spec.unit,
      mean: m.mean,
      count: m.count,
      belowDetectionCount: m.nd,
      class: cls,
      evaluated,
      classIIILimit: limitIII,
      exceedMultiple: worseThanIII && limitIII !== null ? exceedanceMultiple(spec.code, m.mean, limitIII) : null,
    };
    if (evaluated) {
      items.push(result);
      if (cls !== null && (worst === null || cls > worst)) worst = cls;
    } else referenceItems.push(result);
  }
  const exceeding: ExceedingItem[] = items
    .filter((i): i is WaterItemResult & { class: WaterClass } => i.class !== null && i.class > 3)
    .map((i) => ({ item: i.item, nameZh: i.nameZh, class: i.class, mean: i.mean, classIIILimit: i.classIIILimit, exceedMultiple: i.exceedMultiple }))
    .sort(mainPollutantOrder);
  return {
    standard: GB3838_VERSION,
    method: WATER_METHOD_VERSION,
    waterBody: body,
    class: worst,
    classLabel: worst === null ? null : WATER_CLASS_LABELS[worst],
    grade: worst === null ? null : waterQualityGrade(worst),
    items,
    referenceItems,
    exceeding,
    mainPollutants: worst !== null && worst > 3 ? exceeding.slice(0, 3) : [],
    unknownItems: [...unknown],
  };
}

/** Averages values per item (non-finite values are treated as missing). */
function accumulate(values: Iterable<Pick<WaterSample, 'item' | 'value' | 'belowDetection'>>, unknown: Set<string>): Map<WaterItemCode, Acc> {
  const acc = new Map<WaterItemCode, Acc>();
  for (const s of values) {
    if (!Number.isFinite(s.value)) continue;
    const code = waterItemCode(s.item);
    if (!code) {
      unknown.add(s.item);
      continue;
    }
    const a = acc.get(code) ?? { sum: 0, count: 0, nd: 0 };
    a.sum += effectiveValue(s);
    a.count += 1;
    if (s.belowDetection) a.nd += 1;
    acc.set(code, a);
  }
  return acc;
}

function withMeans(acc: Map<WaterItemCode, Acc>): Map<WaterItemCode, Acc & { mean: number }> {
  const out = new Map<WaterItemCode, Acc & { mean: number }>();
  for (const [k, a] of acc) out.set(k, { ...a, mean: stableValue(a.sum / a.count) });
  return out;
}

/** Options of a sample or period classification. */
export interface ClassifyOptions extends WaterEvaluationOptions {
  waterBody: WaterBody;
}

/**
 * The single-factor class of one sample (one sampling event at one section): each item's value (the mean
 * if an item was measured more than once) against Table 1; the class is the worst evaluated item's.
 */
export function classifySample(
  values: readonly Pick<WaterSample, 'item' | 'value' | 'belowDetection'>[],
  options: ClassifyOptions,
): WaterClassResult {
  const unknown = new Set<string>();
  return classifyMeans(withMeans(accumulate(values, unknown)), [...unknown], options.waterBody, options);
}

/** Whether a 'YYYY-MM-DD' or 'YYYY-MM' date lies in [from, to] (inclusive; a month counts if it overlaps). */
export function dateInPeriod(date: string, from: string, to: string): boolean {
  if (date.length === 7) return date >= from.slice(0, 7) && date <= to.slice(0, 7);
  return date >= from && date <= to;
}

/**
 * The class of a period (2011 method, 数据统计 and 湖库 rules): for each item, the arithmetic mean over time at
 * each section (point), then the arithmetic mean over the sections, then single-factor classification.
 * With one section this is the section's period class; with several points of one lake it is the lake's
 * class; with a river's sections (fewer than five) it is the river's class.
 * `from`/`to` ('YYYY-MM-DD') restrict the samples; without them every sample counts.
 */
export function classifyPeriod(samples: readonly WaterSample[], options: ClassifyOptions & { from?: string; to?: string }): WaterClassResult {
  const from = options.from ?? '0000-00-00';
  const to = options.to ?? '9999-99-99';
  const bySection = new Map<string, WaterSample[]>();
  for (const s of samples) {
    if (!dateInPeriod(s.date, from, to)) continue;
    const list = bySection.get(s.section) ?? [];
    list.push(s);
    bySection.set(s.section, list);
  }
  const unknown = new Set<string>();
  const spatial = new Map<WaterItemCode, Acc>();
  for (const list of bySection.values()) {
    for (const [code, m] of withMeans(accumulate(list, unknown))) {
      const a = spatial.get(code) ?? { sum: 0, count: 0, nd: 0 };
      a.sum += m.mean;
      a.count += 1;
      a.nd += m.nd;
      spatial.set(code, a);
    }
  }
  const means = withMeans(spatial);
  // Report the number of values, not the number of sections, as `count`.
  if (bySection.size > 1) {
    const counts = accumulate([...bySection.values()].flat(), new Set());
    for (const [code, m] of means) m.count = counts.get(code)?.count ?? m.count;
  }
  return classifyMeans(means, [...unknown], options.waterBody, options);
}

/** Options of the annual evaluation of a set of sections. */
export interface SectionEvaluationOptions extends WaterEvaluationOptions {
  year: number;
  /** Sections on lakes or reservoirs (湖、库 TP limits; TN evaluated apart). Others are river sections. */
  lakeSections?: readonly string[];
  /** A target class per section (e.g. a plan's "资江万家嘴监测断面水质 Ⅱ类"), to report whether it is met. */
  targets?: ReadonlyMap<string, WaterClass>;
}

/** One section's annual evaluation. */
export interface SectionAnnualResult extends WaterClassResult {
  section: string;
  /** Distinct sampling dates and months in the year. */
  sampleDates: number;
  months: number;
  target: WaterClass | null;
  /** Class at least as good as the target; null without a target or a class. */
  meetsTarget: boolean | null;
}

/** How the set's qualitative grade was found (2011 method, 河流、流域（水系）水质评价). */
export type SetGradeMethod = 'classProportion' | 'meanConcentration';

/** A set of sections: counts, shares at Ⅰ–Ⅲ and 劣Ⅴ, and the qualitative grade. */
export interface SectionSetResult {
  /** Sections with a class in the year. */
  count: number;
  countI_III: number;
  countWorseThanV: number;
  classCounts: Record<WaterClass, number>;
  /** Sections at Ⅰ–Ⅲ / all classified sections × 100 (水质优良比例, 达到或好于Ⅲ类水体比例); null for none. */
  percentI_III: number | null;
  /** Sections at 劣Ⅴ / all classified sections × 100 (劣Ⅴ类水体比例); null for none. */
  percentWorseThanV: number | null;
  grade: WaterGrade | null;
  gradeMethod: SetGradeMethod | null;
  /** With fewer than five sections of one kind of water body: the class of the mean concentrations. */
  meanClass: WaterClass | null;
  /** Sections with a target, and how many met it. */
  targetsCount: number;
  targetsMet: number;
}

/** The annual evaluation of a set of sections. */
export interface WaterSectionsResult {
  year: number;
  standard: typeof GB3838_VERSION;
  method: typeof WATER_METHOD_VERSION;
  sections: SectionAnnualResult[];
  set: SectionSetResult;
}

/**
 * The grade of a river or basin from its section classes (2011 method, 断面水质类别比例法, for five or more
 * sections): Ⅰ–Ⅲ ≥ 90% 优; 75% ≤ Ⅰ–Ⅲ < 90% 良好; Ⅰ–Ⅲ < 75% and 劣Ⅴ < 20% 轻度污染; Ⅰ–Ⅲ < 75% and
 * 20% ≤ 劣Ⅴ < 40% 中度污染; Ⅰ–Ⅲ < 75% and 劣Ⅴ ≥ 40% 重度污染.
 */
export function gradeByClassProportion(percentI_III: number, percentWorseThanV: number): WaterGrade {
  const good = stableValue(percentI_III);
  const bad = stableValue(percentWorseThanV);
  if (good >= 90) return '优';
  if (good >= 75) return '良好';
  if (bad < 20) return '轻度污染';
  if (bad < 40) return '中度污染';
  return '重度污染';
}

/** The sections below which the mean-concentration method applies instead of the class proportions. */
export const PROPORTION_METHOD_MIN_SECTIONS = 5;

function inYear(date: string, year: number): boolean {
  return date.slice(0, 4) === String(year) && (date.length === 4 || date[4] === '-');
}

/**
 * Evaluates a set of sections for a year: each section's class from the annual mean of each item (2011
 * method, 年度评价), its exceeding items with 超标倍数 and main pollutants; and for the set the count, the
 * share at Ⅰ–Ⅲ and at 劣Ⅴ, and the grade (class proportions for five or more sections, the class of the mean
 * concentrations for fewer — only when they are all rivers or all lakes).
 */
export function evaluateWaterSections(samples: readonly WaterSample[], options: SectionEvaluationOptions): WaterSectionsResult {
  const lakes = new Set(options.lakeSections ?? []);
  const bySection = new Map<string, WaterSample[]>();
  for (const s of samples) {
    if (!inYear(s.date, options.year)) continue;
    const list = bySection.get(s.section) ?? [];
    list.push(s);
    bySection.set(s.section, list);
  }
  const sections: SectionAnnualResult[] = [];
  for (const [section, list] of bySection) {
    const waterBody: WaterBody = lakes.has(section) ? 'lake' : 'river';
    const r = classifyPeriod(list, { ...options, waterBody });
    const target = options.targets?.get(section) ?? null;
    sections.push({
      ...r,
      section,
      sampleDates: new Set(list.map((s) => s.date)).size,
      months: new Set(list.map((s) => s.date.slice(0, 7))).size,
      target,
      meetsTarget: target === null || r.class === null ? null : r.class <= target,
    });
  }
  const classified = sections.filter((s): s is SectionAnnualResult & { class: WaterClass } => s.class !== null);
  const classCounts: Record<WaterClass, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
  for (const s of classified) classCounts[s.class] += 1;
  const count = classified.length;
  const countI_III = classCounts[1] + classCounts[2] + classCounts[3];
  const countWorseThanV = classCounts[WORSE_THAN_V];
  const percentI_III = count ? (countI_III / count) * 100 : null;
  const percentWorseThanV = count ? (countWorseThanV / count) * 100 : null;
  let grade: WaterGrade | null = null;
  let gradeMethod: SetGradeMethod | null = null;
  let meanClass: WaterClass | null = null;
  if (count >= PROPORTION_METHOD_MIN_SECTIONS && percentI_III !== null && percentWorseThanV !== null) {
    grade = gradeByClassProportion(percentI_III, percentWorseThanV);
    gradeMethod = 'classProportion';
  } else if (count > 0) {
    const bodies = new Set(classified.map((s) => s.waterBody));
    const only = bodies.size === 1 ? [...bodies][0] : undefined;
    if (only) {
      const names = new Set(classified.map((s) => s.section));
      const r = classifyPeriod(
        samples.filter((s) => names.has(s.section) && inYear(s.date, options.year)),
        { ...options, waterBody: only },
      );
      meanClass = r.class;
      grade = r.grade;
      gradeMethod = 'meanConcentration';
    }
  }
  const withTargets = sections.filter((s) => s.meetsTarget !== null);
  return {
    year: options.year,
    standard: GB3838_VERSION,
    method: WATER_METHOD_VERSION,
    sections,
    set: {
      count,
      countI_III,
      countWorseThanV,
      classCounts,
      percentI_III,
      percentWorseThanV,
      grade,
      gradeMethod,
      meanClass,
      targetsCount: withTargets.length,
      targetsMet: withTargets.filter((s) => s.meetsTarget === true).length,
    },
  };
}

/** Options of the drinking-water source evaluation. */
export interface DrinkingSourceOptions extends WaterEvaluationOptions {
  year: number;
  /** Sources on lakes or reservoirs (湖、库 TP limit). */
  lakeSources?: readonly string[];
  /**
   * Limits (mg/L) of the GB 3838 Table 3 特定项目 the source's monitoring covers (§5.3: "选择确定的特定项目"),
   * keyed by item name as written in the data. Items without a limit are reported as not evaluated.
   */
  specificLimits?: ReadonlyMap<string, number>;
}

/** One item of a drinking-water source against its limit. */
export interface DrinkingItemResult {
  /** Item code for Table 1/2 items, the name as written for Table 3 items. */
  item: string;
  nameZh: string;
  table: 1 | 2 | 3;
  mean: number;
  count: number;
  /** The limit as printed: "≤0.2", "≥5", "6~9". */
  limitText: string;
  compliant: boolean;
  /** (mean − limit) / limit for upper-limit items that exceed; null otherwise and for pH/DO. */
  exceedMultiple: number | null;
}

/** One drinking-water source's annual compliance. */
export interface DrinkingSourceResult {
  source: string;
  waterBody: WaterBody;
  /** All evaluated items' annual means within their limits; null when nothing was evaluated. */
  compliant: boolean | null;
  items: DrinkingItemResult[];
  exceeding: DrinkingItemResult[];
  /** Measured items not evaluated: 水温, TN and 粪大肠菌群 unless asked (see WaterEvaluationOptions). */
  referenceItems: string[];
  /** Table 1 evaluated items and Table 2 items with no value in the year. */
  unmeasured: WaterItemCode[];
  /** Item names that are neither GB 3838 Table 1/2 items nor given a Table 3 limit. */
  unevaluatedItems: string[];
  /** Sampling dates in the year, those where every evaluated item was within its limit, and the share. */
  dates: number;
  compliantDates: number;
  percentCompliantDates: number | null;
}

/** The set of drinking-water sources: how many were evaluated and how many complied (水源达标率). */
export interface DrinkingSetResult {
  count: number;
  compliantCount: number;
  percentCompliant: number | null;
}

/** The drinking-water source evaluation of a year. */
export interface DrinkingSourcesResult {
  year: number;
  standard: typeof GB3838_VERSION;
  sources: DrinkingSourceResult[];
  set: DrinkingSetResult;
}

function limitText(code: WaterItemCode, body: WaterBody): string {
  const spec = waterItem(code);
  if (spec.kind === 'range' && spec.range) return `${spec.range[0]}~${spec.range[1]}`;
  if (spec.table === 2) return `≤${spec.limit}`;
  const l = classIIILimit(code, body);
  return spec.kind === 'min' ? `≥${l}` : `≤${l}`;
}

/** Checks one set of per-item means against the drinking-water limits. */
function drinkingItems(
  values: readonly WaterSample[],
  body: WaterBody,
  options: DrinkingSourceOptions,
  specific: ReadonlyMap<string, { name: string; limit: number }>,
): { items: DrinkingItemResult[]; reference: string[]; unknown: string[]; measured: Set<WaterItemCode> } {
  const unknown = new Set<string>();
  const means = withMeans(accumulate(values, unknown));
  const items: DrinkingItemResult[] = [];
  const reference: string[] = [];
  const measured = new Set<WaterItemCode>();
  for (const spec of WATER_ITEMS) {
    const m = means.get(spec.code);
    if (!m) continue;
    measured.add(spec.code);
    if (spec.table === 1 && !isEvaluated(spec.code, body, options)) {
      reference.push(spec.code);
      continue;
    }
    let compliant: boolean;
    let exceed: number | null = null;
    if (spec.table === 2) {
      const limit = spec.limit as number;
      compliant = m.mean <= limit;
      if (!compliant) exceed = exceedanceMultiple(spec.code, m.mean, limit);
    } else {
      const cls = classifyValue(spec.code, m.mean, body);
      compliant = cls !== null && cls <= 3;
      const l = classIIILimit(spec.code, body);
      if (!compliant && l !== undefined) exceed = exceedanceMultiple(spec.code, m.mean, l);
    }
    items.push({ item: spec.code, nameZh: spec.nameZh, table: spec.table, mean: m.mean, count: m.count, limitText: limitText(spec.code, body), compliant, exceedMultiple: exceed });
  }
  const leftover: string[] = [];
  for (const name of unknown) {
    const sp = specific.get(itemKey(name));
    if (!sp) {
      leftover.push(name);
      continue;
    }
    const vals = values.filter((v) => v.item === name && Number.isFinite(v.value));
    const mean = stableValue(vals.reduce((a, v) => a + effectiveValue(v), 0) / vals.length);
    const compliant = mean <= sp.limit;
    items.push({ item: name, nameZh: name, table: 3, mean, count: vals.length, limitText: `≤${sp.limit}`, compliant, exceedMultiple: compliant ? null : stableValue((mean - sp.limit) / sp.limit) });
  }
  return { items, reference, unknown: leftover, measured };
}

/**
 * Evaluates centralised drinking-water surface sources for a year (GB 3838-2002 §5.3): the annual mean of
 * each Table 1 item against Class Ⅲ (TP by river or lake), of each Table 2 item against its limit, and of
 * any Table 3 item given a limit. A source complies when every evaluated item does. Also counts sampling
 * dates on which every evaluated item complied. For the set: sources evaluated, compliant, and the share.
 */
export function evaluateDrinkingSources(samples: readonly WaterSample[], options: DrinkingSourceOptions): DrinkingSourcesResult {
  const lakes = new Set(options.lakeSources ?? []);
  const specific = new Map<string, { name: string; limit: number }>();
  for (const [name, limit] of options.specificLimits ?? []) specific.set(itemKey(name), { name, limit });
  const bySource = new Map<string, WaterSample[]>();
  for (const s of samples) {
    if (!inYear(s.date, options.year)) continue;
    const list = bySource.get(s.section) ?? [];
    list.push(s);
    bySource.set(s.section, list);
  }
  const sources: DrinkingSourceResult[] = [];
  for (const [source, list] of bySource) {
    const body: WaterBody = lakes.has(source) ? 'lake' : 'river';
    const annual = drinkingItems(list, body, options, specific);
    const byDate = new Map<string, WaterSample[]>();
    for (const s of list) {
      const day = byDate.get(s.date) ?? [];
      day.push(s);
      byDate.set(s.date, day);
    }
    let dates = 0;
    let compliantDates = 0;
    for (const day of byDate.values()) {
      const d = drinkingItems(day, body, options, specific);
      if (d.items.length === 0) continue;
      dates += 1;
      if (d.items.every((i) => i.compliant)) compliantDates += 1;
    }
    const expected = WATER_ITEMS.filter((s) => s.table === 2 || isEvaluated(s.code, body, options));
    sources.push({
      source,
      waterBody: body,
      compliant: annual.items.length ? annual.items.every((i) => i.compliant) : null,
      items: annual.items,
      exceeding: annual.items.filter((i) => !i.compliant),
      referenceItems: annual.reference,
      unmeasured: expected.filter((s) => !annual.measured.has(s.code)).map((s) => s.code),
      unevaluatedItems: annual.unknown,
      dates,
      compliantDates,
      percentCompliantDates: dates ? (compliantDates / dates) * 100 : null,
    });
  }
  const evaluated = sources.filter((s) => s.compliant !== null);
  const compliantCount = evaluated.filter((s) => s.compliant === true).length;
  return {
    year: options.year,
    standard: GB3838_VERSION,
    sources,
    set: { count: evaluated.length, compliantCount, percentCompliant: evaluated.length ? (compliantCount / evaluated.length) * 100 : null },
  };
}
