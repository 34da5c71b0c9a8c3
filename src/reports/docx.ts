/**
 * The Word report (年度监测分析 / 中期评估 / 终期考核), laid out after GB/T 9704-2012 《党政机关公文格式》:
 * A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 小标宋 二号; body 仿宋_GB2312 三号 at a
 * fixed 28.95 pt line (22 lines a page); headings 黑体 (一、) and 楷体 (（一）) 三号, numbered 一、（一）1.（1）;
 * page numbers "— 1 —" in 宋体 四号 at the foot. Tables use 仿宋 五号 so that a whole indicator row fits.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  ShadingType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { STATUS_COLORS, indicatorTrendOption, investmentOption, statusSummaryOption, aqiCalendarOption } from '../charts/options.js';
import { chartPng } from './render-chart.js';
import { chineseDate, chineseNumeral, formatNumber, mainProblems, type ReportData } from './report-data.js';
import type { Status } from '../domain/assessment.js';

/** Millimetres to twips (1/1440 inch). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** The fonts of GB/T 9704, by role (East Asian name; Latin text uses Times New Roman). */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  page: '宋体',
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZES = { erhao: 44, sanhao: 32, sihao: 28, wuhao: 21 } as const;

/** The fixed line height of the body: 28.95 pt, in twentieths of a point. */
export const BODY_LINE = 579;

const PAGE = { width: 11906, height: 16838 };
const TEXT_WIDTH = PAGE.width - mm(28) - mm(26);

function font(name: string): IRunOptions['font'] {
  return { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: name, cs: 'Times New Roman' };
}

function run(text: string, opts: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(FONTS.body), size: SIZES.sanhao, ...opts });
}

function body(text: string | ParagraphChild[], indent = true): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text)] : text,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: indent ? { firstLine: 640 } : undefined,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function h1(n: number, text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    children: [new TextRun({ text: `${chineseNumeral(n)}、${text}`, font: font(FONTS.h1), size: SIZES.sanhao })],
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: 640 },
  });
}

function h2(n: number, text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    children: [new TextRun({ text: `（${chineseNumeral(n)}）${text}`, font: font(FONTS.h2), size: SIZES.sanhao })],
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: 640 },
  });
}

function numbered(n: number, text: string): Paragraph {
  return body([run(`${n}.`, { bold: true }), run(text)]);
}

function cellPara(text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; color?: string } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.CENTER,
    spacing: { line: 300, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, font: font(FONTS.body), size: SIZES.wuhao, bold: opts.bold, color: opts.color })],
  });
}

function table(headers: string[], rows: { cells: string[]; statusCol?: number }[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const w = widths.map((x) => Math.round((x / total) * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    children: headers.map((h, i) => new TableCell({ width: { size: w[i] ?? 0, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7EEF7' }, children: [cellPara(h, { bold: true })] })),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) => {
          const isStatus = i === r.statusCol && c in STATUS_COLORS;
          const color = isStatus ? STATUS_COLORS[c as Status].slice(1) : undefined;
          const left = c.length > 14;
          return new TableCell({ width: { size: w[i] ?? 0, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [cellPara(c, { align: left ? AlignmentType.LEFT : AlignmentType.CENTER, color, bold: isStatus })] });
        }),
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: w, rows: [header, ...body] });
}

function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, font: font(FONTS.h1), size: SIZES.wuhao + 3 })] });
}

function image(png: Buffer, widthPx: number, heightPx: number): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx } })] });
}

const fmtValue = (v: number | null) => (v === null ? '无数据' : formatNumber(v));

/** Builds the report as a .docx file. */
export async function buildDocx(d: ReportData): Promise<Buffer> {
  const a = d.assessment;
  const { period } = d.plan;
  const s = a.summary;
  const bureau = `${d.plan.region.city.name}生态环境局${d.plan.region.name}分局`;
  const children: (Paragraph | Table | TableOfContents)[] = [];

  // Title page.
  children.push(new Paragraph({ spacing: { before: mm(60) }, children: [] }));
  for (const line of [`${d.regionFullName}“十四五”生态环境保护规划`, `${a.year}年${a.stageName}报告`]) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 800, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: line, font: font(FONTS.title), size: SIZES.erhao })] }));
  }
  children.push(new Paragraph({ spacing: { before: mm(90) }, children: [] }));
  for (const line of [bureau, chineseDate(d.generatedOn)]) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(line)] }));
  }
  children.push(new Paragraph({ children: [new PageBreak()] }));

  // Contents.
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '目  录', font: font(FONTS.h1), size: SIZES.sanhao })] }));
  children.push(new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }));
  children.push(new Paragraph({ children: [new PageBreak()] }));

  // Main title on the first body page.
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: `${d.regionFullName}“十四五”生态环境保护规划${a.year}年${a.stageName}报告`, font: font(FONTS.title), size: SIZES.erhao })] }));

  // 一、总体情况
  let sec = 1;
  const binding = s.binding;
  const onTrack = (c: typeof binding.byStatus) => c['达标'] + c['序时达标'];
  children.push(h1(sec++, '总体情况'));
  children.push(body(`${d.plan.title}（以下简称《规划》）规划期为${period.start}—${period.end}年，基准年为${period.baseline}年，共设置主要指标${s.total}项，其中约束性指标${binding.total}项、预期性指标${s.expected.total}项；重点项目${d.projects.length}个，计划总投资${formatNumber(d.investment.total.planned)}万元；重点任务${d.commitments.length}项。`));
  children.push(body(`按照《规划》确定的目标和序时进度，对${a.year}年指标完成情况进行${a.stageName}：${s.total}项指标中，达标${s.byStatus['达标']}项、序时达标${s.byStatus['序时达标']}项、滞后${s.byStatus['滞后']}项、未达标${s.byStatus['未达标']}项、无数据${s.byStatus['无数据']}项、待定${s.byStatus['待定']}项${s.onTrackRate !== null ? `，可评估指标的达标（含序时达标）率为${formatNumber(s.onTrackRate, 1)}%` : ''}。约束性指标${binding.total}项中达标或序时达标${onTrack(binding.byStatus)}项${a.warnings.length ? `，${a.warnings.length}项需预警` : '，无预警'}。`));
  children.push(body(`截至${a.year}年底，重点项目累计完成投资${formatNumber(d.investment.total.invested)}万元，占计划总投资的${d.investment.total.planned > 0 ? formatNumber((d.investment.total.invested / d.investment.total.planned) * 100, 1) : '—'}%。`));
  children.push(caption(`图1  ${a.year}年指标完成情况`));
  children.push(image(chartPng(statusSummaryOption(binding.byStatus, s.expected.byStatus), 600, 190), 560, 177));

  // 二、指标完成情况
  children.push(h1(sec++, '指标完成情况'));
  const indRows = (items: typeof a.indicators) =>
    items.map((i) => {
      const ind = d.plan.indicators.find((x) => x.seq === i.seq);
      return { cells: [String(i.seq), i.name, i.unit ?? '—', ind?.baseline.text ?? '—', i.targetText, fmtValue(i.value), i.status, i.reason], statusCol: 6 };
    });
  const headers = ['序号', '指标名称', '单位', `${period.baseline}年`, `${period.end}年目标`, `${a.year}年`, '状态', '说明'];
  const widths = [7, 22, 7, 10, 11, 10, 9, 24];
  const bindingItems = a.indicators.filter((i) => i.binding);
  const expectedItems = a.indicators.filter((i) => !i.binding);
  let sub = 1;
  children.push(h2(sub++, '约束性指标'));
  children.push(body(a.warnings.length ? `约束性指标中，${a.warnings.map((w) => `“${w.name}”${w.status}`).join('，')}，须列为预警事项，重点督办。` : `约束性指标均达标、序时达标或有待数据与市定目标，暂无预警。`));
  children.push(caption(`表1  ${a.year}年约束性指标完成情况`));
  children.push(table(headers, indRows(bindingItems), widths));
  children.push(h2(sub++, '预期性指标'));
  children.push(caption(`表2  ${a.year}年预期性指标完成情况`));
  children.push(table(headers, indRows(expectedItems), widths));
  const charted = d.trends.filter((t) => t.years.some((y) => y.value !== null));
  if (charted.length) {
    children.push(h2(sub++, '约束性指标变化趋势'));
    children.push(body('下图给出有数据的约束性指标历年数值、目标值（红线）与序时进度（蓝色虚线），数据点颜色表示当年状态。'));
    charted.forEach((t, k) => {
      children.push(caption(`图${2 + k}  ${t.indicator.name}`));
      const option = indicatorTrendOption(t.indicator.name, t.indicator.unit, { year: period.baseline, value: t.indicator.baseline.value }, t.years.map((y) => ({ year: y.year, value: y.value, expected: y.expected, status: y.status })), t.target);
      children.push(image(chartPng(option, 600, 260), 540, 234));
    });
  }
  if (d.restated.length) {
    children.push(h2(sub++, '按新标准核算的空气质量指标'));
    children.push(body('环境空气质量新标准（GB 3095-2026、HJ 633-2026）自2026年3月1日起实施。下表给出按新标准重新核算的数值，作为“十五五”规划基准，与规划期内执行标准下的数值并列。'));
    children.push(table(['序号', '指标', '年份', '规划期标准数值', '新标准', '新标准数值'], d.restated.map((r) => {
      const plan = d.trends.flatMap((t) => t.years).find((y) => y.seq === r.seq && y.year === r.year);
      const name = d.plan.indicators.find((i) => i.seq === r.seq)?.name ?? String(r.seq);
      return { cells: [String(r.seq), name, String(r.year), plan ? fmtValue(plan.value) : '—', r.standard ?? r.basis, fmtValue(r.value)] };
    }), [6, 30, 8, 14, 20, 14]));
  }
  if (d.aqiDays) {
    children.push(h2(sub++, '环境空气质量日历'));
    children.push(image(chartPng(aqiCalendarOption(a.year, d.aqiDays), 760, 200), 600, 158));
  }

  // 三、重点项目实施情况
  children.push(h1(sec++, '重点项目实施情况'));
  const lights = d.projects.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.light]: (acc[p.light] ?? 0) + 1 }), {});
  children.push(body(`《规划》重点项目库现有项目${d.projects.length}个（含滚动调整），计划总投资${formatNumber(d.investment.total.planned)}万元，截至${a.year}年底累计完成投资${formatNumber(d.investment.total.invested)}万元。按进度：${Object.entries(lights).map(([k, n]) => `${k}${n}个`).join('，') || '无'}。`));
  children.push(caption(`表${3}  重点项目投资完成情况（按类别，万元）`));
  children.push(table(['类别', '项目数', '计划投资', '累计完成投资', '完成比例'], [
    ...d.investment.categories.map((c) => ({ cells: [c.category, String(c.count), formatNumber(c.planned), formatNumber(c.invested), c.planned > 0 ? `${formatNumber((c.invested / c.planned) * 100, 1)}%` : '—'] })),
    { cells: ['合计', String(d.investment.total.count), formatNumber(d.investment.total.planned), formatNumber(d.investment.total.invested), d.investment.total.planned > 0 ? `${formatNumber((d.investment.total.invested / d.investment.total.planned) * 100, 1)}%` : '—'] },
  ], [30, 10, 18, 18, 14]));
  if (d.investment.categories.length) {
    children.push(image(chartPng(investmentOption(d.investment.categories), 640, 60 + 46 * d.investment.categories.length), 560, Math.round((560 / 640) * (60 + 46 * d.investment.categories.length))));
  }
  children.push(caption(`表4  重点项目实施情况`));
  children.push(table(['序号', '项目名称', '建设年限', '总投资（万元）', '累计完成（万元）', '状态', '进度'], d.projects.map((p) => ({ cells: [String(p.seq), p.name, `${p.startYear}—${p.endYear}`, formatNumber(p.investment), formatNumber(p.investedTotal), p.status, p.light] })), [7, 33, 13, 12, 12, 10, 10]));

  // 四、重点任务完成情况
  children.push(h1(sec++, '重点任务完成情况'));
  const cs = d.commitments.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {});
  children.push(body(`《规划》明确时限的重点任务${d.commitments.length}项，截至${chineseDate(d.generatedOn)}：${Object.entries(cs).map(([k, n]) => `${k}${n}项`).join('，') || '无'}。`));
  children.push(caption('表5  重点任务完成情况'));
  children.push(table(['序号', '时限', '任务', '牵头单位', '状态', '佐证'], d.commitments.map((c) => ({ cells: [String(c.seq), c.deadlineText, c.action, c.leadUnit ?? '—', c.status, c.evidence ?? '—'] })), [7, 12, 37, 14, 10, 18]));

  // 五、存在的主要问题
  children.push(h1(sec++, '存在的主要问题'));
  const problems = mainProblems(d);
  if (problems.length === 0) children.push(body('根据现有数据，未发现指标滞后、项目滞后或任务逾期的情况。'));
  problems.forEach((p, i) => children.push(numbered(i + 1, p.text)));

  // 六、下一步工作 (headings for the bureau to write)
  children.push(h1(sec++, '下一步工作'));
  ['强化约束性指标管控', '加快重点项目建设', '推进重点任务落实'].forEach((t, i) => {
    children.push(h2(i + 1, t));
    children.push(body(''));
  });

  const doc = new Document({
    creator: 'ecoplan',
    title: `${d.regionFullName}${a.year}年${a.stageName}报告`,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZES.sanhao } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font(FONTS.h1), size: SIZES.sanhao, bold: false, color: '000000' } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font(FONTS.h2), size: SIZES.sanhao, bold: false, color: '000000' } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) - mm(21) },
            pageNumbers: { start: 1 },
          },
          titlePage: true,
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.page), size: SIZES.sihao })],
              }),
            ],
          }),
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
