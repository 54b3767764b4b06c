import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { createApiHandlers } from '../../../../../src/main/adapters/api/handlers';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { storeCardYear } from '../../../../../src/main/store/cardYear';
import { ASSETS_DIR } from '../../../../helpers/packages';
import { fixture, testStore } from '../../../../helpers/store';
import { PIN, package2028, payloadOf } from '../../../../helpers/trustFixture';

describe('the year rollover from Beheer (the API the desk UI calls)', () => {
  it('closes the year with the admin PIN, hands back the final report, and then takes the new year', async () => {
    const store = testStore({ at: '2027-07-10T09:00:00Z' });
    await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')));
    expect(setAdminPin(store, PIN, null).ok).toBe(true);
    const api = createApiHandlers(store, {
      postcodesFile: path.join(ASSETS_DIR, 'be-postcodes.csv'),
      reportsDir: path.join(store.dir, 'reports'),
      demoMode: false,
      version: 'test',
    });

    const wrongPin = await api.newYear({ cardYear: 2028, staff: 'Sofie', adminPin: '000001' });
    expect(wrongPin).toMatchObject({ ok: false, error: 'pin_wrong' });
    const badYear = await api.newYear({ cardYear: 2027, staff: 'Sofie', adminPin: PIN });
    expect(badYear).toMatchObject({ ok: false, error: 'year_not_after', cardYear: 2027, currentYear: 2027 });
    const invalid = await api.newYear({ cardYear: '2028', staff: 'Sofie', adminPin: PIN });
    expect(invalid).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(storeCardYear(store.db)).toBe(2027);

    const done = await api.newYear({ cardYear: 2028, staff: 'Sofie', adminPin: PIN });
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done.value).toMatchObject({ cardYear: 2028, previousCardYear: 2027, cardsArchived: 60 });
    const file = path.join(store.dir, 'reports', done.value.finalReport.fileName);
    expect(Buffer.from(done.value.finalReport.contentBase64, 'base64')).toEqual(fs.readFileSync(file));
    expect(payloadOf(file)).toMatchObject({ cardYear: 2027, sequence: 1 });
    expect(storeCardYear(store.db)).toBe(2028);

    const imported = await api.importPackage({
      fileName: '2028.lkb',
      contentBase64: fs.readFileSync(package2028(store.dir)).toString('base64'),
      allowUnsigned: false,
      preview: false,
      adminPin: PIN,
    });
    expect(imported.ok).toBe(true);
    expect(storeCardYear(store.db)).toBe(2028);
    store.db.close();
  });
});
