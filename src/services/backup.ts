/**
 * Backup and restore use cases: a consistent copy of the database (src/store/backup.ts) and its audit.
 */
import { stat } from 'node:fs/promises';
import type { Actor } from '../domain/access.js';
import { dumpDatabase } from '../store/backup.js';
import { auditAlone, type ServiceContext } from './context.js';

export { checkSqliteBackup, restore } from '../store/backup.js';

/** Writes a consistent backup of the open database to `file` and records it in the audit trail. */
export async function backup(ctx: ServiceContext, actor: Actor, file: string): Promise<{ bytes: number }> {
  await dumpDatabase(ctx.db, file);
  const bytes = (await stat(file)).size;
  await auditAlone(ctx, actor, { action: 'backup', target: `file:${file}`, outcome: 'success', after: { bytes, dialect: ctx.db.dialect } });
  return { bytes };
}
