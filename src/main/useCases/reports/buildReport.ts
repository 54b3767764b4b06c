import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReportPayload, ReportPickup } from '../../../shared/report/reportPayload';
import { REPORT_FORMAT } from '../../../shared/report/reportPayload';
import { brusselsIso } from '../../../shared/time/brussels';
import { auditHead, currentEpochStart } from '../../store/audit/auditEpoch';
import { storeCardYear } from '../../store/cardYear';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { cardStats } from '../admin/cardStats';

interface PickupRow {
  card: string;
  at: string;
  method: 'self' | 'group';
  group_id: string | null;
}

/** The last report this installation signed, for `sequence` and `previous`. */
export function lastReport(db: Database): LastReport | null {
  const row = db
    .prepare(
      `SELECT sequence, file_sha256 AS fileSha256, generated_at AS generatedAt, audit_epoch AS auditEpoch
       FROM reports ORDER BY sequence DESC LIMIT 1`,
    )
    .get() as LastReport | undefined;
  return row ?? null;
}

interface LastReport {
  sequence: number;
  fileSha256: string;
  generatedAt: string;
  /** null for reports signed before the audit anchor existed (epoch 1). */
  auditEpoch: number | null;
}

/**
 * The audit head as it stands now; the first report of a new epoch also says why it started.
 * (Several epochs between two reports: the latest one is declared, its number shows the jump.)
 */
function reportAudit(db: Database, previous: LastReport | null): ReportPayload['audit'] {
  const head = auditHead(db);
  const start = currentEpochStart(db);
  const declared = previous?.auditEpoch ?? 1;
  return start !== null && start.epoch !== declared
    ? { ...head, started: { reason: start.reason, at: start.at } }
    : head;
}

/** The payload without its pickups: everything but the one big list. */
export type ReportHead = Omit<ReportPayload, 'pickups'>;

const PICKUPS_FROM = `FROM card_state s
  JOIN cards c ON c.id = s.card_id JOIN desk_events e ON e.seq = s.event_seq
  WHERE s.state = 'collected' ORDER BY s.event_seq`;

/**
 * A cumulative snapshot of the point's state: totals, per postcode, and every card currently
 * handed out. Card numbers only: no names, no stamboeknummers.
 */
export function buildReportPayload(ctx: StoreContext): ReportPayload {
  const pickups = (
    ctx.db.prepare(`SELECT c.card, e.at, e.method, e.group_id ${PICKUPS_FROM}`).all() as PickupRow[]
  ).map((p): ReportPickup =>
    p.method === 'group' && p.group_id !== null
      ? { card: p.card, at: p.at, method: 'group', group: p.group_id }
      : { card: p.card, at: p.at, method: 'self' },
  );
  return { ...buildReportHead(ctx), pickups };
}

const DIGIT = '[0-9]';
const CARD_GLOB = DIGIT.repeat(12);
const AT_GLOB = `${DIGIT.repeat(4)}-${DIGIT.repeat(2)}-${DIGIT.repeat(2)}T${DIGIT.repeat(2)}:${DIGIT.repeat(2)}:${DIGIT.repeat(2)}*[+-]${DIGIT.repeat(2)}:${DIGIT.repeat(2)}`;
/** Only these characters may appear in a time or a group id: nothing that JSON would escape. */
const PLAIN = (column: string, allowed: string) => `${column} NOT GLOB '*[^${allowed}]*'`;
const PICKUP_OK = `c.card GLOB '${CARD_GLOB}' AND e.at GLOB '${AT_GLOB}' AND ${PLAIN('e.at', '0-9T:.+-')}
  AND (e.method <> 'group' OR e.group_id IS NULL OR ${PLAIN('e.group_id', '0-9a-f-')})`;

/**
 * The pickups as the exact JSON text `JSON.stringify` gives `buildReportPayload(...).pickups`,
 * concatenated by SQLite in one statement: 150k pickups never become 150k JS objects, are never
 * parsed by the writer schema and never stringified (a test keeps the two texts equal). Plain
 * concatenation is sound because every value is checked to hold only digits, letters of an ISO
 * time or a UUID, which JSON never escapes; a row that fails the check is a bug, so it throws.
 * (json_object/json_group_array gave the same text 2× slower; group_concat keeps the order of
 * its ordered subquery.)
 */
export function buildPickupsJson(db: Database): string {
  const row = db
    .prepare(
      `SELECT '[' || coalesce(group_concat(item, ','), '') || ']' AS json, count(*) FILTER (WHERE NOT ok) AS bad
       FROM (SELECT '{"card":"' || c.card || '","at":"' || e.at || '","method":"' ||
           CASE WHEN e.method = 'group' AND e.group_id IS NOT NULL THEN 'group","group":"' || e.group_id
           ELSE 'self' END || '"}' AS item, ${PICKUP_OK} AS ok
         FROM card_state s JOIN cards c ON c.id = s.card_id JOIN desk_events e ON e.seq = s.event_seq
         WHERE s.state = 'collected' ORDER BY s.event_seq)`,
    )
    .get() as { json: string; bad: number };
  if (row.bad > 0) throw new Error(`${row.bad} pickups the report format does not allow`);
  return row.json;
}

/** Everything of the payload but the pickups (small: totals, per postcode, audit head). */
export function buildReportHead(ctx: StoreContext): ReportHead {
  const { db, clock } = ctx;
  const stats = cardStats(db);
  const previous = lastReport(db);
  const batches = db
    .prepare('SELECT batch_id FROM batches ORDER BY imported_at, batch_id')
    .pluck()
    .all() as string[];
  const cardYear = storeCardYear(db) ?? 0;
  return {
    format: REPORT_FORMAT,
    reportId: randomUUID(),
    pointId: getSetting(db, 'point_id') ?? '',
    pointName: getSetting(db, 'point_name') ?? '',
    cardYear,
    sequence: (previous?.sequence ?? 0) + 1,
    previous: previous?.fileSha256 ?? null,
    generatedAt: brusselsIso(clock.now()),
    audit: reportAudit(db, previous),
    batches,
    // Returned cards were not collected: for the issuer they count with the waiting ones.
    totals: {
      cards: stats.cards,
      collected: stats.collected,
      waiting: stats.waiting + stats.returned,
      revoked: stats.revoked,
      replaced: stats.replaced,
      doubleHandOuts: db.prepare('SELECT count(*) FROM card_anomalies').pluck().get() as number,
    },
    byPostcode: stats.byPostcode.map((p) => ({
      postcode: p.postcode,
      cards: p.cards,
      collected: p.collected,
    })),
  };
}
