import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../../../src/main/useCases/import/importBatch';
import { collectGroup } from '../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../src/main/useCases/desk/handOut';
import { describeDeskProblem, type DeskProblem } from '../../../../src/shared/i18n/deskText';
import { describeStoreProblem, type StoreProblem } from '../../../../src/shared/i18n/storeText';
import { makeTestPackage } from '../../../helpers/packages';
import { dbChecksum, testStore } from '../../../helpers/store';
import fs from 'node:fs';

const store = testStore({ at: '2027-01-15T09:00:00Z' });
afterAll(() => {
  store.db.close();
  fs.rmSync(store.dir, { recursive: true, force: true });
});

describe('a store another desk holds longer than the busy timeout', () => {
  it('refuses hand-out, group and import with a Dutch "bezet" message and writes nothing', async () => {
    const imported = await importBatch(store, makeTestPackage());
    expect(imported.ok).toBe(true);
    // The other desk: a second connection in the middle of a write transaction.
    const otherDesk = new Database(store.dbPath);
    otherDesk.exec('BEGIN IMMEDIATE');
    store.db.pragma('busy_timeout = 50'); // the store's own 5 s, shortened for the test
    try {
      const before = dbChecksum(store.db);
      const card = '270000000154';
      const refused = handOut(store, { card, staff: 'Sofie', idChecked: true });
      expect(refused).toMatchObject({ ok: false, error: 'store_busy' });
      const text = describeDeskProblem(refused as DeskProblem);
      expect(text).toContain('Een andere balie houdt de database bezet');
      expect(text).toContain('Geef de kaart nog niet mee');
      expect(
        collectGroup(store, {
          collector: { kind: 'person', name: 'Ann', idNote: 'eID' },
          cards: [card, '270000000255'],
          staff: 'Sofie',
          idChecked: true,
        }),
      ).toMatchObject({ ok: false, error: 'store_busy' });
      const importRefused = await importBatch(store, makeTestPackage({ batchId: '2027-BIB-GENT-02' }));
      expect(importRefused).toMatchObject({ ok: false, error: 'store_busy' });
      expect(describeStoreProblem(importRefused as StoreProblem)).toContain('er is niets gewijzigd');
      expect(dbChecksum(store.db)).toBe(before);

      otherDesk.exec('ROLLBACK');
      expect(handOut(store, { card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    } finally {
      if (otherDesk.inTransaction) otherDesk.exec('ROLLBACK');
      otherDesk.close();
    }
  });
});
