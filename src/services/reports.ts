/**
 * Report use cases: gather a region's report data for a stage and year, and build the DOCX, XLSX or PDF.
 * Every report built is recorded in the audit trail as an export.
 */
import type { Actor } from '../domain/access.js';
import { checkStageYear, defaultYearFor, type Stage } from '../domain/assessment.js';
import { EcoplanError } from '../domain/errors.js';
import { Indicator } from '../domain/plan-schema.js';
import type { ReportData } from '../reports/report-data.js';
import { buildDocx } from '../reports/docx.js';
import { buildXlsx } from '../reports/xlsx.js';
import { docxToPdf } from '../reports/pdf.js';
import { assess, indicatorDetail, restatedValues } from './indicators.js';
import { listProjects } from './projects.js';
import { listCommitments } from './commitments.js';
import { auditAlone, loadPlanFor, type ServiceContext } from './context.js';
import { districtDailyAqi } from './monitoring-read.js';

/** The report formats. */
export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

/** Gathers what a report shows. */
export async function reportData(ctx: ServiceContext, actor: Actor, region: string, stage: Stage, year?: number): Promise<ReportData> {
  const { plan } = await loadPlanFor(ctx, actor, region, 'plan.read');
  const y = year ?? defaultYearFor(plan, stage, ctx.now());
  const problem = checkStageYear(plan, stage, y);
  if (problem) throw new EcoplanError('invalid_input', problem, 'The year does not fit the stage', [{ path: 'year', message: problem }]);
  const assessment = await assess(ctx, actor, region, stage, y);
  const trends = [];
  for (const ind of plan.indicators.filter((i) => i.binding)) {
    const d = await indicatorDetail(ctx, actor, region, ind.seq);
    trends.push({ indicator: Indicator.parse(d.indicator), years: d.byYear.filter((b) => b.year <= y), target: d.byYear.find((b) => b.target !== null)?.target ?? null });
  }
  const projects = await listProjects(ctx, actor, region, y);
  const commitments = await listCommitments(ctx, actor, region);
  const restated = await restatedValues(ctx, actor, region);
  const aqiDays = await districtDailyAqi(ctx, actor, region, y);
  return {
    plan,
    regionFullName: plan.region.fullName ?? `${plan.region.city.name}${plan.region.name}`,
    generatedOn: ctx.now().toISOString().slice(0, 10),
    assessment,
    trends,
    projects: projects.projects.map((p) => ({
      seq: p.seq,
      category: p.category,
      name: p.name,
      location: p.location,
      startYear: p.startYear,
      endYear: p.endYear,
      content: p.content,
      investment: p.investment,
      investedByYear: Object.fromEntries(Object.entries(p.investedByYear).map(([k, v]) => [k, v])),
      investedTotal: p.investedTotal,
      status: p.status,
      light: p.light,
      lightReason: p.lightReason,
    })),
    investment: projects.summary,
    commitments: commitments.map((c) => ({ seq: c.seq, section: c.section, action: c.action, deadline: c.deadline, deadlineText: c.deadlineText, leadUnit: c.leadUnit, status: c.status, evidence: c.evidence })),
    restated,
    aqiDays,
  };
}

/** Builds a report file; returns its bytes, file name and content type. */
export async function buildReport(ctx: ServiceContext, actor: Actor, region: string, stage: Stage, format: ReportFormat, year?: number) {
  const data = await reportData(ctx, actor, region, stage, year);
  const base = `${data.regionFullName}${data.assessment.year}年${data.assessment.stageName}报告`;
  let bytes: Buffer;
  let contentType: string;
  if (format === 'xlsx') {
    bytes = await buildXlsx(data);
    contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  } else {
    const docx = await buildDocx(data);
    if (format === 'docx') {
      bytes = docx;
      contentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    } else {
      bytes = await docxToPdf(docx);
      contentType = 'application/pdf';
    }
  }
  await auditAlone(ctx, actor, { action: 'export', target: `plan:${region}`, outcome: 'success', after: { what: 'report', stage, year: data.assessment.year, format, bytes: bytes.length } });
  return { bytes, fileName: `${base}.${format}`, contentType };
}
