import type { CardCheck } from '../../../shared/api/apiTypes';
import type { CardSummary } from '../../../shared/cards/cardStatus';

/** Who takes the cards away: a teacher with a card here, or a person noted with their ID. */
export type Collector =
  | { kind: 'card'; summary: CardSummary & { stamboeknummer: string } }
  | { kind: 'person'; name: string; idNote: string };

/** One card in the group, checked the moment it is added. */
export interface GroupCard {
  card: string;
  check: CardCheck | null;
  /** The store's reason when it refused the whole group because of this card. */
  refusedBecause: string | null;
}

export function isRefused(card: GroupCard): boolean {
  if (card.refusedBecause) return true;
  if (!card.check) return false;
  return !card.check.found || !card.check.verdict.ok;
}
