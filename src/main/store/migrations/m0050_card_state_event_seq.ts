import type { Migration } from './migration';

/**
 * card_state points at its event by integer seq as well: the report joins 150,000 pickups to
 * their events, and an integer primary-key look-up is far cheaper than the text event id index.
 * card_state is derived, so it is simply filled from the events.
 */
export const m0050CardStateEventSeq: Migration = {
  version: 50,
  name: 'card_state.event_seq',
  up(db) {
    db.exec(`
      ALTER TABLE card_state ADD COLUMN event_seq INTEGER REFERENCES desk_events(seq);
      UPDATE card_state SET event_seq = (SELECT seq FROM desk_events e WHERE e.event_id = card_state.event_id);
    `);
  },
};
