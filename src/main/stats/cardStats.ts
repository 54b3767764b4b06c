import type { Database } from 'better-sqlite3';
import type { CardStats, PostcodeStats, StatusCounts } from '../../shared/cards/cardStats';
import type { CardStatus } from '../../shared/cards/cardStatus';

export type { CardStats, PostcodeStats, StatusCounts };
import { CARD_STATUS_SQL, CARDS_WITH_STATE } from '../search/cardStatusSql';

const ZERO: StatusCounts = { waiting: 0, collected: 0, revoked: 0, replaced: 0, returned: 0 };

/** Totals and per-postcode counts, in one pass over the cards. */
export function cardStats(db: Database): CardStats {
  const rows = db
    .prepare(
      `SELECT c.postcode AS postcode, min(c.gemeente) AS gemeente, ${CARD_STATUS_SQL} AS status, count(*) AS n
       FROM ${CARDS_WITH_STATE} GROUP BY c.postcode, status ORDER BY c.postcode`,
    )
    .all() as { postcode: string; gemeente: string | null; status: CardStatus; n: number }[];
  const totals: CardStats = { cards: 0, ...ZERO, byPostcode: [] };
  const byPostcode = new Map<string, PostcodeStats>();
  for (const row of rows) {
    let entry = byPostcode.get(row.postcode);
    if (!entry) {
      entry = { postcode: row.postcode, gemeente: row.gemeente, cards: 0, ...ZERO };
      byPostcode.set(row.postcode, entry);
      totals.byPostcode.push(entry);
    }
    entry.cards += row.n;
    entry[row.status] += row.n;
    entry.gemeente ??= row.gemeente;
    totals.cards += row.n;
    totals[row.status] += row.n;
  }
  return totals;
}
