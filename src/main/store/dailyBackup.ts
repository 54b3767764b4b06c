import path from 'node:path';
import { brusselsDate } from '../../shared/time/brussels';
import { appendAudit } from './audit/auditLog';
import { backupStore, listBackups } from './backup';
import type { StoreContext } from './storeContext';

/**
 * Makes today's daily backup unless one exists already. "Today" is the Brussels calendar day,
 * whatever the machine's time zone: backup file names carry the Brussels timestamp
 * (`balie-daily-20270105-101200.sqlite`), so the day is read from the name. backupStore keeps
 * the last 10. Called at app start and by the commands that change data.
 * Returns the file written, or null when today's backup was there already.
 */
export async function ensureDailyBackup(ctx: StoreContext): Promise<string | null> {
  if (ctx.dbPath === ':memory:') return null;
  const today = brusselsDate(ctx.clock.now()).replaceAll('-', '');
  const prefix = `balie-daily-${today}-`;
  if (listBackups(ctx.backupDir, 'daily').some((file) => path.basename(file).startsWith(prefix))) return null;
  const file = await backupStore(ctx, 'daily');
  appendAudit(ctx.db, ctx.clock, 'backup', { reason: 'daily', file: path.basename(file) });
  return file;
}
