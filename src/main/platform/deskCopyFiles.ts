import fs from 'node:fs';
import path from 'node:path';
import { keyDirFor } from './keys/installationKey';
import { backupDirFor, reportsDirFor } from './paths';

/**
 * Everything of a desk's copy of the point next to its store (docs/admin.md §3a, "Unpair a
 * desk"): the store and its WAL, shared-memory and journal files; `backups/` (whole copies, names
 * included); `archive/` (past card years); `reports/` (signed reports and Overzicht PDFs, by card
 * number); `keys/` (this desk's TLS certificate and key, and any report key). The logs stay:
 * they never hold names or stamboeknummers.
 */
export function deskCopyPaths(dbPath: string): string[] {
  const db = path.resolve(dbPath);
  const dir = path.dirname(db);
  return [
    db,
    `${db}-wal`,
    `${db}-shm`,
    `${db}-journal`,
    backupDirFor(db),
    path.join(dir, 'archive'),
    reportsDirFor(db),
    keyDirFor(db),
  ];
}

/** Deletes the desk's copy; returns what was there and is gone now. The store must be closed. */
export function removeDeskCopy(dbPath: string): string[] {
  const removed: string[] = [];
  for (const file of deskCopyPaths(dbPath)) {
    if (!fs.existsSync(file)) continue;
    fs.rmSync(file, { recursive: true, force: true });
    removed.push(file);
  }
  return removed;
}
