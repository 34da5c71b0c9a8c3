/**
 * GB 3838-2002 《地表水环境质量标准》 as data: the items of Table 1 (basic items, five classes) and Table 2
 * (supplementary items for centralised drinking-water surface sources), their names and units, and the
 * single-factor class of one value.
 *
 * Source: GB 3838-2002 Table 1 and Table 2, read in the scanned official text and cross-checked value by value
 * against `reference/samples/GB_3838_2002.json` (see the test). Pure: no I/O, no imports from the rest of the
 * project.
 */

/** The standard every figure computed here is stated under. */
export const GB3838_VERSION = 'GB 3838-2002' as const;

/** A surface-water class: 1 = Ⅰ类 … 5 = Ⅴ类, 6 = 劣Ⅴ类 (worse than the Class Ⅴ limit). */
export type WaterClass = 1 | 2 | 3 | 4 | 5 | 6;

/** 劣Ⅴ类: worse than the Class Ⅴ limit of at least one evaluated item. */
export const WORSE_THAN_V: WaterClass = 6;

/** Chinese labels of the classes, as written in bulletins. */
export const WATER_CLASS_LABELS: Readonly<Record<WaterClass, string>> = {
  1: 'Ⅰ类',
  2: 'Ⅱ类',
  3: 'Ⅲ类',
  4: 'Ⅳ类',
  5: 'Ⅴ类',
  6: '劣Ⅴ类',
};

/** River (河流) or lake/reservoir (湖、库): they differ in the TP limits and in whether TN has a class. */
export type WaterBody = 'river' | 'lake';

/** The items ecoplan knows, by code. Table 1 items first (in the standard's order), then Table 2. */
export const WATER_ITEM_CODES = [
  'waterTemp', 'ph', 'do', 'codMn', 'cod', 'bod5', 'nh3n', 'tp', 'tn', 'cu', 'zn', 'fluoride', 'se', 'as', 'hg',
  'cd', 'cr6', 'pb', 'cyanide', 'phenol', 'petroleum', 'las', 'sulfide', 'fecalColiform',
  'sulfate', 'chloride', 'nitrate', 'fe', 'mn',
] as const;

/** The code of an item of GB 3838 Table 1 or Table 2. */
export type WaterItemCode = (typeof WATER_ITEM_CODES)[number];

/** How an item's class limits are read: upper limits, lower limits (DO), a range (pH), or no class (水温). */
export type LimitKind = 'max' | 'min' | 'range' | 'none';

/** One item of the standard: names, unit, table, how its limits are read, and the limits. */
export interface WaterItemSpec {
  code: WaterItemCode;
  nameZh: string;
  nameEn: string;
  /** The unit the limits are in (mg/L unless stated). */
  unit: string;
  /** 1 = Table 1 (basic items, classed), 2 = Table 2 (drinking-water supplementary items, one limit). */
  table: 1 | 2;
  kind: LimitKind;
  /** Table 1: the Class Ⅰ…Ⅴ limits; for lakes/reservoirs where they differ (TP), `lakeLimits`. */
  limits?: readonly [number, number, number, number, number];
  lakeLimits?: readonly [number, number, number, number, number];
  /** TN: the standard gives limits for lakes and reservoirs only (表1 注: 湖、库，以N计). */
  lakeOnly?: boolean;
  /** pH: the inclusive range of every class. */
  range?: readonly [number, number];
  /** Table 2: the single limit. */
  limit?: number;
  /** Names and abbreviations seen in monitoring files (matched case-insensitively, see `waterItemCode`). */
  aliases: readonly string[];
}

const T1 = (
  code: WaterItemCode,
  nameZh: string,
  nameEn: string,
  limits: readonly [number, number, number, number, number],
  aliases: readonly string[],
  extra: Partial<WaterItemSpec> = {},
): WaterItemSpec => ({ code, nameZh, nameEn, unit: 'mg/L', table: 1, kind: 'max', limits, aliases, ...extra });

const T2 = (code: WaterItemCode, nameZh: string, nameEn: string, limit: number, aliases: readonly string[]): WaterItemSpec => ({
  code, nameZh, nameEn, unit: 'mg/L', table: 2, kind: 'max', limit, aliases,
});

/**
 * GB 3838-2002 表1 地表水环境质量标准基本项目标准限值 (items 1–24) and 表2 集中式生活饮用水地表水源地补充项目
 * 标准限值 (5 items). Units mg/L except pH (无量纲), 水温 (℃) and 粪大肠菌群 (个/L).
 * DO Class Ⅰ is printed "饱和率90%（或7.5）": ecoplan uses 7.5 mg/L, as the 2011 evaluation method and
 * the monitoring networks do.
 */
export const WATER_ITEMS: readonly WaterItemSpec[] = [
  // 表1 第1项 水温: 人为造成的环境水温变化应限制在周平均最大温升≤1、最大温降≤2 — no class limits.
  { code: 'waterTemp', nameZh: '水温', nameEn: 'water temperature', unit: '℃', table: 1, kind: 'none', aliases: ['水温', 'wt', 'temperature', 'watertemperature', 'watertemp'] },
  // 表1 第2项 pH 6~9 for every class.
  { code: 'ph', nameZh: 'pH', nameEn: 'pH', unit: '无量纲', table: 1, kind: 'range', range: [6, 9], aliases: ['ph', 'ph值'] },
  // 表1 第3项 溶解氧 ≥ 7.5(饱和率90%) / 6 / 5 / 3 / 2.
  T1('do', '溶解氧', 'dissolved oxygen', [7.5, 6, 5, 3, 2], ['溶解氧', 'do', 'dissolvedoxygen'], { kind: 'min' }),
  // 表1 第4–7项.
  T1('codMn', '高锰酸盐指数', 'permanganate index', [2, 4, 6, 10, 15], ['高锰酸盐指数', '高锰酸钾指数', 'codmn', 'imn', 'permanganateindex']),
  T1('cod', '化学需氧量', 'chemical oxygen demand', [15, 15, 20, 30, 40], ['化学需氧量', 'cod', 'codcr', 'chemicaloxygendemand']),
  T1('bod5', '五日生化需氧量', 'five-day biochemical oxygen demand', [3, 3, 4, 6, 10], ['五日生化需氧量', '生化需氧量', 'bod5', 'bod']),
  T1('nh3n', '氨氮', 'ammonia nitrogen', [0.15, 0.5, 1.0, 1.5, 2.0], ['氨氮', 'nh3n', 'nh4n', 'ammonianitrogen', 'ammonia']),
  // 表1 第8项 总磷(以P计): rivers 0.02/0.1/0.2/0.3/0.4; 湖、库 0.01/0.025/0.05/0.1/0.2.
  T1('tp', '总磷', 'total phosphorus', [0.02, 0.1, 0.2, 0.3, 0.4], ['总磷', 'tp', 'totalphosphorus'], { lakeLimits: [0.01, 0.025, 0.05, 0.1, 0.2] }),
  // 表1 第9项 总氮(湖、库，以N计).
  T1('tn', '总氮', 'total nitrogen', [0.2, 0.5, 1.0, 1.5, 2.0], ['总氮', 'tn', 'totalnitrogen'], { lakeOnly: true }),
  // 表1 第10–23项.
  T1('cu', '铜', 'copper', [0.01, 1.0, 1.0, 1.0, 1.0], ['铜', 'cu', 'copper']),
  T1('zn', '锌', 'zinc', [0.05, 1.0, 1.0, 2.0, 2.0], ['锌', 'zn', 'zinc']),
  T1('fluoride', '氟化物', 'fluoride', [1.0, 1.0, 1.0, 1.5, 1.5], ['氟化物', 'fluoride', 'f']),
  T1('se', '硒', 'selenium', [0.01, 0.01, 0.01, 0.02, 0.02], ['硒', 'se', 'selenium']),
  T1('as', '砷', 'arsenic', [0.05, 0.05, 0.05, 0.1, 0.1], ['砷', 'as', 'arsenic']),
  T1('hg', '汞', 'mercury', [0.00005, 0.00005, 0.0001, 0.001, 0.001], ['汞', 'hg', 'mercury']),
  T1('cd', '镉', 'cadmium', [0.001, 0.005, 0.005, 0.005, 0.01], ['镉', 'cd', 'cadmium']),
  T1('cr6', '铬(六价)', 'chromium (hexavalent)', [0.01, 0.05, 0.05, 0.05, 0.1], ['铬(六价)', '六价铬', 'cr6', 'cr6+', 'cr(vi)', 'crvi', 'hexavalentchromium']),
  T1('pb', '铅', 'lead', [0.01, 0.01, 0.05, 0.05, 0.1], ['铅', 'pb', 'lead']),
  T1('cyanide', '氰化物', 'cyanide', [0.005, 0.05, 0.2, 0.2, 0.2], ['氰化物', 'cn', 'cyanide']),
  T1('phenol', '挥发酚', 'volatile phenol', [0.002, 0.002, 0.005, 0.01, 0.1], ['挥发酚', 'volatilephenol', 'volatilephenols', 'phenol']),
  T1('petroleum', '石油类', 'petroleum', [0.05, 0.05, 0.05, 0.5, 1.0], ['石油类', 'petroleum', 'oil']),
  T1('las', '阴离子表面活性剂', 'anionic surfactant', [0.2, 0.2, 0.2, 0.3, 0.3], ['阴离子表面活性剂', 'las', 'anionicsurfactant', 'anionicsurfactants']),
  T1('sulfide', '硫化物', 'sulfide', [0.05, 0.1, 0.2, 0.5, 1.0], ['硫化物', 'sulfide', 'sulphide', 's2']),
  // 表1 第24项 粪大肠菌群 (个/L).
  T1('fecalColiform', '粪大肠菌群', 'fecal coliform', [200, 2000, 10000, 20000, 40000], ['粪大肠菌群', 'fecalcoliform', 'fecalcoliforms', 'faecalcoliform', 'fc'], { unit: '个/L' }),
  // 表2: 硫酸盐(以SO4²⁻计) 250, 氯化物(以Cl⁻计) 250, 硝酸盐(以N计) 10, 铁 0.3, 锰 0.1.
  T2('sulfate', '硫酸盐', 'sulfate', 250, ['硫酸盐', 'sulfate', 'sulphate', 'so4', 'so42']),
  T2('chloride', '氯化物', 'chloride', 250, ['氯化物', 'chloride', 'cl']),
  T2('nitrate', '硝酸盐', 'nitrate', 10, ['硝酸盐', '硝酸盐氮', 'nitrate', 'no3n', 'no3']),
  T2('fe', '铁', 'iron', 0.3, ['铁', 'fe', 'iron']),
  T2('mn', '锰', 'manganese', 0.1, ['锰', 'mn', 'manganese']),
];

const BY_CODE = new Map<WaterItemCode, WaterItemSpec>(WATER_ITEMS.map((s) => [s.code, s]));

/** The specification of an item by its code. */
export function waterItem(code: WaterItemCode): WaterItemSpec {
  const spec = BY_CODE.get(code);
  if (!spec) throw new RangeError(`unknown GB 3838 item ${String(code)}`);
  return spec;
}

/** The normalised form used to match item names: NFKC, lower case, without spaces, '-', '_', '·' and '⁻'. */
export function itemKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\-_·⁻−]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const BY_ALIAS = new Map<string, WaterItemCode>();
for (const spec of WATER_ITEMS) {
  for (const a of [spec.code, spec.nameZh, ...spec.aliases]) BY_ALIAS.set(itemKey(a), spec.code);
}

/**
 * The code of an item from a name as written in a monitoring file (Chinese or English, any case, with or
 * without a trailing bracketed unit or basis such as "总磷（以P计）" or "氨氮(mg/L)"). Undefined when the name
 * is not an item of Table 1 or Table 2.
 */
export function waterItemCode(name: string): WaterItemCode | undefined {
  let key = itemKey(name);
  for (let i = 0; i < 4 && key.length > 0; i++) {
    const hit = BY_ALIAS.get(key);
    if (hit) return hit;
    const stripped = key.replace(/\([^()]*\)$/, '');
    if (stripped === key) break;
    key = stripped;
  }
  return undefined;
}

/**
 * Removes binary floating-point noise before a value is compared with a limit, so that a mean such as
 * (0.1 + 0.2 + 0.3) / 3 = 0.20000000000000004 compares as the 0.2 it is. Twelve significant digits are far
 * more than any monitoring method reports.
 */
export function stableValue(value: number): number {
  return Number(value.toPrecision(12));
}

/** The limits of a Table 1 item for a water body, or undefined when the item has no class there. */
export function classLimits(code: WaterItemCode, body: WaterBody): readonly [number, number, number, number, number] | undefined {
  const spec = waterItem(code);
  if (spec.table !== 1 || spec.kind === 'none' || spec.kind === 'range') return undefined;
  if (spec.lakeOnly && body !== 'lake') return undefined;
  return body === 'lake' && spec.lakeLimits ? spec.lakeLimits : spec.limits;
}

/**
 * The single-factor class of one value of a Table 1 item (GB 3838-2002 §5.1, 单因子评价). A value exactly at a
 * class limit belongs to that class; where two classes share a limit the better class is given (COD 15 → Ⅰ).
 * DO is higher-is-better; pH is Class Ⅰ inside 6–9 (the same range for every class) and 劣Ⅴ outside.
 * Returns null for items without a class: 水温, TN of a river, and the Table 2 items.
 */
export function classifyValue(code: WaterItemCode, value: number, body: WaterBody): WaterClass | null {
  const spec = waterItem(code);
  const v = stableValue(value);
  if (spec.kind === 'range' && spec.range) return v >= spec.range[0] && v <= spec.range[1] ? 1 : WORSE_THAN_V;
  const limits = classLimits(code, body);
  if (!limits) return null;
  for (let i = 0; i < 5; i++) {
    const limit = limits[i] as number;
    if (spec.kind === 'min' ? v >= limit : v <= limit) return (i + 1) as WaterClass;
  }
  return WORSE_THAN_V;
}

/** The Class Ⅲ limit of a Table 1 item for a water body (the reference of 超标倍数), or undefined. */
export function classIIILimit(code: WaterItemCode, body: WaterBody): number | undefined {
  return classLimits(code, body)?.[2];
}

/**
 * 超标倍数 as the 2011 evaluation method defines it: (value − limit) / limit, where the limit is the Class Ⅲ
 * limit for section evaluation (or the applicable limit for drinking-water sources). Not computed for 水温,
 * pH and DO (the method: "对于水温、pH值和溶解氧等项目不计算超标倍数"): null for those.
 */
export function exceedanceMultiple(code: WaterItemCode, value: number, limit: number): number | null {
  const spec = waterItem(code);
  if (spec.kind !== 'max') return null;
  return stableValue((value - limit) / limit);
}

/** The qualitative grade of a section class (2011 method): Ⅰ–Ⅱ 优, Ⅲ 良好, Ⅳ 轻度污染, Ⅴ 中度污染, 劣Ⅴ 重度污染. */
export function waterQualityGrade(cls: WaterClass): WaterGrade {
  if (cls <= 2) return '优';
  if (cls === 3) return '良好';
  if (cls === 4) return '轻度污染';
  if (cls === 5) return '中度污染';
  return '重度污染';
}

/** The five qualitative grades of the 2011 method. */
export type WaterGrade = '优' | '良好' | '轻度污染' | '中度污染' | '重度污染';
