import type { Database } from 'better-sqlite3';
import type { CardStats, PostcodeStats, StatusCounts } from '../../../shared/cards/cardStats';
import { CARD_STATUSES } from '../../../shared/cards/cardStatus';
import { STATUS_COUNTS_SQL } from '../../store/cardStatusSql';

export type { CardStats, PostcodeStats, StatusCounts };

const ZERO: StatusCounts = { waiting: 0, collected: 0, revoked: 0, replaced: 0, returned: 0 };

/** Totals and per-postcode counts, in one pass over the cards in postcode order. */
export function cardStats(db: Database): CardStats {
  const rows = db
    .prepare(
      // NOT INDEXED: one sequential pass over the table and a small sort beats walking the
      // postcode index with a row look-up per card (measured 3× faster at 200,000 cards).
      `SELECT c.postcode AS postcode, min(c.gemeente) AS gemeente, ${STATUS_COUNTS_SQL}
       FROM cards c NOT INDEXED LEFT JOIN card_state s ON s.card_id = c.id
       GROUP BY c.postcode ORDER BY c.postcode`,
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
