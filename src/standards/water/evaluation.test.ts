import { describe, it, expect } from 'vitest';
import {
  classifyPeriod,
  classifySample,
  dateInPeriod,
  evaluateDrinkingSources,
  evaluateWaterSections,
  gradeByClassProportion,
  type WaterSample,
} from './evaluation.js';

// Limits used below, from GB 3838-2002 Table 1 (STANDARDS.md §4.1): CODMn 2/4/6/10/15, NH3-N 0.15/0.5/1.0/1.5/2.0,
// TP river 0.02/0.1/0.2/0.3/0.4 and lake 0.01/0.025/0.05/0.1/0.2, TN (lake) 0.2/0.5/1.0/1.5/2.0, DO ≥7.5/6/5/3/2,
// BOD5 3/3/4/6/10, Pb 0.01/0.01/0.05/0.05/0.1, Hg 0.00005/0.00005/0.0001/0.001/0.001, 粪大肠菌群 200/2000/10000/20000/40000.
// Table 2: 铁 0.3, 锰 0.1. 超标倍数 = (value − Ⅲ limit) / Ⅲ limit (2011 method, STANDARDS.md §4.1–4.2).

/** Samples of one section on one date from item → value pairs. */
function at(section: string, date: string, values: Record<string, number>, nd: string[] = []): WaterSample[] {
  return Object.entries(values).map(([item, value]) => ({ section, date, item, value, ...(nd.includes(item) ? { belowDetection: true } : {}) }));
}

/** Twelve monthly samples of a section with the same values, for the given year. */
function monthly(section: string, year: number, values: Record<string, number>): WaterSample[] {
  return Array.from({ length: 12 }, (_, m) => at(section, `${year}-${String(m + 1).padStart(2, '0')}-10`, values)).flat();
}

describe('class of a sample', () => {
  it('is the worst evaluated item; TN of a river and 粪大肠菌群 are reported apart', () => {
    // DO 8.1 → Ⅰ, CODMn 2.8 → Ⅱ, NH3-N 0.32 → Ⅱ, TP 0.08 → Ⅱ (river): class Ⅱ, 优.
    // TN 1.9 has no river class; 粪大肠菌群 5400 would be Ⅲ but is not counted.
    const r = classifySample(at('资江万家嘴', '2025-05-12', { pH: 7.6, 溶解氧: 8.1, 高锰酸盐指数: 2.8, 氨氮: 0.32, 总磷: 0.08, 总氮: 1.9, 粪大肠菌群: 5400 }), { waterBody: 'river' });
    expect(r.class).toBe(2);
    expect(r.classLabel).toBe('Ⅱ类');
    expect(r.grade).toBe('优');
    expect(r.items.map((i) => [i.item, i.class])).toEqual([['ph', 1], ['do', 1], ['codMn', 2], ['nh3n', 2], ['tp', 2]]);
    expect(r.referenceItems.map((i) => [i.item, i.class])).toEqual([['tn', null], ['fecalColiform', 3]]);
    expect(r.exceeding).toEqual([]);
    expect(r.mainPollutants).toEqual([]);
    expect(r.standard).toBe('GB 3838-2002');
  });

  it('is 劣Ⅴ when one item is worse than Class Ⅴ, with its 超标倍数', () => {
    // NH3-N 2.5 > 2.0 → 劣Ⅴ; 超标倍数 (2.5 − 1.0) / 1.0 = 1.5; grade 重度污染.
    const r = classifySample(at('s', '2025-01-05', { 溶解氧: 7, 氨氮: 2.5, 总磷: 0.1 }), { waterBody: 'river' });
    expect(r.class).toBe(6);
    expect(r.classLabel).toBe('劣Ⅴ类');
    expect(r.grade).toBe('重度污染');
    expect(r.exceeding).toEqual([{ item: 'nh3n', nameZh: '氨氮', class: 6, mean: 2.5, classIIILimit: 1, exceedMultiple: 1.5 }]);
  });

  it('lists DO worse than Class Ⅲ without a 超标倍数', () => {
    // DO 2.5: ≥2 → Ⅴ; the method computes no 超标倍数 for DO.
    const r = classifySample(at('s', '2025-01-05', { 溶解氧: 2.5, 氨氮: 0.4 }), { waterBody: 'river' });
    expect(r.class).toBe(5);
    expect(r.exceeding).toEqual([{ item: 'do', nameZh: '溶解氧', class: 5, mean: 2.5, classIIILimit: 5, exceedMultiple: null }]);
  });

  it('orders main pollutants: cyanide and heavy metals first, then class, then 超标倍数; three at most', () => {
    // CODMn 12 → Ⅴ (1.0), NH3-N 1.8 → Ⅴ (0.8), TP 0.5 → 劣Ⅴ (1.5), Pb 0.06 → Ⅴ (0.2), BOD5 5 → Ⅳ (0.25).
    // Pb first (heavy metal), then TP (劣Ⅴ), then CODMn (Ⅴ, 1.0 > 0.8).
    const r = classifySample(at('s', '2025-03-01', { 高锰酸盐指数: 12, 氨氮: 1.8, 总磷: 0.5, 铅: 0.06, 五日生化需氧量: 5 }), { waterBody: 'river' });
    expect(r.class).toBe(6);
    expect(r.exceeding.map((e) => e.item)).toEqual(['pb', 'tp', 'codMn', 'nh3n', 'bod5']);
    expect(r.mainPollutants.map((e) => [e.item, e.exceedMultiple])).toEqual([['pb', 0.2], ['tp', 1.5], ['codMn', 1]]);
  });

  it('lists names that are not GB 3838 items without evaluating them', () => {
    const r = classifySample(at('s', '2025-03-01', { 叶绿素a: 12, 氨氮: 0.2 }), { waterBody: 'lake' });
    expect(r.class).toBe(2);
    expect(r.unknownItems).toEqual(['叶绿素a']);
  });

  it('has no class when no evaluated item was measured', () => {
    const r = classifySample(at('s', '2025-03-01', { 水温: 18, 总氮: 1.2 }), { waterBody: 'river' });
    expect(r.class).toBeNull();
    expect(r.grade).toBeNull();
  });
});

describe('class of a period', () => {
  it('classifies the mean of each item, not the worst sample', () => {
    // TP 0.15, 0.25, 0.26 → mean 0.22 → river Ⅳ; 超标倍数 (0.22 − 0.2) / 0.2 = 0.1. CODMn 3 each month → Ⅱ.
    const samples = [
      ...at('资江龙山港', '2025-01-08', { 总磷: 0.15, 高锰酸盐指数: 3 }),
      ...at('资江龙山港', '2025-02-08', { 总磷: 0.25, 高锰酸盐指数: 3 }),
      ...at('资江龙山港', '2025-03-08', { 总磷: 0.26, 高锰酸盐指数: 3 }),
    ];
    const r = classifyPeriod(samples, { waterBody: 'river' });
    expect(r.class).toBe(4);
    expect(r.grade).toBe('轻度污染');
    expect(r.mainPollutants).toHaveLength(1);
    expect(r.mainPollutants[0]?.item).toBe('tp');
    expect(r.mainPollutants[0]?.mean).toBe(0.22);
    expect(r.mainPollutants[0]?.exceedMultiple).toBeCloseTo(0.1, 12);
    // Restricted to January–February: mean TP 0.2 → Ⅲ, exactly at the limit.
    expect(classifyPeriod(samples, { waterBody: 'river', from: '2025-01-01', to: '2025-02-28' }).class).toBe(3);
  });

  it('averages over time per point, then over the points of a lake', () => {
    // Point A: TP 0.02, 0.04 → 0.03; point B: 0.09 (one sample). Lake mean (0.03 + 0.09) / 2 = 0.06 → lake Ⅳ.
    // A plain mean of the three samples would be 0.05 → Ⅲ: the order matters.
    const samples = [...at('东风湖A', '2025-04-01', { 总磷: 0.02 }), ...at('东风湖A', '2025-05-01', { 总磷: 0.04 }), ...at('东风湖B', '2025-04-01', { 总磷: 0.09 })];
    const r = classifyPeriod(samples, { waterBody: 'lake' });
    expect(r.items[0]?.mean).toBe(0.06);
    expect(r.items[0]?.count).toBe(3);
    expect(r.class).toBe(4);
  });

  it('enters results below detection at half the detection limit', () => {
    // Hg ND (limit 0.00008) twice and 0.00002: (0.00004 + 0.00004 + 0.00002) / 3 = 0.0000333 → Ⅰ (≤ 0.00005).
    // Entered at the full limit the mean would be 0.00006 → Ⅲ.
    const samples: WaterSample[] = [
      { section: 's', date: '2025-01-01', item: 'hg', value: 0.00008, belowDetection: true },
      { section: 's', date: '2025-02-01', item: 'hg', value: 0.00008, belowDetection: true },
      { section: 's', date: '2025-03-01', item: 'hg', value: 0.00002 },
    ];
    const r = classifyPeriod(samples, { waterBody: 'river' });
    expect(r.items[0]?.mean).toBeCloseTo(0.0000333333, 9);
    expect(r.items[0]?.belowDetectionCount).toBe(2);
    expect(r.class).toBe(1);
  });

  it('keeps lake TN apart by default and counts it when asked', () => {
    // Lake: NH3-N 0.4 → Ⅱ, TP 0.02 → Ⅱ, TN 1.8 → Ⅴ. Default class Ⅱ (TN reported apart);
    // with TN: Ⅴ, 超标倍数 (1.8 − 1.0) / 1.0 = 0.8.
    const samples = at('黄家湖', '2025-06-01', { 氨氮: 0.4, 总磷: 0.02, 总氮: 1.8 });
    const apart = classifyPeriod(samples, { waterBody: 'lake' });
    expect(apart.class).toBe(2);
    expect(apart.referenceItems.map((i) => [i.item, i.class])).toEqual([['tn', 5]]);
    const counted = classifyPeriod(samples, { waterBody: 'lake', includeTotalNitrogen: true });
    expect(counted.class).toBe(5);
    expect(counted.mainPollutants.map((e) => [e.item, e.exceedMultiple])).toEqual([['tn', 0.8]]);
    // A river's TN is never counted, even when asked.
    expect(classifyPeriod(samples, { waterBody: 'river', includeTotalNitrogen: true }).class).toBe(2);
  });

  it('compares monthly dates with a period by the month', () => {
    expect(dateInPeriod('2025-03', '2025-03-15', '2025-04-30')).toBe(true);
    expect(dateInPeriod('2025-02', '2025-03-01', '2025-04-30')).toBe(false);
    expect(dateInPeriod('2025-03-14', '2025-03-15', '2025-04-30')).toBe(false);
  });
});

describe('annual evaluation of sections', () => {
  it('classifies a section from the annual means: one bad month does not make the year 劣Ⅴ', () => {
    // TP eleven months 0.15 and one month 0.9 (劣Ⅴ): annual mean (11 × 0.15 + 0.9) / 12 = 0.2125 → Ⅳ;
    // 超标倍数 (0.2125 − 0.2) / 0.2 = 0.0625.
    const samples = Array.from({ length: 12 }, (_, m) => at('资江万家嘴', `2025-${String(m + 1).padStart(2, '0')}-10`, { 总磷: m === 6 ? 0.9 : 0.15 })).flat();
    const r = evaluateWaterSections(samples, { year: 2025 });
    const s = r.sections[0]!;
    expect(s.class).toBe(4);
    expect(s.items[0]?.mean).toBe(0.2125);
    expect(s.exceeding[0]?.exceedMultiple).toBeCloseTo(0.0625, 12);
    expect(s.sampleDates).toBe(12);
    expect(s.months).toBe(12);
  });

  it('counts only the samples of the year', () => {
    // 2024 TP 0.5 (劣Ⅴ) is ignored for 2025, where TP 0.1 → Ⅱ.
    const r = evaluateWaterSections([...at('x', '2024-12-31', { 总磷: 0.5 }), ...at('x', '2025-01-01', { 总磷: 0.1 }), ...at('x', '2025-02', { 总磷: 0.1 })], { year: 2025 });
    expect(r.sections[0]?.class).toBe(2);
    expect(r.sections[0]?.sampleDates).toBe(2);
  });

  it('uses the lake TP limits for the listed lake sections', () => {
    // TP 0.12 all year: a river section is Ⅲ (0.1 < 0.12 ≤ 0.2); 黄家湖 (a lake) is Ⅴ, 超标倍数 (0.12 − 0.05) / 0.05 = 1.4.
    const samples = [...monthly('资江万家嘴', 2025, { 总磷: 0.12 }), ...monthly('黄家湖', 2025, { 总磷: 0.12 })];
    const r = evaluateWaterSections(samples, { year: 2025, lakeSections: ['黄家湖'] });
    const river = r.sections.find((s) => s.section === '资江万家嘴')!;
    const lake = r.sections.find((s) => s.section === '黄家湖')!;
    expect([river.waterBody, river.class]).toEqual(['river', 3]);
    expect([lake.waterBody, lake.class]).toEqual(['lake', 5]);
    expect(lake.exceeding[0]?.exceedMultiple).toBeCloseTo(1.4, 12);
  });

  it('reports the target of a section', () => {
    // 资阳区 plan indicator 5: 资江万家嘴监测断面水质, 2020 Ⅲ类, target Ⅱ类. A Ⅲ year does not meet it; Ⅱ does.
    const targets = new Map([['资江万家嘴', 2 as const]]);
    const three = evaluateWaterSections(monthly('资江万家嘴', 2025, { 氨氮: 0.8 }), { year: 2025, targets });
    expect([three.sections[0]?.class, three.sections[0]?.meetsTarget]).toEqual([3, false]);
    const two = evaluateWaterSections(monthly('资江万家嘴', 2025, { 氨氮: 0.4 }), { year: 2025, targets });
    expect([two.sections[0]?.class, two.sections[0]?.meetsTarget]).toEqual([2, true]);
    expect([two.set.targetsCount, two.set.targetsMet]).toEqual([1, 1]);
  });

  it('gives the shares at Ⅰ–Ⅲ and at 劣Ⅴ, and the grade by class proportion for five or more sections', () => {
    // 12 sections: 11 at Ⅰ–Ⅲ, 1 at Ⅳ. Share 11 / 12 = 91.67 %, printed 91.7 % — the 2020 "国省控断面水质优良断面比例"
    // of the 资阳区 plan (the plan does not give the count; 11 of 12 is the smallest that rounds to 91.7).
    // 91.67 ≥ 90 → 优. No 劣Ⅴ: 0 %, the 岳阳楼区 plan's binding "地表水质量劣Ⅴ类水体比例" target.
    const samples: WaterSample[] = [];
    const tp = [0.02, 0.05, 0.1, 0.15, 0.2, 0.2, 0.1, 0.08, 0.12, 0.18, 0.19, 0.25];
    tp.forEach((v, i) => samples.push(...monthly(`断面${i + 1}`, 2025, { 总磷: v })));
    const r = evaluateWaterSections(samples, { year: 2025 });
    expect(r.set.count).toBe(12);
    expect(r.set.countI_III).toBe(11);
    expect(r.set.percentI_III).toBeCloseTo((11 / 12) * 100, 10);
    expect(Math.round(r.set.percentI_III! * 10) / 10).toBe(91.7);
    expect(r.set.percentWorseThanV).toBe(0);
    expect(r.set.classCounts).toEqual({ 1: 1, 2: 4, 3: 6, 4: 1, 5: 0, 6: 0 });
    expect([r.set.grade, r.set.gradeMethod]).toEqual(['优', 'classProportion']);
  });

  it('gives 劣Ⅴ shares and the 中度污染 grade when Ⅰ–Ⅲ < 75 % and 20 % ≤ 劣Ⅴ < 40 %', () => {
    // 5 sections: TP 0.1 (Ⅱ), 0.2 (Ⅲ), 0.3 (Ⅳ), 0.45 (劣Ⅴ), 0.5 (劣Ⅴ): Ⅰ–Ⅲ 40 %, 劣Ⅴ 40 % → 重度污染 (劣Ⅴ ≥ 40 %).
    // Replacing one 劣Ⅴ by Ⅴ (0.4): 劣Ⅴ 20 % → 中度污染.
    const sections = (tps: number[]) => tps.flatMap((v, i) => monthly(`s${i}`, 2025, { 总磷: v }));
    const a = evaluateWaterSections(sections([0.1, 0.2, 0.3, 0.45, 0.5]), { year: 2025 });
    expect([a.set.percentI_III, a.set.percentWorseThanV, a.set.grade]).toEqual([40, 40, '重度污染']);
    const b = evaluateWaterSections(sections([0.1, 0.2, 0.3, 0.4, 0.5]), { year: 2025 });
    expect([b.set.percentI_III, b.set.percentWorseThanV, b.set.grade]).toEqual([40, 20, '中度污染']);
  });

  it('grades fewer than five sections by the class of the mean concentrations', () => {
    // 3 river sections, TP 0.1 / 0.2 / 0.45: mean (0.1 + 0.2 + 0.45) / 3 = 0.25 → Ⅳ → 轻度污染.
    const samples = [0.1, 0.2, 0.45].flatMap((v, i) => monthly(`s${i}`, 2025, { 总磷: v }));
    const r = evaluateWaterSections(samples, { year: 2025 });
    expect(r.set.count).toBe(3);
    expect(r.set.percentWorseThanV).toBeCloseTo(100 / 3, 10);
    expect([r.set.meanClass, r.set.grade, r.set.gradeMethod]).toEqual([4, '轻度污染', 'meanConcentration']);
    // Mixed rivers and lakes: no common limits, so no grade.
    const mixed = evaluateWaterSections(samples, { year: 2025, lakeSections: ['s0'] });
    expect([mixed.set.grade, mixed.set.gradeMethod]).toEqual([null, null]);
  });

  it('returns empty shares for no sections', () => {
    const r = evaluateWaterSections([], { year: 2025 });
    expect(r.set).toMatchObject({ count: 0, percentI_III: null, percentWorseThanV: null, grade: null });
  });
});

describe('the class-proportion grades', () => {
  it('follows the thresholds 90 / 75 and 20 / 40 %', () => {
    // 2011 method table (STANDARDS.md §4.2).
    expect(gradeByClassProportion(90, 0)).toBe('优');
    expect(gradeByClassProportion(89.9, 0)).toBe('良好');
    expect(gradeByClassProportion(75, 10)).toBe('良好');
    expect(gradeByClassProportion(74.9, 19.9)).toBe('轻度污染');
    expect(gradeByClassProportion(70, 20)).toBe('中度污染');
    expect(gradeByClassProportion(50, 39.9)).toBe('中度污染');
    expect(gradeByClassProportion(50, 40)).toBe('重度污染');
  });
});

describe('drinking-water sources', () => {
  const good = { pH: 7.2, 溶解氧: 7.8, 高锰酸盐指数: 2.1, 氨氮: 0.2, 总磷: 0.05, 硫酸盐: 30, 氯化物: 12, 硝酸盐: 1.2, 铁: 0.1, 锰: 0.03 };

  it('complies when Table 1 items are at Class Ⅲ or better and Table 2 items within their limits', () => {
    // 资阳区 plan: "市级饮用水源龙山港断面水质达标率100%" — twelve compliant months give 12 / 12 = 100 %.
    const r = evaluateDrinkingSources(monthly('龙山港', 2025, good), { year: 2025 });
    const s = r.sources[0]!;
    expect(s.compliant).toBe(true);
    expect([s.dates, s.compliantDates, s.percentCompliantDates]).toEqual([12, 12, 100]);
    expect(s.items.find((i) => i.item === 'mn')).toMatchObject({ table: 2, limitText: '≤0.1', compliant: true });
    expect(s.items.find((i) => i.item === 'do')).toMatchObject({ limitText: '≥5', compliant: true });
    expect(s.items.find((i) => i.item === 'ph')).toMatchObject({ limitText: '6~9', compliant: true });
    expect(s.unmeasured).toContain('cyanide');
    expect(s.unmeasured).not.toContain('mn');
  });

  it('fails on Table 2 iron and manganese with their 超标倍数', () => {
    // Fe 0.45 vs 0.3 → (0.45 − 0.3) / 0.3 = 0.5; Mn 0.15 vs 0.1 → 0.5.
    const r = evaluateDrinkingSources(monthly('新桥河水厂', 2025, { ...good, 铁: 0.45, 锰: 0.15 }), { year: 2025 });
    const s = r.sources[0]!;
    expect(s.compliant).toBe(false);
    expect(s.exceeding.map((e) => [e.item, e.exceedMultiple])).toEqual([['fe', 0.5], ['mn', 0.5]]);
  });

  it('judges the year by annual means and also counts compliant sampling dates', () => {
    // NH3-N 1.2 in one of four quarters (> Ⅲ 1.0), 0.2 otherwise: annual mean 0.45 → compliant;
    // compliant dates 3 / 4 = 75 %.
    const samples = ['2025-02-10', '2025-05-10', '2025-08-10', '2025-11-10'].flatMap((d, i) => at('郭镇乡麻布村水厂', d, { ...good, 氨氮: i === 2 ? 1.2 : 0.2 }));
    const s = evaluateDrinkingSources(samples, { year: 2025 }).sources[0]!;
    expect(s.compliant).toBe(true);
    expect([s.dates, s.compliantDates, s.percentCompliantDates]).toEqual([4, 3, 75]);
  });

  it('applies Class Ⅲ DO and the lake TP limit', () => {
    // DO 4.5 < 5 → not compliant, no 超标倍数. TP 0.08: river Ⅲ 0.2 complies; lake Ⅲ 0.05 does not, (0.08 − 0.05) / 0.05 = 0.6.
    const lowDo = evaluateDrinkingSources(monthly('a', 2025, { ...good, 溶解氧: 4.5 }), { year: 2025 }).sources[0]!;
    expect(lowDo.exceeding.map((e) => [e.item, e.exceedMultiple])).toEqual([['do', null]]);
    const tp = monthly('水库', 2025, { ...good, 总磷: 0.08 });
    expect(evaluateDrinkingSources(tp, { year: 2025 }).sources[0]?.compliant).toBe(true);
    const lake = evaluateDrinkingSources(tp, { year: 2025, lakeSources: ['水库'] }).sources[0]!;
    expect(lake.compliant).toBe(false);
    expect(lake.exceeding[0]?.exceedMultiple).toBeCloseTo(0.6, 12);
  });

  it('evaluates the Table 3 items given a limit and lists the others', () => {
    // 三氯甲烷 (GB 3838 Table 3, 0.06 mg/L): 0.08 → (0.08 − 0.06) / 0.06 = 0.3333.
    const samples = monthly('s', 2025, { ...good, 三氯甲烷: 0.08, 叶绿素a: 3 });
    const s = evaluateDrinkingSources(samples, { year: 2025, specificLimits: new Map([['三氯甲烷', 0.06]]) }).sources[0]!;
    expect(s.compliant).toBe(false);
    expect(s.exceeding).toHaveLength(1);
    expect(s.exceeding[0]).toMatchObject({ item: '三氯甲烷', table: 3, mean: 0.08 });
    expect(s.exceeding[0]?.exceedMultiple).toBeCloseTo(1 / 3, 10);
    expect(s.unevaluatedItems).toEqual(['叶绿素a']);
  });

  it('gives the share of compliant sources', () => {
    // 7 of 11 sources compliant: 63.6 %, the 2020 "集中式饮用水水源达标率" printed in the 资阳区 plan (its footnote:
    // groundwater sources fail on iron and manganese; here 4 sources fail Table 2 manganese instead).
    const samples = Array.from({ length: 11 }, (_, i) => monthly(`水源${i + 1}`, 2025, i < 7 ? good : { ...good, 锰: 0.3 })).flat();
    const r = evaluateDrinkingSources(samples, { year: 2025 });
    expect([r.set.count, r.set.compliantCount]).toEqual([11, 7]);
    expect(Math.round(r.set.percentCompliant! * 10) / 10).toBe(63.6);
  });
});
