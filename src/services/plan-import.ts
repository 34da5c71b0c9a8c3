/**
 * Onboarding a district's plan: read its Word document (.docx or the plain-text export) or a filled Excel
 * template into a draft with review flags, and save a reviewed plan. Nothing is saved until the draft
 * passes the plan schema.
 */
import { basename } from 'node:path';
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import { Plan } from '../domain/plan-schema.js';
import { decodeText } from '../ingest/table.js';
import { textToBlocks } from '../ingest/plan-document/blocks.js';
import { docxToBlocks } from '../ingest/plan-document/docx-blocks.js';
import { extractPlan, type ReviewFlag } from '../ingest/plan-document/extract.js';
import { readPlanTemplate } from '../ingest/plan-template.js';
import { findPlanByRegion, insertPlan } from '../store/plans-repo.js';
import { requireAccess, write, type ServiceContext } from './context.js';

/** The most bytes a plan document may have. */
export const MAX_PLAN_DOCUMENT_BYTES = 30 * 1024 * 1024;

/** A draft read from a document: the plan as found, what to review, and whether it passes the schema. */
export interface ImportedDraft {
  plan: unknown;
  review: ReviewFlag[];
  valid: boolean;
  issues: { path: string; message: string }[];
}

/** Reads a plan document into a draft (no access needed: nothing is stored). */
export async function readPlanDocument(bytes: Uint8Array, file: string, regionCode: string): Promise<ImportedDraft> {
  const name = basename(file);
  if (!/^\d{6}$/.test(regionCode)) throw new EcoplanError('invalid_input', '地区代码应为 6 位数字', 'The region code has 6 digits', [{ path: 'region', message: '地区代码应为 6 位数字' }]);
  if (bytes.length > MAX_PLAN_DOCUMENT_BYTES) throw new EcoplanError('too_large', `文件超过 ${MAX_PLAN_DOCUMENT_BYTES / 1024 / 1024} MB 上限`, 'The file is too large', [{ file: name, message: '文件过大' }]);
  if (/\.xlsx$/i.test(name)) {
    const r = await readPlanTemplate(bytes, name);
    if (!r.ok) throw new EcoplanError('invalid_input', `模板 ${name} 有误，未导入`, `${name} has errors`, r.issues);
    if (r.plan.region.code !== regionCode) throw new EcoplanError('invalid_input', `模板中的地区代码 ${r.plan.region.code} 与指定的 ${regionCode} 不一致`, 'The region code differs', [{ file: name, sheet: '规划信息', message: '地区代码不一致' }]);
    return { plan: r.plan, review: [], valid: true, issues: [] };
  }
  let blocks;
  if (/\.docx$/i.test(name)) {
    const r = await docxToBlocks(bytes, name);
    if (!r.ok) throw new EcoplanError('invalid_input', `文件 ${name} 无法读取`, `${name} cannot be read`, r.issues);
    blocks = r.blocks;
  } else if (/\.txt$/i.test(name)) {
    blocks = textToBlocks(decodeText(bytes).text);
  } else {
    throw new EcoplanError('invalid_input', '只支持 .docx、.txt（Word 导出的纯文本）或 .xlsx（ecoplan 模板）', 'Use .docx, .txt or .xlsx', [{ file: name, message: '不支持的文件类型' }]);
  }
  const draft = extractPlan(blocks, { regionCode, source: name });
  const parsed = Plan.safeParse(draft.plan);
  return {
    plan: parsed.success ? parsed.data : draft.plan,
    review: draft.review,
    valid: parsed.success,
    issues: parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

/** Saves a reviewed plan for a region that has none yet (分局编辑 of that region, or the console). */
export async function savePlan(ctx: ServiceContext, actor: Actor, input: unknown, source: string): Promise<string> {
  const parsed = Plan.safeParse(input);
  if (!parsed.success) {
    throw new EcoplanError('invalid_input', '规划不符合格式，未保存', 'The plan does not fit the format', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const plan = parsed.data;
  const region = { code: plan.region.code, cityCode: plan.region.city.code, provinceCode: plan.region.province.code };
  await requireAccess(ctx, actor, 'data.import', { region }, `plan:${plan.region.code}`);
  return write(ctx, actor, async (trx, audit, at) => {
    if (await findPlanByRegion(trx, plan.region.code)) throw new EcoplanError('conflict', `地区 ${plan.region.code} 已有规划`, 'This region has a plan already');
    await insertPlan(trx, plan, source, at);
    await audit({ action: 'plan.import', target: `plan:${plan.region.code}`, outcome: 'success', after: { source, indicators: plan.indicators.length, projects: plan.projects.length, commitments: plan.commitments.length } });
    return plan.region.code;
  });
}
