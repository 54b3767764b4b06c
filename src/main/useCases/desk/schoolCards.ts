import type { Database } from 'better-sqlite3';
import type { CardSummary } from '../../../shared/cards/cardStatus';
import { CARD_SUMMARY_COLUMNS, CARDS_WITH_STATE, CARD_STATUS_SQL } from '../../store/cardStatusSql';

/** The waiting cards of one school, so the desk can tick the colleagues a collector came for. */
export function waitingCardsOfSchool(db: Database, school: string): CardSummary[] {
  const rows = db
    .prepare(
      `SELECT ${CARD_SUMMARY_COLUMNS} FROM ${CARDS_WITH_STATE}
       WHERE c.school = ? AND ${CARD_STATUS_SQL} = 'waiting' ORDER BY c.achternaam, c.voornaam`,
    )
    .all(school) as Omit<CardSummary, 'match'>[];
  return rows.map((r) => ({ ...r, match: 'school' as const }));
}
