/**
 * The HTTP API (/api/v1) and the static web app: thin routes over the services. Every route resolves the
 * actor from the server-side session; services decide access. State changes need the session's CSRF token.
 */
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stringify as toYaml } from 'yaml';
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import type { ServiceContext } from '../services/context.js';
import { exportPlan, listPlans } from '../services/plans.js';
import { assess, assignTarget, indicatorDetail, restatedValues, setValue } from '../services/indicators.js';
import { importValues } from '../services/imports.js';
import { changeProject, listProjects, projectChanges, updateProjectProgress } from '../services/projects.js';
import { listCommitments, updateCommitmentProgress } from '../services/commitments.js';
import { readAudit, verifyAudit } from '../services/audit.js';
import { addUser, changePassword, listUsers, resolveSession, setUserDisabled, signIn, signOut, DEFAULT_SECURITY } from '../services/accounts.js';
import { publicSnapshot, publish } from '../services/publication.js';
import { buildReport } from '../services/reports.js';
import { airMonitoring } from '../services/air-monitoring.js';
import { importWater } from '../services/monitoring.js';
import { importAirFiles } from '../services/air-files.js';
import { readPlanDocument, savePlan } from '../services/plan-import.js';
import { buildPlanTemplate } from '../ingest/plan-template.js';
import { requireAccess } from '../services/context.js';
import { ROLES } from '../domain/access.js';

/** Options of the HTTP server. */
export interface AppOptions {
  /** Folder of the built web app (web/dist); served at / when present. */
  webDir?: string;
  /** Mark the session cookie Secure (behind TLS). Default: ECOPLAN_SECURE_COOKIE=1. */
  secureCookie?: boolean;
  /** Requests per minute allowed on sign-in per address. */
  signInPerMinute?: number;
  /** Log level of the server log (errors with their detail go there, never to the client); false for none. */
  logLevel?: 'error' | 'warn' | 'info' | false;
}

const COOKIE = 'ecoplan_session';

type Signed = { actor: Extract<Actor, { kind: 'user' }>; csrfToken: string; mustChangePassword: boolean; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    session: Signed | null;
  }
}

const STATUS_OF: Record<EcoplanError['code'], number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

const region = z.string().regex(/^\d{6}$/, '地区代码应为 6 位数字');
const seq = z.coerce.number().int().positive();
const year = z.coerce.number().int().min(1990).max(2100);

/** Builds the Fastify app over a service context. */
export async function buildApp(ctx: ServiceContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const logger = options.logLevel ? { level: options.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] } : false;
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, trustProxy: process.env.ECOPLAN_TRUST_PROXY === '1' }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'ecoplan API', description: '生态环境保护规划管理 API', version: '1' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const secure = options.secureCookie ?? process.env.ECOPLAN_SECURE_COOKIE === '1';

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[COOKIE];
    if (token && token.length < 200) {
      const s = await resolveSession(ctx, token, req.ip);
      req.session = s ? { ...s, token } : null;
    }
  });

  // CSRF: every state change with a session must carry the session's token in X-CSRF-Token.
  app.addHook('preHandler', async (req) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    if (req.url === '/api/v1/auth/login') return;
    if (!req.session) return;
    if (req.headers['x-csrf-token'] !== req.session.csrfToken) {
      throw new EcoplanError('forbidden', '请求缺少有效的 CSRF 令牌，请刷新页面后重试', 'Missing or wrong CSRF token');
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!req.url.startsWith('/api/docs')) {
      reply.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
    }
    if (req.url.startsWith('/api/v1/public/') && reply.statusCode === 200) reply.header('Cache-Control', 'public, max-age=60');
    else if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof EcoplanError) {
      const status = STATUS_OF[err.code];
      return reply.status(status).send({ error: { code: err.code, message: err.messageZh, messageEn: err.messageEn, issues: err.issues, details: err.details } });
    }
    const e = err as { validation?: unknown; statusCode?: number; message?: string; code?: string };
    if (e.validation) {
      return reply.status(400).send({ error: { code: 'invalid_input', message: '请求参数有误', messageEn: 'Invalid request', issues: [{ message: e.message ?? '' }] } });
    }
    if (e.statusCode === 429) return reply.status(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试', messageEn: 'Too many requests' } });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send({ error: { code: 'invalid_input', message: '请求有误', messageEn: e.message ?? 'Bad request' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误', messageEn: 'Internal server error' } });
  });

  /** The signed-in actor, or a 401. */
  const who = (req: FastifyRequest): Actor => {
    if (!req.session) throw new EcoplanError('unauthenticated', '请先登录', 'Please sign in');
    if (req.session.mustChangePassword && !req.url.startsWith('/api/v1/auth/')) {
      throw new EcoplanError('forbidden', '首次登录须修改密码', 'Change your password first');
    }
    return req.session.actor;
  };

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: DEFAULT_SECURITY.absoluteHours * 3600 });

  app.get('/api/v1/health', async () => ({ ok: true, database: ctx.db.dialect }));

  // ---- accounts and sessions
  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: options.signInPerMinute ?? 20, timeWindow: '1 minute' } },
      schema: { body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }) },
    },
    async (req, reply) => {
      const g = await signIn(ctx, req.body.username, req.body.password, req.ip);
      setCookie(reply, g.token);
      return { user: g.user, csrfToken: g.csrfToken };
    },
  );
  app.post('/api/v1/auth/logout', async (req, reply) => {
    if (req.session) await signOut(ctx, req.session.actor, req.session.token);
    reply.clearCookie(COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/v1/auth/me', async (req) => {
    if (!req.session) throw new EcoplanError('unauthenticated', '请先登录', 'Please sign in');
    const a = req.session.actor;
    return { user: { id: a.id, username: a.username, role: a.role, unit: a.unit, scopes: a.scopes, mustChangePassword: req.session.mustChangePassword }, csrfToken: req.session.csrfToken };
  });
  app.post(
    '/api/v1/auth/password',
    { schema: { body: z.object({ current: z.string().max(256), next: z.string().max(256) }) } },
    async (req, reply) => {
      const actor = who(req) as Extract<Actor, { kind: 'user' }>;
      await changePassword(ctx, actor, actor.username, req.body.current, req.body.next);
      reply.clearCookie(COOKIE, { path: '/' });
      return { ok: true, message: '密码已修改，请重新登录' };
    },
  );
  app.get('/api/v1/users', async (req) => listUsers(ctx, who(req)));
  app.post(
    '/api/v1/users',
    {
      schema: {
        body: z.object({
          username: z.string(),
          displayName: z.string().max(64).optional(),
          role: z.enum(ROLES),
          unit: z.string().max(128).nullable().optional(),
          scopes: z.array(z.string()).max(100).default([]),
          password: z.string().max(256),
        }),
      },
    },
    async (req) => ({ id: await addUser(ctx, who(req), { ...req.body, mustChange: true }) }),
  );
  app.post('/api/v1/users/:username/disable', { schema: { params: z.object({ username: z.string().max(64) }), body: z.object({ disabled: z.boolean() }) } }, async (req) => {
    await setUserDisabled(ctx, who(req), req.params.username, req.body.disabled);
    return { ok: true };
  });

  // ---- plans, indicators, assessment
  app.get('/api/v1/plans', async (req) => listPlans(ctx, who(req)));
  app.get('/api/v1/plans/:region', { schema: { params: z.object({ region }) } }, async (req) => exportPlan(ctx, who(req), req.params.region));
  app.get('/api/v1/plans/:region/export', { schema: { params: z.object({ region }), querystring: z.object({ format: z.enum(['json', 'yaml']).default('json') }) } }, async (req, reply) => {
    const p = await exportPlan(ctx, who(req), req.params.region, { audit: true });
    reply.header('Content-Disposition', `attachment; filename="plan-${req.params.region}.${req.query.format}"`);
    if (req.query.format === 'yaml') return reply.type('application/yaml; charset=utf-8').send(toYaml(p));
    return p;
  });
  app.get(
    '/api/v1/plans/:region/assessment',
    { schema: { params: z.object({ region }), querystring: z.object({ year: year.optional(), stage: z.enum(['annual', 'midterm', 'final']).default('annual') }) } },
    async (req) => assess(ctx, who(req), req.params.region, req.query.stage, req.query.year),
  );
  app.get(
    '/api/v1/plans/:region/report',
    { schema: { params: z.object({ region }), querystring: z.object({ stage: z.enum(['annual', 'midterm', 'final']).default('annual'), year: year.optional(), format: z.enum(['docx', 'xlsx', 'pdf']).default('docx') }) } },
    async (req, reply) => {
      const r = await buildReport(ctx, who(req), req.params.region, req.query.stage, req.query.format, req.query.year);
      reply.header('Content-Disposition', `attachment; filename="report.${req.query.format}"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.type(r.contentType).send(r.bytes);
    },
  );
  app.get('/api/v1/plans/:region/restated', { schema: { params: z.object({ region }) } }, async (req) => restatedValues(ctx, who(req), req.params.region));
  app.get('/api/v1/plans/:region/indicators/:seq', { schema: { params: z.object({ region, seq }) } }, async (req) => indicatorDetail(ctx, who(req), req.params.region, req.params.seq));
  app.put(
    '/api/v1/plans/:region/indicators/:seq/values/:year',
    {
      schema: {
        params: z.object({ region, seq, year }),
        body: z.object({
          value: z.number().finite().nullable().default(null),
          judgement: z.enum(['met', 'notMet']).nullable().optional(),
          note: z.string().max(2000).nullable().optional(),
          basis: z.string().regex(/^[A-Za-z0-9.-]{1,40}$/).optional(),
          replaces: z.number().int().nullable().optional(),
        }),
      },
    },
    async (req) =>
      setValue(ctx, who(req), { region: req.params.region, seq: req.params.seq, year: req.params.year, value: req.body.value, judgement: req.body.judgement ?? null, note: req.body.note ?? null, basis: req.body.basis, replaces: req.body.replaces }),
  );
  app.put(
    '/api/v1/plans/:region/indicators/:seq/assignment',
    {
      schema: {
        params: z.object({ region, seq }),
        body: z.object({ kind: z.enum(['atLeast', 'atMost', 'reduceBy']), value: z.number().finite(), assignedBy: z.string().max(200), assignedOn: z.string().max(10), document: z.string().max(500) }),
      },
    },
    async (req) => {
      await assignTarget(ctx, who(req), { region: req.params.region, seq: req.params.seq, ...req.body });
      return { ok: true };
    },
  );
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post(
    '/api/v1/values/import',
    { bodyLimit: 20 * 1024 * 1024, schema: { querystring: z.object({ filename: z.string().regex(/^[^/\\]{1,200}\.(csv|xlsx)$/i, '文件名应以 .csv 或 .xlsx 结尾') }) } },
    async (req) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw new EcoplanError('invalid_input', '请以文件内容作为请求体上传（Content-Type: text/csv 或 application/octet-stream）', 'Upload the file as the request body');
      return { imported: await importValues(ctx, who(req), body, req.query.filename) };
    },
  );

  // ---- onboarding a plan from its document or the Excel template
  app.post(
    '/api/v1/plan-import',
    { bodyLimit: 30 * 1024 * 1024, schema: { querystring: z.object({ region, filename: z.string().regex(/^[^/\\]{1,200}\.(docx|txt|xlsx)$/i, '文件名应以 .docx、.txt 或 .xlsx 结尾') }) } },
    async (req) => {
      const actor = who(req);
      if (!Buffer.isBuffer(req.body)) throw new EcoplanError('invalid_input', '请以文件内容作为请求体上传', 'Upload the file as the request body');
      await requireImportRight(actor, req.query.region);
      return readPlanDocument(req.body, req.query.filename, req.query.region);
    },
  );
  app.post('/api/v1/plans', { schema: { body: z.object({ plan: z.unknown(), source: z.string().max(200) }) } }, async (req) => ({ region: await savePlan(ctx, who(req), req.body.plan, req.body.source) }));
  app.get('/api/v1/plan-template', async (req, reply) => {
    who(req);
    reply.header('Content-Disposition', `attachment; filename="ecoplan-plan-template.xlsx"`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildPlanTemplate());
  });

  /** Reading a draft stores nothing, but only those who may import plans for the region get to use it. */
  async function requireImportRight(actor: Actor, code: string) {
    const cityCode = `${code.slice(0, 4)}00`;
    await requireAccess(ctx, actor, 'data.import', { region: { code, cityCode, provinceCode: `${code.slice(0, 2)}0000` } }, `plan:${code}`);
  }

  // ---- monitoring
  app.get(
    '/api/v1/plans/:region/monitoring/air',
    { schema: { params: z.object({ region }), querystring: z.object({ year, station: z.string().regex(/^\d{4}A$/).optional() }) } },
    async (req) => airMonitoring(ctx, who(req), req.params.region, req.query.year, req.query.station),
  );
  app.post(
    '/api/v1/plans/:region/monitoring/import',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        params: z.object({ region }),
        querystring: z.object({
          kind: z.enum(['air', 'water']),
          year,
          filename: z.string().regex(/^[^/\\]{1,200}\.(csv|xlsx|zip)$/i, '文件名应以 .csv、.xlsx 或 .zip 结尾'),
          standard: z.enum(['auto', '2012', '2026']).default('auto'),
          lake: z.string().max(2000).optional(),
        }),
      },
    },
    async (req) => {
      const actor = who(req);
      if (!Buffer.isBuffer(req.body)) throw new EcoplanError('invalid_input', '请以文件内容作为请求体上传', 'Upload the file as the request body');
      const file = { name: req.query.filename, bytes: req.body };
      if (req.query.kind === 'water') return importWater(ctx, actor, req.params.region, [file], { year: req.query.year, lakeSections: req.query.lake?.split(',').filter(Boolean) });
      return importAirFiles(ctx, actor, req.params.region, [file], { year: req.query.year, standard: req.query.standard });
    },
  );

  // ---- projects
  app.get('/api/v1/plans/:region/projects', { schema: { params: z.object({ region }), querystring: z.object({ year: year.optional() }) } }, async (req) =>
    listProjects(ctx, who(req), req.params.region, req.query.year),
  );
  app.patch(
    '/api/v1/plans/:region/projects/:seq',
    {
      schema: {
        params: z.object({ region, seq }),
        body: z.object({
          year: year.optional(),
          invested: z.number().finite().optional(),
          progress: z.number().finite().nullable().optional(),
          status: z.enum(['未开工', '在建', '完工', '取消']).optional(),
          note: z.string().max(2000).nullable().optional(),
          rowVersion: z.number().int().optional(),
        }),
      },
    },
    async (req) => {
      await updateProjectProgress(ctx, who(req), { region: req.params.region, seq: req.params.seq, ...req.body });
      return { ok: true };
    },
  );
  app.get('/api/v1/plans/:region/projects-changes', { schema: { params: z.object({ region }) } }, async (req) => projectChanges(ctx, who(req), req.params.region));
  app.post(
    '/api/v1/plans/:region/projects-changes',
    {
      schema: {
        params: z.object({ region }),
        body: z.object({
          kind: z.enum(['调入', '调出', '调整']),
          seq: z.number().int().positive().optional(),
          reason: z.string().max(2000),
          decidedOn: z.string().max(10),
          document: z.string().max(500).nullable().optional(),
          fields: z
            .object({
              category: z.string().max(200),
              name: z.string().max(500),
              location: z.string().max(500),
              startYear: z.number().int(),
              endYear: z.number().int(),
              content: z.string().max(4000),
              investment: z.number().finite(),
              leadUnit: z.string().max(200).nullable(),
            })
            .partial()
            .optional(),
          rowVersion: z.number().int().optional(),
        }),
      },
    },
    async (req) => ({ seq: await changeProject(ctx, who(req), { region: req.params.region, ...req.body }) }),
  );

  // ---- commitments
  app.get('/api/v1/plans/:region/commitments', { schema: { params: z.object({ region }) } }, async (req) => listCommitments(ctx, who(req), req.params.region));
  app.patch(
    '/api/v1/plans/:region/commitments/:seq',
    {
      schema: {
        params: z.object({ region, seq }),
        body: z.object({
          started: z.boolean().optional(),
          done: z.boolean().optional(),
          doneOn: z.string().max(10).nullable().optional(),
          evidence: z.string().max(4000).nullable().optional(),
          leadUnit: z.string().max(200).nullable().optional(),
          rowVersion: z.number().int().optional(),
        }),
      },
    },
    async (req) => {
      await updateCommitmentProgress(ctx, who(req), { region: req.params.region, seq: req.params.seq, ...req.body });
      return { ok: true };
    },
  );

  // ---- publication and the public API
  app.post('/api/v1/plans/:region/publish', { schema: { params: z.object({ region }), body: z.object({ year }) } }, async (req) => publish(ctx, who(req), req.params.region, req.body.year));
  app.get('/api/v1/public/:region', { schema: { params: z.object({ region: z.string().max(12) }) } }, async (req) => publicSnapshot(ctx, req.params.region));

  // ---- audit
  app.get(
    '/api/v1/audit',
    { schema: { querystring: z.object({ actor: z.string().max(64).optional(), action: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100), beforeId: z.coerce.number().int().optional() }) } },
    async (req) => readAudit(ctx, who(req), req.query),
  );
  app.get('/api/v1/audit/verify', async (req) => verifyAudit(ctx, who(req)));

  app.all('/api/*', async () => {
    throw new EcoplanError('not_found', '接口不存在', 'No such API route');
  });

  if (options.webDir && existsSync(options.webDir)) {
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false, preCompressed: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'not_found', message: '页面不存在', messageEn: 'Not found' } });
    });
  }
  return app;
}
