/**
 * The `ecoplan` command: thin commands over the services. Each command parses its arguments, calls one
 * service and prints the result (table, JSON, CSV or YAML).
 */
import { userInfo } from 'node:os';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { stringify as toYaml } from 'yaml';
import type { Actor } from '../domain/access.js';
import { EcoplanError, formatIssue } from '../domain/errors.js';
import { STATUS_EN, type Stage } from '../domain/assessment.js';
import { openDb, type Db } from '../store/db.js';
import { createContext, type ServiceContext } from '../services/context.js';
import { exportPlan, listPlans, loadPlans, readPlanFolder } from '../services/plans.js';
import { assess, assignTarget, indicatorDetail, setValue } from '../services/indicators.js';
import { changeProject, listProjects, projectChanges, updateProjectProgress } from '../services/projects.js';
import { listCommitments, updateCommitmentProgress } from '../services/commitments.js';
import { readAudit, verifyAudit } from '../services/audit.js';
import { csv, table } from './format.js';
import { addUser, changePassword, hasUsers, listUsers, setUserDisabled } from '../services/accounts.js';
import { ROLES, ROLE_ZH, type Role } from '../domain/access.js';
import { promptPassword, readStdinLine } from './prompt.js';
import { backup, restore } from '../services/backup.js';
import type { ReportFormat } from '../services/reports.js';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InputFile } from '../services/monitoring.js';
import type { YearProgress } from '../ingest/air/national-year.js';
import type { Plan } from '../domain/plan-schema.js';
import { loadPlan } from '../services/context.js';
import { auditAlone } from '../services/context.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The folder of the seeded plan files shipped with ecoplan. */
export const DEFAULT_PLANS_DIR = join(ROOT, 'plans');

function cliActor(): Actor {
  let name = 'operator';
  try {
    name = userInfo().username;
  } catch {
    /* no user database entry: keep the default */
  }
  return { kind: 'system', name: `cli:${name}`, address: null };
}

type Format = 'table' | 'json' | 'csv';
const formatOption = () => new Option('--format <format>', '输出格式 table|json|csv').choices(['table', 'json', 'csv']).default('table');

function print(format: Format, json: unknown, headers: string[], rows: unknown[][]): void {
  if (format === 'json') console.log(JSON.stringify(json, null, 2));
  else if (format === 'csv') console.log(csv(headers, rows));
  else console.log(table(headers, rows));
}

function int(name: string) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v)) throw new EcoplanError('invalid_input', `${name} 应为整数（收到 "${v}"）`, `${name} must be an integer`);
    return Number(v);
  };
}

function num(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new EcoplanError('invalid_input', `${name} 应为数字（收到 "${v}"）`, `${name} must be a number`);
    return n;
  };
}

/** Opens the database, runs `fn` with a service context, and closes the database. */
async function withServices<T>(fn: (ctx: ServiceContext, actor: Actor, db: Db) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await fn(createContext(db), cliActor(), db);
  } finally {
    await db.close();
  }
}

/** A progress line on stderr for long imports (only when stderr is a terminal). */
function progressBar(label: string): (p: YearProgress) => void {
  return (p) => {
    if (!process.stderr.isTTY) return;
    const total = p.filesTotal ?? p.filesDone;
    const width = 30;
    const done = Math.round((p.filesDone / Math.max(1, total)) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(done)}${'-'.repeat(width - done)}] ${p.filesDone}/${total} ${(p.bytesDone / 1048576).toFixed(1)} MB`);
    if (p.filesDone === total) process.stderr.write('\n');
  };
}

/** Reads the files named on the command line (each at most 200 MB). */
async function readInputs(files: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of files) {
    const s = await stat(f).catch(() => null);
    if (!s || !s.isFile()) throw new EcoplanError('not_found', `找不到文件 ${f}`, `No file ${f}`);
    if (s.size > 200 * 1024 * 1024) throw new EcoplanError('too_large', `${f} 超过 200 MB`, `${f} is over 200 MB`);
    out.push({ name: f, bytes: await readFile(f) });
  }
  return out;
}

/** Loads the plan files of `dir` that are not in the database yet. */
export async function initDatabase(ctx: ServiceContext, actor: Actor, dir: string) {
  const plans = await readPlanFolder(dir);
  return loadPlans(ctx, actor, plans);
}

/** Builds the command tree. */
export function buildProgram(): Command {
  const program = new Command('ecoplan')
    .description('ecoplan：生态环境保护规划的指标、项目、任务与评估 / run a five-year eco-environment protection plan as data')
    .showHelpAfterError();

  program
    .command('init')
    .description('创建或迁移数据库，并加载 plans/ 中尚未加载的规划 / create or migrate the database and load plans/')
    .option('--plans <dir>', '规划文件目录', DEFAULT_PLANS_DIR)
    .action(async (o: { plans: string }) => {
      await withServices(async (ctx, actor, db) => {
        const r = await initDatabase(ctx, actor, o.plans);
        console.log(`数据库：${db.describe}`);
        console.log(`已加载：${r.loaded.join('、') || '无'}；已存在未改动：${r.skipped.join('、') || '无'}`);
      });
    });

  const plan = program.command('plan').description('规划 / plans');
  plan
    .command('list')
    .description('列出规划')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const plans = await listPlans(ctx, actor);
        print(o.format, plans, ['地区代码', '地区', '所属市', '规划', '规划期', '基准年'], plans.map((p) => [p.region.code, p.region.name, p.region.city.name, p.title, `${p.period.start}–${p.period.end}`, p.period.baseline]));
      });
    });
  plan
    .command('show <region>')
    .description('显示规划的指标表')
    .addOption(formatOption())
    .action(async (region: string, o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const p = await exportPlan(ctx, actor, region);
        if (o.format === 'table') console.log(`${p.title}\n规划期 ${p.period.start}–${p.period.end}，基准年 ${p.period.baseline}；指标 ${p.indicators.length} 项，重点项目 ${p.projects.length} 个，重点任务 ${p.commitments.length} 项\n`);
        print(o.format, p, ['序号', '类别', '指标', '单位', `${p.period.baseline}年`, `${p.period.end}年目标`, '属性'], p.indicators.map((i) => [i.seq, i.subgroup ? `${i.category}/${i.subgroup}` : i.category, i.printedName ?? i.name, i.unit, i.baseline.text, i.target.text, i.binding ? '约束性' : '预期性']));
      });
    });
  plan
    .command('export <region>')
    .description('导出规划（含当前项目库与任务）')
    .addOption(new Option('--format <format>', 'json|yaml').choices(['json', 'yaml']).default('json'))
    .action(async (region: string, o: { format: 'json' | 'yaml' }) => {
      await withServices(async (ctx, actor) => {
        const p = await exportPlan(ctx, actor, region, { audit: true });
        console.log(o.format === 'json' ? JSON.stringify(p, null, 2) : toYaml(p));
      });
    });

  plan
    .command('import <file>')
    .description('从规划文本（.docx 或 Word 导出的 .txt）或 Excel 模板（.xlsx）生成规划文件草稿，列出须人工核对之处')
    .requiredOption('--region <code>', '地区代码（6 位）')
    .requiredOption('--out <file>', '输出的规划文件（.yaml）')
    .option('--load', '核对无误后直接载入数据库')
    .action(async (file: string, o: { region: string; out: string; load?: boolean }) => {
      const bytes = await readFile(file).catch(() => {
        throw new EcoplanError('not_found', `找不到文件 ${file}`, `No file ${file}`);
      });
      const d = await (await import('../services/plan-import.js')).readPlanDocument(bytes, file, o.region);
      const header = ['# ecoplan 规划文件草稿，由 ecoplan plan import 生成', `# 来源：${basename(file)}`, ...(d.review.length ? ['# 须人工核对：', ...d.review.map((r) => `#  - ${r.path}${r.line ? `（原文第 ${r.line} 行）` : ''}：${r.message}`)] : [])];
      await writeFile(o.out, `${header.join('\n')}\n${toYaml(d.plan)}`);
      const p = d.plan as { indicators?: unknown[]; projects?: unknown[]; commitments?: unknown[] };
      console.log(`已写出 ${o.out}：指标 ${p.indicators?.length ?? 0} 项，重点项目 ${p.projects?.length ?? 0} 个，重点任务 ${p.commitments?.length ?? 0} 项。`);
      if (d.review.length) console.log(`须人工核对 ${d.review.length} 处（已写在文件开头的注释中）。`);
      if (!d.valid) {
        throw new EcoplanError('invalid_input', '草稿尚不符合规划格式，请在文件中补全后再用 ecoplan init 载入', 'The draft does not pass the plan schema yet', d.issues.map((i) => ({ file: o.out, path: i.path, message: i.message })));
      }
      if (o.load) {
        await withServices(async (ctx, actor) => {
          await (await import('../services/plan-import.js')).savePlan(ctx, actor, d.plan, basename(file));
          console.log(`已载入地区 ${o.region} 的规划。`);
        });
      }
    });
  plan
    .command('template')
    .description('生成规划导入 Excel 模板（--from 地区代码：以已有规划填充，便于核对或往返）')
    .requiredOption('--out <file>', '输出文件 .xlsx')
    .option('--from <region>', '用该地区的规划填充')
    .action(async (o: { out: string; from?: string }) => {
      let filled: Plan | undefined;
      if (o.from) {
        const from = o.from;
        filled = await withServices(async (ctx) => (await loadPlan(ctx.db.kysely, from)).plan);
      }
      await writeFile(o.out, await (await import('../ingest/plan-template.js')).buildPlanTemplate(filled));
      console.log(`已生成模板 ${o.out}。`);
    });

  const values = program.command('values').description('指标年度数值 / indicator values');
  values
    .command('set <region> <seq> <year> <value>')
    .description('录入或更正某指标某年的数值（更正保留历史）；定性指标的 value 写 met 或 notMet')
    .option('--note <note>', '备注')
    .option('--basis <basis>', '口径：plan（规划期标准，默认）或标准版本，如 GB3095-2026', 'plan')
    .action(async (region: string, seq: string, year: string, value: string, o: { note?: string; basis: string }) => {
      await withServices(async (ctx, actor) => {
        const judgement = value === 'met' || value === 'notMet' ? value : null;
        const r = await setValue(ctx, actor, {
          region,
          seq: int('序号')(seq),
          year: int('年份')(year),
          value: judgement ? null : num('数值')(value),
          judgement,
          note: o.note ?? null,
          basis: o.basis,
        });
        console.log(`已记录。${r.year}年「${r.name}」：${r.status}（${STATUS_EN[r.status]}）— ${r.reason}`);
      });
    });
  values
    .command('import <file>')
    .description('从 CSV/XLSX 批量导入数值（列：地区代码, 序号, 年份, 数值[, 备注]）；任何一行有误则全部不写入')
    .action(async (file: string) => {
      await withServices(async (ctx, actor) => {
        const n = await (await import('../services/imports.js')).importValuesFile(ctx, actor, file);
        console.log(`已导入 ${n} 条数值（${file}）`);
      });
    });
  values
    .command('history <region> <seq>')
    .description('某指标的数值历史与来源')
    .addOption(formatOption())
    .action(async (region: string, seq: string, o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const d = await indicatorDetail(ctx, actor, region, int('序号')(seq));
        print(o.format, d, ['年份', '口径', '数值', '评判', '来源', '记录人', '记录时间', '被更正于', '备注'], d.history.map((h) => [h.year, h.basis, h.value, h.judgement, `${h.source.kind}${h.source.ref ? `:${h.source.ref}` : ''}`, h.recordedBy, h.recordedAt, h.supersededAt, h.note]));
      });
    });

  program
    .command('target <region> <seq>')
    .description('录入市定目标值（完成市定目标 / 市级下达指标）')
    .addOption(new Option('--kind <kind>', 'atLeast（不低于）| atMost（不高于）| reduceBy（下降%）').choices(['atLeast', 'atMost', 'reduceBy']).makeOptionMandatory())
    .requiredOption('--value <value>', '目标值')
    .requiredOption('--by <unit>', '下达单位')
    .requiredOption('--on <date>', '下达日期 YYYY-MM-DD')
    .requiredOption('--document <doc>', '文件名称或文号')
    .action(async (region: string, seq: string, o: { kind: 'atLeast' | 'atMost' | 'reduceBy'; value: string; by: string; on: string; document: string }) => {
      await withServices(async (ctx, actor) => {
        await assignTarget(ctx, actor, { region, seq: int('序号')(seq), kind: o.kind, value: num('目标值')(o.value), assignedBy: o.by, assignedOn: o.on, document: o.document });
        console.log('已录入市定目标。');
      });
    });

  program
    .command('assess <region>')
    .description('年度监测分析、中期评估或终期考核')
    .option('--year <year>', '评估年份')
    .addOption(new Option('--stage <stage>', 'annual|midterm|final').choices(['annual', 'midterm', 'final']).default('annual'))
    .addOption(formatOption())
    .action(async (region: string, o: { year?: string; stage: Stage; format: Format }) => {
      await withServices(async (ctx, actor) => {
        const a = await assess(ctx, actor, region, o.stage, o.year ? int('年份')(o.year) : undefined);
        if (o.format === 'table') {
          const s = a.summary;
          const counts = (c: Record<string, number>) => Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join('，') || '无';
          console.log(`${a.region.name} ${a.year}年${a.stageName}：指标 ${s.total} 项（约束性 ${s.binding.total}：${counts(s.binding.byStatus)}；预期性 ${s.expected.total}：${counts(s.expected.byStatus)}）`);
          if (a.warnings.length) console.log(`预警（约束性指标）：${a.warnings.map((w) => `${w.seq}.${w.name}（${w.status}）`).join('；')}`);
          console.log('');
        }
        print(o.format, a, ['序号', '指标', '属性', '数值', '序时进度', '目标', '状态', '说明'], a.indicators.map((i) => [i.seq, i.name, i.binding ? '约束性' : '预期性', i.value, i.expected, i.targetText, i.status, i.reason]));
      });
    });

  program
    .command('report <region>')
    .description('生成年度监测分析、中期评估或终期考核报告（Word、Excel 或 PDF）')
    .addOption(new Option('--stage <stage>', 'annual|midterm|final').choices(['annual', 'midterm', 'final']).default('annual'))
    .option('--year <year>', '年份')
    .addOption(new Option('--format <format>', 'docx|xlsx|pdf').choices(['docx', 'xlsx', 'pdf']).default('docx'))
    .requiredOption('--out <file>', '输出文件')
    .action(async (region: string, o: { stage: Stage; year?: string; format: ReportFormat; out: string }) => {
      await withServices(async (ctx, actor) => {
        const r = await (await import('../services/reports.js')).buildReport(ctx, actor, region, o.stage, o.format, o.year ? int('年份')(o.year) : undefined);
        await writeFile(o.out, r.bytes);
        console.log(`已生成 ${o.out}（${r.fileName}，${r.bytes.length} 字节）。`);
      });
    });

  const projects = program.command('projects').description('重点项目库 / key projects');
  projects
    .command('list <region>')
    .option('--year <year>', '截至年份')
    .addOption(formatOption())
    .action(async (region: string, o: { year?: string; format: Format }) => {
      await withServices(async (ctx, actor) => {
        const r = await listProjects(ctx, actor, region, o.year ? int('年份')(o.year) : undefined);
        print(o.format, r, ['序号', '类别', '项目名称', '开工', '竣工', '总投资/万元', '累计完成/万元', '状态', '进度'], r.projects.map((p) => [p.seq, p.category, p.name, p.startYear, p.endYear, p.investment, p.investedTotal, p.status, p.light]));
        if (o.format === 'table') console.log(`\n合计 ${r.summary.total.count} 个项目，总投资 ${r.summary.total.planned} 万元，累计完成 ${r.summary.total.invested} 万元`);
      });
    });
  projects
    .command('update <region> <seq>')
    .description('录入项目年度完成投资、形象进度或状态')
    .option('--year <year>', '年份')
    .option('--invested <amount>', '当年完成投资（万元）')
    .option('--progress <percent>', '形象进度（%）')
    .addOption(new Option('--status <status>', '状态').choices(['未开工', '在建', '完工', '取消']))
    .option('--note <note>', '备注')
    .action(async (region: string, seq: string, o: { year?: string; invested?: string; progress?: string; status?: '未开工' | '在建' | '完工' | '取消'; note?: string }) => {
      await withServices(async (ctx, actor) => {
        await updateProjectProgress(ctx, actor, {
          region,
          seq: int('序号')(seq),
          year: o.year ? int('年份')(o.year) : undefined,
          invested: o.invested !== undefined ? num('完成投资')(o.invested) : undefined,
          progress: o.progress !== undefined ? num('形象进度')(o.progress) : undefined,
          status: o.status,
          note: o.note ?? null,
        });
        console.log('已记录。');
      });
    });
  projects
    .command('change <region>')
    .description('滚动调整：调入新项目、调出或调整项目（保留调整前的记录）')
    .addOption(new Option('--kind <kind>', '调入|调出|调整').choices(['调入', '调出', '调整']).makeOptionMandatory())
    .option('--seq <seq>', '项目序号（调出、调整时必填）')
    .requiredOption('--reason <reason>', '调整理由')
    .requiredOption('--date <date>', '决定日期 YYYY-MM-DD')
    .option('--document <doc>', '依据文件')
    .option('--category <c>')
    .option('--name <n>')
    .option('--location <l>')
    .option('--start <year>')
    .option('--end <year>')
    .option('--content <text>')
    .option('--investment <amount>', '总投资（万元）')
    .option('--lead-unit <unit>')
    .action(async (region: string, o: Record<string, string | undefined>) => {
      await withServices(async (ctx, actor) => {
        const seq = await changeProject(ctx, actor, {
          region,
          kind: o.kind as '调入' | '调出' | '调整',
          seq: o.seq ? int('序号')(o.seq) : undefined,
          reason: o.reason ?? '',
          decidedOn: o.date ?? '',
          document: o.document ?? null,
          fields: {
            ...(o.category !== undefined ? { category: o.category } : {}),
            ...(o.name !== undefined ? { name: o.name } : {}),
            ...(o.location !== undefined ? { location: o.location } : {}),
            ...(o.start !== undefined ? { startYear: int('开工年份')(o.start) } : {}),
            ...(o.end !== undefined ? { endYear: int('竣工年份')(o.end) } : {}),
            ...(o.content !== undefined ? { content: o.content } : {}),
            ...(o.investment !== undefined ? { investment: num('总投资')(o.investment) } : {}),
            ...(o.leadUnit !== undefined ? { leadUnit: o.leadUnit } : {}),
          },
        });
        console.log(`已记录${o.kind}（项目序号 ${seq}）。`);
      });
    });
  projects
    .command('history <region>')
    .description('滚动调整记录')
    .addOption(formatOption())
    .action(async (region: string, o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const rows = await projectChanges(ctx, actor, region);
        print(o.format, rows, ['序号', '项目', '类型', '理由', '决定日期', '依据文件', '记录人', '记录时间'], rows.map((r) => [r.seq, r.name, r.kind, r.reason, r.decidedOn, r.document, r.recordedBy, r.recordedAt]));
      });
    });

  const commitments = program.command('commitments').description('重点任务 / dated commitments');
  commitments
    .command('list <region>')
    .addOption(formatOption())
    .action(async (region: string, o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const rows = await listCommitments(ctx, actor, region);
        print(o.format, rows, ['序号', '时限', '任务', '牵头单位', '状态'], rows.map((c) => [c.seq, c.deadlineText, c.action, c.leadUnit, c.status]));
      });
    });
  commitments
    .command('update <region> <seq>')
    .option('--started', '已启动')
    .option('--done', '已完成')
    .option('--done-on <date>', '完成日期 YYYY-MM-DD')
    .option('--evidence <text>', '佐证材料')
    .action(async (region: string, seq: string, o: { started?: boolean; done?: boolean; doneOn?: string; evidence?: string }) => {
      await withServices(async (ctx, actor) => {
        await updateCommitmentProgress(ctx, actor, { region, seq: int('序号')(seq), started: o.started, done: o.done, doneOn: o.doneOn, evidence: o.evidence });
        console.log('已记录。');
      });
    });

  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('list')
    .option('--actor <name>')
    .option('--action <prefix>')
    .option('--limit <n>', '条数', '50')
    .addOption(formatOption())
    .action(async (o: { actor?: string; action?: string; limit: string; format: Format }) => {
      await withServices(async (ctx, actor) => {
        const rows = await readAudit(ctx, actor, { actor: o.actor, action: o.action, limit: int('条数')(o.limit) });
        print(o.format, rows, ['编号', '时间（UTC）', '操作人', '地址', '操作', '对象', '结果'], rows.map((r) => [r.id, r.at, r.actor, r.address, r.action, r.target, r.outcome]));
      });
    });
  audit
    .command('verify')
    .description('校验审计日志哈希链，发现篡改')
    .action(async () => {
      await withServices(async (ctx, actor) => {
        const r = await verifyAudit(ctx, actor);
        if (r.ok) console.log(`审计链完整：共 ${r.rows} 条记录。`);
        else {
          console.log(`审计链被破坏：记录 ${r.problem?.id}：${r.problem?.reason}`);
          process.exitCode = 3;
        }
      });
    });

  const air = program.command('air').description('环境空气 / air quality (HJ 633, GB 3095, HJ 663)');
  air
    .command('aqi <files...>')
    .description('逐站逐时计算 AQI（CNEMC 实时报口径），并列出 CNEMC 发布值与是否一致')
    .addOption(new Option('--standard <v>', '2012|2026|auto（按数据日期）').choices(['2012', '2026', 'auto']).default('auto'))
    .addOption(new Option('--format <format>', 'csv|json').choices(['csv', 'json']).default('csv'))
    .action(async (files: string[], o: { standard: '2012' | '2026' | 'auto'; format: 'csv' | 'json' }) => {
      const version = o.standard === 'auto' ? undefined : o.standard === '2012' ? ('HJ633-2012' as const) : ('HJ633-2026' as const);
      const r = (await import('../services/air-files.js')).stationHourAqi(await readInputs(files), { version });
      const errors = r.issues.filter((i) => (i as { severity?: string }).severity !== 'warning');
      if (errors.length) throw new EcoplanError('invalid_input', `文件有 ${errors.length} 处错误`, 'The files have errors', errors);
      if (o.format === 'json') {
        console.log(JSON.stringify(r.rows, null, 2));
        return;
      }
      const iaqi = (await import('../services/air-files.js')).AQI_INDICATORS.filter((k) => k !== 'o3_8h');
      console.log(csv(['站点', '日期', '时', 'AQI', '级别', '类别', '首要污染物', ...iaqi.map((k) => `IAQI_${k}`), 'CNEMC发布AQI', '一致', '标准'], r.rows.map((x) => [x.station, x.date, x.hour, x.aqi, x.level, x.category, x.primary, ...iaqi.map((k) => x.iaqi[k] ?? null), x.published, x.published === null || x.aqi === null ? '' : x.published === x.aqi ? '是' : '否', x.version])));
      const both = r.rows.filter((x) => x.aqi !== null && x.published !== null);
      console.error(`${r.rows.length} 个站点小时；有 CNEMC 发布值且六项齐全的 ${both.length} 个中，${both.filter((x) => x.aqi === x.published).length} 个一致。`);
    });
  air
    .command('evaluate <files...>')
    .description('年度评价：各站点及其合计（城市或区县取各站浓度均值，而非 AQI 均值）')
    .requiredOption('--stations <list>', '站点列表 CSV（监测点编码,监测点名称,城市,经度,纬度,对照点）')
    .option('--station <codes...>', '站点编码')
    .option('--city <name>', '城市名（不含对照点与停运站点）')
    .option('--year <year>', '年份')
    .addOption(new Option('--standard <v>', '2012|2026|auto').choices(['2012', '2026', 'auto']).default('auto'))
    .addOption(new Option('--format <format>', 'table|json').choices(['table', 'json']).default('table'))
    .action(async (files: string[], o: { stations: string; station?: string[]; city?: string; year?: string; standard: '2012' | '2026' | 'auto'; format: 'table' | 'json' }) => {
      const [list] = await readInputs([o.stations]);
      const stations = (await import('../services/air-files.js')).readStationList(list!);
      const { acc, year } = await (await import('../services/air-files.js')).readSitesYear(await readInputs(files), { year: o.year ? int('年份')(o.year) : undefined, stations, onProgress: progressBar('读取日文件') });
      const codes = o.station ?? stations.filter((s) => o.city && (s.city === o.city || `${s.city}市` === o.city) && !s.control && !s.stopped).map((s) => s.code);
      if (!codes.length) throw new EcoplanError('invalid_input', '请用 --station 或 --city 指定站点', 'Name the stations with --station or --city');
      const versions = o.standard === '2012' ? { aqi: 'HJ633-2012', limits: 'GB3095-2012', evaluation: 'HJ663-2013' } as const : o.standard === '2026' ? { aqi: 'HJ633-2026', limits: year >= 2031 ? 'GB3095-2026-final' : 'GB3095-2026-transitional', evaluation: 'HJ663-2026' } as const : undefined;
      const r = (await import('../services/air-files.js')).evaluateSites(acc.toMap(), { codes, area: o.city ?? codes.join('+'), options: versions ? { versions } : {} });
      const all = [...r.stations, ...(r.area ? [r.area] : [])];
      if (o.format === 'json') {
        console.log(JSON.stringify(all.map(({ dailyAqi: _a, dailyPrimary: _p, daily: _d, ...rest }) => rest), null, 2));
        return;
      }
      const stat = (e: (typeof all)[number], p: 'pm25' | 'pm10' | 'so2' | 'no2' | 'co' | 'o3') => e.pollutants[p].statistics.map((x) => x.rounded).join('/');
      console.log(table(['站点/区域', '有效天数', 'PM2.5', 'PM10', 'SO2', 'NO2', 'CO', 'O3', '达标', '综合指数', '优良天数比例%', '重度及以上%', '标准'], all.map((e) => [e.station, e.dayCounts.validDays, stat(e, 'pm25'), stat(e, 'pm10'), stat(e, 'so2'), stat(e, 'no2'), stat(e, 'co'), stat(e, 'o3'), e.compliant === null ? '—' : e.compliant ? '达标' : '超标', e.index?.value ?? null, e.dayCounts.goodPercent, e.dayCounts.heavyOrWorsePercent, e.versions.limits])));
      console.log('\n各污染物列为该标准评价的统计量（年均值/百分位数），CO 单位 mg/m³，其余 µg/m³。');
    });

  const water = program.command('water').description('地表水 / surface water (GB 3838-2002)');
  water
    .command('evaluate <files...>')
    .description('评价断面水质类别、超标项目与超标倍数，以及断面达到或优于Ⅲ类、劣Ⅴ类比例')
    .option('--year <year>', '年份（默认数据中的最后一年）')
    .option('--lake <sections...>', '湖库断面（总磷按湖库标准，总氮单独评价）', [])
    .option('--drinking', '按集中式饮用水水源地评价（表1 Ⅲ类 + 表2）')
    .addOption(formatOption())
    .action(async (files: string[], o: { year?: string; lake: string[]; drinking?: boolean; format: Format }) => {
      const inputs = await readInputs(files);
      const year = o.year ? int('年份')(o.year) : undefined;
      if (o.drinking) {
        const d = await (await import('../services/monitoring.js')).evaluateDrinkingFiles(inputs, { year, lakeSources: o.lake });
        print(o.format, d, ['水源地', '是否达标', '超标项目'], d.sources.map((x) => [x.source, x.compliant === null ? '—' : x.compliant ? '达标' : '不达标', x.exceeding.map((e) => e.nameZh).join('、')]));
        if (o.format === 'table') console.log(`\n${d.year}年：${d.set.count} 个水源地，达标 ${d.set.compliantCount} 个，达标率 ${d.set.percentCompliant === null ? '—' : `${Math.round(d.set.percentCompliant * 10) / 10}%`}`);
        return;
      }
      const r = await (await import('../services/monitoring.js')).evaluateWaterFiles(inputs, { year, lakeSections: o.lake });
      print(o.format, r, ['断面', '水质类别', '超标项目（超标倍数）', '监测次数'], r.sections.map((x) => [x.section, x.classLabel ?? '—', x.exceeding.map((e) => `${e.nameZh}（${e.exceedMultiple === null ? '—' : Math.round(e.exceedMultiple * 100) / 100}）`).join('、'), x.sampleDates]));
      if (o.format === 'table') {
        const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10}%`);
        console.log(`\n${r.year}年：${r.set.count} 个断面，达到或优于Ⅲ类 ${r.set.countI_III} 个（${pct(r.set.percentI_III)}），劣Ⅴ类 ${r.set.countWorseThanV} 个（${pct(r.set.percentWorseThanV)}）`);
      }
    });
  program
    .command('noise')
    .description('声环境 / noise (GB 3096-2008)')
    .command('evaluate <files...>')
    .description('按功能区类别评价昼间、夜间达标情况与点次达标率')
    .option('--year <year>', '年份')
    .addOption(formatOption())
    .action(async (files: string[], o: { year?: string; format: Format }) => {
      const r = await (await import('../services/monitoring.js')).evaluateNoiseFiles(await readInputs(files), { year: o.year ? int('年份')(o.year) : undefined });
      print(o.format, r, ['测点', '功能区', '昼间达标', '夜间达标'], r.points.map((p) => [p.point, p.zoneLabel, `${p.day.compliant}/${p.day.pointTimes}`, `${p.night.compliant}/${p.night.pointTimes}`]));
      if (o.format === 'table') {
        const rate = (c: { percent: number | null }) => (c.percent === null ? '—' : `${Math.round(c.percent * 10) / 10}%`);
        console.log(`\n昼间点次达标率 ${rate(r.set.day)}，夜间点次达标率 ${rate(r.set.night)}`);
      }
    });
  const monitoring = program.command('monitoring').description('监测数据入库 / monitoring data into a plan');
  monitoring
    .command('import <files...>')
    .description('导入监测数据，按国家标准计算规划中关联了 metric 的指标，并记入该年数值（注明来源与标准）')
    .requiredOption('--region <code>', '地区代码')
    .addOption(new Option('--kind <kind>', 'air（CNEMC 站点日文件或其 .zip）| water（地表水、饮用水源）').choices(['air', 'water']).makeOptionMandatory())
    .requiredOption('--year <year>', '年份')
    .addOption(new Option('--standard <v>', '空气：auto（数据日期的标准）| 2026（按新标准重新核算，与原值并列）| 2012').choices(['auto', '2012', '2026']).default('auto'))
    .option('--lake <sections...>', '湖库断面', [])
    .action(async (files: string[], o: { region: string; kind: 'air' | 'water'; year: string; standard: 'auto' | '2012' | '2026'; lake: string[] }) => {
      const inputs = await readInputs(files);
      await withServices(async (ctx, actor) => {
        const year = int('年份')(o.year);
        const r = o.kind === 'air'
          ? await (await import('../services/air-files.js')).importAirFiles(ctx, actor, o.region, inputs, { year, standard: o.standard, onProgress: progressBar('读取日文件') })
          : await (await import('../services/monitoring.js')).importWater(ctx, actor, o.region, inputs, { year, lakeSections: o.lake });
        for (const x of r.recorded) console.log(`已记录 ${r.year}年 指标${x.seq}「${x.name}」= ${x.value}（${x.metric}，${x.standard}）`);
        for (const x of r.skipped) console.log(`未记录 指标${x.seq}「${x.name}」：${x.reason}`);
      });
    });

  const user = program.command('user').description('账号 / accounts');
  user
    .command('add <username>')
    .description('创建账号。密码从终端输入两次，或用 --password-stdin 从标准输入读取；首个系统管理员用 --role admin 创建')
    .addOption(new Option('--role <role>', 'admin|auditor|editor|clerk|reviewer').choices([...ROLES]).makeOptionMandatory())
    .option('--scope <code...>', '所辖地区代码（分局编辑、部门填报填区县代码；市级审核填市代码）', [])
    .option('--unit <unit>', '所属单位（部门填报必填，如 区水利局）')
    .option('--name <displayName>', '显示名称')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (username: string, o: { role: Role; scope: string[]; unit?: string; name?: string; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readStdinLine() : await promptPassword();
      await withServices(async (ctx, actor) => {
        // The first administrator is made at the console by the person who will use it: no forced change then.
        const first = o.role === 'admin' && !(await hasUsers(ctx));
        await addUser(ctx, actor, { username, displayName: o.name, role: o.role, unit: o.unit ?? null, scopes: o.scope, password, mustChange: !first });
        console.log(`已创建账号 ${username}（${ROLE_ZH[o.role]}）${first ? '' : '，首次登录须修改密码'}。`);
      });
    });
  user
    .command('list')
    .addOption(formatOption())
    .action(async (o: { format: Format }) => {
      await withServices(async (ctx, actor) => {
        const rows = await listUsers(ctx, actor);
        print(o.format, rows, ['用户名', '名称', '角色', '单位', '范围', '状态'], rows.map((u) => [u.username, u.displayName, ROLE_ZH[u.role], u.unit, u.scopes.join(' '), u.disabled ? '已停用' : u.lockedUntil ? `锁定至 ${u.lockedUntil}` : '正常']));
      });
    });
  for (const [cmd, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${cmd} <username>`)
      .description(disabled ? '停用账号并结束其会话' : '启用账号并解除锁定')
      .action(async (username: string) => {
        await withServices(async (ctx, actor) => {
          await setUserDisabled(ctx, actor, username, disabled);
          console.log(disabled ? `已停用 ${username}。` : `已启用 ${username}。`);
        });
      });
  }
  user
    .command('password <username>')
    .description('重置账号密码（对方下次登录须修改）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (username: string, o: { passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readStdinLine() : await promptPassword();
      await withServices(async (ctx, actor) => {
        await changePassword(ctx, actor, username, null, password);
        console.log(`已重置 ${username} 的密码。`);
      });
    });

  program
    .command('backup <file>')
    .description('备份数据库（SQLite 在线一致性快照；PostgreSQL 用 pg_dump）')
    .action(async (file: string) => {
      await withServices(async (ctx, actor) => {
        const r = await backup(ctx, actor, resolve(file));
        console.log(`已备份到 ${file}（${r.bytes} 字节）。`);
      });
    });
  program
    .command('restore <file>')
    .description('从备份恢复数据库（覆盖当前数据；SQLite 须先停止服务）')
    .requiredOption('--yes', '确认覆盖当前数据库')
    .action(async (file: string) => {
      const db = await openDb();
      await restore(db, resolve(file));
      await withServices(async (ctx, actor) => {
        await auditAlone(ctx, actor, { action: 'restore', target: `file:${file}`, outcome: 'success' });
        console.log(`已从 ${file} 恢复。`);
      });
    });

  program
    .command('serve')
    .description('启动 Web 服务与 API（首次运行时自动建库并加载规划）')
    .option('--port <port>', '端口', process.env.PORT ?? '3000')
    .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
    .action(async (o: { port: string; host: string }) => {
      const { startServer } = await import('../server/start.js');
      await startServer({ port: int('端口')(o.port), host: o.host, plansDir: DEFAULT_PLANS_DIR });
    });

  return program;
}

/** Prints an error for a person: the message, and where each input problem is. Returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof EcoplanError) {
    console.error(`错误：${e.messageZh}`);
    for (const issue of e.issues.slice(0, 50)) console.error(`  - ${formatIssue(issue)}`);
    if (e.issues.length > 50) console.error(`  …… 另有 ${e.issues.length - 50} 处`);
    return e.code === 'invalid_input' ? 2 : e.code === 'forbidden' || e.code === 'unauthenticated' ? 4 : e.code === 'not_found' ? 5 : e.code === 'conflict' ? 6 : 1;
  }
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' && (e as { code: string }).code.startsWith('commander.')) {
    return (e as { exitCode?: number }).exitCode ?? 2;
  }
  console.error(`错误：${e instanceof Error ? e.message : String(e)}`);
  return 1;
}

/** Runs the command line with the given argv (as process.argv); sets the exit code on errors. */
export async function run(argv: string[]): Promise<void> {
  try {
    await buildProgram().exitOverride().parseAsync(argv);
  } catch (e) {
    process.exitCode = reportError(e);
  }
}
