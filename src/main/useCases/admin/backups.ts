import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/api/apiTypes';
import { backupStore, listBackups } from '../../store/backup';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from './adminPin';

/** The store's backups, newest first. */
export function listBackupInfo(ctx: StoreContext, _grant: AdminGrant): BackupInfo[] {
  return listBackups(ctx.backupDir)
    .reverse()
    .map((file) => ({ name: path.basename(file), bytes: fs.statSync(file).size }));
}

/** A backup made now from Beheer (an online copy; the desk keeps working). */
export async function backupNow(ctx: StoreContext, _grant: AdminGrant): Promise<BackupInfo> {
  const file = await backupStore(ctx, 'manual');
  return { name: path.basename(file), bytes: fs.statSync(file).size };
}
