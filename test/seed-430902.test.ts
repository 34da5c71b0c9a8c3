/**
 * The 资阳区 (430902) plan file against its seed text.
 *
 * plans/430902-ziyang.yaml is a transcription of the exported Word document 000_b9e0269eb07534c0.txt
 * (表2 indicators, the annex's 20 projects, the investment table, 表1 as history, the planning scope and the
 * dated sentences). The first block checks the file on its own, with expected values read off the seed by hand
 * (line numbers cited). The second re-reads the seed text itself, so a typo in a name, a wrong line or a
 * mistyped number fails. The seed lives outside the repository (default ../shared/seeds beside the clone, or
 * ECOPLAN_SEEDS_DIR); where it is absent that second block is skipped, and says so in its title.
 *
 * Category names: the annex prints the project classes as “一、水生态环境提升类” … “七、生态环境治理能力提升类”
 * (the YAML drops the “一、” numbering), while the investment table (lines 503–538) prints the first five without
 * the trailing 类 and the last two with it. ANNEX_TO_TABLE below maps the one onto the other.
 */
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanYaml } from '../src/ingest/plan-file.js';
import type { Plan } from '../src/domain/plan-schema.js';

const planText = readFileSync(new URL('../plans/430902-ziyang.yaml', import.meta.url), 'utf8');

function loadPlan(): Plan {
  const result = parsePlanYaml(planText, '430902-ziyang.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.plan;
}

const plan = loadPlan();

/** Annex class (project `category`) → the class as printed in the investment table (lines 509–533). */
const ANNEX_TO_TABLE: Record<string, string> = {
  水生态环境提升类: '水生态环境提升',
  大气环境治理类: '大气环境治理',
  土壤管控与修复类: '土壤管控与修复',
  农业农村污染防治类: '农业农村污染防治',
  生态保护与修复类: '生态保护与修复',
  风险防范类: '风险防范类',
  生态环境治理能力提升类: '生态环境治理能力提升类',
};

/** The 4 益阳 city stations of reference/seed-stations.md, without the control station 2467A 甘溪港. */
const CITY_STATIONS = ['2468A', '2469A', '2470A', '2471A'];

function indicator(seq: number) {
  const found = plan.indicators.find((i) => i.seq === seq);
  if (!found) throw new Error(`indicator ${seq} missing`);
  return found;
}

function project(seq: number) {
  const found = plan.projects.find((p) => p.seq === seq);
  if (!found) throw new Error(`project ${seq} missing`);
  return found;
}

function commitment(seq: number) {
  const found = plan.commitments.find((c) => c.seq === seq);
  if (!found) throw new Error(`commitment ${seq} missing`);
  return found;
}

function sumBy<T>(items: T[], key: (t: T) => string, value: (t: T) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + value(it);
  return out;
}

describe('plans/430902-ziyang.yaml', () => {
  it('validates against the plan schema', () => {
    const result = parsePlanYaml(planText, '430902-ziyang.yaml');
    expect(result.ok).toBe(true);
    expect(plan.format).toBe('ecoplan/plan@1');
    expect(plan.region).toEqual({
      code: '430902',
      name: '资阳区',
      fullName: '益阳市资阳区',
      city: { code: '430900', name: '益阳市' },
      province: { code: '430000', name: '湖南省' },
    });
    // Lines 138–139: 基准年：2020年 / 规划期限：2021年-2025年; line 554: 2023年组织…中期评估.
    expect(plan.period).toEqual({ start: 2021, end: 2025, baseline: 2020, midterm: 2023 });
    // Lines 558 and 560: 《益阳市资阳区“十四五”生态环境保护规划》重点工程.
    expect(plan.title).toBe('益阳市资阳区“十四五”生态环境保护规划');
  });

  it('has the 23 rows of 表2, the 20 annex projects, 23 commitments and the 15 rows of 表1', () => {
    // 表2, lines 157–341: 序号 1..23 printed (line 145: 主要指标23项).
    expect(plan.indicators.map((i) => i.seq)).toEqual(Array.from({ length: 23 }, (_, k) => k + 1));
    // Annex, lines 572–751: 序号 1..20 printed.
    expect(plan.projects.map((p) => p.seq)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(plan.projects.map((p) => p.code)).toEqual(Array.from({ length: 20 }, (_, k) => String(k + 1)));
    // 21 dated sentences, two of which (lines 428 and 554) name two deadlines each and are split: 23 entries.
    expect(plan.commitments).toHaveLength(23);
    expect(plan.commitments.map((c) => c.source?.line)).toEqual([
      141, 381, 381, 384, 401, 401, 406, 406, 419, 428, 428, 428, 430, 433, 434, 464, 465, 465, 470, 494, 494, 554, 554,
    ]);
    // 表1, lines 24–112: 序号 1..15.
    expect(plan.history?.rows.map((r) => r.seq)).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
  });

  it('groups the indicators by the four fields of 表2, merged cells taken from the row above', () => {
    // Category cells at lines 158 (应对气候变化), 182–183 (环境/治理), 295–296 (生态/保护), 320 (环境风险防控);
    // line 145 names the same four 领域.
    expect(sumBy(plan.indicators, (i) => i.category, () => 1)).toEqual({ 应对气候变化: 3, 环境治理: 14, 生态保护: 3, 环境风险防控: 3 });
    expect(indicator(17).category).toBe('环境治理');
    expect(indicator(20).category).toBe('生态保护');
  });

  it('counts 10 binding and 13 expected indicators, as line 145 says', () => {
    // Line 145: 其中约束性指标10项，预期性指标13项. 约束性 printed at rows 1, 2, 4, 5, 7, 12–15, 18.
    expect(plan.indicators.filter((i) => i.binding).map((i) => i.seq)).toEqual([1, 2, 4, 5, 7, 12, 13, 14, 15, 18]);
    expect(plan.indicators.filter((i) => !i.binding)).toHaveLength(13);
    // No attribute cell of 表2 is blank, so none is inherited.
    expect(plan.indicators.every((i) => i.attributeText === (i.binding ? '约束性' : '预期性'))).toBe(true);
  });

  it('transcribes the climate and air rows, with station metrics only where they fit', () => {
    // Lines 159–163: 单位地区生产总值二氧化碳排放降低 | % | 18 | 完成市定目标 | 约束性 — a reduction: higher is better.
    expect(indicator(1)).toMatchObject({
      unit: '%',
      baseline: { value: 18, text: '18' },
      target: { kind: 'assigned', text: '完成市定目标' },
      direction: 'higher',
      binding: true,
    });
    // Lines 175–179: 非化石能源占一次能源消费比例 | % | 45 | 53 | 预期性.
    expect(indicator(3)).toMatchObject({ baseline: { value: 45, text: '45' }, target: { kind: 'atLeast', value: 53, text: '53' }, binding: false });
    // Lines 184–188: 城市PM2.5年平均浓度下降* — a % decrease, not the annual mean: no metric, and a note says why.
    const pm25 = indicator(4);
    expect(pm25).toMatchObject({ name: '城市PM2.5年平均浓度下降', printedName: '城市PM2.5年平均浓度下降*', marks: ['*'], direction: 'higher' });
    expect(pm25.baseline).toEqual({ value: 6.5, text: '6.5' });
    expect(pm25.metric).toBeUndefined();
    expect(pm25.notes.some((n) => n.includes('air.pm25.annualMean'))).toBe(true);
    // Lines 192–196: 城市空气质量优良天数比率* | % | 84.2; line 7 prints 84.4% for 2020 — flagged.
    const good = indicator(5);
    expect(good).toMatchObject({ baseline: { value: 84.2, text: '84.2' }, direction: 'higher', binding: true });
    expect(good.metric).toEqual(expect.objectContaining({ id: 'air.goodDaysRatio', stations: CITY_STATIONS }));
    expect(good.notes.some((n) => n.includes('84.4'))).toBe(true);
    // Lines 200–204: 城市重度及以上污染天数比率* | % | 0.3 | 完成市定目标 | 预期性 — lower is better.
    expect(indicator(6)).toMatchObject({ baseline: { value: 0.3, text: '0.3' }, direction: 'lower', binding: false });
    expect(indicator(6).metric).toEqual(expect.objectContaining({ id: 'air.heavyDaysRatio', stations: CITY_STATIONS }));
    // Line 345 (备注2) belongs to the three * rows.
    for (const seq of [4, 5, 6]) expect(indicator(seq).notes[0]).toMatch(/^备注2（第345行）：\*表示：/);
  });

  it('transcribes the water, pollutant, ecology and risk rows as printed', () => {
    // Lines 208–212: 国省控断面地表水质量达到或优于Ⅲ类水体比例 | % | 100 | 完成市定目标 | 约束性; 备注1 (line 344).
    const water = indicator(7);
    expect(water).toMatchObject({ baseline: { value: 100, text: '100' }, target: { kind: 'assigned' }, direction: 'higher', binding: true });
    expect(water.metric?.id).toBe('water.sectionsClassIIIOrBetterRatio');
    expect(water.notes[0]).toMatch(/^备注1（第344行）：.*（25个）.*（33个）计算。$/);
    // Lines 216–220: 集中式饮用水水源达标率# | % | 63.6 | 75 | 预期性; 备注3 (line 346).
    expect(indicator(8)).toMatchObject({ marks: ['#'], baseline: { value: 63.6, text: '63.6' }, target: { kind: 'atLeast', value: 75, text: '75' } });
    expect(indicator(8).metric?.id).toBe('water.drinkingSourceCompliance');
    expect(indicator(8).notes[0]).toMatch(/^备注3（第346行）：#表示：/);
    // Lines 224–244: rows 9–11 print “-” for 2020 and 70 / 85 / 70 for 2025 (line 401: 达到70%、达到85%; line 430: 不低于70%).
    expect([9, 10, 11].map((s) => [indicator(s).baseline, indicator(s).target])).toEqual([
      [{ value: null, text: '-' }, { kind: 'atLeast', value: 70, text: '70' }],
      [{ value: null, text: '-' }, { kind: 'atLeast', value: 85, text: '85' }],
      [{ value: null, text: '-' }, { kind: 'atLeast', value: 70, text: '70' }],
    ]);
    // Lines 248–276: four 排放量削减比例 rows, 约束性, 完成市定目标 — reduction shares, higher is better.
    for (const seq of [12, 13, 14, 15]) {
      expect(indicator(seq)).toMatchObject({ target: { kind: 'assigned', text: '完成市定目标' }, direction: 'higher', binding: true });
    }
    // Lines 280–284: 重点行业重点重金属污染物排放量下降△; 备注4 (line 347): 基准年是2013年.
    expect(indicator(16)).toMatchObject({ marks: ['△'], binding: false, direction: 'higher' });
    expect(indicator(16).notes[0]).toBe('备注4（第347行）：△表示：重金属污染物排放量下降基准年是2013年。');
    // Lines 288–292: 生态质量指数（新EI） | - | - | 稳中向好 | 预期性.
    expect(indicator(17)).toMatchObject({ unit: '-', baseline: { value: null, text: '-' }, target: { kind: 'improving', text: '稳中向好' } });
    // Lines 297–301: 森林覆盖率 | % | 26.21 | 完成市定目标 | 约束性.
    expect(indicator(18)).toMatchObject({ baseline: { value: 26.21, text: '26.21' }, target: { kind: 'assigned' }, binding: true });
    // Lines 305–309: 生态保护红线占国土面积比例☐ | % | 22.59 | 不降低 | 预期性; the ☐ mark has no printed note.
    const redLine = indicator(19);
    expect(redLine).toMatchObject({ marks: ['☐'], baseline: { value: 22.59, text: '22.59' }, target: { kind: 'noDecrease', text: '不降低' }, direction: 'higher' });
    expect(redLine.notes.some((n) => n.includes('☐') && n.includes('未印'))).toBe(true);
    // Lines 329–341: 县级以上医疗废物无害化处置率, 工业危险废物利用处置率 | % | 100 | 100 | 预期性.
    expect(indicator(22).target).toEqual({ kind: 'atLeast', value: 100, text: '100' });
    expect(indicator(23).target).toEqual({ kind: 'atLeast', value: 100, text: '100' });
    // Footnote marks: * on 4, 5, 6; # on 8; △ on 16; ☐ on 19 — and nowhere else.
    expect(plan.indicators.filter((i) => i.marks.length > 0).map((i) => [i.seq, i.marks.join('')])).toEqual([
      [4, '*'], [5, '*'], [6, '*'], [8, '#'], [16, '△'], [19, '☐'],
    ]);
    // 14 rows print 完成市定目标 (lines 162, 170, 186, 194, 202, 210, 250, 258, 266, 274, 282, 299, 315, 323).
    expect(plan.indicators.filter((i) => i.target.kind === 'assigned')).toHaveLength(14);
  });

  it('reproduces the investment table by class and in total', () => {
    // Investment table lines 509–538: 317700, 7000, 30000, 61100, 10000, 53240, 12; 合计 479052.
    expect(plan.investmentByCategory).toEqual([
      { category: '水生态环境提升', amount: 317700 },
      { category: '大气环境治理', amount: 7000 },
      { category: '土壤管控与修复', amount: 30000 },
      { category: '农业农村污染防治', amount: 61100 },
      { category: '生态保护与修复', amount: 10000 },
      { category: '风险防范类', amount: 53240 },
      { category: '生态环境治理能力提升类', amount: 12 },
    ]);
    const printed = Object.fromEntries((plan.investmentByCategory ?? []).map((c) => [c.category, c.amount]));
    const fromProjects = sumBy(plan.projects, (p) => ANNEX_TO_TABLE[p.category] ?? `unmapped:${p.category}`, (p) => p.investment);
    expect(fromProjects).toEqual(printed);
    const total = plan.projects.reduce((s, p) => s + p.investment, 0);
    // Line 538: 合计 479052; line 502: 重点项目总投资约47.9052亿元 = 479052 万元.
    expect(total).toBe(479052);
    expect((plan.investmentByCategory ?? []).reduce((s, c) => s + c.amount, 0)).toBe(479052);
    // Annex class of each project: lines 572, 671, 698, 707, 725, 734, 743 head the classes.
    expect(plan.projects.map((p) => p.category)).toEqual([
      ...Array<string>(11).fill('水生态环境提升类'),
      ...Array<string>(3).fill('大气环境治理类'),
      '土壤管控与修复类',
      '农业农村污染防治类',
      '农业农村污染防治类',
      '生态保护与修复类',
      '风险防范类',
      '生态环境治理能力提升类',
    ]);
  });

  it('transcribes the projects field by field', () => {
    // Lines 573–579: 1 | 资水尾闾水环境治理工程 | 资阳区 | 2022 | 2025 | …河道清淤… | 4800.
    expect(project(1)).toMatchObject({ name: '资水尾闾水环境治理工程', location: '资阳区', startYear: 2022, endYear: 2025, investment: 4800 });
    // Lines 600–606: 民主垸 project, the largest: 119300.
    expect(project(4)).toMatchObject({ startYear: 2021, endYear: 2025, investment: 119300 });
    // Lines 663–669: 乡镇集中式饮用水源地环境问题治理 2021–2022, 2000.
    expect(project(11)).toMatchObject({ startYear: 2021, endYear: 2022, investment: 2000 });
    // Lines 735–741: 原锑品冶炼园土壤修复 2023–2025, 53240 (the whole 风险防范类).
    expect(project(19)).toMatchObject({ name: '资阳区新桥河镇原锑品冶炼园土壤修复项目', startYear: 2023, endYear: 2025, investment: 53240 });
    // Lines 744–751: the name cell is printed on two lines; 2021–2022; 12 万元.
    expect(project(20)).toMatchObject({ name: '大气环境质量监测能力建设城市酸雨监测能力提升建设', startYear: 2021, endYear: 2022, investment: 12 });
    expect(project(20).flags.some((f) => f.includes('两行'))).toBe(true);
    // Line 713: 新港直渠 长1500米、宽9米，面积约9000 m2 — 1500 × 9 = 13500, flagged.
    expect(project(16).flags.some((f) => f.includes('13500'))).toBe(true);
    // Every project of the annex is located in 资阳区 (lines 575 … 747).
    expect(new Set(plan.projects.map((p) => p.location))).toEqual(new Set(['资阳区']));
  });

  it('dates the commitments to the last day of the period named', () => {
    // Line 428: 2021年底前完成农村“千人”饮用水源保护区划分工作 → 2021-12-31, under 八、（一） (line 427).
    expect(commitment(10)).toMatchObject({
      section: '八、（一）加强农村饮用水源地保护',
      deadline: '2021-12-31',
      deadlineText: '2021年底前',
      action: '完成农村“千人”饮用水源保护区划分',
    });
    // Line 428: 2022年和2023年底前分别实现乡镇和农村“千人”以上… → two entries, 2022-12-31 and 2023-12-31.
    expect([commitment(11).deadline, commitment(12).deadline]).toEqual(['2022-12-31', '2023-12-31']);
    // Line 494: 到2023年，区执法机构全部完成标准化建设 → 2023-12-31, under 十一、（七） (line 492).
    expect(commitment(20)).toMatchObject({ section: '十一、（七）提升生态环境治理能力', deadline: '2023-12-31', deadlineText: '到2023年' });
    // Line 470: 2022年底前，开展区域突发环境事件风险评估并完成应急预案修编 → 2022-12-31, under 十、（五） (line 469).
    expect(commitment(19)).toMatchObject({ section: '十、（五）健全环境应急管理体系', deadline: '2022-12-31', deadlineText: '2022年底前' });
    // Line 401: 到2025年，城市生活污水集中收集率达到70% → 2025-12-31 with its number.
    expect(commitment(5)).toMatchObject({ deadline: '2025-12-31', targetText: '城市生活污水集中收集率达到70%' });
    // Line 381: 十四五期间 → the end of the period.
    expect(commitment(3)).toMatchObject({ deadline: '2025-12-31', deadlineText: '十四五期间' });
    // Line 554: 2023年…中期评估，2025年底…终期考核，益阳市生态环境局资阳分局会同相关部门….
    expect([commitment(22), commitment(23)].map((c) => [c.deadline, c.deadlineText, c.leadUnit])).toEqual([
      ['2023-12-31', '2023年', '益阳市生态环境局资阳分局'],
      ['2025-12-31', '2025年底', '益阳市生态环境局资阳分局'],
    ]);
    // No other sentence names a unit that leads (牵头/负责/会同 occur only on line 554).
    expect(plan.commitments.filter((c) => c.leadUnit).map((c) => c.seq)).toEqual([22, 23]);
    // All deadlines fall inside the plan period.
    for (const c of plan.commitments) expect(c.deadline >= '2021-01-01' && c.deadline <= '2025-12-31', `commitment ${c.seq}`).toBe(true);
  });

  it('lists the planning scope: 2 街道, 5 镇, 1 乡 and the 开发区', () => {
    // Line 136: 包括大码头、汽车路2个街道办事处，长春镇、…、张家塞乡5个镇1个乡，另设1个省级工业园区：益阳长春经济开发区。
    expect(sumBy(plan.scope.units, (u) => u.kind, () => 1)).toEqual({ 街道: 2, 镇: 5, 乡: 1, 开发区: 1 });
    expect(plan.scope.units.map((u) => u.name)).toEqual([
      '大码头街道', '汽车路街道', '长春镇', '新桥河镇', '茈湖口镇', '沙头镇', '迎风桥镇', '张家塞乡', '益阳长春经济开发区',
    ]);
  });

  it('keeps 表1 as history with its cells as printed', () => {
    // Lines 18–22: the header; lines 24–28: 1 | 化学需氧量排放总量（万吨） | 6399吨 | 6121吨 | 完成.
    expect(plan.history?.columns).toEqual(['序号', '指标名称', '“十三五”目标值', '2020年完成值', '完成情况']);
    expect(plan.history?.rows[0]).toEqual({ seq: 1, name: '化学需氧量排放总量（万吨）', unit: null, cells: { '“十三五”目标值': '6399吨', '2020年完成值': '6121吨', 完成情况: '完成' } });
    // Lines 72–76: 9 | 生活污水处理厂 | 全面稳定达标排放 | 完成44个 | 基本完成 — the only row not 完成.
    expect(plan.history?.rows.filter((r) => r.cells['完成情况'] !== '完成').map((r) => r.seq)).toEqual([9]);
  });
});

const seedsDir = process.env.ECOPLAN_SEEDS_DIR ?? fileURLToPath(new URL('../../shared/seeds', import.meta.url));
const seedPath = join(seedsDir, '000_b9e0269eb07534c0.txt');
const seedAvailable = existsSync(seedPath);

describe.skipIf(!seedAvailable)(`430902 plan against the seed text ${seedAvailable ? '' : `(skipped: ${seedPath} not found)`}`, () => {
  const seedText = seedAvailable ? readFileSync(seedPath, 'utf8') : '';
  const lines = seedText.split('\n').map((l) => l.replace(/\r$/, ''));
  const unmark = (s: string) => s.replace(/\[bookmark: [^\]]*\]/g, '').trim();

  /**
   * The table row that contains a 1-based line: its cells (a cell's continuation line, without a tab, joined
   * to it without a separator) and the line each cell starts on. Rows are separated by empty lines; a row's
   * first line may also follow a paragraph directly (the caption of 表1, line 17), which is not part of it.
   */
  function rowAt(line: number): { cells: string[]; starts: number[] } {
    const isCellLine = (n: number) => (lines[n - 1] ?? '').startsWith('\t');
    const isContinuation = (n: number) => lines[n - 1] !== '' && !isCellLine(n) && n > 1 && isCellLine(n - 1);
    let first = line;
    while (first > 1 && (isCellLine(first - 1) || isContinuation(first - 1))) first--;
    const cells: string[] = [];
    const starts: number[] = [];
    for (let n = first; n <= lines.length && lines[n - 1] !== ''; n++) {
      const l = lines[n - 1] ?? '';
      if (l.startsWith('\t') || cells.length === 0) {
        cells.push(l.replace(/^\t/, ''));
        starts.push(n);
      } else cells[cells.length - 1] += l;
    }
    return { cells, starts };
  }

  it('finds every indicator name verbatim in the seed, with its whole row of 表2', () => {
    let category = '';
    for (const i of plan.indicators) {
      expect(seedText.includes(i.name), i.name).toBe(true);
      expect(seedText.includes(i.printedName ?? i.name), i.name).toBe(true);
      expect(i.printedName ?? i.name).toBe(i.name + i.marks.join(''));
      const at = i.source?.line ?? 0;
      const { cells, starts } = rowAt(at);
      // Row layout (lines 148–155): 序号, 指标分类, 指标名称, 单位, 2020年, 2025年, 属性.
      expect(cells, `row of indicator ${i.seq}`).toHaveLength(7);
      expect(starts[2], `name line of ${i.seq}`).toBe(at);
      const [seq, cat, name, unit, base, target, attribute] = cells;
      expect(seq).toBe(String(i.seq));
      if (cat !== '') category = cat ?? '';
      expect(i.category, `category of ${i.seq}`).toBe(category);
      expect(name).toBe(i.printedName ?? i.name);
      expect(unit).toBe(i.unit ?? '');
      expect(base).toBe(i.baseline.text);
      expect(target).toBe(i.target.text);
      expect(attribute).toBe(i.attributeText);
      expect(i.source?.text).toBe(cells.filter((c) => c !== '').join(' | '));
      // Numbers agree with the printed text where it is a number; “-” has no value.
      if (i.baseline.text === '-') expect(i.baseline.value).toBeNull();
      else expect(Number(i.baseline.text)).toBe(i.baseline.value);
      if (i.target.kind === 'atLeast' || i.target.kind === 'atMost') expect(Number(i.target.text)).toBe(i.target.value);
    }
  });

  it('counts the attributes and targets printed in 表2 and the totals stated on line 145', () => {
    const table2 = lines.slice(147, 342).map((l) => l.replace(/^\t/, ''));
    const stated = lines[144]?.match(/主要指标(\d+)项，其中约束性指标(\d+)项，预期性指标(\d+)项/);
    expect(stated?.slice(1).map(Number)).toEqual([23, 10, 13]);
    expect(table2.filter((c) => c === '约束性')).toHaveLength(plan.indicators.filter((i) => i.binding).length);
    expect(table2.filter((c) => c === '预期性')).toHaveLength(plan.indicators.filter((i) => !i.binding).length);
    expect(table2.filter((c) => c === '完成市定目标')).toHaveLength(plan.indicators.filter((i) => i.target.kind === 'assigned').length);
  });

  it('takes the plan’s notes under 表2 word for word', () => {
    // Lines 344–347: 备注：1、…, 2、*表示：…, 3、#表示：…, 4、△表示：…
    const printedNotes = [344, 345, 346, 347].map((n) => unmark(lines[n - 1] ?? '').replace(/^备注：/, '').replace(/^\d、/, ''));
    const owners = [7, 4, 8, 16];
    printedNotes.forEach((text, k) => {
      expect(indicator(owners[k] ?? 0).notes[0]).toBe(`备注${k + 1}（第${344 + k}行）：${text}`);
    });
    // 备注2 is shared by the three * rows.
    expect(indicator(5).notes[0]).toBe(indicator(4).notes[0]);
    expect(indicator(6).notes[0]).toBe(indicator(4).notes[0]);
    // No printed note explains ☐.
    expect(lines.slice(343, 348).some((l) => l.includes('☐'))).toBe(false);
  });

  it('finds every project name verbatim in the seed, with its whole row of the annex', () => {
    let printedClass = '';
    let printedTotal = 0;
    for (const p of plan.projects) {
      const at = p.source?.line ?? 0;
      const { cells, starts } = rowAt(at);
      // Row layout (lines 561–570): 所属类别, 序号, 项目名称, 所在地, 开工年份, 竣工年份, 建设内容及规模, 总投资/万元.
      expect(cells, `row of project ${p.seq}`).toHaveLength(8);
      expect(starts[2]).toBe(at);
      const [cls, code, name, location, start, end, content, investment] = cells;
      if (cls !== '') printedClass = (cls ?? '').replace(/^[一二三四五六七八九十]+、/, '');
      expect(p.category, `class of ${p.seq}`).toBe(printedClass);
      expect(code).toBe(p.code);
      expect(name).toBe(p.name);
      expect(location).toBe(p.location);
      expect(Number(start)).toBe(p.startYear);
      expect(Number(end)).toBe(p.endYear);
      expect(content).toBe(p.content);
      expect(investment).toBe(String(p.investment));
      printedTotal += Number(investment);
      // The name as it stands in the text: on one line, or (project 20 only) over the cell's two lines.
      const cellLines = lines.slice(at - 1, starts[3] === undefined ? at : starts[3] - 1).map((l) => l.replace(/^\t/, ''));
      expect(seedText.includes(cellLines.join('\n')), p.name).toBe(true);
      expect(cellLines.join(''), p.name).toBe(p.name);
      if (cellLines.length === 1) expect(seedText.includes(p.name), p.name).toBe(true);
      else expect(p.seq).toBe(20);
    }
    // Line 538: 合计 479052.
    expect(printedTotal).toBe(479052);
  });

  it('reads the investment table back from the seed', () => {
    const rows: string[][] = [];
    for (let n = 508; n <= 538; n++) if (lines[n - 2] === '' && lines[n - 1]?.startsWith('\t')) rows.push(rowAt(n).cells);
    const body = rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body.map((r) => ({ category: r[1], amount: Number(r[2]) }))).toEqual(plan.investmentByCategory);
    const total = rows.find((r) => r[0] === '合计');
    expect(Number(total?.[2])).toBe(479052);
    // Line 502: 七大类重点工程, 重点项目总投资约47.9052亿元.
    expect(lines[501]).toContain('七大类');
    expect(lines[501]).toContain('47.9052亿元');
    expect(body).toHaveLength(7);
  });

  it('finds every commitment sentence on the line cited, under the heading named', () => {
    for (const c of plan.commitments) {
      const at = c.source?.line ?? 0;
      expect(unmark(lines[at - 1] ?? '').includes(c.text), `commitment ${c.seq}`).toBe(true);
      expect(c.text.includes(c.deadlineText), `deadline text of ${c.seq}`).toBe(true);
      if (c.targetText !== undefined) expect(c.text.includes(c.targetText), `target text of ${c.seq}`).toBe(true);
      if (c.leadUnit !== undefined) expect(c.text.includes(c.leadUnit), `lead unit of ${c.seq}`).toBe(true);
      // The nearest chapter heading (一、…) and section heading (（一）…) above the sentence.
      let chapter = '';
      let section = '';
      for (let n = at - 1; n >= 1 && chapter === ''; n--) {
        const t = unmark(lines[n - 1] ?? '');
        if (section === '' && /^（[一二三四五六七八九十]+）/.test(t)) section = t;
        const m = t.match(/^([一二三四五六七八九十]+、)/);
        if (m?.[1]) chapter = m[1];
      }
      expect(c.section, `section of ${c.seq}`).toBe(chapter + section);
    }
  });

  it('lists every dated sentence of the text (lines 126–554) among the commitments', () => {
    // Lines 138–139 (规划期), 153–154 (表2 header) and 344–347 (表2 notes) carry years but no commitment.
    const skip = new Set([138, 139, 344, 345, 346, 347]);
    const dated: string[] = [];
    for (let n = 126; n <= 554; n++) {
      const raw = lines[n - 1] ?? '';
      if (raw.startsWith('\t') || skip.has(n)) continue;
      for (const s of unmark(raw).split(/(?<=。)/)) if (/20\d\d年|十四五期间/.test(s)) dated.push(s.trim());
    }
    expect(dated).toHaveLength(21);
    expect([...new Set(plan.commitments.map((c) => c.text))]).toEqual(dated);
  });

  it('takes 表1 and the scope from the seed', () => {
    // 表1 rows start at lines 24, 30, …, 108 (6 lines a row): 序号, 指标名称, “十三五”目标值, 2020年完成值, 完成情况.
    const header = rowAt(18).cells;
    expect(plan.history?.columns).toEqual(header);
    expect(lines[16]).toBe(plan.history?.title);
    for (const r of plan.history?.rows ?? []) {
      const cells = rowAt(24 + (r.seq - 1) * 6).cells;
      expect(cells[0]).toBe(String(r.seq));
      expect(cells[1]).toBe(r.name);
      expect(cells.slice(2)).toEqual(header.slice(2).map((h) => r.cells[h]));
    }
    // Line 136, word for word; every unit named there (街道 written “大码头、汽车路…街道办事处”).
    expect(plan.scope.text).toBe(lines[135]);
    for (const u of plan.scope.units) expect(lines[135]?.includes(u.name.replace(/街道$/, '')), u.name).toBe(true);
  });
});
