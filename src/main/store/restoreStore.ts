import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { throttledProgress } from '../../shared/api/progress';
import type { OnProgress } from '../../shared/api/progress';
import { fail, ok } from '../../shared/result';
import type { Failure, Result } from '../../shared/result';
import { brusselsIso } from '../../shared/time/brussels';
import type { Clock } from '../../shared/time/clock';
import { startAuditEpoch } from './audit/auditEpoch';
import { appendAudit } from './audit/auditLog';
import { backupDirFor } from '../platform/paths';
import { backupStoreCounting } from './backup';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { APPLICATION_ID, openStore } from './openStore';
import { getSetting } from './settings';

export interface BackupFileInfo {
  schemaVersion: number;
  cards: number;
  pointId: string | null;
}

export type ValidateBackupFailure =
  | Failure<'backup_unreadable', { path: string; detail: string }>
  | Failure<'not_a_balie_db', { path: string }>
  | Failure<'db_newer', { found: number; supported: number }>
  | Failure<'db_corrupt', { path: string; detail: string }>;

export type RestoreFailure =
  | ValidateBackupFailure
  /** The database at dbPath belongs to another application: never overwrite it. */
  | Failure<'target_foreign', { path: string }>
  /** Another program (the app, a second CLI) has the store open. */
  | Failure<'store_in_use', { path: string }>
  /** The backup is of another point; restoring it needs an explicit choice. */
  | Failure<'point_mismatch', { backupPoint: string | null; currentPoint: string }>
  | Failure<'restore_io', { detail: string }>;

export interface RestoreDone extends BackupFileInfo {
  /** Backup of the store as it was just before the restore (null: there was no store). */
  preRestoreBackup: string | null;
  /** Signed reports of the replaced store newer than the backup's, kept so the chain goes on. */
  reportsCarried: number;
  /** The audit epoch the restored store now writes in. */
  auditEpoch: number;
  /** Schema version after reopening (older backups are migrated). */
  migratedTo: number;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * A restore's progress phases, in order: `copy` (bytes of the backup copied next to the store),
 * `validate` (the copy checked: a step), `backup` (pages of the current store backed up; skipped
 * when there is no readable store), `install` (renamed into place, reopened, audited: a step).
 */
export const RESTORE_PHASES = ['copy', 'validate', 'backup', 'install'] as const;
export type RestorePhase = (typeof RESTORE_PHASES)[number];

/** Bytes copied per read/write while copying a backup (progress every chunk, throttled). */
const COPY_CHUNK_BYTES = 1024 * 1024;

/**
 * Checks that a file is an intact Lerarenkaart Balie store this version can open. Reads a
 * private copy (in the temp folder) so the file itself is never touched: opening a WAL-mode
 * database, even read-only, would leave -wal/-shm files next to the user's backup.
 */
export function validateBackupFile(file: string): Result<BackupFileInfo, ValidateBackupFailure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-validate-'));
  try {
    const copy = path.join(dir, 'check.sqlite');
    const copied = copyForRestore(file, copy);
    if (!copied.ok) return copied;
    return validateOwnCopy(copy, file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Replaces the store at dbPath with a backup. The caller has CLOSED its own connection to the
 * store; if anyone else still has it open the restore is refused.
 *
 * Steps, in the order that keeps a crash harmless:
 * 1. copy the backup to a temp file in the database's folder (same file system, so the final
 *    rename is atomic) and fsync it; validate that copy, so what was checked is what is installed
 *    (and a source inside the backup folder may be pruned by step 2 without harm);
 * 2. back up the current store (reason 'restore'), then switch it out of WAL mode: that
 *    checkpoints the WAL into the main file and fails while another connection is open;
 * 3. remove the old -wal/-shm/-journal (a stale WAL next to the new file would be replayed onto
 *    it and corrupt it), then rename the temp file over dbPath and fsync the folder. A crash
 *    before the rename leaves the old, complete store; after it, the new one: dbPath never holds
 *    a half-written database;
 * 4. open with openStore (migrates an older backup, back to WAL) and append the audit entry
 *    'restore' to the restored store's chain.
 */
export async function restoreStore(
  dbPath: string,
  file: string,
  clock: Clock,
  options: { allowOtherPoint?: boolean; onProgress?: OnProgress<RestorePhase> } = {},
): Promise<Result<RestoreDone, RestoreFailure>> {
  const { onProgress } = options;
  const target = path.resolve(dbPath);
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.restore-${randomUUID().slice(0, 8)}.tmp`);
  try {
    const copied = copyForRestore(file, temp, onProgress);
    if (!copied.ok) return copied;
    onProgress?.({ phase: 'validate', done: 0, total: 1 });
    const info = validateOwnCopy(temp, file);
    if (!info.ok) return info;
    onProgress?.({ phase: 'validate', done: 1, total: 1 });

    let preRestoreBackup: string | null = null;
    let signedReports: ReportRow[] = [];
    if (fs.existsSync(target)) {
      const current = await backUpCurrent(
        target,
        clock,
        info.value,
        options.allowOtherPoint ?? false,
        onProgress,
      );
      if (!current.ok) return current;
      preRestoreBackup = current.value.backup;
      signedReports = current.value.reports;
    }

    onProgress?.({ phase: 'install', done: 0, total: 1 });
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temp, target);
    fsyncDir(dir);

    const reopened = openStore(target);
    if (!reopened.ok) {
      // Validated a moment ago; failing now means the disk or the file system misbehaves.
      throw new Error(`restored store cannot be opened: ${reopened.error}`);
    }
    const db = reopened.value;
    try {
      const migratedTo = db.pragma('user_version', { simple: true }) as number;
      const { carried, epoch } = db
        .transaction(() => {
          const carried = carryReports(db, signedReports);
          appendAudit(db, clock, 'restore', {
            file: path.basename(file),
            schemaVersion: info.value.schemaVersion,
            migratedTo,
            cards: info.value.cards,
            preRestoreBackup: preRestoreBackup === null ? null : path.basename(preRestoreBackup),
            reportsCarried: carried,
          });
          // The log went back to the backup's: a new epoch, which the next report declares.
          return { carried, epoch: startAuditEpoch(db, clock, 'restore', { file: path.basename(file) }) };
        })
        .immediate();
      onProgress?.({ phase: 'install', done: 1, total: 1 });
      return ok({ ...info.value, preRestoreBackup, migratedTo, reportsCarried: carried, auditEpoch: epoch });
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A row of the reports table, as the store that signed it has it. */
export type ReportRow = Record<string, string | number | null>;

/**
 * The reports the replaced store signed after the backup was made already went to the issuer:
 * they stay, so the next report takes the next sequence number and chains to the last one sent
 * (a backup's older numbers would fork the chain). Marked as carried: their audit heads lie in
 * the log the restore replaced.
 */
export function carryReports(db: Db, rows: readonly ReportRow[]): number {
  const last = (db.prepare('SELECT max(sequence) FROM reports').pluck().get() as number | null) ?? 0;
  const newer = rows.filter((r) => typeof r.sequence === 'number' && r.sequence > last);
  const insert = db.prepare(
    `INSERT INTO reports (sequence, report_id, file_sha256, key_id, generated_at, cards, collected, file_name,
       card_year, audit_epoch, audit_seq, audit_head, carried_by_restore)
     VALUES (@sequence, @report_id, @file_sha256, @key_id, @generated_at, @cards, @collected, @file_name,
       @card_year, @audit_epoch, @audit_seq, @audit_head, 1)`,
  );
  for (const row of newer) insert.run(row);
  return newer.length;
}

/** Backs up the store about to be replaced and makes sure nobody else has it open. */
async function backUpCurrent(
  target: string,
  clock: Clock,
  incoming: BackupFileInfo,
  allowOtherPoint: boolean,
  onProgress: OnProgress<RestorePhase> | undefined,
): Promise<Result<{ backup: string; reports: ReportRow[] }, RestoreFailure>> {
  const opened = openStore(target);
  if (!opened.ok) {
    switch (opened.error) {
      case 'db_foreign':
        return fail('target_foreign', { path: target });
      case 'db_newer':
      case 'db_unreadable': {
        // Damaged or from a newer version: exactly when a restore is needed. Keep its raw bytes.
        // Its signed reports cannot be read: the next report may repeat a sequence number.
        const aside = rawCopyAside(target, clock);
        return aside.ok ? ok({ backup: aside.value, reports: [] }) : aside;
      }
    }
  }
  const db = opened.value;
  try {
    const currentPoint = getSetting(db, 'point_id');
    if (currentPoint !== null && incoming.pointId !== currentPoint && !allowOtherPoint) {
      return fail('point_mismatch', { backupPoint: incoming.pointId, currentPoint });
    }
    // Leaving WAL mode needs the only connection: refused (SQLITE_BUSY) while the app has it
    // open. It also checkpoints the WAL into the main file. Checked before the backup, so a
    // refused restore leaves no files behind.
    db.pragma('busy_timeout = 200');
    let mode: unknown;
    try {
      mode = db.pragma('journal_mode = DELETE', { simple: true });
    } catch {
      mode = 'busy';
    }
    if (mode !== 'delete') return fail('store_in_use', { path: target });
    // Another point's reports are another chain: never carried into this one.
    const reports =
      currentPoint !== null && incoming.pointId !== currentPoint
        ? []
        : (db
            .prepare(
              `SELECT sequence, report_id, file_sha256, key_id, generated_at, cards, collected, file_name,
                 card_year, audit_epoch, audit_seq, audit_head FROM reports ORDER BY sequence`,
            )
            .all() as ReportRow[]);
    const backup = await backupStoreCounting(
      { db, clock, dbPath: target, backupDir: backupDirFor(target) },
      'restore',
      onProgress,
      'backup',
    );
    return ok({ backup, reports });
  } finally {
    db.close();
  }
}

function rawCopyAside(target: string, clock: Clock): Result<string, RestoreFailure> {
  const backupDir = backupDirFor(target);
  fs.mkdirSync(backupDir, { recursive: true });
  const stamp = brusselsIso(clock.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const aside = path.join(backupDir, `balie-restore-${stamp}-onleesbaar.sqlite`);
  try {
    fs.copyFileSync(target, aside);
    if (fs.existsSync(`${target}-wal`)) fs.copyFileSync(`${target}-wal`, `${aside}-wal`);
  } catch (error) {
    return fail('restore_io', { detail: (error as Error).message });
  }
  return ok(aside);
}

function copyForRestore(
  source: string,
  copy: string,
  onProgress?: OnProgress<RestorePhase>,
): Result<void, Failure<'backup_unreadable', { path: string; detail: string }>> {
  try {
    const stat = fs.statSync(source);
    if (!stat.isFile()) {
      return fail('backup_unreadable', { path: source, detail: 'geen gewoon bestand' });
    }
    if (onProgress) copyCounting(source, copy, stat.size, throttledProgress(onProgress, 'copy', stat.size));
    else fs.copyFileSync(source, copy);
    const fd = fs.openSync(copy, 'r+');
    try {
      // Bytes 18–19: 2 = WAL, 1 = rollback journal. As rollback journal, opening the copy
      // read-only creates no -wal/-shm; openStore switches the restored store back to WAL.
      const header = Buffer.alloc(20);
      if (fs.readSync(fd, header, 0, 20, 0) === 20 && header.toString('latin1', 0, 16) === SQLITE_MAGIC) {
        if (header[18] === 2 || header[19] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return ok(undefined);
  } catch (error) {
    return fail('backup_unreadable', { path: source, detail: (error as Error).message });
  }
}

/** Copies in chunks so the bytes copied can be shown; the size is the one stat gave before. */
function copyCounting(source: string, copy: string, size: number, progress: (done: number) => void): void {
  const chunk = Buffer.alloc(COPY_CHUNK_BYTES);
  const from = fs.openSync(source, 'r');
  try {
    const to = fs.openSync(copy, 'wx');
    try {
      progress(0);
      let done = 0;
      for (let read = fs.readSync(from, chunk); read > 0; read = fs.readSync(from, chunk)) {
        fs.writeSync(to, chunk, 0, read);
        done += read;
        progress(Math.min(done, size));
      }
      progress(size);
    } finally {
      fs.closeSync(to);
    }
  } finally {
    fs.closeSync(from);
  }
}

function validateOwnCopy(copy: string, shownPath: string): Result<BackupFileInfo, ValidateBackupFailure> {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(copy, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return fail('not_a_balie_db', { path: shownPath });
  }
  let db: Db;
  try {
    db = new Database(copy, { readonly: true, fileMustExist: true });
  } catch (error) {
    return fail('db_corrupt', { path: shownPath, detail: (error as Error).message });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID || version === 0) return fail('not_a_balie_db', { path: shownPath });
    if (version > LATEST_SCHEMA_VERSION) {
      return fail('db_newer', { found: version, supported: LATEST_SCHEMA_VERSION });
    }
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') return fail('db_corrupt', { path: shownPath, detail: integrity });
    const present = new Set(tableNames(db));
    const missing = expectedTables(version).filter((t) => !present.has(t));
    if (missing.length > 0) {
      return fail('db_corrupt', { path: shownPath, detail: `ontbrekende tabellen: ${missing.join(', ')}` });
    }
    const cards = (db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
    const pointId = getSetting(db, 'point_id');
    return ok({ schemaVersion: version, cards, pointId });
  } catch (error) {
    // SQLITE_NOTADB, SQLITE_CORRUPT and friends: the header looked right, the rest does not.
    return fail('db_corrupt', { path: shownPath, detail: (error as Error).message });
  } finally {
    db.close();
  }
}

function tableNames(db: Db): string[] {
  return (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

const expectedByVersion = new Map<number, string[]>();

/** The tables a store of that schema version has: the migrations up to it, run in memory. */
function expectedTables(version: number): string[] {
  let tables = expectedByVersion.get(version);
  if (!tables) {
    const mem = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) if (m.version <= version) m.up(mem);
      tables = tableNames(mem);
    } finally {
      mem.close();
    }
    expectedByVersion.set(version, tables);
  }
  return tables;
}

/** Makes the rename itself durable (POSIX; Windows has no directory handles to sync). */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
