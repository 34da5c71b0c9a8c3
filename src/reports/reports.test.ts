import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { openDb, type Db } from '../store/db.js';
import { createContext, type ServiceContext } from '../services/context.js';
import { loadPlans } from '../services/plans.js';
import { assignTarget, setValue } from '../services/indicators.js';
import { changeProject, updateProjectProgress } from '../services/projects.js';
import { buildReport } from '../services/reports.js';
import { ZIYANG, YUEYANGLOU } from '../test-support/fixture-plans.js';
import { sofficePath } from './pdf.js';
import { mm } from './docx.js';

const sys = { kind: 'system' as const, name: 'test', address: null };
let db: Db;
let ctx: ServiceContext;
const dir = mkdtempSync(join(tmpdir(), 'ecoplan-report-'));

async function docxXml(bytes: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no ${part}`);
  return f.async('string');
}

/** The visible text of a DOCX part: the w:t runs joined. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  db = await openDb('sqlite::memory:');
  ctx = createContext(db, () => new Date('2024-02-01T00:00:00Z'));
  await loadPlans(ctx, sys, [
    { file: 'z', plan: ZIYANG },
    { file: 'y', plan: YUEYANGLOU },
  ]);
  // 城市生活污水集中收集率 (no baseline, target 70): 2021 48 starts the path; 2023 expected 48 + 22 × 2/4 = 59 → 58 is 滞后.
  for (const [y, v] of [[2021, 48], [2022, 55], [2023, 58]] as const) await setValue(ctx, sys, { region: '430902', seq: 9, year: y, value: v });
  await setValue(ctx, sys, { region: '430902', seq: 7, year: 2023, value: 93.9 });
  await assignTarget(ctx, sys, { region: '430902', seq: 7, kind: 'atLeast', value: 93.9, assignedBy: '益阳市生态环境局', assignedOn: '2021-09-01', document: '示例文件' });
  await updateProjectProgress(ctx, sys, { region: '430902', seq: 1, status: '在建' });
  await updateProjectProgress(ctx, sys, { region: '430902', seq: 1, year: 2022, invested: 1000 });
  await changeProject(ctx, sys, { region: '430902', kind: '调入', reason: '测试公式注入', decidedOn: '2023-01-01', fields: { category: '风险防范类', name: '=HYPERLINK("http://x","y")', startYear: 2023, endYear: 2024, investment: 10 } });
});
afterAll(async () => db.close());

describe('DOCX report', () => {
  let xml = '';
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = (await buildReport(ctx, sys, '430902', 'midterm', 'docx')).bytes;
    xml = await docxXml(bytes);
  });

  it('has the GB/T 9704 page: A4 and margins 37/35/28/26 mm', () => {
    expect(mm(37)).toBe(2098);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('uses 仿宋_GB2312 三号 for the body, 小标宋 二号 for the title and 黑体 / 楷体 headings numbered 一、（一）', async () => {
    const styles = await docxXml(bytes, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/);
    const t = text(xml);
    for (const h of ['一、总体情况', '二、指标完成情况', '（一）约束性指标', '（二）预期性指标', '三、重点项目实施情况', '四、重点任务完成情况', '五、存在的主要问题', '六、下一步工作']) expect(t).toContain(h);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).toMatch(/w:eastAsia="楷体_GB2312"/);
  });

  it('has page numbers and a table of contents', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.some((f) => f.includes('PAGE'))).toBe(true);
    expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
  });

  it('states the numbers from the data', () => {
    const t = text(xml);
    // 6 indicators (3 binding) and 3 + 1 projects: 4800 + 15700 + 72000 + 10 = 92,510 万元.
    expect(t).toContain('共设置主要指标6项，其中约束性指标3项、预期性指标3项');
    expect(t).toContain('计划总投资92,510万元');
    expect(t).toContain('2023年值58%，落后于序时进度59（无基准值，以2021年值为起点）');
    // 存在的主要问题 lists the indicator behind, the projects behind and the overdue commitment (2021-12-31 < 2024-02-01).
    expect(t).toContain('预期性指标“城市生活污水集中收集率”滞后');
    expect(t).toContain('重点项目“资阳区水土保持生态清洁小流域建设工程”进度滞后');
    expect(t).toContain('重点任务“完成农村“千人”饮用水源保护区划分”（2021年底前）已逾期未完成');
    expect(Object.keys(xml).length).toBeGreaterThan(0);
  });

  it('embeds the charts as images', async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
  });

  it('says 无数据 for a plan with no values', async () => {
    const empty = text(await docxXml((await buildReport(ctx, sys, '430602', 'annual', 'docx', 2022)).bytes));
    expect(empty).toContain('无数据');
    expect(empty).toContain('重点项目0个');
  });
});

describe('XLSX report', () => {
  it('has the 表2 layout with values, frozen headers, number formats, and no formula from user text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReport(ctx, sys, '430902', 'midterm', 'xlsx')).bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标完成情况', '重点项目', '投资按类别', '重点任务']);
    const ind = wb.getWorksheet('指标完成情况')!;
    expect(ind.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ind.getRow(2).values).toEqual([undefined, '序号', '指标分类', '指标名称', '单位', '2020年', '2025年', '属性', '2023年值', '序时进度', '状态', '说明']);
    const row9 = ind.getRows(3, 6)!.find((r) => r.getCell(1).value === 9)!;
    expect(row9.getCell(3).value).toBe('城市生活污水集中收集率');
    expect(row9.getCell(8).value).toBe(58);
    expect(row9.getCell(9).value).toBe(59);
    expect(row9.getCell(10).value).toBe('滞后');
    expect(row9.getCell(8).numFmt).toBe('#,##0.##');
    const prj = wb.getWorksheet('重点项目')!;
    const names = prj.getColumn(3).values.filter((v) => typeof v === 'string');
    expect(names).toContain('\'=HYPERLINK("http://x","y")');
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => (c.type === ExcelJS.ValueType.Formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
    const total = prj.getRows(1, prj.rowCount)!.find((r) => r.getCell(1).value === '合计')!;
    expect(total.getCell(8).value).toBe(92510);
  });
});

describe('PDF report', () => {
  it('renders the Word report with its Chinese text on A4 pages', async (t) => {
    if (!sofficePath()) {
      if (process.env.CI) throw new Error('CI needs LibreOffice (libreoffice-writer-nogui) for the PDF report');
      return t.skip();
    }
    const pdf = (await buildReport(ctx, sys, '430902', 'midterm', 'pdf')).bytes;
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const txt = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(txt).toContain('益阳市资阳区“十四五”生态环境保护规划');
    expect(txt).toContain('2023年中期评估报告');
    expect(txt).toContain('城市生活污水集中收集率');
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', file, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('page')).length).toBe(3);
  }, 120_000);
});
