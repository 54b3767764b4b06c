import type { Database } from 'better-sqlite3';
import { nameSortKey } from '../../../shared/search/foldName';
import type { Migration } from './migration';

/*
 * A one-word name query is most of what staff type ("peeters", "pee", "vandenbroeck"). Through
 * FTS5 it read up to 400 matches in row order, joined each to its card and ranked them in JS
 * (bench: 4.5 ms p50 for a surname at 200k). name_words holds every folded name word of a card
 * with the card's name key, so an index range hands out the matches already in rank order
 * (whole word before prefix, surname before first name, then by name) and the search reads only
 * the rows the screen shows.
 *
 * The words come from cards.name_key (`folded surname \x01 folded first name`, set where
 * search_text is set), split by triggers in SQL: every write path keeps the table in step.
 * Folded words hold only letters and digits, so `["a","b"]` built by replace() is valid JSON.
 */
// Exported for the import's bulk fill (src/main/store/bulkCards.ts): the same split as the triggers.
export const surname = (k: string) => `substr(${k}, 1, instr(${k}, char(1)) - 1)`;
export const firstName = (k: string) => `substr(${k}, instr(${k}, char(1)) + 1)`;
export const wordsOf = (part: string) => `json_each('["' || replace(${part}, ' ', '","') || '"]')`;

const surnameWords = (k: string) =>
  `SELECT value FROM ${wordsOf(surname(k))} WHERE value <> ''
   UNION ALL SELECT replace(${surname(k)}, ' ', '') WHERE instr(${surname(k)}, ' ') > 0`;
const firstNameWords = (k: string) => `SELECT value FROM ${wordsOf(firstName(k))} WHERE value <> ''`;

/** field 0: a surname word or the surname as one word; field 1: a first-name word. */
const insertWords = (row: 'new') =>
  `INSERT OR IGNORE INTO name_words (field, word, name_key, card_id)
   SELECT 0, value, ${row}.name_key, ${row}.id FROM (${surnameWords(`${row}.name_key`)})
   UNION ALL SELECT 1, value, ${row}.name_key, ${row}.id FROM (${firstNameWords(`${row}.name_key`)});`;
/** One DELETE per field with `word IN (…)`: the primary key finds each row (a row-value IN scanned the table). */
const deleteWords = (row: 'old') =>
  `DELETE FROM name_words WHERE field = 0 AND word IN (${surnameWords(`${row}.name_key`)})
     AND name_key = ${row}.name_key AND card_id = ${row}.id;
   DELETE FROM name_words WHERE field = 1 AND word IN (${firstNameWords(`${row}.name_key`)})
     AND name_key = ${row}.name_key AND card_id = ${row}.id;`;

export const m0080NameWords: Migration = {
  version: 80,
  name: 'name words ordered by name',
  up(db: Database) {
    db.exec(`
      ALTER TABLE cards ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
      CREATE TABLE name_words (
        field INTEGER NOT NULL,
        word TEXT NOT NULL,
        name_key TEXT NOT NULL,
        card_id INTEGER NOT NULL,
        PRIMARY KEY (field, word, name_key, card_id)
      ) WITHOUT ROWID, STRICT;
      CREATE TRIGGER name_words_insert AFTER INSERT ON cards WHEN new.name_key <> '' BEGIN
        ${insertWords('new')}
      END;
      CREATE TRIGGER name_words_delete AFTER DELETE ON cards WHEN old.name_key <> '' BEGIN
        ${deleteWords('old')}
      END;
      CREATE TRIGGER name_words_update AFTER UPDATE OF name_key ON cards
      WHEN old.name_key IS NOT new.name_key BEGIN
        ${deleteWords('old')}
        ${insertWords('new')}
      END;
    `);
    const rows = db
      .prepare(
        'SELECT id, voornaam, achternaam FROM cards WHERE voornaam IS NOT NULL OR achternaam IS NOT NULL',
      )
      .all() as { id: number; voornaam: string | null; achternaam: string | null }[];
    const update = db.prepare('UPDATE cards SET name_key = ? WHERE id = ?');
    for (const r of rows) update.run(nameSortKey(r.voornaam ?? '', r.achternaam ?? ''), r.id);
  },
};
