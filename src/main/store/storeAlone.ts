import type { Database } from 'better-sqlite3';

/**
 * Takes the store's file lock for this connection alone, until it closes (or `releaseStore`):
 * false while another connection has the store open (the app, `desk serve`, a CLI command, in
 * this process or another), since each of them holds a shared lock on a WAL database. Used
 * before the store's files are deleted: never under a running process.
 */
export function holdStoreAlone(db: Database): boolean {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return true;
  } catch {
    if (db.inTransaction) db.exec('ROLLBACK');
    releaseStore(db);
    return false;
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}

/** Back to shared locking: the exclusive lock goes with the next read. */
export function releaseStore(db: Database): void {
  db.pragma('locking_mode = NORMAL');
  db.prepare('SELECT 1').get();
}
