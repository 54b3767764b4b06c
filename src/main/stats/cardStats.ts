import type { Database } from 'better-sqlite3';
import type { CardStats, PostcodeStats, StatusCounts } from '../../shared/cards/cardStats';
import { CARD_STATUSES } from '../../shared/cards/cardStatus';
import { CARDS_WITH_STATE, STATUS_COUNTS_SQL } from '../search/cardStatusSql';

export type { CardStats, PostcodeStats, StatusCounts };

const ZERO: StatusCounts = { waiting: 0, collected: 0, revoked: 0, replaced: 0, returned: 0 };

/** Totals and per-postcode counts, in one pass over the cards in postcode order. */
export function cardStats(db: Database): CardStats {
  const rows = db
    .prepare(
      `SELECT c.postcode AS postcode, min(c.gemeente) AS gemeente, ${STATUS_COUNTS_SQL}
       FROM ${CARDS_WITH_STATE} GROUP BY c.postcode ORDER BY c.postcode`,
    )
    .all() as (Omit<PostcodeStats, 'waiting'> & { gemeente: string | null })[];
  const totals: CardStats = { cards: 0, ...ZERO, byPostcode: [] };
  for (const row of rows) {
    const entry: PostcodeStats = {
      ...row,
      waiting: row.cards - row.collected - row.replaced - row.revoked - row.returned,
    };
    totals.byPostcode.push(entry);
    totals.cards += entry.cards;
    for (const status of CARD_STATUSES) totals[status] += entry[status];
  }
  return totals;
}
