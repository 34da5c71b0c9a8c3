/**
 * Reads a plan file (YAML) into a validated Plan. Pure: takes the text, returns the plan or the list of
 * problems, each naming the file, the line where it can be found and the field.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { Plan } from '../domain/plan-schema.js';
import type { InputIssue } from '../domain/errors.js';

/** Result of reading a plan file: the plan, or the problems found. */
export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; issues: InputIssue[] };

/** The most bytes a plan file may have. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

/** Parses and validates plan YAML text. `file` names the file in messages. */
export function parsePlanYaml(text: string, file: string): PlanFileResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_PLAN_FILE_BYTES) {
    return { ok: false, issues: [{ file, message: `文件超过 ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB 上限` }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        row: e.linePos?.[0]?.line,
        message: `YAML 语法错误：${e.message.split('\n')[0]}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, issues: [{ file, message: `YAML 无法读取：${(e as Error).message.split('\n')[0]}` }] };
  }
  const result = Plan.safeParse(data);
  if (result.success) return { ok: true, plan: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const node = nodeAt(doc.contents, issue.path as (string | number)[]);
      const offset = node?.range?.[0];
      return {
        file,
        row: offset !== undefined ? lineCounter.linePos(offset).line : undefined,
        path: issue.path.join('.'),
        message: issue.message,
      };
    }),
  };
}

function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  let last = node;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true) as Node | undefined;
    else if (isSeq(node) && typeof key === 'number') node = node.get(key, true) as Node | undefined;
    else node = undefined;
    if (!node) return last;
    last = node;
  }
  return node;
}
