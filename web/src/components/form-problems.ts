/**
 * Puts form problems (from the model checks or the server's issues) on the fields of an Ant Design form.
 */
import type { FormInstance } from 'antd';
import type { ApiError } from '../api.js';
import type { MessageKey } from '../i18n.js';
import type { FieldProblem } from '../model/indicators.js';

/** Shows each problem under its field; returns whether there were any. */
export function showProblems(form: FormInstance, problems: FieldProblem[], t: (key: MessageKey, vars?: Record<string, string | number>) => string): boolean {
  if (!problems.length) return false;
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), t(p.key, p.vars)]);
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return true;
}

/** Shows the server's field issues (issue.path "fields.endYear" → field endYear) under the form's fields. */
export function showServerIssues(form: FormInstance, e: ApiError, known: readonly string[]): void {
  const fields = e.issues
    .filter((i) => i.path)
    .map((i) => ({ name: (i.path as string).replace(/^fields\./, ''), errors: [i.message] }))
    .filter((f) => known.includes(f.name));
  if (fields.length) form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
}
