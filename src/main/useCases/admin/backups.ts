import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/api/apiTypes';
import { backupStore, listBackups } from '../../store/backup';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from './adminPin';
import { throttledProgress, type OnProgress } from '../../../shared/api/progress';

/** The store's backups, newest first. */
export function listBackupInfo(ctx: StoreContext, _grant: AdminGrant): BackupInfo[] {
  return listBackups(ctx.backupDir)
    .reverse()
    .map((file) => ({ name: path.basename(file), bytes: fs.statSync(file).size }));
}

/** A backup made now from Beheer (an online copy; the desk keeps working), pages copied as progress. */
export async function backupNow(
  ctx: StoreContext,
  _grant: AdminGrant,
  onProgress?: OnProgress<'copy'>,
): Promise<BackupInfo> {
  let pages: ((done: number) => void) | null = null;
  let total = 0;
  const file = await backupStore(ctx, 'manual', undefined, (copied, all) => {
    total = all;
    pages ??= throttledProgress(onProgress, 'copy', all);
    pages(copied);
  });
  // The backup API reports before each step, so its last page comes with the answer.
  (pages ?? throttledProgress(onProgress, 'copy', total))(total);
  return { name: path.basename(file), bytes: fs.statSync(file).size };
}
