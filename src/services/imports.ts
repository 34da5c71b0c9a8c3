/**
 * Import use cases: read a file, parse it with a pure importer, and write all rows in one transaction — or
 * nothing, with every problem named.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../domain/access.js';
import { EcoplanError } from '../domain/errors.js';
import { DEFAULT_TABLE_LIMITS, readTable } from '../ingest/table.js';
import { parseValuesTable } from '../ingest/values-table.js';
import { setValues } from './indicators.js';
import type { ServiceContext } from './context.js';

/** Imports indicator values from bytes (an upload or a file). Returns the number of values written. */
export async function importValues(ctx: ServiceContext, actor: Actor, bytes: Uint8Array, file: string): Promise<number> {
  const t = await readTable(bytes, file);
  if (!t.ok) throw new EcoplanError('invalid_input', `文件 ${file} 无法导入，未写入任何数据`, `${file} cannot be imported; nothing was written`, t.issues);
  const parsed = parseValuesTable(t.table, file);
  if (!parsed.ok) throw new EcoplanError('invalid_input', `文件 ${file} 有 ${parsed.issues.length} 处错误，未写入任何数据`, `${file} has errors; nothing was written`, parsed.issues);
  try {
    return await setValues(
      ctx,
      actor,
      parsed.rows.map((r) => ({ region: r.region, seq: r.seq, year: r.year, value: r.value, judgement: r.judgement, note: r.note, basis: r.basis })),
      { kind: 'import', ref: file },
    );
  } catch (e) {
    // setValues numbers items from 1; map them back to the rows of the file.
    if (e instanceof EcoplanError && e.code === 'invalid_input') {
      const issues = e.issues.map((i) => ({ ...i, file, sheet: t.table.sheet, row: i.row !== undefined ? parsed.rows[i.row - 1]?.row : undefined }));
      throw new EcoplanError('invalid_input', e.messageZh, e.messageEn, issues);
    }
    throw e;
  }
}

/** Imports indicator values from a file on disk. */
export async function importValuesFile(ctx: ServiceContext, actor: Actor, path: string): Promise<number> {
  const s = await stat(path).catch(() => null);
  if (!s || !s.isFile()) throw new EcoplanError('not_found', `找不到文件 ${path}`, `No file ${path}`);
  if (s.size > DEFAULT_TABLE_LIMITS.maxBytes) throw new EcoplanError('too_large', `文件超过 ${DEFAULT_TABLE_LIMITS.maxBytes} 字节上限`, 'The file is too large');
  return importValues(ctx, actor, await readFile(path), basename(path));
}
