import fs from 'node:fs';
import path from 'node:path';
import { throttledProgress } from '../../shared/api/progress';
import type { OnProgress } from '../../shared/api/progress';
import { brusselsIso } from '../../shared/time/brussels';
import type { StoreContext } from './storeContext';

export type BackupReason = 'import' | 'daily' | 'purge' | 'manual' | 'restore';

/** Pages copied per step of the backup API (4 MiB at the 4 KiB page size). */
const BACKUP_STEP_PAGES = 1024;

/** How many automatic backups of each reason are kept. */
export const BACKUPS_KEPT = 10;

function stamp(ctx: StoreContext): string {
  // 2027-01-05T10:12:00+01:00 → 20270105-101200: sortable, and Brussels time like everything else.
  return brusselsIso(ctx.clock.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/**
 * Online backup with SQLite's backup API: consistent even while desks keep writing.
 * Returns the file written.
 */
export async function backupStore(
  ctx: StoreContext,
  reason: BackupReason,
  target?: string,
  onPages?: (copied: number, total: number) => void,
): Promise<string> {
  fs.mkdirSync(ctx.backupDir, { recursive: true });
  let file = target ?? path.join(ctx.backupDir, `balie-${reason}-${stamp(ctx)}.sqlite`);
  for (let n = 2; !target && fs.existsSync(file); n += 1) {
    file = path.join(ctx.backupDir, `balie-${reason}-${stamp(ctx)}-${n}.sqlite`);
  }
  try {
    await ctx.db.backup(
      file,
      onPages
        ? {
            progress: ({ totalPages, remainingPages }) => {
              onPages(totalPages - remainingPages, totalPages);
              return BACKUP_STEP_PAGES;
            },
          }
        : undefined,
    );
  } catch (error) {
    // A half-written backup (e.g. the disk filled up) restores nothing and takes room.
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (!target) pruneBackups(ctx.backupDir, reason);
  return file;
}

/** backupStore with the pages copied as progress of `phase`, from 0 to the last page. */
export async function backupStoreCounting<P extends string>(
  ctx: StoreContext,
  reason: BackupReason,
  onProgress: OnProgress<P> | undefined,
  phase: P,
): Promise<string> {
  let pages: ((done: number) => void) | null = null;
  let total = 0;
  const file = await backupStore(ctx, reason, undefined, (copied, all) => {
    total = all;
    pages ??= throttledProgress(onProgress, phase, all);
    pages(copied);
  });
  // The backup API reports before each step, so its last page comes with the answer.
  (pages ?? throttledProgress(onProgress, phase, total))(total);
  return file;
}

export function listBackups(backupDir: string, reason?: BackupReason): string[] {
  if (!fs.existsSync(backupDir)) return [];
  const prefix = reason ? `balie-${reason}-` : 'balie-';
  return fs
    .readdirSync(backupDir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(backupDir, name));
}

function pruneBackups(backupDir: string, reason: BackupReason): void {
  const files = listBackups(backupDir, reason);
  for (const old of files.slice(0, Math.max(0, files.length - BACKUPS_KEPT))) fs.rmSync(old, { force: true });
}
