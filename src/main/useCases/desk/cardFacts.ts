import type { Database, Statement } from 'better-sqlite3';
import type { CardDeskFacts, PickupMethod } from '../../../shared/desk/cardVerdict';
import type { IssuerStatus } from '../../../shared/batch/rows';
import type { CardSummary } from '../../../shared/cards/cardStatus';
import { CARD_SUMMARY_COLUMNS } from '../../store/cardStatusSql';
import { deskNameJoin } from '../../store/deskNames';
import { pointLastDay } from '../admin/pointLastDay';

interface FactsRow {
  id: number;
  card: string;
  postcode: string;
  issuer_status: IssuerStatus;
  replaced_by: string | null;
  available_from: string;
  available_until: string;
  state: 'collected' | 'returned' | null;
  event_id: string | null;
  at: string | null;
  at_ms: number | null;
  desk_id: string | null;
  desk_name: string | null;
  staff: string | null;
  method: PickupMethod | null;
  group_id: string | null;
}

/** The summary columns the search shows, read in the same statement (CARD_SUMMARY_COLUMNS). */
type SummaryColumns = Omit<CardSummary, 'match'>;

export type CardFacts = CardDeskFacts & {
  cardId: number;
  postcode: string;
  /**
   * The exact instant (ms) of the hand-out that made the card collected. `collected.at` is
   * whole seconds only, which is too coarse for the 10-second double-scan window.
   */
  collectedAtMs: number | null;
};

const FACTS_SQL = `SELECT c.id, c.issuer_status, c.replaced_by, b.available_from, b.available_until,
              s.state, s.event_id, e.at, e.at_ms, e.desk_id, d.name AS desk_name, e.staff, e.method, e.group_id,
              ${CARD_SUMMARY_COLUMNS}
       FROM cards c
       JOIN batches b ON b.batch_id = c.first_batch_id
       LEFT JOIN card_state s ON s.card_id = c.id
       LEFT JOIN desk_events e ON e.seq = s.event_seq
       ${deskNameJoin('d', 'e.desk_id')}
       WHERE c.card = ?`;

/** Prepared once per database: every scan, hand-out and group card reads these facts. */
const factsStatements = new WeakMap<Database, Statement>();

/**
 * The desk's view of one card: issuer data, current state, and the hand-out that made it.
 * A caller checking many cards at once (a group) passes the point's last day, read once.
 */
export function readCardFacts(
  db: Database,
  card: string,
  pointLast: string | null = pointLastDay(db),
): CardFacts | null {
  const row = readRow(db, card);
  return row ? factsOf(row, pointLast) : null;
}

/** The facts and the search summary of one card, from one read (the desk's scan answer). */
export function readCardWithSummary(
  db: Database,
  card: string,
): { facts: CardFacts; summary: CardSummary } | null {
  const row = readRow(db, card);
  if (!row) return null;
  const summary: CardSummary = {
    card: row.card,
    stamboeknummer: row.stamboeknummer,
    voornaam: row.voornaam,
    achternaam: row.achternaam,
    postcode: row.postcode,
    gemeente: row.gemeente,
    school: row.school,
    status: row.status,
    replacedBy: row.replacedBy,
    match: 'card',
  };
  return { facts: factsOf(row, pointLastDay(db)), summary };
}

function readRow(db: Database, card: string): (FactsRow & SummaryColumns) | undefined {
  let statement = factsStatements.get(db);
  if (!statement) {
    statement = db.prepare(FACTS_SQL);
    factsStatements.set(db, statement);
  }
  return statement.get(card) as (FactsRow & SummaryColumns) | undefined;
}

function factsOf(row: FactsRow, pointLast: string | null): CardFacts {
  return {
    cardId: row.id,
    card: row.card,
    postcode: row.postcode,
    issuerStatus: row.issuer_status,
    replacedBy: row.replaced_by,
    state: row.state,
    collected:
      row.state === 'collected' && row.event_id && row.at && row.desk_id && row.staff && row.method
        ? {
            eventId: row.event_id,
            at: row.at,
            deskId: row.desk_id,
            deskName: row.desk_name,
            staff: row.staff,
            method: row.method,
            groupId: row.group_id,
          }
        : null,
    collectedAtMs: row.state === 'collected' ? row.at_ms : null,
    availableFrom: row.available_from,
    lastDay: pointLast !== null && pointLast < row.available_until ? pointLast : row.available_until,
  };
}
