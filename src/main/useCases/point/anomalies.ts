import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatHlc, hlcNext, parseHlc } from '../../../shared/desk/hlc';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { brusselsIso } from '../../../shared/time/brussels';
import { appendAudit } from '../../store/audit/auditLog';
import { deskNameJoin } from '../../store/deskNames';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { checkStaff } from '../admin/staff';

export interface AnomalySide {
  eventId: string;
  /** The desk's name; null for a desk this one has no name for yet ("andere balie"). */
  desk: string | null;
  staff: string;
  at: string;
}

export interface Anomaly {
  card: string;
  /** The hand-out that counts: the earliest by HLC. */
  kept: AnomalySide;
  /** The later one for the same card, made while the desks could not reach each other. */
  other: AnomalySide;
  resolved: { note: string; staff: string; at: string } | null;
}

interface AnomalyRow {
  card: string;
  kept_event_id: string;
  kept_desk: string | null;
  kept_staff: string;
  kept_at: string;
  other_event_id: string;
  other_desk: string | null;
  other_staff: string;
  other_at: string;
  note: string | null;
  resolved_staff: string | null;
  resolved_at: string | null;
}

/** Every double hand-out, each listed once (by the later event), resolved ones included. */
export function listAnomalies(db: Database): Anomaly[] {
  const rows = db
    .prepare(
      `SELECT c.card,
         k.event_id AS kept_event_id, kd.name AS kept_desk, k.staff AS kept_staff, k.at AS kept_at,
         o.event_id AS other_event_id, od.name AS other_desk, o.staff AS other_staff, o.at AS other_at,
         r.note, r.staff AS resolved_staff, r.at AS resolved_at
       FROM card_anomalies a
       JOIN cards c ON c.id = a.card_id
       JOIN desk_events k ON k.event_id = a.kept_event_id
       JOIN desk_events o ON o.event_id = a.other_event_id
       ${deskNameJoin('kd', 'k.desk_id')}
       ${deskNameJoin('od', 'o.desk_id')}
       LEFT JOIN anomaly_resolutions r ON r.seq = (
         SELECT max(seq) FROM anomaly_resolutions WHERE other_event_id = a.other_event_id)
       ORDER BY o.hlc`,
    )
    .all() as AnomalyRow[];
  return rows.map((r) => ({
    card: r.card,
    kept: { eventId: r.kept_event_id, desk: r.kept_desk, staff: r.kept_staff, at: r.kept_at },
    other: { eventId: r.other_event_id, desk: r.other_desk, staff: r.other_staff, at: r.other_at },
    resolved:
      r.note !== null && r.resolved_staff !== null && r.resolved_at !== null
        ? { note: r.note, staff: r.resolved_staff, at: r.resolved_at }
        : null,
  }));
}

export function unresolvedAnomalyCount(db: Database): number {
  return db
    .prepare(
      `SELECT count(*) FROM card_anomalies a
       WHERE NOT EXISTS (SELECT 1 FROM anomaly_resolutions r WHERE r.other_event_id = a.other_event_id)`,
    )
    .pluck()
    .get() as number;
}

export type ResolveAnomalyFailure =
  | Failure<'anomaly_not_found', { card: string }>
  | Failure<'note_required'>
  | Failure<'unknown_staff', { staff: string }>;

/**
 * A librarian marks a double as dealt with ("teacher brought the second card back"), with a note.
 * It stays listed, as resolved; the resolution travels to every desk like an event.
 */
export function resolveAnomaly(
  ctx: StoreContext,
  args: { card: string; note: string; staff: string },
): Result<{ resolved: number }, ResolveAnomalyFailure> {
  const { db, clock } = ctx;
  const note = args.note.trim();
  if (note.length === 0 || note.length > 500) return fail('note_required');
  const staff = checkStaff(db, args.staff);
  if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });
  const open = db
    .prepare(
      `SELECT a.other_event_id FROM card_anomalies a JOIN cards c ON c.id = a.card_id
       WHERE c.card = ? AND NOT EXISTS (SELECT 1 FROM anomaly_resolutions r WHERE r.other_event_id = a.other_event_id)`,
    )
    .pluck()
    .all(args.card) as string[];
  if (open.length === 0) return fail('anomaly_not_found', { card: args.card });
  const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
  db.transaction(() => {
    const last = db.prepare('SELECT max(hlc) FROM desk_events').pluck().get() as string | null;
    for (const otherEventId of open) {
      const now = clock.now();
      const hlc = formatHlc(hlcNext(last ? parseHlc(last) : null, now.getTime(), deskId));
      db.prepare(
        `INSERT INTO anomaly_resolutions (resolution_id, other_event_id, note, staff, desk_id, at, hlc)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), otherEventId, note, staff.staff, deskId, brusselsIso(now), hlc);
      // The note is free text and could hold a name: the audit keeps the card and the event only.
      appendAudit(db, clock, 'anomaly_resolved', { card: args.card, otherEventId });
    }
  }).immediate();
  return ok({ resolved: open.length });
}
