import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { storeCardYear } from '../../../../../src/main/store/cardYear';
import { describeImportProblem } from '../../../../../src/shared/i18n/importProblemText';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { dbChecksum, testStore } from '../../../../helpers/store';

const csv = (...rows: string[]) => [CARDS_HEADER, ...rows, ''].join('\r\n');
const a = makeCardNumber(2700000011);
const b = makeCardNumber(2700000012);
const c = makeCardNumber(2700000013);
const reprintOfB = makeCardNumber(2700000912);

/** Issued in October: every card still available. */
const october = makeTestPackage({
  batchId: '2027-BIB-GENT-OKT',
  issuedAt: '2026-10-15T09:30:00+02:00',
  cardsCsv: csv(
    `${a};11111111111;An;Peeters;9000;Gent;100;`,
    `${b};22222222222;Bram;De Smet;9000;Gent;100;`,
    `${c};33333333333;Chloé;Öztürk;9040;Sint-Amandsberg;;`,
  ),
});
/** Issued in November: A revoked, C moved, B reprinted, and nothing about the rest. */
const november = makeTestPackage({
  batchId: '2027-BIB-GENT-NOV',
  issuedAt: '2026-11-20T10:00:00+01:00',
  cardsCsv: csv(
    `${a};11111111111;An;Peeters;9000;Gent;100;ingetrokken`,
    `${c};33333333333;Chloé;Öztürk;9050;Gentbrugge;;`,
    `${reprintOfB};22222222222;Bram;De Smet;9000;Gent;100;`,
  ),
});

function cardRow(store: ReturnType<typeof testStore>, card: string) {
  return store.db
    .prepare('SELECT issuer_status AS status, postcode, replaced_by AS replacedBy FROM cards WHERE card = ?')
    .get(card);
}

describe('stale packages never win (issue 9)', () => {
  it('newer then older: the older package adds nothing back, never undoes a revoke, a move or a reprint', async () => {
    const store = testStore();
    expect((await importBatch(store, november)).ok).toBe(true);
    const late = await importBatch(store, october);
    expect(late.ok).toBe(true);
    if (!late.ok) return;
    // B is new to this store, so it is added, but as the old print the November reprint replaced.
    expect(late.value).toMatchObject({ added: 1, updated: 0, revoked: 0, replaced: 0, skippedOlder: 3 });
    expect(cardRow(store, a)).toEqual({ status: 'ingetrokken', postcode: '9000', replacedBy: null });
    expect(cardRow(store, c)).toEqual({ status: 'beschikbaar', postcode: '9050', replacedBy: null });
    expect(cardRow(store, b)).toEqual({ status: 'beschikbaar', postcode: '9000', replacedBy: reprintOfB });
    expect(cardRow(store, reprintOfB)).toMatchObject({ replacedBy: null });
    const skipped = late.value.warnings.filter((w) => w.code === 'skipped_older');
    expect(skipped.map((w) => w.value).sort()).toEqual([a, b, c].sort());
    expect(describeImportProblem(skipped[0] ?? late.value.warnings[0]!)).toMatch(
      /kwam al in een nieuwer pakket .*overgeslagen/,
    );
  });

  it('older then newer: the newer package applies its revoke, move and reprint as usual', async () => {
    const store = testStore();
    expect((await importBatch(store, october)).ok).toBe(true);
    const result = await importBatch(store, november);
    expect(result.ok && result.value).toMatchObject({
      added: 1,
      updated: 2,
      revoked: 1,
      replaced: 1,
      skippedOlder: 0,
    });
    expect(cardRow(store, a)).toEqual({ status: 'ingetrokken', postcode: '9000', replacedBy: null });
    expect(cardRow(store, c)).toEqual({ status: 'beschikbaar', postcode: '9050', replacedBy: null });
    expect(cardRow(store, b)).toEqual({ status: 'beschikbaar', postcode: '9000', replacedBy: reprintOfB });
  });

  it('a card carried unchanged by a newer package is not changed by an older one either', async () => {
    const store = testStore();
    const december = makeTestPackage({
      batchId: '2027-BIB-GENT-DEC',
      issuedAt: '2026-12-01T10:00:00+01:00',
      cardsCsv: csv(`${a};11111111111;An;Peeters;9000;Gent;100;`),
    });
    await importBatch(store, october);
    await importBatch(store, december); // A unchanged, but now last seen in December
    const result = await importBatch(store, november); // issued before December: A's revoke is stale
    expect(result.ok && result.value.skippedOlder).toBe(1);
    expect(cardRow(store, a)).toMatchObject({ status: 'beschikbaar' });
  });

  it('compares issuedAt as instants, not as text with different offsets', async () => {
    const store = testStore();
    const utcLater = makeTestPackage({
      batchId: '2027-BIB-GENT-UTC',
      issuedAt: '2026-10-15T08:00:00Z', // 10:00 in Brussels: after October's 09:30+02:00
      cardsCsv: csv(`${a};11111111111;An;Peeters;9000;Gent;100;ingetrokken`),
    });
    await importBatch(store, utcLater);
    const result = await importBatch(store, october);
    expect(result.ok && result.value.skippedOlder).toBe(1);
    expect(cardRow(store, a)).toMatchObject({ status: 'ingetrokken' });
  });
});

describe('one card year per store (issue 9)', () => {
  it('refuses a package of another card year, says how to start a new year, and changes nothing', async () => {
    const store = testStore();
    await importBatch(store, october);
    expect(storeCardYear(store.db)).toBe(2027);
    const before = dbChecksum(store.db);
    const nextYear = makeTestPackage({
      batchId: '2028-BIB-GENT-01',
      cardYear: 2028,
      cardsCsv: csv(`${makeCardNumber(2800000001)};44444444444;Dirk;Maes;9000;Gent;;`),
    });
    const result = await importBatch(store, nextYear);
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_package') return;
    expect(result.problems.map((p) => p.code)).toEqual(['card_year_mismatch']);
    const text = describeImportProblem(result.problems[0]!);
    expect(text).toContain('kaartjaar 2028');
    expect(text).toContain('balie new-year --card-year 2028');
    expect(text).toContain('Nieuw kaartjaar');
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('accepts any card year for the first package of an empty store', async () => {
    const store = testStore();
    expect(storeCardYear(store.db)).toBeNull();
    const result = await importBatch(store, makeTestPackage({ cardYear: 2031, batchId: '2031-BIB-GENT-01' }));
    expect(result.ok).toBe(true);
    expect(storeCardYear(store.db)).toBe(2031);
  });
});
