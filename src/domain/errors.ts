/**
 * The one error type of ecoplan: a stable code, a message in Chinese and in English, and optional details
 * (for input errors: where in which file). Routes map codes to HTTP statuses; the CLI prints the message.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'too_large'
  | 'rate_limited'
  | 'internal';

/** Where an input problem was found: file, sheet, row, column, and what was expected. */
export interface InputIssue {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  path?: string;
  message: string;
}

/** An error a user can act on. */
export class EcoplanError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly issues: InputIssue[] = [],
    readonly details?: unknown,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'EcoplanError';
  }
}

/** Formats an input issue as one line: "file, sheet, row 3, column B: message". */
export function formatIssue(issue: InputIssue): string {
  const where = [
    issue.file,
    issue.sheet ? `工作表 ${issue.sheet}` : undefined,
    issue.row !== undefined ? `第 ${issue.row} 行` : undefined,
    issue.column ? `列 ${issue.column}` : undefined,
    issue.path ? `字段 ${issue.path}` : undefined,
  ].filter(Boolean);
  return where.length ? `${where.join('，')}：${issue.message}` : issue.message;
}
