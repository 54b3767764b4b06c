import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertCardsInBulk } from '../../../../src/main/store/bulkCards';
import { nameSearchText, nameSortKey } from '../../../../src/shared/search/foldName';
import { dbChecksum, testStore } from '../../../helpers/store';

/** Names that exercise the word split: particles, several first names, accents, apostrophes, none. */
const NAMES: [string | null, string | null][] = [
  ['An', 'Peeters'],
  ['Jan Pieter', 'Van den Broeck'],
  ['Ëlla', "D'Hondt"],
  ['Bram', "'t Kint"],
  ['Öykü', 'Öztürk-Yılmaz'],
  ['Lotte', 'De Smet'],
  [null, null], // purged: no name key, no words
  ['Jan', 'Peeters'],
  ['Peeters', 'Jan'],
];

function addBatch(db: Database): void {
  db.prepare(
    `INSERT INTO batches VALUES ('B1', 'BIB-GENT', 'Testpunt', 2027, '2026-10-15T09:30:00+02:00', '2026-11-01',
       '2027-06-30', '${'a'.repeat(64)}', 'valid', '2026-11-01T10:00:00+01:00', 0, '{}')`,
  ).run();
}

function insertCards(db: Database, from: number, names: typeof NAMES): void {
  const insert = db.prepare(
    `INSERT INTO cards (card, stamboeknummer, voornaam, achternaam, postcode, issuer_status, first_batch_id,
       last_batch_id, search_text, name_key) VALUES (?, ?, ?, ?, '9000', 'beschikbaar', 'B1', 'B1', ?, ?)`,
  );
  names.forEach(([v, a], i) => {
    const named = v !== null && a !== null;
    insert.run(
      `card-${from + i}`,
      named ? String(10000000000 + from + i) : null,
      v,
      a,
      named ? nameSearchText(v, a) : '',
      named ? nameSortKey(v, a) : '',
    );
  });
}

const schema = (db: Database) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
const words = (db: Database) =>
  db.prepare('SELECT field, word, name_key, card_id FROM name_words ORDER BY 1, 2, 3, 4').all();
const fts = (db: Database, q: string) =>
  db.prepare('SELECT rowid FROM cards_fts WHERE cards_fts MATCH ? ORDER BY rowid').pluck().all(q);
const FTS_PROBES = [
  '"peeters"',
  '"pee"*',
  '"vandenbroeck"',
  '"d"* "hondt"',
  '"ozturk"*',
  '"t" "kint"',
  '"jan"',
];

/** Two stores, one written row by row through the triggers, one through insertCardsInBulk. */
function both(fill: (db: Database, bulk: boolean) => void) {
  const rowwise = testStore();
  const bulk = testStore();
  for (const [store, isBulk] of [
    [rowwise, false],
    [bulk, true],
  ] as const) {
    addBatch(store.db);
    fill(store.db, isBulk);
  }
  return { rowwise: rowwise.db, bulk: bulk.db };
}

describe('insertCardsInBulk', () => {
  it('fills name_words and the FTS index exactly as the per-row triggers do, into an empty and a filled store', () => {
    const { rowwise, bulk } = both((db, isBulk) => {
      const before = schema(db);
      db.transaction(() => {
        insertCards(db, 0, NAMES);
        if (isBulk) insertCardsInBulk(db, () => insertCards(db, 100, NAMES));
        else insertCards(db, 100, NAMES);
      })();
      // The triggers are back, word for word: a later single-row write indexes itself.
      expect(schema(db)).toEqual(before);
      insertCards(db, 200, [['Zoë', 'Aerts']]);
    });
    expect(words(bulk)).toEqual(words(rowwise));
    expect(words(bulk).length).toBeGreaterThan(3 * NAMES.length);
    for (const q of [...FTS_PROBES, '"zoe"'])
      expect({ q, rows: fts(bulk, q) }).toEqual({ q, rows: fts(rowwise, q) });
    expect(fts(bulk, '"peeters"')).toHaveLength(6);
    // An external-content FTS5 index checks itself against the cards table.
    expect(() =>
      bulk.prepare(`INSERT INTO cards_fts (cards_fts) VALUES ('integrity-check')`).run(),
    ).not.toThrow();
    rowwise.close();
    bulk.close();
  });

  it('changes nothing, triggers included, when the insert fails', () => {
    const store = testStore();
    addBatch(store.db);
    insertCards(store.db, 0, NAMES.slice(0, 2));
    const before = { schema: schema(store.db), rows: dbChecksum(store.db) };
    expect(() =>
      store.db.transaction(() =>
        insertCardsInBulk(store.db, () => insertCards(store.db, 0, NAMES.slice(0, 1))),
      )(),
    ).toThrow(/UNIQUE/);
    expect({ schema: schema(store.db), rows: dbChecksum(store.db) }).toEqual(before);
    store.db.close();
  });

  it('refuses to run outside a transaction (the triggers would be gone between statements)', () => {
    const store = testStore();
    expect(() => insertCardsInBulk(store.db, () => undefined)).toThrow(/transaction/);
    expect(schema(store.db).filter((r) => (r as { type: string }).type === 'trigger')).not.toHaveLength(0);
    store.db.close();
  });
});
