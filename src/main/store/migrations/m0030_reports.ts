import type { Migration } from './migration';

/** Reports this installation signed: the sequence and `previous` chain continue from here. */
export const m0030Reports: Migration = {
  version: 30,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE reports (
        sequence INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL UNIQUE,
        file_sha256 TEXT NOT NULL,
        key_id TEXT NOT NULL,
        generated_at TEXT NOT NULL,
        cards INTEGER NOT NULL,
        collected INTEGER NOT NULL,
        file_name TEXT
      ) STRICT;
    `);
  },
};
