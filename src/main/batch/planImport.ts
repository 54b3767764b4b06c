import type { Database } from 'better-sqlite3';
import type { ImportProblem } from '../../shared/batch/importProblem';
import type { CardRow } from '../../shared/batch/rows';

/** An existing card as the planner needs it. */
interface ExistingCard {
  id: number;
  card: string;
  stamboeknummer: string | null;
  voornaam: string | null;
  achternaam: string | null;
  postcode: string;
  gemeente: string | null;
  school: string | null;
  issuer_status: string;
  replaced_by: string | null;
  handed_out: number;
}

export interface ImportPlan {
  inserts: CardRow[];
  updates: { id: number; row: CardRow }[];
  unchanged: number;
  /** Older card numbers that a reprint in this batch replaces, with the card replacing them. */
  replacements: { olderCard: string; newerCard: string }[];
  revoked: number;
  conflicts: ImportProblem[];
}

function differs(existing: ExistingCard, row: CardRow): boolean {
  return (
    existing.stamboeknummer !== row.stamboeknummer ||
    existing.voornaam !== row.voornaam ||
    existing.achternaam !== row.achternaam ||
    existing.postcode !== row.postcode ||
    existing.gemeente !== row.gemeente ||
    existing.school !== row.school ||
    existing.issuer_status !== row.status
  );
}

/**
 * Decides what a batch changes, without changing anything: the same plan serves the
 * preview in Beheer and the real import.
 */
export function planImport(db: Database, rows: readonly CardRow[]): ImportPlan {
  const existingByCard = new Map<string, ExistingCard>();
  const activeCardByStamboek = new Map<string, string>();
  const existing = db
    .prepare(
      `SELECT c.id, c.card, c.stamboeknummer, c.voornaam, c.achternaam, c.postcode, c.gemeente, c.school,
              c.issuer_status, c.replaced_by, (s.state = 'collected') AS handed_out
       FROM cards c LEFT JOIN card_state s ON s.card_id = c.id`,
    )
    .all() as ExistingCard[];
  for (const card of existing) {
    existingByCard.set(card.card, card);
    if (card.replaced_by === null && card.stamboeknummer !== null)
      activeCardByStamboek.set(card.stamboeknummer, card.card);
  }

  const plan: ImportPlan = {
    inserts: [],
    updates: [],
    unchanged: 0,
    replacements: [],
    revoked: 0,
    conflicts: [],
  };
  const replacedAlready = new Set<string>();
  for (const row of rows) {
    const known = existingByCard.get(row.card);
    let applied = true;
    if (!known) {
      plan.inserts.push(row);
      if (row.status === 'ingetrokken') plan.revoked += 1;
    } else if (!differs(known, row)) {
      plan.unchanged += 1;
    } else if (known.handed_out) {
      applied = false;
      plan.conflicts.push({
        code: 'conflict_handed_out',
        severity: 'warning',
        file: 'cards.csv',
        line: row.line,
        value: row.card,
      });
    } else {
      plan.updates.push({ id: known.id, row });
      if (row.status === 'ingetrokken' && known.issuer_status !== 'ingetrokken') plan.revoked += 1;
    }
    if (!applied) continue;
    const older = activeCardByStamboek.get(row.stamboeknummer);
    if (older !== undefined && older !== row.card && !replacedAlready.has(older)) {
      plan.replacements.push({ olderCard: older, newerCard: row.card });
      replacedAlready.add(older);
    }
  }
  return plan;
}

export function planChangesSomething(plan: ImportPlan): boolean {
  return plan.inserts.length > 0 || plan.updates.length > 0 || plan.replacements.length > 0;
}
