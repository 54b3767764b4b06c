import type { Database } from 'better-sqlite3';

/** One schema step. Versions go in steps of 10 so a fix can slot in between. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
