/**
 * The Excel report: the indicator table in the plan's own 表2 layout with the year's values and statuses, the
 * project table in the annex layout with yearly investment, and the commitments. Frozen header rows, column
 * widths, number formats; text that a spreadsheet would run as a formula is written as plain text.
 */
import ExcelJS from 'exceljs';
import { STATUS_COLORS } from '../charts/options.js';
import type { Status } from '../domain/assessment.js';
import type { ReportData } from './report-data.js';

/** Makes user text safe in a cell: a leading = + - @ tab or CR would start a formula in Excel, so it gets a quote. */
export function safeText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function header(ws: ExcelJS.Worksheet, title: string, columns: { header: string; width: number }[]) {
  ws.columns = columns.map((c) => ({ width: c.width }));
  const t = ws.addRow([title]);
  ws.mergeCells(t.number, 1, t.number, columns.length);
  t.font = { name: '黑体', size: 14 };
  t.alignment = { horizontal: 'center' };
  const h = ws.addRow(columns.map((c) => c.header));
  h.font = { name: '黑体', size: 11 };
  h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    c.border = border;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function body(row: ExcelJS.Row) {
  row.alignment = { vertical: 'middle', wrapText: true };
  row.font = { name: '仿宋', size: 11 };
  row.eachCell({ includeEmpty: true }, (c) => (c.border = border));
}

/** Builds the workbook. */
export async function buildXlsx(d: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ecoplan';
  const a = d.assessment;
  const { period } = d.plan;

  // 表2 layout: 序号, 指标分类, 指标名称, 单位, 基准年, 目标, 属性 — then the year's value, 序时进度, status, reason.
  const ind = wb.addWorksheet('指标完成情况');
  header(ind, `${d.regionFullName}“十四五”生态环境保护规划指标${a.year}年完成情况`, [
    { header: '序号', width: 6 },
    { header: '指标分类', width: 14 },
    { header: '指标名称', width: 36 },
    { header: '单位', width: 8 },
    { header: `${period.baseline}年`, width: 10 },
    { header: `${period.end}年`, width: 14 },
    { header: '属性', width: 8 },
    { header: `${a.year}年值`, width: 10 },
    { header: '序时进度', width: 10 },
    { header: '状态', width: 9 },
    { header: '说明', width: 50 },
  ]);
  for (const i of [...d.plan.indicators].sort((x, y) => x.seq - y.seq)) {
    const r = a.indicators.find((x) => x.seq === i.seq);
    const row = ind.addRow([
      i.seq,
      safeText(i.subgroup ? `${i.category}/${i.subgroup}` : i.category),
      safeText(i.printedName ?? i.name),
      safeText(i.unit ?? ''),
      i.baseline.value ?? safeText(i.baseline.text),
      safeText(i.target.text),
      i.binding ? '约束性' : '预期性',
      r?.value ?? null,
      r?.expected ?? null,
      r?.status ?? '',
      safeText(r?.reason ?? ''),
    ]);
    body(row);
    for (const col of [5, 8, 9]) row.getCell(col).numFmt = '#,##0.##';
    const st = r?.status as Status | undefined;
    if (st) row.getCell(10).font = { name: '仿宋', size: 11, bold: true, color: { argb: `FF${STATUS_COLORS[st].slice(1)}` } };
  }

  // Annex layout: 所属类别, 序号, 项目名称, 所在地, 开工年份, 竣工年份, 建设内容及规模, 总投资 — then yearly investment.
  const years: number[] = [];
  for (let y = period.start; y <= period.end; y++) years.push(y);
  const prj = wb.addWorksheet('重点项目');
  header(prj, `${d.regionFullName}“十四五”生态环境保护规划重点项目（截至${a.year}年）`, [
    { header: '所属类别', width: 18 },
    { header: '序号', width: 6 },
    { header: '项目名称', width: 34 },
    { header: '所在地', width: 10 },
    { header: '开工年份', width: 8 },
    { header: '竣工年份', width: 8 },
    { header: '建设内容及规模', width: 50 },
    { header: '总投资/万元', width: 12 },
    ...years.map((y) => ({ header: `${y}年完成/万元`, width: 12 })),
    { header: '累计完成/万元', width: 12 },
    { header: '状态', width: 8 },
    { header: '进度', width: 10 },
  ]);
  for (const p of d.projects) {
    const row = prj.addRow([safeText(p.category), p.seq, safeText(p.name), safeText(p.location), p.startYear, p.endYear, safeText(p.content), p.investment, ...years.map((y) => p.investedByYear[String(y)] ?? null), p.investedTotal, p.status, p.light]);
    body(row);
    for (let c = 8; c <= 9 + years.length; c++) row.getCell(c).numFmt = '#,##0.##';
  }
  const total = prj.addRow(['合计', '', '', '', '', '', '', d.investment.total.planned, ...years.map((y) => d.projects.reduce((s, p) => s + (p.investedByYear[String(y)] ?? 0), 0)), d.investment.total.invested, '', '']);
  body(total);
  total.font = { name: '黑体', size: 11 };
  for (let c = 8; c <= 9 + years.length; c++) total.getCell(c).numFmt = '#,##0.##';

  const cat = wb.addWorksheet('投资按类别');
  header(cat, '重点项目投资（按类别）', [
    { header: '类别', width: 24 },
    { header: '项目数', width: 8 },
    { header: '计划投资/万元', width: 14 },
    { header: '累计完成/万元', width: 14 },
  ]);
  for (const c of [...d.investment.categories, { ...d.investment.total, category: '合计' }]) {
    const row = cat.addRow([safeText(c.category), c.count, c.planned, c.invested]);
    body(row);
    row.getCell(3).numFmt = '#,##0.##';
    row.getCell(4).numFmt = '#,##0.##';
  }

  const com = wb.addWorksheet('重点任务');
  header(com, '重点任务完成情况', [
    { header: '序号', width: 6 },
    { header: '章节', width: 18 },
    { header: '时限', width: 12 },
    { header: '截止日期', width: 12 },
    { header: '任务', width: 50 },
    { header: '牵头单位', width: 16 },
    { header: '状态', width: 10 },
    { header: '佐证', width: 30 },
  ]);
  for (const c of d.commitments) body(com.addRow([c.seq, safeText(c.section), safeText(c.deadlineText), c.deadline, safeText(c.action), safeText(c.leadUnit ?? ''), c.status, safeText(c.evidence ?? '')]));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
