import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../src/main/useCases/import/importBatch';
import { handOut } from '../../../../src/main/useCases/desk/handOut';
import { appendDeskEvent } from '../../../../src/main/store/appendDeskEvent';
import { CARD_STATUS_SQL, CARDS_WITH_STATE } from '../../../../src/main/store/cardStatusSql';
import { cardStats } from '../../../../src/main/useCases/admin/cardStats';
import { makeCardNumber } from '../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../helpers/packages';
import { testStore } from '../../../helpers/store';

const csv = (rows: string[]) => [CARDS_HEADER, ...rows, ''].join('\r\n');

describe('the status counts of Overzicht and the reports', () => {
  it('agree card by card with the status the desk shows, for every kind of status', async () => {
    const store = testStore();
    const rows = Array.from({ length: 40 }, (_, i) => {
      const status = i % 5 === 0 ? 'ingetrokken' : '';
      return `${makeCardNumber(2700000001 + i)};${String(10000000000 + i)};V${i};A${i};${9000 + (i % 3) * 10};Gent;;${status}`;
    });
    await importBatch(store, makeTestPackage({ batchId: 'B1', cardsCsv: csv(rows) }));
    // Reprints of five teachers: their first cards become "vervangen", one of them was already collected.
    expect(handOut(store, { card: makeCardNumber(2700000002), staff: 'An', idChecked: true }).ok).toBe(true);
    const reprints = [1, 2, 3, 6, 7].map(
      (i) => `${makeCardNumber(2700000901 + i)};${String(10000000000 + i)};V${i};A${i};9000;Gent;;`,
    );
    await importBatch(store, makeTestPackage({ batchId: 'B2', cardsCsv: csv(reprints) }));
    for (const i of [3, 4, 8, 9, 11])
      handOut(store, { card: makeCardNumber(2700000001 + i), staff: 'An', idChecked: true });
    // Two leftovers sent back, one of them revoked as well.
    for (const i of [12, 15]) {
      const id = store.db
        .prepare('SELECT id FROM cards WHERE card = ?')
        .pluck()
        .get(makeCardNumber(2700000001 + i)) as number;
      store.db.transaction(() =>
        appendDeskEvent(store.db, store.clock, { kind: 'returned', cardId: id, staff: 'An' }),
      )();
    }

    const perCard = store.db
      .prepare(`SELECT c.postcode, ${CARD_STATUS_SQL} AS status FROM ${CARDS_WITH_STATE}`)
      .all() as { postcode: string; status: string }[];
    const stats = cardStats(store.db);
    for (const status of ['waiting', 'collected', 'revoked', 'replaced', 'returned'] as const) {
      expect(stats[status], status).toBe(perCard.filter((c) => c.status === status).length);
      for (const p of stats.byPostcode) {
        expect(p[status], `${status} ${p.postcode}`).toBe(
          perCard.filter((c) => c.status === status && c.postcode === p.postcode).length,
        );
      }
    }
    expect(stats.collected).toBe(5); // card 3 was replaced before its hand-out was tried
    expect(stats.replaced).toBeGreaterThan(0);
    expect(stats.returned).toBe(1);
  });
});
