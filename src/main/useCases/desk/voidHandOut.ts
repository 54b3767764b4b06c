import { isValidCardNumber } from '../../../shared/domain/cardNumber';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { VoidRequest } from '../../../shared/desk/deskRequests';
import type { VoidDone, VoidFailure } from '../../../shared/desk/deskResults';
import { brusselsDate } from '../../../shared/time/brussels';
import type { AdminGrant } from '../admin/adminPin';
import { appendAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import { appendDeskEvent } from '../../store/appendDeskEvent';
import { readCardFacts } from './cardFacts';
import { checkStaff } from '../admin/staff';

/** Undo of the desk's last hand-out uses this reason ("mistake"). */
export const UNDO_REASON = 'vergissing';

/**
 * Undoes a hand-out with a void event (never a delete). A hand-out from an earlier day can only
 * be voided with the admin PIN: by then the card may well be in a teacher's wallet.
 */
export function voidHandOut(
  ctx: StoreContext,
  req: Omit<VoidRequest, 'adminPin'>,
  grant: AdminGrant | null = null,
): Result<VoidDone, VoidFailure> {
  const { db, clock } = ctx;
  const staff = checkStaff(db, req.staff);
  if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });
  if (!isValidCardNumber(req.card)) return fail('invalid_card_number', { card: req.card });

  const before = readCardFacts(db, req.card);
  if (!before) return fail('not_here', { card: req.card });
  if (before.state !== 'collected' || !before.collected) return fail('not_collected', { card: req.card });
  const handedOutOn = brusselsDate(new Date(before.collected.at));
  const late = handedOutOn < brusselsDate(clock.now());
  if (late && grant === null) return fail('admin_pin_required', { card: req.card, handedOutOn });

  return db
    .transaction((): Result<VoidDone, VoidFailure> => {
      // Re-read inside the write lock: another desk may have voided it meanwhile.
      const facts = readCardFacts(db, req.card);
      if (!facts || facts.state !== 'collected' || !facts.collected)
        return fail('not_collected', { card: req.card });
      const event = appendDeskEvent(db, clock, {
        kind: 'void',
        cardId: facts.cardId,
        staff: staff.staff,
        reason: req.reason,
        voidsEventId: facts.collected.eventId,
      });
      // The reason is free text and could hold a name: the audit keeps only whether it was an undo.
      appendAudit(db, clock, 'void', {
        card: req.card,
        eventId: event.eventId,
        voids: facts.collected.eventId,
        undo: req.reason === UNDO_REASON,
        late,
      });
      return ok({
        eventId: event.eventId,
        card: req.card,
        voidedEventId: facts.collected.eventId,
        at: event.at,
      });
    })
    .immediate();
}
