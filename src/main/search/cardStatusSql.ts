/**
 * The one SQL definition of a card's status, used by search, stats and reports alike.
 * Expects `cards c LEFT JOIN card_state s ON s.card_id = c.id`.
 */
export const CARD_STATUS_SQL = `CASE
  WHEN s.state = 'collected' THEN 'collected'
  WHEN c.replaced_by IS NOT NULL THEN 'replaced'
  WHEN c.issuer_status = 'ingetrokken' THEN 'revoked'
  WHEN s.state = 'returned' THEN 'returned'
  ELSE 'waiting' END`;

export const CARD_SUMMARY_COLUMNS = `c.card, c.stamboeknummer, c.voornaam, c.achternaam, c.postcode, c.gemeente,
  c.school, ${CARD_STATUS_SQL} AS status, c.replaced_by AS replacedBy`;

export const CARDS_WITH_STATE = `cards c LEFT JOIN card_state s ON s.card_id = c.id`;
