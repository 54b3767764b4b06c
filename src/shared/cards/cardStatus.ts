/** What the desk sees for a card, derived from the issuer's data and the desk's events. */
export type CardStatus = 'waiting' | 'collected' | 'revoked' | 'replaced' | 'returned';

export const CARD_STATUSES: readonly CardStatus[] = [
  'waiting',
  'collected',
  'revoked',
  'replaced',
  'returned',
];

/** Why a row is in the results; exact identifiers rank before names. */
export type MatchKind = 'card' | 'stamboeknummer' | 'postcode' | 'school' | 'card_prefix' | 'name';

export interface CardSummary {
  card: string;
  /** Null after the retention purge. */
  stamboeknummer: string | null;
  voornaam: string | null;
  achternaam: string | null;
  postcode: string;
  gemeente: string | null;
  school: string | null;
  status: CardStatus;
  /** The newer card that replaces this one (reprint), when status is 'replaced'. */
  replacedBy: string | null;
  match: MatchKind;
}
