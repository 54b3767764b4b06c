import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fail, ok } from '../../shared/result';
import type { Failure, Result } from '../../shared/result';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** 'LKB1': marks a SQLite file as a Lerarenkaart Balie store (checked on open and restore). */
export const APPLICATION_ID = 0x4c4b4231;

export type OpenStoreFailure =
  | Failure<'db_newer', { found: number; supported: number }>
  | Failure<'db_foreign', { path: string }>
  | Failure<'db_unreadable', { path: string; detail: string }>;

/**
 * Opens (creating if needed) and migrates a store. Durability settings are not negotiable:
 * a handed-out card must survive a crash or a power cut.
 */
export function openStore(file: string, options: { readonly?: boolean } = {}): Result<Db, OpenStoreFailure> {
  let db: Db;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    return fail('db_unreadable', { path: file, detail: (error as Error).message });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTables =
      (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }).n >
      0;
    if (hasTables && appId !== APPLICATION_ID) {
      db.close();
      return fail('db_foreign', { path: file });
    }
    if (version > LATEST_SCHEMA_VERSION) {
      db.close();
      return fail('db_newer', { found: version, supported: LATEST_SCHEMA_VERSION });
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, version);
    return ok(db);
  } catch (error) {
    db.close();
    return fail('db_unreadable', { path: file, detail: (error as Error).message });
  }
}

function migrate(db: Db, from: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return;
  // Each migration commits with its version so a crash never leaves a half-migrated schema.
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
