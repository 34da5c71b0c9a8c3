/**
 * Reads indicator values from a table (CSV or XLSX): one row per region, indicator and year. Pure: returns
 * the rows or every problem found, each naming the file, row and column.
 * Columns (Chinese or English headers): 地区代码/region, 序号/seq, 年份/year, 数值/value, 备注/note (optional),
 * 口径/basis (optional). For qualitative indicators the value is 达到/met or 未达到/notMet.
 */
import type { InputIssue } from '../domain/errors.js';
import { columnLetter, mapColumns, type Table } from './table.js';

/** One value row read from a table. */
export interface ValueRow {
  row: number;
  region: string;
  seq: number;
  year: number;
  value: number | null;
  judgement: 'met' | 'notMet' | null;
  note: string | null;
  basis: string;
}

const COLUMNS = {
  region: { names: ['地区代码', '行政区划代码', 'region', 'region_code'], required: true },
  seq: { names: ['序号', '指标序号', 'seq', 'indicator'], required: true },
  year: { names: ['年份', 'year'], required: true },
  value: { names: ['数值', '值', '监测值', 'value'], required: true },
  note: { names: ['备注', '说明', 'note'], required: false },
  basis: { names: ['口径', 'basis'], required: false },
};

/** Parses the value rows of a table. */
export function parseValuesTable(table: Table, file: string): { ok: true; rows: ValueRow[] } | { ok: false; issues: InputIssue[] } {
  const m = mapColumns(table.header, COLUMNS, file, table.sheet);
  if (!m.ok) return m;
  const ix = m.index;
  const issues: InputIssue[] = [];
  const rows: ValueRow[] = [];
  const seen = new Map<string, number>();
  const at = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '') : '');
  for (const { row, cells } of table.rows) {
    const bad = (col: number, message: string) => issues.push({ file, sheet: table.sheet, row, column: `${columnLetter(col)}（${table.header[col] ?? ''}）`, message });
    const region = at(cells, ix.region);
    const seqText = at(cells, ix.seq);
    const yearText = at(cells, ix.year);
    const valueText = at(cells, ix.value);
    let ok = true;
    if (!/^\d{6}$/.test(region)) { bad(ix.region, `地区代码应为 6 位数字（收到 "${region}"）`); ok = false; }
    if (!/^\d+$/.test(seqText)) { bad(ix.seq, `序号应为正整数（收到 "${seqText}"）`); ok = false; }
    if (!/^\d{4}$/.test(yearText)) { bad(ix.year, `年份应为 4 位数字（收到 "${yearText}"）`); ok = false; }
    let value: number | null = null;
    let judgement: ValueRow['judgement'] = null;
    if (['达到', 'met', '是'].includes(valueText)) judgement = 'met';
    else if (['未达到', 'notmet', 'notMet', '否'].includes(valueText)) judgement = 'notMet';
    else {
      const cleaned = valueText.replace(/[,，]/g, '').replace(/%$/, '');
      const n = Number(cleaned);
      if (cleaned === '' || !Number.isFinite(n)) { bad(ix.value, `数值应为数字（收到 "${valueText}"）`); ok = false; }
      else value = n;
    }
    const basis = at(cells, ix.basis) || 'plan';
    if (!ok) continue;
    const key = `${region}/${seqText}/${yearText}/${basis}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ file, sheet: table.sheet, row, message: `与第 ${first} 行重复（同一地区、指标、年份、口径）` });
      continue;
    }
    seen.set(key, row);
    rows.push({ row, region, seq: Number(seqText), year: Number(yearText), value, judgement, note: at(cells, ix.note) || null, basis });
  }
  if (table.rows.length === 0) issues.push({ file, sheet: table.sheet, message: '没有数据行' });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}
