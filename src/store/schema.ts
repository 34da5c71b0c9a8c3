/**
 * The database tables as Kysely types. Booleans are stored as 0/1 integers and documents as JSON text so
 * that the same SQL runs on SQLite and PostgreSQL. Times are ISO-8601 UTC strings.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Administrative regions: districts (区/县) with their city and province. */
export interface RegionTable {
  code: string;
  name: string;
  full_name: string;
  city_code: string;
  city_name: string;
  province_code: string;
  province_name: string;
}

/** One plan per region, with the validated plan document it was loaded from. */
export interface PlanTable {
  id: Generated<number>;
  region_code: string;
  title: string;
  period_start: number;
  period_end: number;
  baseline_year: number;
  midterm_year: number;
  document: string;
  source_file: string;
  loaded_at: string;
}

/** The indicators of a plan; `definition` holds the plan file's indicator as JSON. */
export interface IndicatorTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  category: string;
  name: string;
  unit: string | null;
  binding: number;
  target_kind: string;
  definition: string;
  responsible_unit: string | null;
  row_version: number;
}

/** Recorded yearly values; a correction supersedes the current row instead of overwriting it. */
export interface IndicatorValueTable {
  id: Generated<number>;
  indicator_id: number;
  year: number;
  /** 'plan' for values under the standards in force during the period; a standard id for restatements. */
  basis: string;
  value: number | null;
  judgement: string | null;
  note: string | null;
  source_kind: string;
  source_ref: string | null;
  standard: string | null;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

/** Values the city assigned to 完成市定目标 indicators. */
export interface TargetAssignmentTable {
  id: Generated<number>;
  indicator_id: number;
  kind: string;
  value: number;
  assigned_by: string;
  assigned_on: string;
  document: string;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

/** The key projects of a plan, including those added later by rolling adjustment. */
export interface ProjectTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  code: string | null;
  category: string;
  name: string;
  location: string;
  start_year: number;
  end_year: number;
  content: string;
  investment: number;
  lead_unit: string | null;
  status: string;
  origin: string;
  flags: string;
  row_version: number;
  updated_at: string;
}

/** Yearly invested amounts and progress of a project; corrections supersede. */
export interface ProjectYearTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  invested: number;
  progress: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  superseded_at: string | null;
}

/** Rolling adjustments (调入, 调出, 调整) with the fields before and after. */
export interface ProjectChangeTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  reason: string;
  before: string | null;
  after: string | null;
  decided_on: string;
  document: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** Dated commitments of a plan and their progress. */
export interface CommitmentTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  section: string;
  text: string;
  action: string;
  deadline: string;
  deadline_text: string;
  target_text: string | null;
  lead_unit: string | null;
  started: number;
  done: number;
  done_on: string | null;
  evidence: string | null;
  row_version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** Accounts. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  password_history: string;
  role: string;
  unit: string | null;
  must_change_password: number;
  disabled: number;
  failed_count: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  row_version: number;
}

/** The regions (district or city codes) a user's role applies to. */
export interface UserScopeTable {
  user_id: number;
  region_code: string;
}

/** Server-side sessions; the id is the SHA-256 of the cookie token. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  address: string | null;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
}

/** The append-only, hash-chained audit trail. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  address: string | null;
  action: string;
  target: string | null;
  outcome: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** One row holding the hash of the newest audit row; updating it serialises appends. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

/** Published public snapshots of a region's plan status. */
export interface PublicationTable {
  id: Generated<number>;
  region_code: string;
  published_at: string;
  published_by: string;
  year: number;
  snapshot: string;
}

/** Daily air results of a station or a district (`region:<code>`), under one standard version. */
export interface AirDailyTable {
  scope: string;
  date: string;
  standard: string;
  aqi: number | null;
  primary_pollutant: string | null;
  pm25: number | null;
  pm10: number | null;
  so2: number | null;
  no2: number | null;
  co: number | null;
  o3_8h: number | null;
  source: string;
  recorded_at: string;
}

/** The annual air evaluation of a station or district under one standard version (the result as JSON). */
export interface AirEvaluationTable {
  scope: string;
  year: number;
  standard: string;
  result: string;
  source: string;
  recorded_at: string;
}

/** All tables. */
export interface Database {
  regions: RegionTable;
  plans: PlanTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  target_assignments: TargetAssignmentTable;
  projects: ProjectTable;
  project_years: ProjectYearTable;
  project_changes: ProjectChangeTable;
  commitments: CommitmentTable;
  users: UserTable;
  user_scopes: UserScopeTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
  publications: PublicationTable;
  air_daily: AirDailyTable;
  air_evaluations: AirEvaluationTable;
}

export type PlanRow = Selectable<PlanTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type IndicatorValueRow = Selectable<IndicatorValueTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type ProjectInsert = Insertable<ProjectTable>;
export type CommitmentRow = Selectable<CommitmentTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditTable>;
