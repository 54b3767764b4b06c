import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pinPeer } from '../../../../../src/main/store/sync/pointPeers';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { storeHoldsNothing } from '../../../../../src/main/useCases/point/storeHoldsNothing';
import { fixture, testStore } from '../../../../helpers/store';

describe('a store that a join may replace', () => {
  it('holds nothing after set-up (point, PIN, staff), and something once a batch is in', async () => {
    const store = testStore();
    expect(setAdminPin(store, '582064', null).ok).toBe(true);
    expect(storeHoldsNothing(store.db)).toBe(true);
    expect((await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')))).ok).toBe(true);
    expect(storeHoldsNothing(store.db)).toBe(false);
    store.db.close();
  });

  it('a store that was ever paired is not empty, even with no card', () => {
    const store = testStore();
    pinPeer(store.db, {
      fingerprint: `SHA256:${'a'.repeat(64)}`,
      name: 'Balie 2',
      deskId: null,
      url: null,
      isHost: false,
      at: '2026-12-02T10:30:00+01:00',
    });
    expect(storeHoldsNothing(store.db)).toBe(false);
    store.db.close();
  });
});
