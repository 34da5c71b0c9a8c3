import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textToBlocks } from './blocks.js';
import { docxToBlocks } from './docx-blocks.js';
import { extractPlan, findDeadline, parseTarget } from './extract.js';
import { Plan } from '../../domain/plan-schema.js';
import { docxFromExportedText } from '../../test-support/seed-docx.js';
import { buildPlanTemplate, readPlanTemplate } from '../plan-template.js';
import { ZIYANG } from '../../test-support/fixture-plans.js';
import ExcelJS from 'exceljs';

const SEEDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const ZY = readFileSync(join(SEEDS, '000_b9e0269eb07534c0.txt'), 'utf8');
const YY = readFileSync(join(SEEDS, '001_5fa55347ea5ea3b6.txt'), 'utf8');

describe('reading the exported text of 资阳区', () => {
  const d = extractPlan(textToBlocks(ZY), { regionCode: '430902', source: 'zy.txt' });
  const plan = Plan.parse(d.plan);
  it('finds the names, period and scope', () => {
    expect(plan.region).toMatchObject({ name: '资阳区', fullName: '益阳市资阳区', city: { code: '430900', name: '益阳市' }, province: { name: '湖南省' } });
    expect(plan.title).toBe('益阳市资阳区“十四五”生态环境保护规划');
    expect(plan.period).toEqual({ start: 2021, end: 2025, baseline: 2020 }); // 规划期限：2021年-2025年 / 基准年：2020年 (seed lines 137–139)
    // seed line 136: 2 街道, 5 镇, 1 乡 and the 开发区
    expect(plan.scope.units.map((u) => u.kind)).toEqual(['街道', '街道', '镇', '镇', '镇', '镇', '镇', '乡', '开发区']);
  });
  it('reads all 23 indicators of 表2 with their marks, targets and attributes', () => {
    expect(plan.indicators).toHaveLength(23);
    expect(plan.indicators.filter((i) => i.binding)).toHaveLength(10); // "其中约束性指标10项"
    const pm = plan.indicators.find((i) => i.seq === 4);
    expect(pm).toMatchObject({ category: '环境治理', name: '城市PM2.5年平均浓度下降', marks: ['*'], unit: '%', baseline: { value: 6.5, text: '6.5' }, target: { kind: 'assigned', text: '完成市定目标' }, binding: true });
    expect(plan.indicators.find((i) => i.seq === 19)).toMatchObject({ marks: ['☐'], target: { kind: 'noDecrease' }, baseline: { value: 22.59 } });
    expect(plan.indicators.find((i) => i.seq === 17)?.target).toEqual({ kind: 'improving', text: '稳中向好' });
    expect(plan.indicators.find((i) => i.seq === 9)).toMatchObject({ baseline: { value: null, text: '-' }, target: { kind: 'atLeast', value: 70 } });
    // The marked notes go on their indicators (备注 2–4), note 1 on the indicator it names.
    expect(plan.indicators.find((i) => i.seq === 8)?.notes[0]).toContain('#表示');
    expect(plan.indicators.find((i) => i.seq === 7)?.notes[0]).toContain('25个');
  });
  it('reads all 20 projects adding up to 479052 万元 and the investment table', () => {
    expect(plan.projects).toHaveLength(20);
    expect(plan.projects.reduce((s, p) => s + p.investment, 0)).toBe(479052);
    expect(plan.projects[0]).toMatchObject({ category: '水生态环境提升类', code: '1', name: '资水尾闾水环境治理工程', location: '资阳区', startYear: 2022, endYear: 2025, investment: 4800 });
    expect(plan.investmentByCategory?.reduce((s, c) => s + c.amount, 0)).toBe(479052);
    expect(plan.history?.rows).toHaveLength(15);
  });
  it('finds the dated commitments with their deadlines', () => {
    const byText = (t: string) => plan.commitments.find((c) => c.text.includes(t));
    expect(byText('千人')).toMatchObject({ deadline: '2021-12-31', deadlineText: '2021年底前' });
    expect(byText('应急预案修编')).toMatchObject({ deadline: '2022-12-31' });
    expect(byText('执法机构全部完成标准化建设')).toMatchObject({ deadline: '2023-12-31', deadlineText: '到2023年' });
    expect(byText('农村生活污水治理率不低于70%')).toMatchObject({ deadline: '2025-12-31', targetText: expect.stringContaining('70%') });
  });
});

describe('reading the exported text of 岳阳楼区', () => {
  const d = extractPlan(textToBlocks(YY), { regionCode: '430602', source: 'yy.txt' });
  const plan = Plan.parse(d.plan);
  it('reads 23 indicator rows with merged category, sub-group and attribute cells', () => {
    expect(plan.title).toBe('岳阳楼区生态环境保护“十四五”规划');
    expect(plan.indicators).toHaveLength(23);
    expect(plan.indicators[1]).toMatchObject({ category: '环境质量改善', subgroup: '空气环境质量', name: '城市空气质量优良天数比例（城陵矶站点）', baseline: { value: 92.1 }, target: { kind: 'atLeast', value: 90.9 } });
    expect(plan.indicators[9]).toMatchObject({ category: '污染物排放总量控制', name: '挥发性有机污染物', binding: true, attributeText: '约束性（合并单元格）', target: { kind: 'assigned', text: '市级下达指' } });
    expect(d.review.some((r) => r.path === 'indicators.9.binding')).toBe(true);
  });
  it('reads the 8 projects as printed and flags the implausible amount', () => {
    expect(plan.projects).toHaveLength(8);
    const big = plan.projects.find((p) => p.investment === 230000);
    expect(big?.name).toBe('岳阳市岳阳楼区郭镇乡麻布村芭蕉水库综合整治项目');
    expect(big?.flags[0]).toContain('疑似');
    expect(plan.engineering?.length).toBeGreaterThan(3);
  });
});

describe('the same from a real .docx built from the seed text', () => {
  it('gives the same draft as the text export', async () => {
    for (const [text, code] of [[ZY, '430902'], [YY, '430602']] as const) {
      const bytes = await docxFromExportedText(text);
      const r = await docxToBlocks(bytes, 'seed.docx');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const fromDocx = extractPlan(r.blocks, { regionCode: code, source: 's' }).plan;
      const fromText = extractPlan(textToBlocks(text), { regionCode: code, source: 's' }).plan;
      const strip = (p: typeof fromText) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'source' || k === 'line' ? undefined : v)));
      expect(strip(fromDocx)).toEqual(strip(fromText));
    }
  });
  it('fails cleanly on files that are not Word documents, and on zip bombs', async () => {
    expect(await docxToBlocks(Buffer.from('not a zip'), 'x.docx')).toMatchObject({ ok: false });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow(['x']);
    expect(await docxToBlocks(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.docx')).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('document.xml') }] });
  });
});

describe('the Excel template', () => {
  it('round-trips a plan', async () => {
    const bytes = await buildPlanTemplate(ZIYANG);
    const r = await readPlanTemplate(bytes, 't.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const strip = (p: unknown) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'source' ? undefined : v)));
    expect(strip(r.plan.indicators)).toEqual(strip(ZIYANG.indicators));
    expect(strip(r.plan.projects)).toEqual(strip(ZIYANG.projects));
    expect(strip(r.plan.commitments)).toEqual(strip(ZIYANG.commitments));
    expect(r.plan.region).toEqual(ZIYANG.region);
  });
  it('names the sheet, row and column of each problem', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildPlanTemplate(ZIYANG)) as unknown as ArrayBuffer);
    wb.getWorksheet('指标')!.getCell('H3').value = '差不多';
    wb.getWorksheet('项目')!.getCell('I2').value = '很多';
    wb.getWorksheet('任务')!.getCell('E2').value = '2021年底';
    const r = await readPlanTemplate(new Uint8Array(await wb.xlsx.writeBuffer()), 'bad.xlsx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['指标', 3, 'H'],
      ['项目', 2, 'I'],
      ['任务', 2, 'E'],
    ]);
  });
});

describe('target and deadline parsing', () => {
  it('types printed targets', () => {
    expect(parseTarget('≥90.9', 'higher').target).toEqual({ kind: 'atLeast', value: 90.9, text: '≥90.9' });
    expect(parseTarget('34', 'lower').target).toEqual({ kind: 'atMost', value: 34, text: '34' });
    expect(parseTarget('较2020年下降10%', 'lower').target).toEqual({ kind: 'reduceBy', percent: 10, text: '较2020年下降10%' });
    expect(parseTarget('完成市定目标', 'higher').target.kind).toBe('assigned');
    expect(parseTarget('安全可控', 'higher')).toMatchObject({ target: { kind: 'qualitative' }, sure: false });
  });
  it('reads deadlines', () => {
    expect(findDeadline('2022年6月底前完成')).toEqual({ deadline: '2022-06-30', text: '2022年6月底前' });
    expect(findDeadline('2024年2月底前完成')?.deadline).toBe('2024-02-29');
    expect(findDeadline('2021年底前完成')?.deadline).toBe('2021-12-31');
    expect(findDeadline('2025年前完成')?.deadline).toBe('2024-12-31');
    expect(findDeadline('到2023年，完成')?.deadline).toBe('2023-12-31');
    expect(findDeadline('持续推进')).toBeNull();
  });
});
