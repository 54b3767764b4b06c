import { cardVerdict } from '../../../shared/desk/cardVerdict';
import type { HandOutRequest } from '../../../shared/desk/deskRequests';
import type { HandOutDone, HandOutFailure } from '../../../shared/desk/deskResults';
import { isValidCardNumber } from '../../../shared/domain/cardNumber';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { brusselsDate } from '../../../shared/time/brussels';
import { appendAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import { appendDeskEvent } from '../../store/appendDeskEvent';
import { deskNameJoin, deskNameOf } from '../../store/deskNames';
import { readCardFacts } from './cardFacts';
import { likelyPointFor } from './pointsDirectory';
import { checkStaff } from '../admin/staff';

/** Same desk, same card, this soon after: a double scan, not a second teacher. */
export const REPEAT_WINDOW_MS = 10_000;

/** Hands out one card to the teacher at the desk, after the ID check (a request valid by its schema). */
export function handOut(ctx: StoreContext, req: HandOutRequest): Result<HandOutDone, HandOutFailure> {
  try {
    return handOutNow(ctx, req);
  } catch (error) {
    // A full disk or a store held by another desk: refused, and the card stays with the desk.
    const refusal = storeWriteFailure(error);
    if (refusal) return refusal;
    throw error;
  }
}

function handOutNow(ctx: StoreContext, req: HandOutRequest): Result<HandOutDone, HandOutFailure> {
  const { db, clock } = ctx;
  // IMMEDIATE: two desks on one store must not both pass the check for the same card.
  return db
    .transaction((): Result<HandOutDone, HandOutFailure> => {
      const earlier = req.requestId ? findByRequestId(ctx, req.requestId) : null;
      if (earlier && earlier.card !== req.card) {
        // A desk bug, not a retry: answering "repeated" would show card B as handed out while only
        // card A was, and writing an event would break the unique request_id. Refuse instead.
        return fail('invalid_request', { issues: ['requestId: already used for another card'] });
      }
      if (earlier) return ok({ ...earlier, repeated: true });
      if (!req.idChecked) return fail('id_not_checked');
      const staff = checkStaff(db, req.staff);
      if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });
      if (!isValidCardNumber(req.card)) return fail('invalid_card_number', { card: req.card });
      const facts = readCardFacts(db, req.card);
      if (!facts) return fail('not_here', { card: req.card, likelyPoint: likelyPointFor(db, req.postcode) });

      const verdict = cardVerdict(facts, brusselsDate(clock.now()));
      if (!verdict.ok) {
        const c = facts.collected;
        // Measured from the stored ms instant: `c.at` is truncated to whole seconds, which made a
        // re-scan 9.5 s later look like 10+ s and showed staff a red "already collected".
        // A negative gap means the PC clock was put back: that is no double scan either.
        const elapsedMs = facts.collectedAtMs === null ? NaN : clock.now().getTime() - facts.collectedAtMs;
        const isRepeat =
          verdict.error === 'already_collected' &&
          c !== null &&
          c.method === 'self' &&
          c.staff === staff.staff &&
          elapsedMs >= 0 &&
          elapsedMs < REPEAT_WINDOW_MS;
        if (isRepeat) {
          return ok({
            eventId: c.eventId,
            card: req.card,
            at: c.at,
            deskId: c.deskId,
            deskName: c.deskName,
            staff: c.staff,
            method: c.method,
            repeated: true,
          });
        }
        const { ok: _ok, ...refusal } = verdict;
        return { ok: false, card: req.card, ...refusal };
      }
      const event = appendDeskEvent(db, clock, {
        kind: 'handout',
        cardId: facts.cardId,
        staff: staff.staff,
        method: 'self',
        requestId: req.requestId ?? null,
      });
      appendAudit(db, clock, 'handout', { card: req.card, eventId: event.eventId, method: 'self' });
      return ok({
        ...event,
        deskName: deskNameOf(db, event.deskId),
        card: req.card,
        staff: staff.staff,
        method: 'self',
        repeated: false,
      });
    })
    .immediate();
}

function findByRequestId(ctx: StoreContext, requestId: string): Omit<HandOutDone, 'repeated'> | null {
  const row = ctx.db
    .prepare(
      `SELECT e.event_id AS eventId, c.card, e.at, e.desk_id AS deskId, d.name AS deskName, e.staff, e.method
       FROM desk_events e JOIN cards c ON c.id = e.card_id ${deskNameJoin('d', 'e.desk_id')} WHERE e.request_id = ? AND e.kind = 'handout'`,
    )
    .get(requestId) as Omit<HandOutDone, 'repeated'> | undefined;
  return row ?? null;
}
