/**
 * Loaders that combine several API calls for a screen.
 */
import { api, type IndicatorAssessment, type PlanAssessment, type PlanExport, type ProjectList } from './api.js';
import { latestByIndicator, periodYears } from './model/plan.js';

/** A plan with its assessments of every year up to the default year, and the latest assessment of each indicator. */
export interface PlanStatus {
  plan: PlanExport;
  /** The assessment of the default year (the server's: the last full year within the period). */
  current: PlanAssessment;
  /** The assessments of every year of the period up to the default year, newest first. */
  years: PlanAssessment[];
  latest: Map<number, IndicatorAssessment>;
}

/** Loads a plan's status. */
export async function loadPlanStatus(region: string): Promise<PlanStatus> {
  const [plan, current] = await Promise.all([api.plan(region), api.assessment(region, 'annual')]);
  const earlier = periodYears(plan.period).filter((y) => y < current.year);
  const others = await Promise.all(earlier.map((y) => api.assessment(region, 'annual', y)));
  const years = [current, ...others].sort((a, b) => b.year - a.year);
  return { plan, current, years, latest: latestByIndicator(years) };
}

/** A plan's status with its project library. */
export interface Overview extends PlanStatus {
  projects: ProjectList;
}

/** Loads what the overview shows. */
export async function loadOverview(region: string): Promise<Overview> {
  const [status, projects] = await Promise.all([loadPlanStatus(region), api.projects(region)]);
  return { ...status, projects };
}
