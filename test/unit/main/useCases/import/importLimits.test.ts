import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { describeImportProblem } from '../../../../../src/shared/i18n/importProblemText';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { dbChecksum, testStore } from '../../../../helpers/store';

/** The import's bounds (docs/import.md): many rows across many inflate chunks, capped problems. */
function rows(n: number, make: (i: number) => string): string {
  const lines = [CARDS_HEADER];
  for (let i = 0; i < n; i++) lines.push(make(i));
  return `${lines.join('\r\n')}\r\n`;
}

describe('a large cards.csv, read in pieces', () => {
  it('imports 30,000 Windows-1252 cards with quoted names holding newlines and separators, every name intact', async () => {
    const text = rows(
      30_000,
      (i) =>
        `${makeCardNumber(2700100000 + i)};${String(20_000_000_000 + i)};"Zoë;\r\nAnne";"D'Hondt ""${i}""";9000;Gent;;`,
    );
    // Windows-1252: ë is one byte 0xEB, so the file is not valid UTF-8.
    const bytes = Uint8Array.from(text, (c) => (c === 'ë' ? 0xeb : c.charCodeAt(0)));
    const store = testStore();
    const result = await importBatch(store, makeTestPackage({ cardsCsv: bytes }));
    expect(result.ok ? result.value.added : result).toBe(30_000);
    const card = makeCardNumber(2700100000 + 29_999);
    expect(searchCards(store.db, card)[0]).toMatchObject({
      voornaam: 'Zoë;\r\nAnne',
      achternaam: `D'Hondt "29999"`,
    });
  });

  it('keeps the first 50 problems of 3,000 bad rows and says how many more, changing nothing', async () => {
    const store = testStore();
    const before = dbChecksum(store.db);
    const bad = rows(3_000, (i) => `${makeCardNumber(2700200000 + i)};123;An;Peeters;0999;Gent;;`);
    const result = await importBatch(store, makeTestPackage({ cardsCsv: bad }));
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_package') return;
    expect(result.problems).toHaveLength(51);
    expect(result.problems[0]).toMatchObject({ line: 2 });
    const more = result.problems[50];
    expect(more).toMatchObject({ code: 'problems_more', value: String(6_000 - 50) });
    expect(describeImportProblem(more!)).toBe('… en nog 5950 problemen (niet getoond).');
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('finds a duplicate card number 20,000 lines apart', async () => {
    const dup = makeCardNumber(2700300000);
    const text = rows(
      20_001,
      (i) =>
        `${i === 20_000 ? dup : makeCardNumber(2700300000 + i)};${String(30_000_000_000 + i)};An;Peeters;9000;Gent;;`,
    );
    const result = await importBatch(testStore(), makeTestPackage({ cardsCsv: text }));
    expect(result.ok ? [] : result.error === 'invalid_package' ? result.problems : []).toEqual([
      {
        code: 'card_number_duplicate',
        severity: 'error',
        file: 'cards.csv',
        line: 20_002,
        column: 1,
        columnName: 'kaartnummer',
        value: dup,
        otherLine: 2,
      },
    ]);
  });
});
