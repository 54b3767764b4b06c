import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { openStore } from '../../../../../src/main/store/openStore';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import type { PhaseProgress } from '../../../../../src/shared/api/progress';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { testStore } from '../../../../helpers/store';

const csv = (...rows: string[]) => [CARDS_HEADER, ...rows, ''].join('\r\n');
const card1 = makeCardNumber(2700000001);
const card2 = makeCardNumber(2700000002);

const first = makeTestPackage({
  batchId: '2027-BIB-GENT-01',
  cardsCsv: csv(
    `${card1};11111111111;An;Peeters;9000;Gent;100;`,
    `${card2};22222222222;Bram;De Smet;9000;Gent;100;`,
  ),
});
const second = makeTestPackage({
  batchId: '2027-BIB-GENT-02',
  issuedAt: '2026-10-20T09:30:00+02:00',
  cardsCsv: csv(
    `${card1};11111111111;An;Peeters;9050;Gentbrugge;100;`,
    `${card2};22222222222;Bram;De Smet;9000;Gent;100;`,
  ),
});

describe('an import planned outside the write lock', () => {
  it('a card handed out at another desk after the plan is not overwritten: the import plans again', async () => {
    const store = testStore();
    expect((await importBatch(store, first)).ok).toBe(true);
    // The other desk: its own connection to the same store file, like the main thread beside the worker.
    const opened = openStore(store.dbPath);
    if (!opened.ok) throw new Error(opened.error);
    const desk = { ...store, db: opened.value };
    const phases: PhaseProgress[] = [];
    const result = await importBatch(store, second, {
      onProgress: (p) => {
        phases.push(p);
        if (p.phase === 'plan' && p.done === p.total)
          expect(handOut(desk, { card: card1, staff: 'Sofie', idChecked: true }).ok).toBe(true);
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Planned before the hand-out it would be an update; planned again inside the lock it is a conflict.
    expect(result.value).toMatchObject({ updated: 0, unchanged: 1 });
    expect(result.value.warnings.map((w) => [w.code, w.value])).toEqual([['conflict_handed_out', card1]]);
    expect(searchCards(store.db, card1)[0]).toMatchObject({ postcode: '9000', status: 'collected' });
    expect(phases.at(-1)).toEqual({ phase: 'apply', done: 0, total: 0 });
    desk.db.close();
  });

  it('without anything changing in between, the planned changes are applied', async () => {
    const store = testStore();
    await importBatch(store, first);
    const result = await importBatch(store, second);
    expect(result.ok && result.value.updated).toBe(1);
    expect(searchCards(store.db, card1)[0]).toMatchObject({ postcode: '9050' });
  });
});
