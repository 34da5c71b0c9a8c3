/**
 * The content of a report, gathered once and rendered to DOCX, XLSX and PDF. Also the list of main problems
 * (存在的主要问题), worked out from the data: binding indicators behind or missed, projects behind or overdue,
 * overdue commitments. Pure: the service gathers the inputs.
 */
import type { IndicatorAssessment, PlanAssessment } from '../domain/assessment.js';
import type { Indicator, Plan } from '../domain/plan-schema.js';
import type { ScheduleLight } from '../domain/projects.js';

/** A project row of a report. */
export interface ReportProject {
  seq: number;
  category: string;
  name: string;
  location: string;
  startYear: number;
  endYear: number;
  content: string;
  investment: number;
  investedByYear: Record<string, number>;
  investedTotal: number;
  status: string;
  light: ScheduleLight;
  lightReason: string;
}

/** A commitment row of a report. */
export interface ReportCommitment {
  seq: number;
  section: string;
  action: string;
  deadline: string;
  deadlineText: string;
  leadUnit: string | null;
  status: string;
  evidence: string | null;
}

/** Everything a report shows. */
export interface ReportData {
  plan: Plan;
  regionFullName: string;
  generatedOn: string;
  assessment: PlanAssessment;
  /** Per binding indicator, its assessment in each year of the period (for the trend charts). */
  trends: { indicator: Indicator; years: IndicatorAssessment[]; target: number | null }[];
  projects: ReportProject[];
  investment: { categories: { category: string; count: number; planned: number; invested: number }[]; total: { count: number; planned: number; invested: number } };
  commitments: ReportCommitment[];
  /** Values restated under another standard (e.g. GB3095-2026), beside the plan values, by indicator seq and year. */
  restated: { seq: number; year: number; basis: string; value: number | null; standard: string | null }[];
  /** Daily AQI of the district for the calendar, when monitoring data exists. */
  aqiDays: [string, number][] | null;
}

/** A problem found in the data, with the section it belongs to. */
export interface ReportProblem {
  kind: 'indicator' | 'project' | 'commitment';
  text: string;
}

/** Lists the main problems from the data, binding indicators first. */
export function mainProblems(d: ReportData): ReportProblem[] {
  const out: ReportProblem[] = [];
  for (const i of d.assessment.indicators) {
    if (i.binding && (i.status === '滞后' || i.status === '未达标')) out.push({ kind: 'indicator', text: `约束性指标“${i.name}”${i.status}：${i.reason}。` });
  }
  for (const i of d.assessment.indicators) {
    if (!i.binding && (i.status === '滞后' || i.status === '未达标')) out.push({ kind: 'indicator', text: `预期性指标“${i.name}”${i.status}：${i.reason}。` });
  }
  const noData = d.assessment.indicators.filter((i) => i.status === '无数据');
  if (noData.length) out.push({ kind: 'indicator', text: `${noData.length}项指标${d.assessment.year}年无数据：${noData.map((i) => i.name).join('、')}。` });
  for (const p of d.projects) {
    if (p.light === '滞后' || p.light === '逾期') out.push({ kind: 'project', text: `重点项目“${p.name}”进度${p.light}：${p.lightReason}。` });
  }
  for (const c of d.commitments) {
    if (c.status === '逾期') out.push({ kind: 'commitment', text: `重点任务“${c.action}”（${c.deadlineText}）已逾期未完成${c.leadUnit ? `，牵头单位：${c.leadUnit}` : ''}。` });
  }
  return out;
}

/** The Chinese numeral of 1–99, as headings number them (一、二、…、十一). */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Formats a number as Chinese documents do: thousands separators, up to 2 decimals. */
export function formatNumber(n: number | null | undefined, decimals = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals });
}

/** Formats an ISO date as 2026年12月4日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
