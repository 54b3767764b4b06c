import type { Database, Statement } from 'better-sqlite3';

interface ReplayRow {
  seq: number;
  event_id: string;
  kind: 'handout' | 'void' | 'returned';
  voids_event_id: string | null;
}

const statements = new WeakMap<
  Database,
  {
    events: Statement;
    clearState: Statement;
    setState: Statement;
    clearAnomalies: Statement;
    addAnomaly: Statement;
  }
>();

function prepared(db: Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      events: db.prepare(
        'SELECT seq, event_id, kind, voids_event_id FROM desk_events WHERE card_id = ? ORDER BY hlc, event_id',
      ),
      clearState: db.prepare('DELETE FROM card_state WHERE card_id = ?'),
      setState: db.prepare(
        'INSERT INTO card_state (card_id, state, event_id, event_seq) VALUES (?, ?, ?, ?)',
      ),
      clearAnomalies: db.prepare('DELETE FROM card_anomalies WHERE card_id = ?'),
      addAnomaly: db.prepare(
        'INSERT INTO card_anomalies (other_event_id, card_id, kept_event_id) VALUES (?, ?, ?)',
      ),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Rebuilds one card's derived state from its events in HLC order, the order every desk agrees
 * on. The earliest hand-out counts; a hand-out while the card is already out is an anomaly
 * (two desks handed out the same card while they could not reach each other). Nothing is
 * dropped: the anomaly keeps both events. Runs inside the caller's transaction.
 * Returns the number of anomalies the card has now.
 */
export function replayCard(db: Database, cardId: number): number {
  const s = prepared(db);
  const events = s.events.all(cardId) as ReplayRow[];
  let state: { kind: 'collected' | 'returned'; row: ReplayRow } | null = null;
  const anomalies: Array<{ other: string; kept: string }> = [];
  for (const event of events) {
    switch (event.kind) {
      case 'handout':
        if (state?.kind === 'collected') anomalies.push({ other: event.event_id, kept: state.row.event_id });
        else state = { kind: 'collected', row: event };
        break;
      case 'returned':
        state = { kind: 'returned', row: event };
        break;
      case 'void':
        if (state !== null && event.voids_event_id === state.row.event_id) state = null;
        break;
    }
  }
  s.clearState.run(cardId);
  if (state) s.setState.run(cardId, state.kind, state.row.event_id, state.row.seq);
  s.clearAnomalies.run(cardId);
  for (const a of anomalies) s.addAnomaly.run(a.other, cardId, a.kept);
  return anomalies.length;
}
