import type { IssuerStatus } from '../batch/rows';

export type PickupMethod = 'self' | 'group';

/** Everything the desk rules need to know about one card, read in one query. */
export interface CardDeskFacts {
  card: string;
  issuerStatus: IssuerStatus;
  replacedBy: string | null;
  state: 'collected' | 'returned' | null;
  collected: CollectedFacts | null;
  /** First and last day this card may be handed out here (the point's own last day applied). */
  availableFrom: string;
  lastDay: string;
}

export interface CollectedFacts {
  eventId: string;
  at: string;
  deskId: string;
  /** The desk's name ("Balie 1"); null for a desk this store does not know ("andere balie"). */
  deskName: string | null;
  staff: string;
  method: PickupMethod;
  groupId: string | null;
}

/** Why a card cannot be handed out now; each is shown to the desk in words, colour and icon. */
export type CardRefusal =
  | ({ error: 'already_collected' } & Omit<CollectedFacts, 'eventId'>)
  | { error: 'revoked' }
  | { error: 'replaced'; replacedBy: string }
  | { error: 'returned' }
  | { error: 'before_period'; availableFrom: string }
  | { error: 'after_period'; lastDay: string };

export type CardVerdict = { ok: true } | ({ ok: false } & CardRefusal);

/**
 * The one rule for "may this card be handed out today?" (`today` is the Brussels date).
 * A collected card says so first: that answer matters most to the person at the desk.
 */
export function cardVerdict(facts: CardDeskFacts, today: string): CardVerdict {
  if (facts.state === 'collected' && facts.collected) {
    const { eventId: _eventId, ...collected } = facts.collected;
    return { ok: false, error: 'already_collected', ...collected };
  }
  if (facts.replacedBy !== null) return { ok: false, error: 'replaced', replacedBy: facts.replacedBy };
  if (facts.issuerStatus === 'ingetrokken') return { ok: false, error: 'revoked' };
  if (facts.state === 'returned') return { ok: false, error: 'returned' };
  if (today < facts.availableFrom)
    return { ok: false, error: 'before_period', availableFrom: facts.availableFrom };
  if (today > facts.lastDay) return { ok: false, error: 'after_period', lastDay: facts.lastDay };
  return { ok: true };
}
