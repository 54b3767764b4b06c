import type { Migration } from './migration';

/** Point identity, batches, cards with their name index, points directory, audit log. */
export const m0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE batches (
        batch_id TEXT PRIMARY KEY,
        point_id TEXT NOT NULL,
        point_name TEXT NOT NULL,
        card_year INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        available_from TEXT NOT NULL,
        available_until TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        signature TEXT NOT NULL CHECK (signature IN ('valid', 'unsigned_override')),
        imported_at TEXT NOT NULL,
        card_rows INTEGER NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;

      -- Names and stamboeknummer become NULL when the retention purge runs; card numbers stay.
      CREATE TABLE cards (
        id INTEGER PRIMARY KEY,
        card TEXT NOT NULL UNIQUE,
        stamboeknummer TEXT,
        voornaam TEXT,
        achternaam TEXT,
        postcode TEXT NOT NULL,
        gemeente TEXT,
        school TEXT,
        issuer_status TEXT NOT NULL CHECK (issuer_status IN ('beschikbaar', 'ingetrokken')),
        replaced_by TEXT REFERENCES cards(card),
        first_batch_id TEXT NOT NULL REFERENCES batches(batch_id),
        last_batch_id TEXT NOT NULL REFERENCES batches(batch_id),
        search_text TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX cards_by_stamboeknummer ON cards(stamboeknummer);
      CREATE INDEX cards_by_postcode ON cards(postcode);
      CREATE INDEX cards_by_school ON cards(school) WHERE school IS NOT NULL;

      -- Folded names (accents removed, particles joined) so one query box finds everyone.
      CREATE VIRTUAL TABLE cards_fts USING fts5(
        search_text,
        content = 'cards',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
      CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
        INSERT INTO cards_fts(rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
        INSERT INTO cards_fts(cards_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER cards_fts_update AFTER UPDATE OF search_text ON cards BEGIN
        INSERT INTO cards_fts(cards_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO cards_fts(rowid, search_text) VALUES (new.id, new.search_text);
      END;

      -- Public directory of all distribution points, from the newest package that carried one.
      CREATE TABLE points (
        point_id TEXT PRIMARY KEY,
        naam TEXT NOT NULL,
        adres TEXT NOT NULL,
        postcodes TEXT NOT NULL,
        openingsuren TEXT NOT NULL,
        tot TEXT,
        batch_id TEXT NOT NULL REFERENCES batches(batch_id)
      ) STRICT;

      -- Append-only and hash-chained; holds card numbers, ids and counts, never names.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
    `);
  },
};
