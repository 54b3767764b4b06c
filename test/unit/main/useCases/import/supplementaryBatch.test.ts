import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { dbChecksum, testStore } from '../../../../helpers/store';

const csv = (...rows: string[]) => [CARDS_HEADER, ...rows, ''].join('\r\n');
const card1 = makeCardNumber(2700000001);
const card2 = makeCardNumber(2700000002);
const card3 = makeCardNumber(2700000003);
const reprint = makeCardNumber(2700000901);

const first = makeTestPackage({
  batchId: '2027-BIB-GENT-01',
  cardsCsv: csv(
    `${card1};11111111111;An;Peeters;9000;Gent;100;`,
    `${card2};22222222222;Bram;De Smet;9000;Gent;100;`,
    `${card3};33333333333;Chloé;Öztürk;9040;Sint-Amandsberg;;`,
  ),
});

describe('a supplementary batch for the same point', () => {
  it('adds new cards, updates changed ones, counts unchanged ones', async () => {
    const store = testStore();
    await importBatch(store, first);
    const second = makeTestPackage({
      batchId: '2027-BIB-GENT-02',
      cardsCsv: csv(
        `${card1};11111111111;An;Peeters;9000;Gent;100;`,
        `${card2};22222222222;Bram;De Smet;9050;Gentbrugge;100;ingetrokken`,
        `${makeCardNumber(2700000004)};44444444444;Dirk;Maes;9000;Gent;;`,
      ),
    });
    const result = await importBatch(store, second);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ added: 1, updated: 1, unchanged: 1, revoked: 1, replaced: 0 });
    expect(searchCards(store.db, card2)[0]).toMatchObject({ postcode: '9050', status: 'revoked' });
  });

  it('marks the older card "vervangen" when a reprint for the same teacher arrives', async () => {
    const store = testStore();
    await importBatch(store, first);
    const second = makeTestPackage({
      batchId: '2027-BIB-GENT-02',
      cardsCsv: csv(`${reprint};33333333333;Chloé;Öztürk;9040;Sint-Amandsberg;;`),
    });
    const result = await importBatch(store, second);
    expect(result.ok && result.value.replaced).toBe(1);
    const hits = searchCards(store.db, '33333333333');
    expect(hits.map((h) => [h.card, h.status, h.replacedBy])).toEqual([
      [reprint, 'waiting', null],
      [card3, 'replaced', reprint],
    ]);
    const refused = handOut(store, { card: card3, staff: 'Sofie', idChecked: true });
    expect(refused).toMatchObject({ ok: false, error: 'replaced', replacedBy: reprint });
  });

  it('reports, but does not apply, a change to a card already handed out', async () => {
    const store = testStore();
    await importBatch(store, first);
    expect(handOut(store, { card: card1, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    const second = makeTestPackage({
      batchId: '2027-BIB-GENT-02',
      cardsCsv: csv(`${card1};11111111111;An;Peeters;9000;Gent;100;ingetrokken`),
    });
    const result = await importBatch(store, second);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.updated).toBe(0);
    expect(result.value.warnings).toEqual([
      expect.objectContaining({ code: 'conflict_handed_out', line: 2, value: card1 }),
    ]);
    expect(searchCards(store.db, card1)[0]?.status).toBe('collected');
  });

  it('refuses the same batchId with different contents and changes nothing', async () => {
    const store = testStore();
    await importBatch(store, first);
    const before = dbChecksum(store.db);
    const sameIdOtherContent = makeTestPackage({
      batchId: '2027-BIB-GENT-01',
      cardsCsv: csv(`${card1};11111111111;An;Peeters;9000;Gent;100;`),
    });
    const result = await importBatch(store, sameIdOtherContent);
    expect(result).toMatchObject({ ok: false, error: 'invalid_package' });
    if (!result.ok && result.error === 'invalid_package')
      expect(result.problems[0]?.code).toBe('batch_id_reused');
    expect(dbChecksum(store.db)).toBe(before);
  });
});

describe('a package with errors in cards.csv', () => {
  it('refuses the whole package, names line and column of every problem, and imports nothing', async () => {
    const store = testStore();
    const before = dbChecksum(store.db);
    const bad = makeTestPackage({
      cardsCsv: csv(
        `${card1};11111111111;An;Peeters;9000;Gent;;`,
        `270000000299;22222222222;Bram;De Smet;9000;Gent;;`,
        `${card3};123;Chloé;Öztürk;999;Gent;;weg`,
      ),
    });
    const result = await importBatch(store, bad);
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_package') return;
    const where = result.problems.map((p) => [p.code, p.line, p.columnName]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['card_number_check', 3, 'kaartnummer'],
        ['stamboek_format', 4, 'stamboeknummer'],
        ['postcode_invalid', 4, 'postcode'],
        ['status_invalid', 4, 'status'],
      ]),
    );
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('pads 9-digit stamboeknummers from Excel and counts them as warnings', async () => {
    const store = testStore();
    const result = await importBatch(
      store,
      makeTestPackage({ cardsCsv: csv(`${card1};123456789;An;Peeters;9000;Gent;;`) }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.warnings.map((w) => w.code)).toEqual(['stamboek_padded']);
    expect(searchCards(store.db, '00123456789')[0]?.card).toBe(card1);
  });
});
