/**
 * The Excel template for bringing a plan into ecoplan: sheets 规划信息 (key–value), 指标, 项目, 任务, and 说明
 * (how to fill it in). `buildPlanTemplate` writes it (empty, or filled from a plan for a round trip);
 * `readPlanTemplate` reads a filled one into a plan, naming the sheet, row and column of every problem.
 */
import ExcelJS from 'exceljs';
import type { InputIssue } from '../domain/errors.js';
import { Plan, type PlanInput, type Target } from '../domain/plan-schema.js';
import { checkZip, columnLetter, DEFAULT_TABLE_LIMITS } from './table.js';

const INFO_KEYS = [
  ['地区代码', 'region.code', '6 位行政区划代码，如 430902'],
  ['地区名称', 'region.name', '如 资阳区'],
  ['地区全称', 'region.fullName', '如 益阳市资阳区'],
  ['所属市代码', 'region.city.code', '如 430900'],
  ['所属市名称', 'region.city.name', '如 益阳市'],
  ['所属省代码', 'region.province.code', '如 430000'],
  ['所属省名称', 'region.province.name', '如 湖南省'],
  ['规划名称', 'title', '如 益阳市资阳区“十四五”生态环境保护规划'],
  ['起始年', 'period.start', '如 2021'],
  ['终止年', 'period.end', '如 2025'],
  ['基准年', 'period.baseline', '如 2020'],
  ['中期评估年', 'period.midterm', '可空，默认起始年 + 2'],
] as const;

const IND_COLS = ['序号', '指标分类', '子类', '指标名称', '单位', '基准值', '目标', '目标类型', '目标数值', '方向', '属性', '备注', '责任单位', '监测指标', '站点'] as const;
const PRJ_COLS = ['序号', '类别', '项目编号', '项目名称', '所在地', '开工年份', '竣工年份', '建设内容及规模', '总投资（万元）', '牵头单位'] as const;
const COM_COLS = ['序号', '章节', '原文', '任务', '截止日期', '时限原文', '目标', '牵头单位'] as const;

const KIND_ZH: Record<Target['kind'], string> = {
  atLeast: '不低于',
  atMost: '不高于',
  reduceBy: '下降百分比',
  noDecrease: '不降低',
  improving: '稳中向好',
  assigned: '市定目标',
  qualitative: '定性',
};
const KIND_OF = new Map(Object.entries(KIND_ZH).map(([k, v]) => [v, k as Target['kind']]));

function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly string[], widths: number[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = cols.map((c, i) => ({ header: c, width: widths[i] ?? 12 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

const text = (s: string | undefined | null) => (s && /^[=+\-@]/.test(s) ? `'${s}` : (s ?? ''));

/** Writes the template; with a plan, filled in (for a round trip or as an example). */
export async function buildPlanTemplate(plan?: Plan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ecoplan';
  const info = sheet(wb, '规划信息', ['项目', '内容', '说明'], [14, 48, 40]);
  const get = (path: string): string => {
    if (!plan) return '';
    let v: unknown = plan;
    for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
    return v === undefined || v === null ? '' : String(v);
  };
  for (const [label, path, hint] of INFO_KEYS) info.addRow([label, text(get(path)), hint]);

  const ind = sheet(wb, '指标', IND_COLS, [6, 14, 12, 36, 8, 10, 14, 10, 10, 8, 8, 30, 14, 28, 20]);
  ind.getColumn(8).eachCell(() => undefined);
  for (const i of plan?.indicators ?? []) {
    const t = i.target;
    ind.addRow([i.seq, text(i.category), text(i.subgroup), text(i.printedName ?? i.name), text(i.unit), text(i.baseline.text), text(t.text), KIND_ZH[t.kind], 'value' in t ? t.value : 'percent' in t ? t.percent : null, i.direction === 'higher' ? '越高越好' : '越低越好', text(i.attributeText), text(i.notes.join('\n')), text(i.responsibleUnit), text(i.metric?.id), text([...(i.metric?.stations ?? []), ...(i.metric?.sections ?? [])].join(' '))]);
  }
  const prj = sheet(wb, '项目', PRJ_COLS, [6, 18, 8, 36, 12, 8, 8, 50, 12, 14]);
  for (const p of plan?.projects ?? []) prj.addRow([p.seq, text(p.category), text(p.code), text(p.name), text(p.location), p.startYear, p.endYear, text(p.content), p.investment, text(p.leadUnit)]);
  const com = sheet(wb, '任务', COM_COLS, [6, 20, 50, 36, 12, 12, 16, 14]);
  for (const c of plan?.commitments ?? []) com.addRow([c.seq, text(c.section), text(c.text), text(c.action), c.deadline, text(c.deadlineText), text(c.targetText), text(c.leadUnit)]);

  // Drop-down lists for the typed columns.
  for (let r = 2; r <= 500; r++) {
    ind.getCell(r, 8).dataValidation = { type: 'list', allowBlank: false, formulae: [`"${Object.values(KIND_ZH).join(',')}"`] };
    ind.getCell(r, 10).dataValidation = { type: 'list', allowBlank: false, formulae: ['"越高越好,越低越好"'] };
    ind.getCell(r, 11).dataValidation = { type: 'list', allowBlank: false, formulae: ['"约束性,预期性"'] };
  }
  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 110;
  for (const line of [
    'ecoplan 规划导入模板。每个工作表第一行为表头，请勿改动表头；从第二行起逐行填写。',
    '规划信息：按“项目”填写“内容”。',
    '指标：基准值、目标按规划文本原样填写（如 “-”“完成市定目标”“不降低”）；目标类型从下拉列表选择：',
    '  不低于 / 不高于（填目标数值）；下降百分比（目标数值填百分数，如 10）；不降低；稳中向好；市定目标（完成市定目标、市级下达指标）；定性（安全可控等，需人工评判）。',
    '  方向：该指标数值越高越好还是越低越好；属性：约束性或预期性。',
    '  监测指标（可空）：由监测数据计算该指标时的算法，如 air.pm25.annualMean、air.goodDaysRatio、water.sectionsClassIIIOrBetterRatio；站点：空格分隔的站点编码或断面名称。',
    '项目：总投资单位为万元；开工、竣工年份为四位年份。',
    '任务：截止日期写成 YYYY-MM-DD（如 “2021年底前” 写 2021-12-31）。',
    '请勿在单元格中使用公式。',
  ])
    help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) return { text: '', formula: true };
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in v) return { text: String(v.text), formula: false };
  }
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  return { text: String(v).replace(/^'(?=[=+\-@])/, ''), formula: false };
}

/** Reads a filled template into a plan, or the problems found (sheet, row, column, what was expected). */
export async function readPlanTemplate(bytes: Uint8Array, file: string): Promise<{ ok: true; plan: Plan } | { ok: false; issues: InputIssue[] }> {
  const zipProblem = checkZip(bytes, DEFAULT_TABLE_LIMITS);
  if (zipProblem) return { ok: false, issues: [{ file, message: zipProblem }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, issues: [{ file, message: `无法读取 XLSX：${(e as Error).message.split('\n')[0]}` }] };
  }
  const issues: InputIssue[] = [];
  const rowsOf = (name: string, cols: readonly string[]) => {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      issues.push({ file, sheet: name, message: `缺少工作表“${name}”` });
      return [];
    }
    const head = cols.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value).text.trim());
    cols.forEach((c, i) => {
      if (head[i] !== c) issues.push({ file, sheet: name, row: 1, column: columnLetter(i), message: `表头应为“${c}”（收到“${head[i]}”）` });
    });
    const out: { row: number; cells: string[] }[] = [];
    if (ws.rowCount > DEFAULT_TABLE_LIMITS.maxRows) {
      issues.push({ file, sheet: name, message: `行数超过上限 ${DEFAULT_TABLE_LIMITS.maxRows}` });
      return out;
    }
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const cells = cols.map((_, i) => {
        const { text: t, formula } = cellText(r.getCell(i + 1).value);
        if (formula) issues.push({ file, sheet: name, row: n, column: columnLetter(i), message: '单元格含公式，请填写数值或文字' });
        return t.trim();
      });
      if (cells.some(Boolean)) out.push({ row: n, cells });
    });
    return out;
  };
  const bad = (sheetName: string, row: number, col: number, message: string) => issues.push({ file, sheet: sheetName, row, column: `${columnLetter(col)}`, message });
  const intAt = (sheetName: string, r: { row: number; cells: string[] }, col: number, label: string): number => {
    const v = r.cells[col] ?? '';
    if (!/^\d+$/.test(v)) bad(sheetName, r.row, col, `${label}应为整数（收到“${v}”）`);
    return Number(v);
  };
  const numAt = (sheetName: string, r: { row: number; cells: string[] }, col: number, label: string): number => {
    const v = (r.cells[col] ?? '').replace(/,/g, '');
    const n = Number(v);
    if (v === '' || !Number.isFinite(n)) bad(sheetName, r.row, col, `${label}应为数字（收到“${r.cells[col] ?? ''}”）`);
    return n;
  };

  const info: Record<string, string> = {};
  for (const r of rowsOf('规划信息', ['项目', '内容', '说明'])) info[r.cells[0] ?? ''] = r.cells[1] ?? '';
  const infoNum = (label: string) => {
    const v = info[label] ?? '';
    if (!/^\d{4}$/.test(v)) issues.push({ file, sheet: '规划信息', message: `“${label}”应为四位年份（收到“${v}”）` });
    return Number(v);
  };
  const indicators: PlanInput['indicators'] = rowsOf('指标', IND_COLS).map((r) => {
    const c = r.cells;
    const kind = KIND_OF.get(c[7] ?? '');
    if (!kind) bad('指标', r.row, 7, `目标类型应为 ${Object.values(KIND_ZH).join('、')} 之一（收到“${c[7]}”）`);
    const needsValue = kind === 'atLeast' || kind === 'atMost' || kind === 'reduceBy';
    const value = needsValue ? numAt('指标', r, 8, '目标数值') : null;
    const target = (kind === 'reduceBy' ? { kind, percent: value, text: c[6] ?? '' } : needsValue ? { kind, value, text: c[6] ?? '' } : { kind: kind ?? 'qualitative', text: c[6] ?? '' }) as Target;
    if (c[9] !== '越高越好' && c[9] !== '越低越好') bad('指标', r.row, 9, '方向应为“越高越好”或“越低越好”');
    const attr = c[10] ?? '';
    if (!/约束|预期/.test(attr)) bad('指标', r.row, 10, '属性应为“约束性”或“预期性”');
    const printed = c[3] ?? '';
    const marks = [...printed.matchAll(/[*#△☐]/g)].map((m) => m[0] as '*' | '#' | '△' | '☐');
    const baseline = (c[5] ?? '').replace(/,/g, '');
    return {
      seq: intAt('指标', r, 0, '序号'),
      category: c[1] ?? '',
      ...(c[2] ? { subgroup: c[2] } : {}),
      name: printed.replace(/[*#△☐]+$/, '').trim(),
      ...(marks.length ? { printedName: printed, marks } : {}),
      unit: c[4] ? c[4] : null,
      baseline: { value: baseline !== '' && Number.isFinite(Number(baseline)) ? Number(baseline) : null, text: c[5] ?? '' },
      target,
      direction: c[9] === '越低越好' ? 'lower' : 'higher',
      binding: /约束/.test(attr),
      attributeText: attr,
      notes: c[11] ? c[11].split('\n') : [],
      ...(c[12] ? { responsibleUnit: c[12] } : {}),
      ...(c[13] ? { metric: { id: c[13], ...(c[14] ? (c[13].startsWith('air.') ? { stations: c[14].split(/\s+/) } : { sections: c[14].split(/\s+/) }) : {}) } } : {}),
      source: { line: r.row, text: `指标!${r.row}` },
    };
  });
  const projects: NonNullable<PlanInput['projects']> = rowsOf('项目', PRJ_COLS).map((r) => ({
    seq: intAt('项目', r, 0, '序号'),
    category: r.cells[1] ?? '',
    ...(r.cells[2] ? { code: r.cells[2] } : {}),
    name: r.cells[3] ?? '',
    location: r.cells[4] ?? '',
    startYear: intAt('项目', r, 5, '开工年份'),
    endYear: intAt('项目', r, 6, '竣工年份'),
    content: r.cells[7] ?? '',
    investment: numAt('项目', r, 8, '总投资'),
    ...(r.cells[9] ? { leadUnit: r.cells[9] } : {}),
    source: { line: r.row, text: `项目!${r.row}` },
  }));
  const commitments: NonNullable<PlanInput['commitments']> = rowsOf('任务', COM_COLS).map((r) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.cells[4] ?? '')) bad('任务', r.row, 4, `截止日期应为 YYYY-MM-DD（收到“${r.cells[4]}”）`);
    return {
      seq: intAt('任务', r, 0, '序号'),
      section: r.cells[1] ?? '',
      text: r.cells[2] || r.cells[3] || '',
      action: r.cells[3] || r.cells[2] || '',
      deadline: r.cells[4] ?? '',
      deadlineText: r.cells[5] || r.cells[4] || '',
      ...(r.cells[6] ? { targetText: r.cells[6] } : {}),
      ...(r.cells[7] ? { leadUnit: r.cells[7] } : {}),
      source: { line: r.row, text: `任务!${r.row}` },
    };
  });
  const midterm = info['中期评估年'] ? infoNum('中期评估年') : undefined;
  const input: PlanInput = {
    format: 'ecoplan/plan@1',
    region: {
      code: info['地区代码'] ?? '',
      name: info['地区名称'] ?? '',
      ...(info['地区全称'] ? { fullName: info['地区全称'] } : {}),
      city: { code: info['所属市代码'] ?? '', name: info['所属市名称'] ?? '' },
      province: { code: info['所属省代码'] ?? '', name: info['所属省名称'] ?? '' },
    },
    title: info['规划名称'] ?? '',
    period: { start: infoNum('起始年'), end: infoNum('终止年'), baseline: infoNum('基准年'), ...(midterm ? { midterm } : {}) },
    source: { document: file },
    indicators,
    projects,
    commitments,
  };
  if (issues.length) return { ok: false, issues };
  const parsed = Plan.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })) };
  }
  return { ok: true, plan: parsed.data };
}
