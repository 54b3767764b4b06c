import type { Migration } from './migration';

/**
 * Hand-outs and voids as append-only events. Card state is derived from them and kept in
 * card_state for speed; the events are the truth.
 */
export const m0020DeskEvents: Migration = {
  version: 20,
  name: 'desk events',
  up(db) {
    db.exec(`
      CREATE TABLE pickup_groups (
        group_id TEXT PRIMARY KEY,
        collector_card_id INTEGER REFERENCES cards(id),
        collector_name TEXT,
        collector_id_note TEXT,
        desk_id TEXT NOT NULL,
        staff TEXT NOT NULL,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        size INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE desk_events (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('handout', 'void', 'returned')),
        card_id INTEGER NOT NULL REFERENCES cards(id),
        desk_id TEXT NOT NULL,
        staff TEXT NOT NULL,
        method TEXT CHECK (method IN ('self', 'group')),
        group_id TEXT REFERENCES pickup_groups(group_id),
        reason TEXT,
        voids_event_id TEXT REFERENCES desk_events(event_id),
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        request_id TEXT UNIQUE
      ) STRICT;
      CREATE INDEX desk_events_by_card ON desk_events(card_id);
      CREATE TRIGGER desk_events_no_update BEFORE UPDATE ON desk_events BEGIN
        SELECT RAISE(ABORT, 'desk_events is append-only');
      END;
      CREATE TRIGGER desk_events_no_delete BEFORE DELETE ON desk_events BEGIN
        SELECT RAISE(ABORT, 'desk_events is append-only');
      END;

      -- Derived: the current state of a card that has one (absent = as the issuer says).
      CREATE TABLE card_state (
        card_id INTEGER PRIMARY KEY REFERENCES cards(id),
        state TEXT NOT NULL CHECK (state IN ('collected', 'returned')),
        event_id TEXT NOT NULL REFERENCES desk_events(event_id)
      ) STRICT;
    `);
  },
};
