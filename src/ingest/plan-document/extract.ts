/**
 * Turns the blocks of a plan document into a draft plan: the indicator table(s), the project table(s), the
 * plan's own investment table, the engineering list, the 13th-plan results table, the scope, the period and
 * the dated commitments. Every field keeps where it came from; everything the reader had to guess is flagged
 * for review rather than silently decided. Pure: no I/O.
 */
import type { PlanInput } from '../../domain/plan-schema.js';
import type { Block, TableBlock, TableRowBlock } from './blocks.js';
import { provinceName } from './regions.js';

/** Something a person must check before the draft is saved. */
export interface ReviewFlag {
  path: string;
  message: string;
  line?: number;
}

/** The result of reading a plan document. */
export interface PlanDraft {
  plan: PlanInput;
  review: ReviewFlag[];
}

/** Options: the region code (the document rarely prints it) and the source's name. */
export interface ExtractOptions {
  regionCode: string;
  source: string;
}

const MARKS = ['*', '#', '△', '☐'] as const;
type Mark = (typeof MARKS)[number];

const isNumber = (s: string) => /^[-+]?\d+(\.\d+)?$/.test(s);
const num = (s: string): number | null => {
  const t = s.replace(/[,，\s]/g, '').replace(/%$/, '');
  return isNumber(t) ? Number(t) : null;
};
const ROMAN_NUMBERING = /^[一二三四五六七八九十]+、\s*/;

function header(t: TableBlock): string[] {
  return (t.rows[0]?.cells ?? []).map((c) => c.replace(/\s+/g, ''));
}

/** A table whose first row is only its caption (表2…) gets that row as its title. */
export function liftCaption(t: TableBlock): TableBlock {
  const first = t.rows[0];
  if (first && first.cells.filter(Boolean).length === 1 && /^(续)?表\s*[0-9一二三四五六七八九十]/.test(first.cells.find(Boolean) ?? '')) {
    return { ...t, title: first.cells.find(Boolean) ?? t.title, rows: t.rows.slice(1) };
  }
  return t;
}

function findCol(h: string[], re: RegExp): number {
  return h.findIndex((c) => re.test(c));
}

/** Kinds of table the reader knows. */
export function classifyTable(t: TableBlock): 'indicators' | 'projects' | 'investment' | 'engineering' | 'history' | 'other' {
  const h = header(t);
  const has = (re: RegExp) => h.some((c) => re.test(c));
  if (has(/项目名称/) && has(/投资/)) return 'projects';
  if (has(/^指标(名称)?$/) && has(/属性/)) return 'indicators';
  if (has(/重点工程/) && !has(/投资/)) return 'engineering';
  if (has(/类别/) && has(/投资/) && !has(/项目名称/)) return 'investment';
  if ((t.title ?? '').includes('十三五') || (has(/目标值/) && has(/完成/))) return 'history';
  return 'other';
}

function splitMarks(name: string): { name: string; marks: Mark[] } {
  const marks: Mark[] = [];
  let n = name.trim();
  for (;;) {
    const last = n.slice(-1) as Mark;
    if (MARKS.includes(last)) {
      marks.unshift(last);
      n = n.slice(0, -1).trim();
    } else break;
  }
  return { name: n, marks };
}

/** Which way is better for an indicator as named; `sure` is false when the name does not say. */
export function guessDirection(name: string, unit: string): { direction: 'higher' | 'lower'; sure: boolean } {
  if (/降低|下降|削减|减少|消除/.test(name)) return { direction: 'higher', sure: true };
  if (/浓度|劣\s*[Ⅴ5V]|[ⅤV]类水|重度及以上|污染天数|能耗$|排放量$|排放总量|^氮氧化物$|^挥发性有机|^化学需氧量$|^氨氮$/.test(name)) return { direction: 'lower', sure: unit !== '%' || /劣|重度|[ⅤV]类/.test(name) };
  if (/率|比例|覆盖|占|指数|达标|优良/.test(name)) return { direction: 'higher', sure: true };
  return { direction: 'higher', sure: false };
}

/** Types a printed target cell. */
export function parseTarget(text: string, direction: 'higher' | 'lower'): { target: PlanInput['indicators'][number]['target']; sure: boolean } {
  const t = text.replace(/\s+/g, '');
  if (/市定|市级下达|上级下达|省市下达/.test(t)) return { target: { kind: 'assigned', text }, sure: true };
  if (/不降低|不减少|不下降|稳定不减/.test(t)) return { target: { kind: 'noDecrease', text }, sure: true };
  if (/稳中向好|持续改善|稳中有升|稳中有增|逐步提高/.test(t)) return { target: { kind: 'improving', text }, sure: true };
  const reduce = t.match(/(?:下降|降低|削减|减少)(\d+(?:\.\d+)?)%/);
  if (reduce && direction === 'lower') return { target: { kind: 'reduceBy', percent: Number(reduce[1]), text }, sure: true };
  const m = t.match(/^([≥>≤<]|不低于|不高于|不超过|达到)?(\d+(?:\.\d+)?)%?(以上|以下)?$/);
  if (m) {
    const value = Number(m[2]);
    const explicit = m[1] ?? m[3];
    const kind = explicit && /[≤<]|不高于|不超过|以下/.test(explicit) ? 'atMost' : explicit && /[≥>]|不低于|以上/.test(explicit) ? 'atLeast' : direction === 'lower' ? 'atMost' : 'atLeast';
    return { target: { kind, value, text }, sure: true };
  }
  return { target: { kind: 'qualitative', text }, sure: false };
}

function readIndicators(tables: TableBlock[], review: ReviewFlag[]): PlanInput['indicators'] {
  const out: PlanInput['indicators'] = [];
  let category = '';
  let subgroup: string | undefined;
  let attribute = '';
  for (const t of tables) {
    const h = header(t);
    const hasSeq = findCol(h, /序号/) >= 0;
    for (const row of t.rows.slice(1)) {
      const c = row.cells;
      if (c.length < 5) continue;
      const idx = out.length;
      const path = `indicators.${idx}`;
      let qualifier: string | null = null;
      const [attr, target, baseline, unit, rawName] = [c[c.length - 1] ?? '', c[c.length - 2] ?? '', c[c.length - 3] ?? '', c[c.length - 4] ?? '', c[c.length - 5] ?? ''];
      if (!rawName) continue;
      const left = c.slice(0, c.length - 5);
      const categoryIdx = hasSeq && isNumber(left[0] ?? '') ? 1 : 0;
      const seqCell = left.find((x) => isNumber(x));
      const newCategory = left[categoryIdx] ?? '';
      if (newCategory && !isNumber(newCategory)) {
        if (newCategory !== category) subgroup = undefined;
        category = newCategory;
      }
      const rest = left.slice(categoryIdx + 1).filter((x) => x && !isNumber(x));
      if (rest.length) subgroup = rest[rest.length - 1];
      else if (left.length > categoryIdx + 1 && !newCategory && subgroup) {
        // a sub-group column merged with the row above: keep the sub-group
      } else if (left.length <= categoryIdx + 1) subgroup = undefined;
      if (!category) review.push({ path: `${path}.category`, message: '未识别到指标分类', line: row.line });
      let { name, marks } = splitMarks(rawName);
      // A name cell that only says where (城市建成区) qualifies the sub-group cell, which is then the name.
      if (subgroup && /^(城市建成区|建成区|城区|全区|全市|全县|县城|中心城区)$/.test(name)) {
        review.push({ path: `${path}.name`, message: `指标名称单元格“${name}”只是范围，已取“${subgroup}”为指标名称，范围记入备注`, line: row.line });
        ({ name, marks } = splitMarks(subgroup));
        qualifier = rawName;
        subgroup = undefined;
      }
      let attributeText = attr;
      if (attr) attribute = attr;
      else if (attribute) {
        attributeText = `${attribute}（合并单元格）`;
        review.push({ path: `${path}.binding`, message: `属性单元格为空，按合并单元格沿用上一行“${attribute}”`, line: row.line });
      } else review.push({ path: `${path}.binding`, message: '属性单元格为空，无法判断约束性/预期性', line: row.line });
      const { direction, sure } = guessDirection(name, unit);
      if (!sure) review.push({ path: `${path}.direction`, message: `无法从指标名称判断数值越高越好还是越低越好，暂按“${direction === 'higher' ? '越高越好' : '越低越好'}”`, line: row.line });
      const tgt = parseTarget(target, direction);
      if (!tgt.sure) review.push({ path: `${path}.target`, message: `目标“${target}”无法归类，暂按定性目标，请核对`, line: row.line });
      const baseValue = num(baseline);
      if (baseline && baseValue === null && !/^[-—–－]+$/.test(baseline)) review.push({ path: `${path}.baseline`, message: `基准值“${baseline}”不是数字`, line: row.line });
      out.push({
        seq: seqCell ? Number(seqCell) : idx + 1,
        category: category || '未分类',
        ...(subgroup ? { subgroup } : {}),
        name,
        ...(marks.length ? { printedName: rawName, marks } : {}),
        unit: unit || null,
        baseline: { value: baseValue, text: baseline },
        target: tgt.target,
        direction,
        binding: /约束/.test(attributeText),
        attributeText,
        notes: qualifier ? [`范围：${qualifier}`] : [],
        source: { line: row.line, text: c.join(' | ') },
      });
    }
  }
  if (!out.some((i) => Number.isInteger(i.seq)) || new Set(out.map((i) => i.seq)).size !== out.length) {
    out.forEach((i, k) => (i.seq = k + 1));
    review.push({ path: 'indicators', message: '指标表没有完整的序号，已按顺序编号 1…N' });
  }
  return out;
}

function readProjects(tables: TableBlock[], review: ReviewFlag[]): PlanInput['projects'] {
  const out: NonNullable<PlanInput['projects']> = [];
  let category = '';
  for (const t of tables) {
    const h = header(t);
    const col = {
      category: findCol(h, /类别|类型/),
      seq: findCol(h, /序号/),
      name: findCol(h, /项目名称/),
      location: findCol(h, /所在地|地点/),
      start: findCol(h, /开工/),
      end: findCol(h, /竣工|完工/),
      years: findCol(h, /建设年限|起止/),
      content: findCol(h, /建设内容|规模/),
      investment: findCol(h, /投资/),
    };
    for (const row of t.rows.slice(1)) {
      let c = row.cells;
      if (c.length !== h.length) {
        review.push({ path: `projects.${out.length}`, message: `该行有 ${c.length} 个单元格，表头有 ${h.length} 列，已按右对齐读取`, line: row.line });
        c = c.length > h.length ? c.slice(c.length - h.length) : [...Array(h.length - c.length).fill(''), ...c];
      }
      const at = (i: number) => (i >= 0 ? (c[i] ?? '').trim() : '');
      const name = at(col.name);
      if (!name || /^合计|^小计/.test(name) || /^合计|^小计/.test(at(0))) continue;
      const cat = at(col.category).replace(ROMAN_NUMBERING, '');
      if (cat) category = cat;
      const path = `projects.${out.length}`;
      let start = num(at(col.start));
      let end = num(at(col.end));
      if ((start === null || end === null) && col.years >= 0) {
        const m = at(col.years).match(/(20\d\d)\D+(20\d\d)/);
        if (m) [start, end] = [Number(m[1]), Number(m[2])];
      }
      if (start === null || end === null) review.push({ path: `${path}.startYear`, message: '开工或竣工年份缺失或不是年份', line: row.line });
      const invText = at(col.investment);
      const investment = num(invText);
      if (investment === null) review.push({ path: `${path}.investment`, message: `总投资“${invText}”不是数字`, line: row.line });
      out.push({
        seq: out.length + 1,
        category: category || '未分类',
        ...(at(col.seq) ? { code: at(col.seq) } : {}),
        name,
        location: at(col.location),
        startYear: start ?? 2021,
        endYear: end ?? start ?? 2025,
        content: at(col.content),
        investment: investment ?? 0,
        ...(investment === null ? { investmentText: invText } : {}),
        flags: [],
        source: { line: row.line, text: name },
      });
    }
  }
  // An amount far above the others is flagged (as printed, not corrected).
  const amounts = out.map((p) => p.investment).sort((a, b) => a - b);
  const median = amounts[Math.floor(amounts.length / 2)] ?? 0;
  out.forEach((p, k) => {
    if (out.length >= 4 && median > 0 && p.investment >= 10 * median && p.investment > 100000) {
      const flag = `总投资 ${p.investment} 万元远高于其他项目（中位数 ${median} 万元），疑似单位或录入有误，按原文记录，请核对`;
      p.flags = [...(p.flags ?? []), flag];
      review.push({ path: `projects.${k}.investment`, message: flag, line: p.source?.line });
    }
  });
  return out;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Finds the deadline in a sentence: 2021年底前, 2022年6月底前, 到2023年, 2025年前, 至2025年底 (the first one). */
export function findDeadline(sentence: string, periodEnd = 2025): { deadline: string; text: string } | null {
  return findDeadlines(sentence, periodEnd)[0] ?? null;
}

/**
 * Finds every deadline in a sentence, in order: 2021年底前, 2022年6月底前, 到2023年, 2025年前, 至2025年底,
 * “十四五”期间 (the end of the period), “2022年和2023年底前” (two), and a year that opens a clause
 * (“2023年组织…”, “2025年，…”).
 */
export function findDeadlines(sentence: string, periodEnd = 2025): { deadline: string; text: string }[] {
  const found: { at: number; end: number; deadline: string; text: string }[] = [];
  const take = (re: RegExp, f: (m: RegExpExecArray) => { deadline: string; text: string }[]) => {
    for (const m of sentence.matchAll(new RegExp(re.source, 'g'))) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (found.some((x) => at < x.end && end > x.at)) continue;
      for (const d of f(m as RegExpExecArray)) found.push({ at, end, ...d });
    }
  };
  take(/(20\d\d)年和(20\d\d)年(?:底|末)?(?:前|之前)/, (m) => [
    { deadline: `${m[1]}-12-31`, text: m[0] },
    { deadline: `${m[2]}-12-31`, text: m[0] },
  ]);
  take(/(20\d\d)年(\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)?(?:前|之前)/, (m) => [{ deadline: lastDay(Number(m[1]), Number(m[2]) || CN_DIGITS[m[2] ?? ''] || 12), text: m[0] }]);
  take(/(20\d\d)年(?:底|末)(?:前|之前)?/, (m) => [{ deadline: `${m[1]}-12-31`, text: m[0] }]);
  take(/(20\d\d)年(?:前|之前)/, (m) => [{ deadline: `${Number(m[1]) - 1}-12-31`, text: m[0] }]);
  take(/(?:到|至|截至|展望)(20\d\d)年/, (m) => [{ deadline: `${m[1]}-12-31`, text: m[0] }]);
  // “十四五”期间 as the time of a task, not in a sentence that describes the plan itself.
  if (!/共设置|阐明|意义|纲领|是[^，。]*第一个五年/.test(sentence)) take(/“?十四五”?(?:期间|末)/, (m) => [{ deadline: `${periodEnd}-12-31`, text: m[0] }]);
  take(/(?:^|(?<=[，,；;。]))(20\d\d)年(?=[，,]|组织|完成|实现|建成|启动)/, (m) => [{ deadline: `${m[1]}-12-31`, text: m[0] }]);
  return found.sort((a, b) => a.at - b.at).map(({ deadline, text }) => ({ deadline, text }));
}

function readCommitments(blocks: Block[], startYear: number, endYear: number): NonNullable<PlanInput['commitments']> {
  const out: NonNullable<PlanInput['commitments']> = [];
  let h1 = '';
  let h2 = '';
  let inHistory = false;
  for (const b of blocks) {
    if (b.kind !== 'para') continue;
    if (/^[一二三四五六七八九十]+、/.test(b.text) && b.text.length < 40) {
      h1 = b.text;
      h2 = '';
      inHistory = /基础|形势|回顾|成效|十三五/.test(b.text);
      continue;
    }
    if (/^（[一二三四五六七八九十]+）/.test(b.text) && b.text.length < 40) {
      h2 = b.text;
      if (/十三五|成效|成绩|回顾|问题|形势/.test(b.text)) inHistory = true;
      else if (!/基础|形势/.test(h1)) inHistory = false;
      continue;
    }
    if (inHistory || /^表\s*\d/.test(b.text) || /^备注/.test(b.text)) continue;
    for (const sentence of b.text.split(/(?<=[。；;！])/)) {
      const s = sentence.trim();
      const lead = s.match(/(?:由|责任单位[:：]?)?([\u4e00-\u9fa5、]{2,30}?(?:局|委员会|委|办公室|办|中心|公司|政府|指挥部))(?:牵头|负责|会同)/);
      const target = s.match(/(?:达到|不低于|提高到|提升至|控制在|≥|以上)[^，。；]*?\d+(?:\.\d+)?\s*(?:%|％|μg\/m3|个|家|公里|万吨)/);
      for (const d of findDeadlines(s, endYear)) {
        if (Number(d.deadline.slice(0, 4)) < startYear) continue;
        const rest = s.startsWith(d.text) ? s.slice(d.text.length) : s;
        const action = rest.replace(/^[，,、\s]+/, '').replace(/[。；;]$/, '');
        out.push({
          seq: out.length + 1,
          section: [h1, h2].filter(Boolean).join(''),
          text: s,
          action: action.length > 80 ? `${action.slice(0, 79)}…` : action || s,
          deadline: d.deadline,
          deadlineText: d.text,
          ...(target ? { targetText: target[0] } : {}),
          ...(lead?.[1] ? { leadUnit: lead[1] } : {}),
          source: { line: b.line, text: s.slice(0, 200) },
        });
      }
    }
  }
  return out;
}

function readScope(blocks: Block[]): PlanInput['scope'] {
  const at = blocks.findIndex((b) => b.kind === 'para' && /规划范围/.test(b.text));
  const para = blocks.slice(at, at + 3).find((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para' && /包括|辖/.test(b.text));
  if (at < 0 || !para) return { units: [] };
  const units: { name: string; kind: string }[] = [];
  const add = (name: string, kind: string) => {
    if (!units.some((u) => u.name === name)) units.push({ name, kind });
  };
  for (const clause of para.text.split(/[，,。；]/)) {
    const streets = clause.match(/(?:包括)?([\u4e00-\u9fa5、]+?)\d+个街道/);
    if (streets?.[1]) for (const n of streets[1].replace(/^包括/, '').split('、')) if (n) add(n.endsWith('街道') ? n : `${n}街道`, '街道');
    for (const m of clause.matchAll(/([\u4e00-\u9fa5]{1,5}?(镇|乡))(?=、|\d|$)/g)) if (m[1] && !/^[\d个]/.test(m[1])) add(m[1], m[2] ?? '');
    const zone = clause.match(/[：:]?([\u4e00-\u9fa5]{2,15}(开发区|园区|管理区))$/);
    if (zone?.[1] && !/个|省级|另设/.test(zone[1])) add(zone[1], zone[2] ?? '');
  }
  return { text: para.text, units };
}

/** Reads a draft plan from the blocks of a plan document. */
export function extractPlan(blocks: Block[], o: ExtractOptions): PlanDraft {
  const review: ReviewFlag[] = [];
  const paras = blocks.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para');
  const tables = blocks.filter((b): b is TableBlock => b.kind === 'table').map(liftCaption);
  const all = paras.map((p) => p.text).join('\n');

  // Names: the region as printed in 《…“十四五”生态环境保护规划》, else the most frequent district name before
  // “十四五”; the city printed just before it, else before “十四五”.
  const count = (needle: string) => all.split(needle).length - 1;
  const quotedTitles = [...all.matchAll(/《(([\u4e00-\u9fa5]{2,16}?)(?:“十四五”)?生态环境保护(?:“十四五”)?规划)》/g)]
    .filter((m) => /十四五/.test(m[1] ?? '') && /(区|县|旗)$/.test(m[2] ?? ''))
    .map((m) => ({ title: m[1] ?? '', place: m[2] ?? '' }));
  const printedTitle = quotedTitles.sort((x, y) => count(y.title) - count(x.title))[0];
  let placeFull = printedTitle?.place ?? '';
  if (!placeFull) {
    const m = all.match(/([\u4e00-\u9fa5]{1,6})(区|县|旗)“十四五”/);
    if (m) {
      const stem = `${m[1]}${m[2]}`;
      const candidates = [];
      for (let k = 2; k <= stem.length; k++) candidates.push(stem.slice(stem.length - k));
      const best = Math.max(...candidates.map(count));
      placeFull = candidates.filter((c) => count(c) >= best * 0.8).pop() ?? '';
    }
  }
  const cityInPlace = placeFull.match(/^([\u4e00-\u9fa5]{2,4}?(?:市|州|盟))(.+)$/);
  const name = cityInPlace?.[2] ?? placeFull;
  const cityName = cityInPlace?.[1] ?? (name ? all.match(new RegExp(`([\\u4e00-\\u9fa5]{2,3}(?:市|州))${name}`))?.[1] : undefined) ?? all.match(/([\u4e00-\u9fa5]{2,3}市)“十四五”/)?.[1] ?? '';
  if (!name) review.push({ path: 'region.name', message: '未能从文本识别地区名称，请填写' });
  if (!cityName) review.push({ path: 'region.city.name', message: '未能从文本识别所属市，请填写' });
  const fullName = `${cityName}${name}`;
  const title = printedTitle?.title ?? `${fullName}“十四五”生态环境保护规划`;
  if (!printedTitle) review.push({ path: 'title', message: `文中未见《…规划》书名，规划名称按“${title}”拟定` });

  // Period: 2021-2025年 or “十四五” (2021–2025); baseline the year before unless printed.
  const p = all.match(/(20\d\d)\s*年?\s*[-—–~至到]\s*(20\d\d)\s*年/);
  let start = p ? Number(p[1]) : 2021;
  let end = p ? Number(p[2]) : 2025;
  if (!p || end - start !== 4) {
    if (/十四五/.test(all)) [start, end] = [2021, 2025];
    review.push({ path: 'period', message: `规划期按“十四五”取 ${start}—${end} 年，请核对` });
  }
  const b = all.match(/以(20\d\d)年为基准年|基准年(?:为|：|:)\s*(20\d\d)/);
  const baseline = b ? Number(b[1] ?? b[2]) : start - 1;

  const indicatorTables = tables.filter((t) => classifyTable(t) === 'indicators');
  const projectTables = tables.filter((t) => classifyTable(t) === 'projects');
  if (!indicatorTables.length) review.push({ path: 'indicators', message: '未找到指标表（应有“指标”“属性”等列）' });
  if (!projectTables.length) review.push({ path: 'projects', message: '未找到重点项目表（应有“项目名称”“投资”等列）' });
  const indicators = readIndicators(indicatorTables, review);
  // Footnote texts (备注 / 注：) go on the indicators whose marks they explain.
  const notes = paras.filter((x) => /^(备注|注)[:：]?|^\d、[*#△☐]表示/.test(x.text) || /^[*#△☐]表示/.test(x.text));
  for (const n of notes) {
    for (const part of n.text.replace(/^(备注|注)[:：]?/, '').split(/(?=\d、)/)) {
      const mark = MARKS.find((m) => part.includes(`${m}表示`));
      if (mark) for (const i of indicators) if (i.marks?.includes(mark)) i.notes = [...(i.notes ?? []), part.trim()];
      if (!mark) for (const i of indicators) if (part.includes(i.name)) i.notes = [...(i.notes ?? []), part.trim()];
    }
  }
  const projects = readProjects(projectTables, review);

  const investmentTable = tables.find((t) => classifyTable(t) === 'investment');
  const investmentByCategory = investmentTable?.rows
    .slice(1)
    .map((r: TableRowBlock) => {
      const h = header(investmentTable);
      const cat = r.cells[findCol(h, /类别/)] ?? '';
      const amount = num(r.cells[findCol(h, /投资/)] ?? '');
      return cat && amount !== null && !/合计/.test(cat) && !/合计/.test(r.cells[0] ?? '') ? { category: cat, amount } : null;
    })
    .filter((x): x is { category: string; amount: number } => x !== null);

  const engineeringTable = tables.find((t) => classifyTable(t) === 'engineering');
  let engineering: { category: string; items: string[] }[] | undefined;
  if (engineeringTable) {
    engineering = [];
    for (const r of engineeringTable.rows.slice(1)) {
      const [cat, ...rest] = r.cells;
      const item = rest.filter(Boolean).join('：');
      if (cat) engineering.push({ category: cat, items: [] });
      if (item) engineering[engineering.length - 1]?.items.push(item);
    }
  }

  const historyTable = tables.find((t) => classifyTable(t) === 'history');
  let history: PlanInput['history'];
  if (historyTable) {
    const h = historyTable.rows[0]?.cells ?? [];
    const nameCol = findCol(header(historyTable), /指标/);
    history = {
      title: historyTable.title ?? '“十三五”规划主要指标完成情况',
      columns: h,
      rows: historyTable.rows.slice(1).map((r, k) => ({
        seq: num(r.cells[0] ?? '') ?? k + 1,
        name: r.cells[nameCol >= 0 ? nameCol : 1] ?? '',
        unit: null,
        cells: Object.fromEntries(h.map((col, j) => [col, r.cells[j] ?? '']).filter(([, v], j) => j !== nameCol && v !== undefined)),
      })),
    };
  }

  const commitments = readCommitments(blocks, start, end);
  if (!commitments.length) review.push({ path: 'commitments', message: '未找到带时限的任务' });

  const code = o.regionCode;
  const plan: PlanInput = {
    format: 'ecoplan/plan@1',
    region: {
      code,
      name: name || code,
      ...(name ? { fullName } : {}),
      city: { code: `${code.slice(0, 4)}00`, name: cityName || `${code.slice(0, 4)}00` },
      province: { code: `${code.slice(0, 2)}0000`, name: provinceName(code) ?? `${code.slice(0, 2)}0000` },
    },
    title,
    period: { start, end, baseline },
    source: { document: o.source },
    scope: readScope(blocks),
    indicators,
    projects,
    ...(investmentByCategory?.length ? { investmentByCategory } : {}),
    ...(engineering?.length ? { engineering } : {}),
    commitments,
    ...(history ? { history } : {}),
    notes: [],
  };
  return { plan, review };
}
