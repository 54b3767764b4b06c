import type { Migration } from './migration';

/**
 * Several desks at one point. `point_peers` are the desks this one trusts, pinned by certificate
 * fingerprint (DHCP moves addresses), with the cursor into each one's event log: events are
 * pulled by the peer's own seq, so every desk keeps one cursor per peer (in effect a version
 * vector). `card_anomalies` is derived from the events (rebuilt whenever a card's events change):
 * a hand-out that came after, by HLC, the one that counts. Resolutions are append-only records
 * that travel with the events.
 */
export const m0100PointSync: Migration = {
  version: 100,
  name: 'point sync',
  up(db) {
    db.exec(`
      CREATE TABLE point_peers (
        fingerprint TEXT PRIMARY KEY,
        desk_id TEXT UNIQUE,
        name TEXT NOT NULL,
        url TEXT,
        is_host INTEGER NOT NULL DEFAULT 0 CHECK (is_host IN (0, 1)),
        paired_at TEXT NOT NULL,
        revoked_at TEXT,
        pulled_seq INTEGER NOT NULL DEFAULT 0,
        pulled_resolution INTEGER NOT NULL DEFAULT 0,
        head_seq INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        last_seen_ms INTEGER,
        clock_offset_ms INTEGER
      ) STRICT;

      CREATE TABLE card_anomalies (
        other_event_id TEXT PRIMARY KEY REFERENCES desk_events(event_id),
        card_id INTEGER NOT NULL REFERENCES cards(id),
        kept_event_id TEXT NOT NULL REFERENCES desk_events(event_id)
      ) STRICT;
      CREATE INDEX card_anomalies_by_card ON card_anomalies(card_id);

      CREATE TABLE anomaly_resolutions (
        seq INTEGER PRIMARY KEY,
        resolution_id TEXT NOT NULL UNIQUE,
        other_event_id TEXT NOT NULL,
        note TEXT NOT NULL,
        staff TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        at TEXT NOT NULL,
        hlc TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER anomaly_resolutions_no_update BEFORE UPDATE ON anomaly_resolutions BEGIN
        SELECT RAISE(ABORT, 'anomaly_resolutions is append-only');
      END;

      -- The next local HLC must follow every event seen, also those pulled from other desks.
      CREATE INDEX desk_events_by_hlc ON desk_events(hlc);
    `);
  },
};
