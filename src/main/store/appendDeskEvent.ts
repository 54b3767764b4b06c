import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PickupMethod } from '../../shared/desk/cardVerdict';
import { formatHlc, hlcNext, parseHlc } from '../../shared/desk/hlc';
import { brusselsIso } from '../../shared/time/brussels';
import type { Clock } from '../../shared/time/clock';
import { getSetting } from './settings';

export interface DeskEventInput {
  kind: 'handout' | 'void' | 'returned';
  cardId: number;
  staff: string;
  method?: PickupMethod | null;
  groupId?: string | null;
  reason?: string | null;
  voidsEventId?: string | null;
  requestId?: string | null;
}

export interface AppendedEvent {
  eventId: string;
  at: string;
  atMs: number;
  deskId: string;
}

/**
 * Appends one event and updates the derived card_state in the same (caller's) transaction.
 * Events are never updated or deleted; card_state can always be rebuilt from them.
 */
export function appendDeskEvent(db: Database, clock: Clock, input: DeskEventInput): AppendedEvent {
  const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
  const now = clock.now();
  const lastHlc = db.prepare('SELECT hlc FROM desk_events ORDER BY hlc DESC LIMIT 1').pluck().get() as
    string | undefined;
  const hlc = formatHlc(hlcNext(lastHlc ? parseHlc(lastHlc) : null, now.getTime(), deskId));
  const event: AppendedEvent = { eventId: randomUUID(), at: brusselsIso(now), atMs: now.getTime(), deskId };
  const inserted = db
    .prepare(
      `INSERT INTO desk_events (event_id, kind, card_id, desk_id, staff, method, group_id, reason, voids_event_id,
       at, at_ms, hlc, request_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.eventId,
      input.kind,
      input.cardId,
      deskId,
      input.staff,
      input.method ?? null,
      input.groupId ?? null,
      input.reason ?? null,
      input.voidsEventId ?? null,
      event.at,
      event.atMs,
      hlc,
      input.requestId ?? null,
    );
  if (input.kind === 'void') {
    db.prepare('DELETE FROM card_state WHERE card_id = ?').run(input.cardId);
  } else {
    db.prepare(
      `INSERT INTO card_state (card_id, state, event_id, event_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT(card_id) DO UPDATE SET state = excluded.state, event_id = excluded.event_id,
         event_seq = excluded.event_seq`,
    ).run(
      input.cardId,
      input.kind === 'handout' ? 'collected' : 'returned',
      event.eventId,
      inserted.lastInsertRowid,
    );
  }
  return event;
}
