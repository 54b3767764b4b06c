import type { Database } from 'better-sqlite3';
import type { Clock } from '../../shared/time/clock';

/** What every use case needs: the open store, the one clock, and where backups go. */
export interface StoreContext {
  db: Database;
  clock: Clock;
  /** Path of the database file (':memory:' in some tests). */
  dbPath: string;
  /** Folder for automatic backups, next to the database by default. */
  backupDir: string;
}
