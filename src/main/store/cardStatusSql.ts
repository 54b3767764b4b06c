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

/**
 * The same rule as CARD_STATUS_SQL, as per-postcode counts in one pass (for stats and reports,
 * which must stay fast at 200,000 cards). A test keeps the two in step.
 */
export const STATUS_COUNTS_SQL = `count(*) AS cards,
  sum(s.state IS 'collected') AS collected,
  sum(s.state IS NOT 'collected' AND c.replaced_by IS NOT NULL) AS replaced,
  sum(s.state IS NOT 'collected' AND c.replaced_by IS NULL AND c.issuer_status = 'ingetrokken') AS revoked,
  sum(s.state IS 'returned' AND c.replaced_by IS NULL AND c.issuer_status <> 'ingetrokken') AS returned`;
