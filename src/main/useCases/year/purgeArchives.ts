import fs from 'node:fs';
import path from 'node:path';
import type { OnProgress } from '../../../shared/api/progress';
import type { Result } from '../../../shared/result';
import { PURGE_PHASES, purgePersonalData, type PurgeDone, type PurgeFailure } from '../admin/purge';
import type { AdminGrant } from '../admin/adminPin';
import { openStore } from '../../store/openStore';
import type { StoreContext } from '../../store/storeContext';
import { archiveDirFor } from './newYear';

/**
 * The yearly retention purge's phases (`balie purge`): `archives` (archived years done of those
 * found; only when there are any), then the live store's own purge phases.
 */
export const RETENTION_PURGE_PHASES = ['archives', ...PURGE_PHASES] as const;
export type RetentionPurgePhase = (typeof RETENTION_PURGE_PHASES)[number];

export interface RetentionPurge {
  archives: ArchivePurge[];
  current: Result<PurgeDone, PurgeFailure>;
}

export interface ArchivePurge {
  file: string;
  result: { ok: true; value: PurgeDone } | PurgeFailure;
}

/** The archived years of this installation (`archive/*.sqlite`), oldest first. */
export function listArchives(dbPath: string): string[] {
  const dir = archiveDirFor(dbPath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Applies the retention purge to every archived year, each by its own last day and retention
 * days, exactly like the live store's (backup first, names and stamboeknummers erased, audited
 * in the archive's own log). The caller has checked the admin PIN on the live store (the grant), so
 * a PIN changed since the rollover makes no difference.
 */
export async function purgeArchives(
  ctx: StoreContext,
  grant: AdminGrant,
  onArchive?: (done: number, total: number) => void,
): Promise<ArchivePurge[]> {
  const done: ArchivePurge[] = [];
  const files = listArchives(ctx.dbPath);
  for (const [index, file] of files.entries()) {
    onArchive?.(index, files.length);
    const opened = openStore(file);
    if (!opened.ok) continue;
    const db = opened.value;
    try {
      const personal = db
        .prepare(
          'SELECT count(*) FROM cards WHERE stamboeknummer IS NOT NULL OR voornaam IS NOT NULL OR achternaam IS NOT NULL',
        )
        .pluck()
        .get() as number;
      if (personal === 0) continue; // purged before: nothing left to erase
      const result = await purgePersonalData(
        { db, clock: ctx.clock, dbPath: file, backupDir: ctx.backupDir },
        grant,
      );
      done.push({ file, result });
    } finally {
      db.close();
    }
  }
  if (files.length > 0) onArchive?.(files.length, files.length);
  return done;
}

/**
 * The retention purge of the whole installation, as `balie purge` runs it: the archived years
 * first (each by its own last day), then the live store. The caller checked the admin PIN.
 */
export async function purgeRetention(
  ctx: StoreContext,
  grant: AdminGrant,
  onProgress?: OnProgress<RetentionPurgePhase>,
): Promise<RetentionPurge> {
  const archives = await purgeArchives(ctx, grant, (done, total) =>
    onProgress?.({ phase: 'archives', done, total }),
  );
  return { archives, current: await purgePersonalData(ctx, grant, onProgress) };
}
