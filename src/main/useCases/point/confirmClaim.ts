import type { WireEvent, WireGroup, SyncAnswer } from '../../../shared/point/syncMessages';
import { appendAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import { applyWireEvents, readEventsOfCards } from '../../store/sync/eventLog';

/**
 * The host's half of a claim: while the LAN holds, the host's store decides, so two desks can
 * never both hand out one card. All the claim's cards must be free here (a group is all or
 * nothing), then the events are kept under their own ids; a retried claim finds them and is
 * confirmed again, never doubled.
 */
export function confirmClaim(
  ctx: StoreContext,
  fromDesk: string,
  events: readonly WireEvent[],
  group: WireGroup | null,
): SyncAnswer {
  const { db, clock } = ctx;
  return db
    .transaction((): SyncAnswer => {
      const own = new Set(events.map((e) => e.eventId));
      const state = db.prepare(
        `SELECT s.state, s.event_id FROM card_state s JOIN cards c ON c.id = s.card_id WHERE c.card = ?`,
      );
      const taken: string[] = [];
      for (const e of events) {
        if (e.kind !== 'handout') continue;
        const row = state.get(e.card) as { state: string; event_id: string } | undefined;
        if (row && row.state === 'collected' && !own.has(row.event_id)) taken.push(e.card);
      }
      if (taken.length > 0) return { t: 'taken', ...readEventsOfCards(db, taken) };
      const applied = applyWireEvents(db, events, group ? [group] : []);
      if (!applied.ok) return { t: 'refused', reason: 'bad_request' };
      if (applied.applied > 0)
        appendAudit(db, clock, 'sync_applied', { fromDesk, events: applied.applied, claim: true });
      return { t: 'claimed' };
    })
    .immediate();
}
