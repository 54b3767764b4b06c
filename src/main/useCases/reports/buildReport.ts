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
 * handed out. Card numbers only: no names, no stamboeknummers. The plain way, with cardStats and
 * one JS object per pickup: createReport builds the same payload faster (buildReport), and tests
 * keep the two equal.
 */
export function buildReportPayload(ctx: StoreContext): ReportPayload {
  const pickups = (
    ctx.db.prepare(`SELECT c.card, e.at, e.method, e.group_id ${PICKUPS_FROM}`).all() as PickupRow[]
  ).map((p): ReportPickup =>
    p.method === 'group' && p.group_id !== null
      ? { card: p.card, at: p.at, method: 'group', group: p.group_id }
      : { card: p.card, at: p.at, method: 'self' },
  );
  const stats = cardStats(ctx.db);
  return {
    ...headOf(ctx, {
      // Returned cards were not collected: for the issuer they count with the waiting ones.
      totals: {
        cards: stats.cards,
        collected: stats.collected,
        waiting: stats.waiting + stats.returned,
        revoked: stats.revoked,
        replaced: stats.replaced,
      },
      byPostcode: stats.byPostcode.map((p) => ({
        postcode: p.postcode,
        cards: p.cards,
        collected: p.collected,
      })),
    }),
    pickups,
  };
}

const DIGIT = '[0-9]';
const CARD_GLOB = DIGIT.repeat(12);
const AT_GLOB = `${DIGIT.repeat(4)}-${DIGIT.repeat(2)}-${DIGIT.repeat(2)}T${DIGIT.repeat(2)}:${DIGIT.repeat(2)}:${DIGIT.repeat(2)}*[+-]${DIGIT.repeat(2)}:${DIGIT.repeat(2)}`;
/** Only these characters may appear in a time or a group id: nothing that JSON would escape. */
const PLAIN = (column: string, allowed: string) => `${column} NOT GLOB '*[^${allowed}]*'`;
const PICKUP_OK = `c.card GLOB '${CARD_GLOB}' AND e.at GLOB '${AT_GLOB}' AND ${PLAIN('e.at', '0-9T:.+-')}
  AND (e.method <> 'group' OR e.group_id IS NULL OR ${PLAIN('e.group_id', '0-9a-f-')})`;

/**
 * One pickup as buildPickupsJson writes it, with each value held to the characters PICKUP_OK
 * allows (none that JSON escapes, no quote). Sticky: matched item after item along the text.
 */
const PICKUP_ITEM =
  /\{"card":"[0-9]{12}","at":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[0-9T:.+-]*[+-][0-9]{2}:[0-9]{2}","method":"(?:self|group","group":"[0-9a-f-]*)"\}[,\]]/y;

/**
 * Is `json` exactly `rows` items of PICKUP_ITEM? No value may hold a quote or a brace, so when
 * the count agrees every `{` and `"` is one the SQL wrote, and each value is the one it put there.
 */
function pickupsTextOk(json: string, rows: number): boolean {
  if (rows === 0) return json === '[]';
  if (!json.startsWith('[') || !json.endsWith(']')) return false;
  PICKUP_ITEM.lastIndex = 1;
  let items = 0;
  while (PICKUP_ITEM.lastIndex < json.length) {
    if (!PICKUP_ITEM.test(json)) return false;
    items++;
  }
  return items === rows;
}

/** The collected cards' side of the counts, from the same pass as the pickups. */
interface CollectedCounts {
  rows: number;
  /** The postcode of every collected card, comma-separated (postcodes are four digits). */
  postcodes: string;
  /** Collected cards that are also replaced or revoked: collected wins (CARD_STATUS_SQL). */
  replaced: number;
  revoked: number;
}

/**
 * The pickups as the exact JSON text `JSON.stringify` gives `buildReportPayload(...).pickups`,
 * concatenated by SQLite in one statement: 150k pickups never become 150k JS objects, are never
 * parsed by the writer schema and never stringified (a test keeps the two texts equal). Plain
 * concatenation is sound because every value holds only digits, letters of an ISO time or a
 * UUID, which JSON never escapes: checked on the finished text (pickupsTextOk; the same check as
 * GLOBs per row cost half the statement), a pickup that fails it is a bug, so it throws.
 * The same pass counts what the report's totals need of the collected cards. Only the keys are
 * sorted (by event), the rows are joined in that order (CROSS JOIN keeps it): 10% less than
 * sorting the finished items.
 * (json_object/json_group_array gave the same text 2× slower; group_concat keeps the order of
 * its ordered subquery.)
 */
function pickupsPass(db: Database): { json: string; collected: CollectedCounts } {
  const row = db
    .prepare(
      `SELECT '[' || coalesce(group_concat(item, ','), '') || ']' AS json, count(*) AS rows,
         coalesce(group_concat(postcode, ','), '') AS postcodes,
         coalesce(sum(replaced), 0) AS replaced, coalesce(sum(revoked), 0) AS revoked
       FROM (SELECT '{"card":"' || c.card || '","at":"' || e.at || '","method":"' ||
           CASE WHEN e.method = 'group' AND e.group_id IS NOT NULL THEN 'group","group":"' || e.group_id
           ELSE 'self' END || '"}' AS item, c.postcode,
           c.replaced_by IS NOT NULL AS replaced,
           c.replaced_by IS NULL AND c.issuer_status = 'ingetrokken' AS revoked
         FROM (SELECT card_id, event_seq FROM card_state WHERE state = 'collected' ORDER BY event_seq) k
         CROSS JOIN cards c ON c.id = k.card_id CROSS JOIN desk_events e ON e.seq = k.event_seq)`,
    )
    .get() as { json: string } & CollectedCounts;
  if (!pickupsTextOk(row.json, row.rows)) {
    const bad = db
      .prepare(
        `SELECT count(*) FROM card_state s JOIN cards c ON c.id = s.card_id JOIN desk_events e ON e.seq = s.event_seq
         WHERE s.state = 'collected' AND NOT (${PICKUP_OK})`,
      )
      .pluck()
      .get() as number;
    throw new Error(`${bad || 'some'} pickups the report format does not allow`);
  }
  const { json, ...collected } = row;
  return { json, collected };
}

/** buildReport's pickups text alone. */
export function buildPickupsJson(db: Database): string {
  return pickupsPass(db).json;
}

type ReportCounts = Pick<ReportHead, 'byPostcode'> & { totals: Omit<ReportHead['totals'], 'doubleHandOuts'> };

/**
 * The report's totals and per-postcode counts without cardStats' join of every card to its state
 * (a third of the report's time at 200k cards): cards per postcode from the postcode index,
 * replaced and revoked from one scan of cards, the collected cards from the pickups pass. The
 * same rules as CARD_STATUS_SQL (collected wins over replaced, replaced over revoked; returned
 * counts as waiting); a test keeps the counts equal to cardStats'.
 */
function reportCounts(db: Database, collected: CollectedCounts): ReportCounts {
  const perPostcode = db.prepare('SELECT postcode, count(*) AS cards FROM cards GROUP BY postcode').all() as {
    postcode: string;
    cards: number;
  }[];
  const flagged = db
    .prepare(
      `SELECT coalesce(sum(replaced_by IS NOT NULL), 0) AS replaced,
         coalesce(sum(replaced_by IS NULL AND issuer_status = 'ingetrokken'), 0) AS revoked FROM cards`,
    )
    .get() as { replaced: number; revoked: number };
  const collectedAt = new Map<string, number>();
  if (collected.postcodes !== '')
    for (const postcode of collected.postcodes.split(','))
      collectedAt.set(postcode, (collectedAt.get(postcode) ?? 0) + 1);
  const cards = perPostcode.reduce((sum, p) => sum + p.cards, 0);
  const replaced = flagged.replaced - collected.replaced;
  const revoked = flagged.revoked - collected.revoked;
  return {
    totals: {
      cards,
      collected: collected.rows,
      waiting: cards - collected.rows - replaced - revoked,
      revoked,
      replaced,
    },
    byPostcode: perPostcode.map((p) => ({ ...p, collected: collectedAt.get(p.postcode) ?? 0 })),
  };
}

/**
 * The report as createReport signs it: the head and the pickups' JSON text, from one pass over
 * the pickups and two cheap counts over the cards.
 */
export function buildReport(ctx: StoreContext): { head: ReportHead; pickupsJson: string } {
  const { json, collected } = pickupsPass(ctx.db);
  return { head: headOf(ctx, reportCounts(ctx.db, collected)), pickupsJson: json };
}

/** Everything of the payload but the pickups (small: totals, per postcode, audit head). */
function headOf(ctx: StoreContext, counts: ReportCounts): ReportHead {
  const { db, clock } = ctx;
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
    totals: {
      ...counts.totals,
      doubleHandOuts: db.prepare('SELECT count(*) FROM card_anomalies').pluck().get() as number,
    },
    byPostcode: counts.byPostcode,
  };
}
