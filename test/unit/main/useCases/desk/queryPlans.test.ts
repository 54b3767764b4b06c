import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { testStore } from '../../../../helpers/store';

/**
 * The desk's search runs on every keystroke at 200,000 cards: each statement searchCards really
 * runs must stay an index or FTS look-up as the schema evolves, never a scan of all cards.
 * The Database's prepare is wrapped so the test sees the exact SQL and parameters the code uses.
 */
interface Ran {
  sql: string;
  params: unknown[];
}

function recordingStore(): { db: Database; ran: Ran[] } {
  const { db } = testStore();
  const ran: Ran[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement);
    statement.all = ((...params: unknown[]) => {
      ran.push({ sql, params });
      return all(...params);
    }) as typeof statement.all;
    const iterate = statement.iterate.bind(statement);
    statement.iterate = ((...params: unknown[]) => {
      ran.push({ sql, params });
      return iterate(...params);
    }) as typeof statement.iterate;
    return statement;
  }) as typeof db.prepare;
  return { db, ran };
}

const { db, ran } = recordingStore();

/** The query plan of every statement one search ran, in the order it ran them. */
function plansOf(input: string): string[] {
  ran.length = 0;
  searchCards(db, input);
  const runs = [...ran];
  return runs.map(({ sql, params }) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n'),
  );
}

/** A SCAN of cards, with or without an index, reads every card. */
const NO_CARD_SCAN = /\bSCAN (c|cards)\b/;

describe('query plans of the statements searchCards runs', () => {
  it('a scanned card number: one look-up in the unique card index, the state by primary key', () => {
    const plans = plansOf('2700 0000 0154');
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/SEARCH c USING INDEX sqlite_autoindex_cards_1 \(card=\?\)/);
    expect(plans[0]).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    expect(plans[0]).not.toMatch(NO_CARD_SCAN);
  });

  it('a stamboeknummer: its index, then school and card-number prefix through their indexes', () => {
    const plans = plansOf('01234567890');
    expect(plans).toHaveLength(3);
    expect(plans[0]).toMatch(/USING INDEX cards_by_stamboeknummer \(stamboeknummer=\?\)/);
    expect(plans[1]).toMatch(/USING INDEX cards_by_school_name \(school=\?\)/);
    expect(plans[2]).toMatch(/USING INDEX sqlite_autoindex_cards_1 \(card>\? AND card<\?\)/);
    for (const plan of plans) expect(plan).not.toMatch(NO_CARD_SCAN);
    // The two lists come in index order; only the stamboeknummer's few cards are sorted.
    for (const plan of plans.slice(1)) expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('a postcode or a school lists cards in name order straight from its index, without sorting', () => {
    const postcode = plansOf('9000');
    expect(postcode).toHaveLength(3);
    expect(postcode[0]).toMatch(/USING INDEX cards_by_postcode_name \(postcode=\?\)/);
    const school = plansOf('100200');
    expect(school).toHaveLength(2);
    expect(school[0]).toMatch(/USING INDEX cards_by_school_name \(school=\?\)/);
    for (const plan of [...postcode, ...school]) {
      expect(plan).not.toMatch(NO_CARD_SCAN);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('several name words read the name-word index: the name as typed, then the rarest word with the others checked', () => {
    const plans = plansOf('Jan Peeters');
    // As typed: surname-first, surname of several words, first-name-first; then the four tiers.
    expect(plans).toHaveLength(7);
    expect(plans[0]).toMatch(
      /SEARCH w USING PRIMARY KEY \(field=\? AND word=\? AND name_key>\? AND name_key<\?\)/,
    );
    expect(plans[1]).toMatch(/SEARCH w USING PRIMARY KEY \(field=\? AND word>\? AND word<\?\)/);
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(NO_CARD_SCAN);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).not.toMatch(/VIRTUAL TABLE/);
    }
  });

  it('one name word reads the name-word index in rank order: four ranges, nothing sorted', () => {
    const plans = plansOf('peeters');
    expect(plans).toHaveLength(4);
    expect(plans[0]).toMatch(/SEARCH w USING PRIMARY KEY \(field=\? AND word=\?\)/);
    expect(plans[2]).toMatch(/SEARCH w USING PRIMARY KEY \(field=\? AND word>\? AND word<\?\)/);
    for (const plan of plans) {
      expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
      expect(plan).not.toMatch(NO_CARD_SCAN);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
