import type { Database } from 'better-sqlite3';
import { writeCsv } from '../../../shared/csv/writeCsv';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { brusselsDate } from '../../../shared/time/brussels';
import type { AdminGrant } from './adminPin';
import { appendAudit } from '../../store/audit/auditLog';
import { appendDeskEvent } from '../../store/appendDeskEvent';
import { pointLastDay } from './pointLastDay';
import { checkStaff } from './staff';
import { CARD_STATUS_SQL, CARDS_WITH_STATE } from '../../store/cardStatusSql';
import type { StoreContext } from '../../store/storeContext';

/**
 * A card nobody collected, to be sent back to the issuer. No names and no stamboeknummer: the
 * return list leaves the point, and the card number is all the issuer needs.
 */
export interface LeftoverCard {
  card: string;
  postcode: string;
  gemeente: string | null;
  /** The batch the card last came in. */
  batchId: string;
}

/** Cards still waiting (not collected, revoked, replaced or returned), by postcode, then card. */
export function listLeftovers(db: Database): LeftoverCard[] {
  return db
    .prepare(
      `SELECT c.card, c.postcode, c.gemeente, c.last_batch_id AS batchId FROM ${CARDS_WITH_STATE}
       WHERE (${CARD_STATUS_SQL}) = 'waiting' ORDER BY c.postcode, c.card`,
    )
    .all() as LeftoverCard[];
}

export const LEFTOVERS_CSV_HEADER = ['kaartnummer', 'postcode', 'gemeente', 'batchId'];

/** The return list for the issuer: `;`, CRLF, UTF-8 with BOM so Excel shows accents. */
export function leftoversCsv(list: readonly LeftoverCard[]): string {
  return writeCsv(
    LEFTOVERS_CSV_HEADER,
    list.map((c) => [c.card, c.postcode, c.gemeente ?? '', c.batchId]),
    { bom: true },
  );
}

export type MarkLeftoversFailure =
  | Failure<'unknown_staff', { staff: string }>
  /** Before the last day the desk is still handing out: only with the admin PIN. */
  | Failure<'before_last_day', { lastDay: string | null }>;

/**
 * Marks every leftover card as returned to the issuer (one 'returned' desk event each, in one
 * transaction, with one audit entry holding the count). Allowed from the point's last day on,
 * earlier only with the admin PIN. Running it again finds nothing left: count 0.
 */
export function markLeftoversReturned(
  ctx: StoreContext,
  input: { staff: string },
  grant: AdminGrant | null = null,
): Result<{ count: number }, MarkLeftoversFailure> {
  const { db, clock } = ctx;
  const staff = checkStaff(db, input.staff);
  if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });
  const lastDay = pointLastDay(db);
  const today = brusselsDate(clock.now());
  if (grant === null && (lastDay === null || today < lastDay)) return fail('before_last_day', { lastDay });
  return db
    .transaction(() => {
      const leftovers = db
        .prepare(
          `SELECT c.id FROM ${CARDS_WITH_STATE}
           WHERE (${CARD_STATUS_SQL}) = 'waiting' ORDER BY c.postcode, c.card`,
        )
        .all() as { id: number }[];
      for (const { id } of leftovers) {
        appendDeskEvent(db, clock, { kind: 'returned', cardId: id, staff: staff.staff });
      }
      if (leftovers.length > 0) {
        appendAudit(db, clock, 'leftovers_returned', {
          count: leftovers.length,
          withAdminPin: grant !== null,
          lastDay,
        });
      }
      return ok({ count: leftovers.length });
    })
    .immediate();
}
