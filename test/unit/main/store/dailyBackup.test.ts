import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, listBackups } from '../../../../src/main/store/backup';
import { ensureDailyBackup } from '../../../../src/main/store/dailyBackup';
import { testStore } from '../../../helpers/store';

describe('the daily backup', () => {
  it('is made once per Brussels day, whatever the time zone of the PC', async () => {
    // 23:58 in Brussels on 2 December; in Anchorage (TZ of the test run) it is still the 2nd at
    // 13:58, and it still is at 00:01 Brussels time on the 3rd: only Brussels counts.
    const store = testStore({ at: '2026-12-02T22:58:00Z' });
    const first = await ensureDailyBackup(store);
    expect(first).not.toBeNull();
    expect(path.basename(first as string)).toBe('balie-daily-20261202-235800.sqlite');

    store.clock.set('2026-12-02T22:59:30Z');
    expect(await ensureDailyBackup(store)).toBeNull();

    store.clock.set('2026-12-02T23:01:00Z');
    const next = await ensureDailyBackup(store);
    expect(path.basename(next as string)).toBe('balie-daily-20261203-000100.sqlite');

    store.clock.set('2026-12-03T20:00:00Z');
    expect(await ensureDailyBackup(store)).toBeNull();
    expect(listBackups(store.backupDir, 'daily')).toHaveLength(2);
    store.db.close();
  });

  it('keeps the last 10', async () => {
    const store = testStore({ at: '2027-01-04T08:00:00Z' });
    for (let day = 0; day < BACKUPS_KEPT + 3; day += 1) {
      expect(await ensureDailyBackup(store)).not.toBeNull();
      store.clock.advance(86_400_000);
    }
    const kept = listBackups(store.backupDir, 'daily').map((f) => path.basename(f));
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]).toBe('balie-daily-20270107-090000.sqlite');
    store.db.close();
  });
});
