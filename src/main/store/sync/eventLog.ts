import type { Database } from 'better-sqlite3';
import type { WireEvent, WireGroup, WireResolution } from '../../../shared/point/syncMessages';
import { replayCard } from './cardReplay';

interface EventRow {
  seq: number;
  event_id: string;
  kind: WireEvent['kind'];
  card: string;
  desk_id: string;
  staff: string;
  method: WireEvent['method'];
  group_id: string | null;
  reason: string | null;
  voids_event_id: string | null;
  at: string;
  at_ms: number;
  hlc: string;
}

const EVENT_COLUMNS = `e.seq, e.event_id, e.kind, c.card, e.desk_id, e.staff, e.method, e.group_id, e.reason,
  e.voids_event_id, e.at, e.at_ms, e.hlc`;

function toWire(row: EventRow): WireEvent {
  return {
    eventId: row.event_id,
    kind: row.kind,
    card: row.card,
    deskId: row.desk_id,
    staff: row.staff,
    method: row.method,
    groupId: row.group_id,
    reason: row.reason,
    voidsEventId: row.voids_event_id,
    at: row.at,
    atMs: row.at_ms,
    hlc: row.hlc,
  };
}

export function headSeq(db: Database): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) FROM desk_events').pluck().get() as number) ?? 0;
}

export function headResolution(db: Database): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) FROM anomaly_resolutions').pluck().get() as number) ?? 0;
}

/** A page of this desk's log after `afterSeq`, in log order, with the groups its events belong to. */
export function readEventsAfter(
  db: Database,
  afterSeq: number,
  limit: number,
): { events: WireEvent[]; groups: WireGroup[]; lastSeq: number } {
  const rows = db
    .prepare(
      `SELECT ${EVENT_COLUMNS} FROM desk_events e JOIN cards c ON c.id = e.card_id
       WHERE e.seq > ? ORDER BY e.seq LIMIT ?`,
    )
    .all(afterSeq, limit) as EventRow[];
  const groupIds = [...new Set(rows.map((r) => r.group_id).filter((g): g is string => g !== null))];
  return {
    events: rows.map(toWire),
    groups: readGroups(db, groupIds),
    lastSeq: rows.length > 0 ? (rows[rows.length - 1] as EventRow).seq : afterSeq,
  };
}

/** Every event of these cards, for a claim the host refuses: the desk shows who has the card. */
export function readEventsOfCards(
  db: Database,
  cards: readonly string[],
): { events: WireEvent[]; groups: WireGroup[] } {
  const rows: EventRow[] = [];
  const stmt = db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM desk_events e JOIN cards c ON c.id = e.card_id WHERE c.card = ? ORDER BY e.seq`,
  );
  for (const card of cards) rows.push(...(stmt.all(card) as EventRow[]));
  rows.sort((a, b) => a.seq - b.seq);
  const groupIds = [...new Set(rows.map((r) => r.group_id).filter((g): g is string => g !== null))];
  return { events: rows.map(toWire), groups: readGroups(db, groupIds) };
}

/** The events written after `afterSeq` (this transaction's own, for a claim). */
export function readOwnEventsAfter(
  db: Database,
  afterSeq: number,
): { events: WireEvent[]; groups: WireGroup[] } {
  const page = readEventsAfter(db, afterSeq, 10_000);
  return { events: page.events, groups: page.groups };
}

function readGroups(db: Database, groupIds: readonly string[]): WireGroup[] {
  const stmt = db.prepare(
    `SELECT g.group_id, cc.card AS collector_card, g.collector_name, g.collector_id_note, g.desk_id, g.staff,
       g.at, g.at_ms, g.size, g.group_no
     FROM pickup_groups g LEFT JOIN cards cc ON cc.id = g.collector_card_id WHERE g.group_id = ?`,
  );
  return groupIds.flatMap((id) => {
    const g = stmt.get(id) as
      | {
          group_id: string;
          collector_card: string | null;
          collector_name: string | null;
          collector_id_note: string | null;
          desk_id: string;
          staff: string;
          at: string;
          at_ms: number;
          size: number;
          group_no: string | null;
        }
      | undefined;
    if (!g) return [];
    return [
      {
        groupId: g.group_id,
        collectorCard: g.collector_card,
        collectorName: g.collector_name,
        collectorIdNote: g.collector_id_note,
        deskId: g.desk_id,
        staff: g.staff,
        at: g.at,
        atMs: g.at_ms,
        size: g.size,
        groupNo: g.group_no,
      },
    ];
  });
}

export type ApplyOutcome =
  { ok: true; applied: number; cards: number[]; anomalies: number } | { ok: false; missingCard: string };

/**
 * Applies events from another desk inside the caller's transaction: idempotent by event id (an
 * event seen before is skipped, never doubled), then replays each touched card in HLC order.
 * An event for a card this desk does not have yet (its batch has not arrived) refuses the whole
 * page, so the cursor does not move past it.
 */
export function applyWireEvents(
  db: Database,
  events: readonly WireEvent[],
  groups: readonly WireGroup[],
): ApplyOutcome {
  const cardId = db.prepare('SELECT id FROM cards WHERE card = ?').pluck();
  const ids = new Map<string, number>();
  const idOf = (card: string): number | null => {
    const known = ids.get(card);
    if (known !== undefined) return known;
    const id = cardId.get(card) as number | undefined;
    if (id === undefined) return null;
    ids.set(card, id);
    return id;
  };
  for (const e of events) if (idOf(e.card) === null) return { ok: false, missingCard: e.card };
  for (const g of groups)
    if (g.collectorCard !== null && idOf(g.collectorCard) === null)
      return { ok: false, missingCard: g.collectorCard };

  const insertGroup = db.prepare(
    `INSERT OR IGNORE INTO pickup_groups (group_id, collector_card_id, collector_name, collector_id_note, desk_id,
       staff, at, at_ms, size, group_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const g of groups) {
    insertGroup.run(
      g.groupId,
      g.collectorCard === null ? null : idOf(g.collectorCard),
      g.collectorName,
      g.collectorIdNote,
      g.deskId,
      g.staff,
      g.at,
      g.atMs,
      g.size,
      g.groupNo,
    );
  }
  const insertEvent = db.prepare(
    `INSERT OR IGNORE INTO desk_events (event_id, kind, card_id, desk_id, staff, method, group_id, reason,
       voids_event_id, at, at_ms, hlc, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const touched = new Set<number>();
  let applied = 0;
  for (const e of events) {
    const id = idOf(e.card) as number;
    const result = insertEvent.run(
      e.eventId,
      e.kind,
      id,
      e.deskId,
      e.staff,
      e.method,
      e.groupId,
      e.reason,
      e.voidsEventId,
      e.at,
      e.atMs,
      e.hlc,
    );
    if (result.changes > 0) {
      applied += 1;
      touched.add(id);
    }
  }
  let anomalies = 0;
  for (const id of touched) anomalies += replayCard(db, id);
  return { ok: true, applied, cards: [...touched], anomalies };
}

interface ResolutionRow {
  seq: number;
  resolution_id: string;
  other_event_id: string;
  note: string;
  staff: string;
  desk_id: string;
  at: string;
  hlc: string;
}

export function readResolutionsAfter(
  db: Database,
  afterSeq: number,
): { resolutions: WireResolution[]; last: number } {
  const rows = db
    .prepare('SELECT * FROM anomaly_resolutions WHERE seq > ? ORDER BY seq LIMIT 500')
    .all(afterSeq) as ResolutionRow[];
  return {
    resolutions: rows.map((r) => ({
      resolutionId: r.resolution_id,
      otherEventId: r.other_event_id,
      note: r.note,
      staff: r.staff,
      deskId: r.desk_id,
      at: r.at,
      hlc: r.hlc,
    })),
    last: rows.length > 0 ? (rows[rows.length - 1] as ResolutionRow).seq : afterSeq,
  };
}

export function applyWireResolutions(db: Database, resolutions: readonly WireResolution[]): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO anomaly_resolutions (resolution_id, other_event_id, note, staff, desk_id, at, hlc)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let applied = 0;
  for (const r of resolutions)
    applied += insert.run(r.resolutionId, r.otherEventId, r.note, r.staff, r.deskId, r.at, r.hlc).changes;
  return applied;
}
