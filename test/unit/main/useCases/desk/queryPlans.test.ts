import { describe, expect, it } from 'vitest';
import { CARD_SUMMARY_COLUMNS, CARDS_WITH_STATE } from '../../../../../src/main/store/cardStatusSql';
import { testStore } from '../../../../helpers/store';

/** The desk's hot queries must stay index look-ups as the schema evolves (as Signal checks its plans). */
function plan(sql: string, ...params: unknown[]): string {
  const { db } = testStore();
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

const select = `SELECT ${CARD_SUMMARY_COLUMNS} FROM ${CARDS_WITH_STATE}`;

describe('query plans of the search statements', () => {
  it('looks up a card number and a stamboeknummer through an index', () => {
    expect(plan(`${select} WHERE c.card = ?`, '270000000154')).toMatch(
      /SEARCH c USING INDEX sqlite_autoindex_cards_1/,
    );
    expect(plan(`${select} WHERE c.stamboeknummer = ?`, '01234567890')).toMatch(
      /USING INDEX cards_by_stamboeknummer/,
    );
  });

  it('lists a postcode or a school in name order without sorting all its cards', () => {
    const byPostcode = plan(
      `${select} WHERE c.postcode = ? ORDER BY c.achternaam, c.voornaam LIMIT 50`,
      '9000',
    );
    expect(byPostcode).toMatch(/USING INDEX cards_by_postcode_name/);
    expect(byPostcode).not.toMatch(/TEMP B-TREE/);
    const bySchool = plan(
      `${select} WHERE c.school = ? ORDER BY c.achternaam, c.voornaam LIMIT 50`,
      '100200',
    );
    expect(bySchool).toMatch(/USING INDEX cards_by_school_name/);
    expect(bySchool).not.toMatch(/TEMP B-TREE/);
  });

  it('joins the card state by primary key', () => {
    expect(plan(`${select} WHERE c.card = ?`, '270000000154')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
  });
});
