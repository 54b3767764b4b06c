import type { CardCheck } from '../../../shared/api/apiTypes';
import { cardVerdict } from '../../../shared/desk/cardVerdict';
import { brusselsDate } from '../../../shared/time/brussels';
import type { StoreContext } from '../../store/storeContext';
import { readCardWithSummary } from './cardFacts';
import { likelyPointFor } from './pointsDirectory';

/**
 * The answer to a scanned or chosen card: who it is and what the desk may do (the verdict), or,
 * for a card this point does not have, where the teacher's postcode is most likely served.
 */
export function checkCard(
  ctx: StoreContext,
  input: { card: string; postcode?: string | undefined },
): CardCheck {
  const found = readCardWithSummary(ctx.db, input.card);
  if (!found) return { found: false, card: input.card, likelyPoint: likelyPointFor(ctx.db, input.postcode) };
  return {
    found: true,
    summary: found.summary,
    verdict: cardVerdict(found.facts, brusselsDate(ctx.clock.now())),
  };
}
