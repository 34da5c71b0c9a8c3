/**
 * Issues of the air-monitoring readers. An `AirIssue` is an `InputIssue` (file, sheet, row, column, message)
 * with a severity: an error rejects the file (nothing from it is used), a warning is reported and the data
 * are used. Lists of issues are capped so that a hostile file cannot make a reader collect millions of them.
 */
import type { InputIssue } from '../../domain/errors.js';
import { columnLetter } from '../limits.js';

/** How serious an issue is: `error` rejects the whole file, `warning` is reported only. */
export type IssueSeverity = 'error' | 'warning';

/** A problem found in an air-monitoring file, with where it was found. */
export interface AirIssue extends InputIssue {
  severity: IssueSeverity;
}

/** Most issues any reader collects for one file before it stops reading it. */
export const DEFAULT_MAX_ISSUES = 200;

/**
 * A capped list of issues. Errors: when `max` is reached one last error says so and `full` becomes true
 * (readers check it and stop). Warnings never stop a reader: past `max` they are counted, and one closing
 * warning says how many were left out.
 */
export class IssueList {
  private readonly stored: AirIssue[] = [];
  errors = 0;
  full = false;
  private omittedWarnings = 0;

  constructor(
    readonly file: string,
    readonly max: number = DEFAULT_MAX_ISSUES,
    readonly sheet?: string,
  ) {}

  /** The issues, with a closing warning when some warnings were left out. */
  get items(): AirIssue[] {
    if (this.omittedWarnings === 0) return this.stored;
    return [...this.stored, this.make('warning', `另有 ${this.omittedWarnings} 条警告未列出 / ${this.omittedWarnings} more warnings not listed`)];
  }

  /** Adds an error (ignored once the list is full). */
  error(message: string, row?: number, column?: string): void {
    if (this.full) return;
    this.errors++;
    if (this.stored.length >= this.max - 1) {
      this.full = true;
      this.stored.push(this.make('error', `问题过多，已停止检查（上限 ${this.max} 条）/ too many issues, stopped reading`));
      return;
    }
    this.stored.push(this.make('error', message, row, column));
  }

  /** Adds a warning; past the cap it is only counted. */
  warn(message: string, row?: number, column?: string): void {
    if (this.full || this.stored.length >= this.max - 1) {
      this.omittedWarnings++;
      return;
    }
    this.stored.push(this.make('warning', message, row, column));
  }

  private make(severity: IssueSeverity, message: string, row?: number, column?: string): AirIssue {
    const issue: AirIssue = { severity, file: this.file, message };
    if (this.sheet !== undefined) issue.sheet = this.sheet;
    if (row !== undefined) issue.row = row;
    if (column !== undefined) issue.column = column;
    return issue;
  }
}

/** A column reference for an issue: the letter and the 1-based number, with the header when known, e.g. "D（第 4 列，1001A）". */
export function columnRef(index0: number, header?: string): string {
  const label = header === undefined || header === '' ? '' : `，${shorten(header)}`;
  return `${columnLetter(index0)}（第 ${index0 + 1} 列${label}）`;
}

/** Shortens a cell's text for a message (first 40 characters). */
export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly AirIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
