/**
 * The one typed client of the ecoplan HTTP API (/api/v1), the same API the command line's server uses.
 * Response types mirror what the services in src/services return (src/server/app.ts lists the routes).
 * Every state change carries the session's CSRF token; errors become `ApiError` with the server's
 * Chinese and English messages and its per-row issues.
 */

/** The statuses of an indicator in a year (src/domain/assessment.ts). */
export { STATUSES } from '../../src/domain/assessment.js';
export type { Status, Stage, IndicatorAssessment, PlanAssessment, StatusCounts } from '../../src/domain/assessment.js';
import type { Status, Stage, IndicatorAssessment, PlanAssessment } from '../../src/domain/assessment.js';
/** Roles, project statuses, schedule lights, adjustments and commitment statuses: the domain's own. */
export { ROLES } from '../../src/domain/access.js';
export type { Role } from '../../src/domain/access.js';
export { PROJECT_STATUSES, LIGHTS, CHANGE_KINDS, COMMITMENT_STATUSES } from '../../src/domain/projects.js';
export type { ProjectStatus, ScheduleLight, ChangeKind, CommitmentStatus } from '../../src/domain/projects.js';
import type { Role } from '../../src/domain/access.js';
import type { ProjectStatus, ScheduleLight, ChangeKind, CommitmentStatus } from '../../src/domain/projects.js';

/** A signed-in user as /auth/me and /auth/login return it. */
export interface User {
  id: number;
  username: string;
  displayName?: string;
  role: Role;
  unit: string | null;
  scopes: string[];
  mustChangePassword: boolean;
}

/** An account in the administrator's list. */
export interface Account extends User {
  displayName: string;
  disabled: boolean;
  lockedUntil: string | null;
}

/** A plan in the list of plans the user may read. */
export interface PlanSummary {
  region: { code: string; name: string; fullName: string; city: { code: string; name: string } };
  title: string;
  period: { start: number; end: number; baseline: number; midterm: number };
}

/** A typed target as the plan file states it. */
export type Target =
  | { kind: 'atLeast' | 'atMost'; value: number; text: string; assignment?: Assignment }
  | { kind: 'reduceBy'; percent: number; text: string; assignment?: Assignment }
  | { kind: 'noDecrease' | 'improving' | 'assigned' | 'qualitative'; text: string; assignment?: Assignment };

/** The value the city set for a 完成市定目标 indicator. */
export interface Assignment {
  kind: 'atLeast' | 'atMost' | 'reduceBy';
  value: number;
  assignedBy: string;
  assignedOn: string;
  document: string;
}

/** One indicator of a plan's indicator table. */
export interface Indicator {
  seq: number;
  category: string;
  subgroup?: string;
  name: string;
  printedName?: string;
  marks: string[];
  unit: string | null;
  baseline: { value: number | null; text: string };
  target: Target;
  direction: 'higher' | 'lower';
  binding: boolean;
  attributeText: string;
  notes: string[];
  responsibleUnit?: string | null;
  metric?: { id: string; stations?: string[]; sections?: string[]; note?: string };
}

/** A plan as exported: the plan file with its projects and commitments as they stand. */
export interface PlanExport {
  region: { code: string; name: string; fullName?: string; city: { code: string; name: string }; province: { code: string; name: string } };
  title: string;
  period: { start: number; end: number; baseline: number; midterm: number };
  indicators: Indicator[];
  investmentByCategory?: { category: string; amount: number }[];
  notes: string[];
}


/** A recorded value with its provenance. */
export interface ValueRecord {
  year: number;
  basis: string;
  value: number | null;
  judgement: string | null;
  note: string | null;
  source: { kind: string; ref: string | null; standard: string | null };
  recordedBy: string;
  recordedAt: string;
  supersededAt: string | null;
}

/** One indicator with its status in each year and its value history. */
export interface IndicatorDetail {
  indicator: Indicator;
  assignment: Assignment | null;
  period: { start: number; end: number; baseline: number; midterm?: number };
  byYear: IndicatorAssessment[];
  values: ValueRecord[];
  history: ValueRecord[];
}

/** A project of the key project library with its schedule light. */
export interface ProjectItem {
  seq: number;
  code: string | null;
  category: string;
  name: string;
  location: string;
  startYear: number;
  endYear: number;
  content: string;
  investment: number;
  leadUnit: string | null;
  status: ProjectStatus;
  origin: string;
  flags: string[];
  rowVersion: number;
  investedByYear: Record<string, number>;
  investedTotal: number;
  progress: number | null;
  light: ScheduleLight;
  lightReason: string;
}

/** Planned and invested amounts of a category. */
export interface CategorySummary {
  category: string;
  count: number;
  planned: number;
  invested: number;
}

/** The project library of a region in a year. */
export interface ProjectList {
  year: number;
  projects: ProjectItem[];
  summary: { categories: CategorySummary[]; total: CategorySummary };
  printedInvestmentByCategory: { category: string; amount: number }[] | null;
}

/** A recorded rolling adjustment. */
export interface ProjectChange {
  seq: number;
  name: string;
  kind: ChangeKind;
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  decidedOn: string;
  document: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** The fields of a project an adjustment sets. */
export interface ProjectFieldsInput {
  category?: string;
  name?: string;
  location?: string;
  startYear?: number;
  endYear?: number;
  content?: string;
  investment?: number;
  leadUnit?: string | null;
}

/** A dated commitment with its status. */
export interface Commitment {
  seq: number;
  section: string;
  text: string;
  action: string;
  deadline: string;
  deadlineText: string;
  targetText: string | null;
  leadUnit: string | null;
  started: boolean;
  done: boolean;
  doneOn: string | null;
  evidence: string | null;
  status: CommitmentStatus;
  rowVersion: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What the public sees of a region: the newest published snapshot. */
export interface PublicSnapshot {
  publishedAt: string;
  region: { code: string; name: string; fullName: string };
  title: string;
  period: { start: number; end: number; baseline: number; midterm?: number };
  year: number;
  stage: Stage;
  stageName: string;
  summary: PlanAssessment['summary'];
  indicators: { seq: number; category: string; name: string; unit: string | null; binding: boolean; value: number | null; targetText: string; status: Status; reason: string }[];
  projects: { seq: number; category: string; name: string; location: string; startYear: number; endYear: number; investment: number; status: ProjectStatus }[];
  /** The district's daily AQI of the year as published ([date, AQI]); empty without monitoring data. */
  aqiDays?: [string, number][];
}

/** The pollutants of the AQI, as the monitoring API names them. */
export const POLLUTANTS = ['pm25', 'pm10', 'so2', 'no2', 'co', 'o3_8h'] as const;
/** A pollutant key. */
export type Pollutant = (typeof POLLUTANTS)[number];

/** One day of stored air data (under one AQI standard). */
export interface AirDay extends Partial<Record<Pollutant, number | null>> {
  date: string;
  standard: string;
  aqi: number | null;
  primary: string | null;
}

/** The stored air data of a region (or one of its plan's stations) for a year (docs/api.md, Monitoring). */
export interface AirMonitoring {
  region: string;
  year: number;
  scope: string;
  stations: string[];
  daily: AirDay[];
  monthly: { standard: string; months: ({ month: number } & Partial<Record<Pollutant, number | null>>)[] }[];
  evaluations: { standard: string; source: string; recordedAt: string; result: unknown }[];
}

/** What a monitoring import computed and recorded. */
export interface MonitoringImportResult {
  region: string;
  year: number;
  recorded: { seq: number; name: string; metric: string; value: number | null; standard: string }[];
  skipped: { seq: number; name: string; metric: string; reason: string }[];
  stations?: string[];
}

/** One row of the audit trail. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  address: string | null;
  action: string;
  target: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
}

/** The result of verifying the audit chain. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  problem?: { id: number; reason: string };
}

/** Where an input problem was found and what is wrong. */
export interface ApiIssue {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  path?: string;
  message: string;
}

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly issues: ApiIssue[] = [],
    readonly details?: unknown,
  ) {
    super(messageEn || messageZh);
    this.name = 'ApiError';
  }

  /** The message in the given language. */
  text(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.messageEn || this.messageZh : this.messageZh || this.messageEn;
  }
}

/** Builds an ApiError from a response status and its JSON body (the server's `{error:{…}}` shape). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const e = (body && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : null) as
    | { code?: string; message?: string; messageEn?: string; issues?: ApiIssue[]; details?: unknown }
    | null;
  if (e && typeof e === 'object') {
    return new ApiError(status, e.code ?? 'internal', e.message ?? '', e.messageEn ?? '', Array.isArray(e.issues) ? e.issues : [], e.details);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'invalid_input', `请求失败（HTTP ${status}）`, `Request failed (HTTP ${status})`);
}

/** The message the server sends while a first-time password change is pending. */
export const MUST_CHANGE_MESSAGE = '首次登录须修改密码';

/** Hooks the app gives the client: what to do when the session is gone or a password change is due. */
export interface ApiHooks {
  onUnauthenticated?: () => void;
  onMustChangePassword?: () => void;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Query-string of the defined parameters. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Creates a client over a fetch function (the browser's, or a fake in tests). */
export function createApi(fetchImpl: FetchLike, hooks: ApiHooks = {}) {
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, body?: unknown, cache?: RequestCache): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let res: Response;
    try {
      res = await fetchImpl(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body), ...(cache ? { cache } : {}) });
    } catch {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry');
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const err = apiErrorFrom(res.status, json);
      const authRoute = path === '/auth/login' || path === '/auth/password' || path === '/auth/me';
      if (err.status === 401 && !authRoute) hooks.onUnauthenticated?.();
      if (err.status === 403 && err.messageZh === MUST_CHANGE_MESSAGE) hooks.onMustChangePassword?.();
      throw err;
    }
    return json as T;
  }

  const get = <T>(path: string) => request<T>('GET', path);
  const r = (region: string) => `/plans/${encodeURIComponent(region)}`;

  return {
    /** Sets the CSRF token sent with every state change (from login or /auth/me). */
    setCsrfToken(token: string | null): void {
      csrfToken = token;
    },
    /** The CSRF token in use. */
    csrfToken: (): string | null => csrfToken,

    async me(): Promise<User> {
      const res = await get<{ user: User; csrfToken: string }>('/auth/me');
      csrfToken = res.csrfToken;
      return res.user;
    },
    async login(username: string, password: string): Promise<User> {
      const res = await request<{ user: User; csrfToken: string }>('POST', '/auth/login', { username, password });
      csrfToken = res.csrfToken;
      return res.user;
    },
    async logout(): Promise<void> {
      await request('POST', '/auth/logout');
      csrfToken = null;
    },
    async changePassword(current: string, next: string): Promise<void> {
      await request('POST', '/auth/password', { current, next });
      csrfToken = null;
    },

    users: () => get<Account[]>('/users'),
    addUser: (u: { username: string; displayName?: string; role: Role; unit?: string | null; scopes: string[]; password: string }) => request<{ id: number }>('POST', '/users', u),
    setUserDisabled: (username: string, disabled: boolean) => request<{ ok: true }>('POST', `/users/${encodeURIComponent(username)}/disable`, { disabled }),

    plans: () => get<PlanSummary[]>('/plans'),
    plan: (region: string) => get<PlanExport>(r(region)),
    assessment: (region: string, stage: Stage, year?: number) => get<PlanAssessment>(`${r(region)}/assessment${query({ stage, year })}`),
    indicator: (region: string, seq: number) => get<IndicatorDetail>(`${r(region)}/indicators/${seq}`),
    setValue: (region: string, seq: number, year: number, body: { value: number | null; judgement?: 'met' | 'notMet' | null; note?: string | null }) =>
      request<IndicatorAssessment>('PUT', `${r(region)}/indicators/${seq}/values/${year}`, body),
    assignTarget: (region: string, seq: number, body: Assignment) => request<{ ok: true }>('PUT', `${r(region)}/indicators/${seq}/assignment`, body),

    projects: (region: string, year?: number) => get<ProjectList>(`${r(region)}/projects${query({ year })}`),
    updateProject: (
      region: string,
      seq: number,
      body: { year?: number; invested?: number; progress?: number | null; status?: Exclude<ProjectStatus, '调出'>; note?: string | null; rowVersion?: number },
    ) => request<{ ok: true }>('PATCH', `${r(region)}/projects/${seq}`, body),
    projectChanges: (region: string) => get<ProjectChange[]>(`${r(region)}/projects-changes`),
    changeProject: (
      region: string,
      body: { kind: ChangeKind; seq?: number; reason: string; decidedOn: string; document?: string | null; fields?: ProjectFieldsInput; rowVersion?: number },
    ) => request<{ seq: number }>('POST', `${r(region)}/projects-changes`, body),

    commitments: (region: string) => get<Commitment[]>(`${r(region)}/commitments`),
    updateCommitment: (
      region: string,
      seq: number,
      body: { started?: boolean; done?: boolean; doneOn?: string | null; evidence?: string | null; leadUnit?: string | null; rowVersion?: number },
    ) => request<{ ok: true }>('PATCH', `${r(region)}/commitments/${seq}`, body),

    publish: (region: string, year: number) => request<{ publishedAt: string; snapshot: PublicSnapshot }>('POST', `${r(region)}/publish`, { year }),
    /**
     * The published snapshot. The server lets shared caches keep it a minute; the page itself asks again each
     * time (no-cache), so a bureau sees its new publication at once and never a cached "nothing published".
     */
    publicSnapshot: (region: string) => request<PublicSnapshot>('GET', `/public/${encodeURIComponent(region)}`, undefined, 'no-cache'),

    audit: (q: { actor?: string; action?: string; limit?: number; beforeId?: number }) => get<AuditEntry[]>(`/audit${query(q)}`),
    auditVerify: () => get<AuditVerification>('/audit/verify'),

    airMonitoring: (region: string, year: number, station?: string) => get<AirMonitoring>(`${r(region)}/monitoring/air${query({ year, station })}`),

    /** The address of a report download (a plain GET: the session cookie is enough). */
    reportUrl: (region: string, stage: Stage, format: 'docx' | 'xlsx' | 'pdf', year?: number) => `/api/v1${r(region)}/report${query({ stage, year, format })}`,

    /**
     * Uploads a values file (CSV or XLSX) with upload progress; resolves with the number of values written
     * or rejects with the file's per-row issues. Uses XMLHttpRequest, the one browser API that reports
     * upload progress.
     */
    uploadFile<T>(path: string, file: Blob, onProgress?: (percent: number) => void): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/v1${path}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.setRequestHeader('Accept', 'application/json');
        if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
        };
        xhr.onerror = () => reject(new ApiError(0, 'network', '上传失败：无法连接服务器', 'Upload failed: cannot reach the server'));
        xhr.onload = () => {
          let json: unknown = null;
          try {
            json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch {
            json = null;
          }
          if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
          else {
            const err = apiErrorFrom(xhr.status, json);
            if (err.status === 401) hooks.onUnauthenticated?.();
            reject(err);
          }
        };
        xhr.send(file);
      });
    },
    importValues(file: Blob, filename: string, onProgress?: (percent: number) => void): Promise<{ imported: number }> {
      return this.uploadFile<{ imported: number }>(`/values/import${query({ filename })}`, file, onProgress);
    },
    /** Imports a monitoring file (air: CNEMC daily site files, a .zip of them or a long table; water: samples) into a plan. */
    importMonitoring(
      region: string,
      o: { kind: 'air' | 'water'; year: number; standard?: 'auto' | '2026'; filename: string },
      file: Blob,
      onProgress?: (percent: number) => void,
    ): Promise<MonitoringImportResult> {
      return this.uploadFile<MonitoringImportResult>(`${r(region)}/monitoring/import${query({ kind: o.kind, year: o.year, filename: o.filename, standard: o.kind === 'air' ? o.standard : undefined })}`, file, onProgress);
    },
  };
}

/** The client type. */
export type Api = ReturnType<typeof createApi>;

/** The app's client over the browser's fetch; the app sets its hooks once at start. */
export const apiHooks: ApiHooks = {};
/** The app's client. */
export const api: Api = createApi((input, init) => globalThis.fetch(input, init), {
  onUnauthenticated: () => apiHooks.onUnauthenticated?.(),
  onMustChangePassword: () => apiHooks.onMustChangePassword?.(),
});
