import type { Database } from 'better-sqlite3';
import { firstName, surname, wordsOf } from './migrations/m0080_name_words';

/*
 * An import adds up to a million cards in one statement. Per row, the AFTER INSERT triggers on
 * cards split the name into name_words (json_each, a random-order B-tree insert per word) and add
 * it to cards_fts: at 200,000 cards that was most of the import. Here those two triggers are
 * dropped for the one INSERT, and both indexes are filled for the new rows with one statement
 * each, name_words in its key order. All inside the caller's transaction: the triggers are made
 * again from their own text in sqlite_schema before it commits, so no other connection ever sees
 * the schema without them, and a failure rolls the drop back with everything else.
 */
const BULK_TRIGGERS = ['name_words_insert', 'cards_fts_insert'] as const;

const key = 'c.name_key';
const NEW_NAME_WORDS = `INSERT OR IGNORE INTO name_words (field, word, name_key, card_id)
  SELECT 0, w.value, c.name_key, c.id FROM cards c, ${wordsOf(surname(key))} w
   WHERE c.id > @before AND c.name_key <> '' AND w.value <> ''
  UNION ALL
  SELECT 0, replace(${surname(key)}, ' ', ''), c.name_key, c.id FROM cards c
   WHERE c.id > @before AND c.name_key <> '' AND instr(${surname(key)}, ' ') > 0
  UNION ALL
  SELECT 1, w.value, c.name_key, c.id FROM cards c, ${wordsOf(firstName(key))} w
   WHERE c.id > @before AND c.name_key <> '' AND w.value <> ''
  ORDER BY 1, 2, 3, 4`;

/**
 * Runs `insert`, which must only INSERT into cards (new ids above every id so far), with the
 * name_words and FTS insert triggers off, then indexes the rows it added. Returns what `insert`
 * returns. Call it inside a write transaction.
 */
export function insertCardsInBulk<T>(db: Database, insert: () => T): T {
  if (!db.inTransaction) throw new Error('insertCardsInBulk needs the caller’s transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'cards'
       AND name IN (${BULK_TRIGGERS.map((t) => `'${t}'`).join(', ')})`,
    )
    .all() as { name: string; sql: string }[];
  if (triggers.length !== BULK_TRIGGERS.length)
    throw new Error(`cards insert triggers missing: found ${triggers.map((t) => t.name).join(', ')}`);
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM cards').pluck().get() as number;
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  const result = insert();
  db.prepare(NEW_NAME_WORDS).run({ before });
  db.prepare(
    'INSERT INTO cards_fts (rowid, search_text) SELECT id, search_text FROM cards WHERE id > @before',
  ).run({
    before,
  });
  for (const t of triggers) db.exec(t.sql);
  return result;
}
