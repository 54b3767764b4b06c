import type { Database } from 'better-sqlite3';
import type { ImportProblem } from '../../../shared/batch/importProblem';
import { PROBLEMS_KEPT, withMore } from '../../../shared/batch/problemCollector';
import { insertCardsInBulk } from '../../store/bulkCards';

/**
 * Decides what a batch changes, without changing the store: the same plan serves the preview in
 * Beheer and the real import. It works on the staging table (stageCards) in SQL, so a large batch
 * costs no memory, and writes each staged row's fate into its `action` column:
 * - `insert`    a card this store does not know;
 * - `unchanged` a known card with the same fields;
 * - `older`     a known card whose fields came from a newer package (by `issuedAt`): skipped, an
 *               older package never undoes a newer change (issue 9);
 * - `conflict`  a known card already handed out: reported, not applied;
 * - `update`    a known card whose fields change.
 */
export interface ImportPlan {
  inserts: number;
  updates: number;
  unchanged: number;
  revoked: number;
  /** Older cards that a reprint in this batch replaces. */
  replaced: number;
  /** Rows (and reprints) skipped because a newer package already set that card or teacher. */
  skippedOlder: number;
  /** conflict_handed_out warnings, capped (first 50, then problems_more). */
  conflicts: ImportProblem[];
  /** skipped_older warnings, capped. */
  skipped: ImportProblem[];
}

/** Batches in the store issued after `issuedAt` (instants compared, not strings: offsets differ). */
export function newerBatches(db: Database, issuedAt: string): { batchId: string; issuedAt: string }[] {
  const at = Date.parse(issuedAt);
  const all = db.prepare('SELECT batch_id AS batchId, issued_at AS issuedAt FROM batches').all() as {
    batchId: string;
    issuedAt: string;
  }[];
  return all.filter((b) => Date.parse(b.issuedAt) > at);
}

const SAME_FIELDS = `c.stamboeknummer IS s.stamboeknummer AND c.voornaam IS s.voornaam AND c.achternaam IS s.achternaam
  AND c.postcode IS s.postcode AND c.gemeente IS s.gemeente AND c.school IS s.school AND c.issuer_status IS s.issuer_status`;

/**
 * Classifies the staged rows and fills `temp.<table>_newer` and `temp.<table>_reprints`, which
 * applyPlan reads. Call it once per staging table, then applyPlan, or nothing for a preview.
 */
export function planImport(db: Database, table: string, issuedAt: string): ImportPlan {
  const s = `temp.${table}`;
  const newer = `temp.${table}_newer`;
  const reprints = `temp.${table}_reprints`;
  const newerList = newerBatches(db, issuedAt);
  db.exec(
    `DROP TABLE IF EXISTS ${newer}; CREATE TEMP TABLE ${table}_newer (batch_id TEXT PRIMARY KEY, issued_at TEXT)`,
  );
  const addNewer = db.prepare(`INSERT INTO ${newer} VALUES (?, ?)`);
  for (const b of newerList) addNewer.run(b.batchId, b.issuedAt);

  // Rows of cards the store does not know keep the column's default, 'insert'.
  db.prepare(
    `UPDATE ${s} AS s SET known_id = c.id, action = CASE
       WHEN ${SAME_FIELDS} THEN 'unchanged'
       WHEN c.last_batch_id IN (SELECT batch_id FROM ${newer}) THEN 'older'
       WHEN st.state = 'collected' THEN 'conflict'
       ELSE 'update' END
     FROM cards c LEFT JOIN card_state st ON st.card_id = c.id
     WHERE c.card = s.card`,
  ).run();

  const counts = new Map(
    (
      db.prepare(`SELECT action, count(*) AS n FROM ${s} GROUP BY action`).all() as {
        action: string;
        n: number;
      }[]
    ).map((r) => [r.action, r.n]),
  );
  const revoked = db
    .prepare(
      `SELECT count(*) FROM ${s} s LEFT JOIN cards c ON c.id = s.known_id
       WHERE s.issuer_status = 'ingetrokken'
         AND (s.action = 'insert' OR (s.action = 'update' AND c.issuer_status <> 'ingetrokken'))`,
    )
    .pluck()
    .get() as number;

  // Reprints: a teacher's active card that another card of this batch replaces. When that active
  // card came from a newer package, the newer reprint stands: this batch's card is the old one.
  db.exec(`DROP TABLE IF EXISTS ${reprints};
    CREATE TEMP TABLE ${table}_reprints AS
    SELECT o.card AS other_card, min(s.card) AS staged_card, min(s.line) AS line, max(s.action) AS action,
           (o.last_batch_id IN (SELECT batch_id FROM ${newer})) AS other_is_newer
    FROM ${s} s JOIN cards o ON o.stamboeknummer = s.stamboeknummer AND o.replaced_by IS NULL AND o.card <> s.card
    WHERE s.action IN ('insert', 'update', 'unchanged')
    GROUP BY o.card`);
  const replaced = db
    .prepare(`SELECT count(*) FROM ${reprints} WHERE NOT other_is_newer`)
    .pluck()
    .get() as number;
  const reprintsSkipped = db
    .prepare(`SELECT count(*) FROM ${reprints} WHERE other_is_newer`)
    .pluck()
    .get() as number;

  const conflictRows = db
    .prepare(`SELECT line, card FROM ${s} WHERE action = 'conflict' ORDER BY line LIMIT ${PROBLEMS_KEPT}`)
    .all() as { line: number; card: string }[];
  const newestIssued = newerList.reduce<string | undefined>(
    (a, b) => (a === undefined || Date.parse(b.issuedAt) > Date.parse(a) ? b.issuedAt : a),
    undefined,
  );
  const skippedRows = db
    .prepare(
      `SELECT s.line, s.card, n.issued_at AS issuedAt FROM ${s} s JOIN cards c ON c.id = s.known_id
         JOIN ${newer} n ON n.batch_id = c.last_batch_id
       WHERE s.action = 'older'
       UNION ALL
       SELECT r.line, r.staged_card, ? FROM ${reprints} r WHERE r.other_is_newer
       ORDER BY 1 LIMIT ${PROBLEMS_KEPT}`,
    )
    .all(newestIssued ?? null) as { line: number; card: string; issuedAt: string | null }[];

  const conflicts = conflictRows.map((r): ImportProblem => ({
    code: 'conflict_handed_out',
    severity: 'warning',
    file: 'cards.csv',
    line: r.line,
    value: r.card,
  }));
  const skipped = skippedRows.map((r): ImportProblem => ({
    code: 'skipped_older',
    severity: 'warning',
    file: 'cards.csv',
    line: r.line,
    value: r.card,
    ...(r.issuedAt ? { expected: r.issuedAt } : {}),
  }));
  const older = counts.get('older') ?? 0;
  return {
    inserts: counts.get('insert') ?? 0,
    updates: counts.get('update') ?? 0,
    unchanged: counts.get('unchanged') ?? 0,
    revoked,
    replaced,
    skippedOlder: older + reprintsSkipped,
    conflicts: withMore(conflicts, counts.get('conflict') ?? 0, 'cards.csv'),
    skipped: withMore(skipped, older + reprintsSkipped, 'cards.csv'),
  };
}

export function planChangesSomething(plan: ImportPlan): boolean {
  return plan.inserts > 0 || plan.updates > 0 || plan.replaced > 0;
}

const CARD_COLUMNS = `card, stamboeknummer, voornaam, achternaam, postcode, gemeente, school, issuer_status,
  first_batch_id, last_batch_id, search_text, name_key`;

/** Applies a plan inside the caller's transaction. */
export function applyPlan(db: Database, table: string, batchId: string): void {
  const s = `temp.${table}`;
  const newer = `temp.${table}_newer`;
  const reprints = `temp.${table}_reprints`;
  // One INSERT … SELECT; name_words and the FTS index are filled after it in bulk, not per row.
  insertCardsInBulk(db, () =>
    db
      .prepare(
        `INSERT INTO cards (${CARD_COLUMNS})
         SELECT card, stamboeknummer, voornaam, achternaam, postcode, gemeente, school, issuer_status, ?, ?, search_text, name_key
         FROM ${s} WHERE action = 'insert' ORDER BY line`,
      )
      .run(batchId, batchId),
  );
  // Reprints were decided against the store before this batch (planImport); the new cards exist now.
  db.prepare(
    `UPDATE cards SET replaced_by = r.staged_card FROM ${reprints} r WHERE cards.card = r.other_card AND NOT r.other_is_newer`,
  ).run();
  // A new card of an older package whose teacher already has a newer reprint is that old print.
  db.prepare(
    `UPDATE cards SET replaced_by = r.other_card FROM ${reprints} r
     WHERE cards.card = r.staged_card AND r.other_is_newer AND r.action = 'insert'`,
  ).run();
  db.prepare(
    `UPDATE cards SET stamboeknummer = u.stamboeknummer, voornaam = u.voornaam, achternaam = u.achternaam,
       postcode = u.postcode, gemeente = u.gemeente, school = u.school, issuer_status = u.issuer_status,
       last_batch_id = ?, search_text = u.search_text, name_key = u.name_key
     FROM (SELECT * FROM ${s} WHERE action = 'update') u WHERE cards.id = u.known_id`,
  ).run(batchId);
  // The newest package that carried a card is what an older one is compared with later.
  db.prepare(
    `UPDATE cards SET last_batch_id = ?
     WHERE id IN (SELECT known_id FROM ${s} WHERE action = 'unchanged')
       AND last_batch_id NOT IN (SELECT batch_id FROM ${newer})`,
  ).run(batchId);
}

export function dropStaging(db: Database, table: string): void {
  db.exec(
    `DROP TABLE IF EXISTS temp.${table}; DROP TABLE IF EXISTS temp.${table}_newer; DROP TABLE IF EXISTS temp.${table}_reprints;`,
  );
}
