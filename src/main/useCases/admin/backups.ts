import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/api/apiTypes';
import { backupStoreCounting, listBackups } from '../../store/backup';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from './adminPin';
import type { OnProgress } from '../../../shared/api/progress';

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
  const file = await backupStoreCounting(ctx, 'manual', onProgress, 'copy');
  return { name: path.basename(file), bytes: fs.statSync(file).size };
}
