import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiContract, API_METHODS } from '../../../../../src/shared/api/contract';
import type { ApiArgs, ApiMethod } from '../../../../../src/shared/api/contract';
import { createActivityTracker } from '../../../../../src/main/platform/updates/deskActivity';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { apiOver } from '../../../../helpers/api';
import { dbChecksum, fixture, testStore } from '../../../../helpers/store';

const PIN = '582064';
const WRONG_PIN = '111999';
const CARD = '270000000154';

/** One valid call of every method (a new method without one here does not compile). */
function sampleArgs(pin: string): { [M in ApiMethod]: ApiArgs<M> } {
  return {
    session: {},
    search: { query: 'jan' },
    checkCard: { card: CARD },
    whereIsPostcode: { postcode: '9000' },
    handOut: { card: CARD, staff: 'Sofie', idChecked: true },
    voidHandOut: { card: CARD, reason: 'vergissing', staff: 'Sofie', adminPin: pin },
    collectGroup: {
      collector: { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' },
      cards: [CARD],
      staff: 'Sofie',
      idChecked: true,
    },
    groupReceipt: { groupId: '00000000-0000-4000-8000-000000000000' },
    schoolWaiting: { school: '12345' },
    overview: {},
    pointStatus: {},
    pointDesks: {},
    openPairing: { adminPin: pin },
    revokeDesk: { name: 'Balie 2', adminPin: pin },
    unpairThisDesk: { force: false, adminPin: pin },
    handOverHost: { to: 'Groepen', adminPin: pin },
    takeOverHost: { adminPin: pin },
    joinThisDesk: { url: 'https://127.0.0.1:1', code: '123-456', deskName: 'Groepen', adminPin: pin },
    quitAfterUnpair: {},
    anomalies: {},
    resolveAnomaly: { card: CARD, note: 'tweede kaart teruggebracht', staff: 'Sofie' },
    postcodeMap: {},
    overviewPdf: { lang: 'nl' },
    importPackage: {
      fileName: 'gent-small.lkb',
      contentBase64: fs.readFileSync(fixture('gent-small.lkb')).toString('base64'),
      allowUnsigned: false,
      preview: false,
      adminPin: pin,
    },
    exportReport: { adminPin: pin },
    newYear: { cardYear: 2028, staff: 'Sofie', adminPin: pin },
    settings: {},
    changeSettings: { maxGroupSize: 40, adminPin: pin },
    verifyAdminPin: { pin },
    setAdminPin: { newPin: '730519', currentPin: pin },
    auditLog: { adminPin: pin },
    backups: { adminPin: pin },
    backupNow: { adminPin: pin },
    updateStatus: {},
  };
}

async function pointWithCards() {
  const store = testStore();
  await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')));
  expect(setAdminPin(store, PIN, null).ok).toBe(true);
  return store;
}

function call<M extends ApiMethod>(api: ReturnType<typeof apiOver>, method: M, args: ApiArgs<M>) {
  return (api[method] as (a: unknown) => Promise<unknown>)(args);
}

describe('what the contract declares is what the handlers do', () => {
  it('every method the admin PIN guards refuses a wrong PIN before its use case runs', async () => {
    const guarded = API_METHODS.filter((m) => apiContract[m].adminPin === 'required');
    expect(guarded).toEqual(
      expect.arrayContaining([
        'exportReport',
        'newYear',
        'changeSettings',
        'auditLog',
        'backups',
        'backupNow',
      ]),
    );
    for (const method of guarded) {
      const store = await pointWithCards();
      const api = apiOver(store);
      const reports = path.join(store.dir, 'reports');
      const answer = await call(api, method, sampleArgs(WRONG_PIN)[method]);
      expect(answer, method).toMatchObject({ ok: false, error: 'pin_wrong' });
      // Nothing of the use case happened: no report file, no backup, settings as they were.
      expect(fs.existsSync(reports) ? fs.readdirSync(reports) : [], method).toEqual([]);
      expect(
        fs.existsSync(store.backupDir)
          ? fs.readdirSync(store.backupDir).filter((f) => f.includes('manual'))
          : [],
      ).toEqual([]);
      expect(
        store.db.prepare(`SELECT value FROM settings WHERE key = 'max_group_size'`).pluck().get(),
      ).toBeUndefined();
      store.db.close();
    }
  });

  it('an import needs the PIN, a signed preview does not, an unsigned preview does once a PIN is set', async () => {
    const store = await pointWithCards();
    const api = apiOver(store);
    const base = sampleArgs(WRONG_PIN).importPackage;
    expect(await api.importPackage(base)).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(await api.importPackage({ ...base, preview: true })).toMatchObject({ ok: true });
    expect(await api.importPackage({ ...base, preview: true, allowUnsigned: true })).toMatchObject({
      ok: false,
      error: 'pin_wrong',
    });
    store.db.close();
  });

  it('a method declared as reading never changes the store', async () => {
    const readers = API_METHODS.filter((m) => !apiContract[m].writes);
    expect(readers).toEqual(
      expect.arrayContaining(['session', 'search', 'checkCard', 'overview', 'settings']),
    );
    const store = await pointWithCards();
    const api = apiOver(store);
    for (const method of readers) {
      // verifyAdminPin with the right PIN writes nothing (a wrong one counts a try, by design).
      const before = dbChecksum(store.db);
      const answer = await call(api, method, sampleArgs(PIN)[method]);
      expect(answer, method).toMatchObject({ ok: expect.any(Boolean) });
      expect(dbChecksum(store.db), `${method} changed the store`).toBe(before);
    }
    store.db.close();
  });

  it('an update waits while a writing call is in flight, and only then', async () => {
    const clock = fixedClock('2026-12-02T09:30:00Z');
    const tracker = createActivityTracker(clock);
    const seen: Partial<Record<ApiMethod, boolean>> = {};
    const handlers = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          seen[m] = tracker.activity().busy;
          return { ok: true, value: null };
        },
      ]),
    ) as unknown as Parameters<typeof tracker.wrap>[0];
    const wrapped = tracker.wrap(handlers);
    for (const m of API_METHODS) await (wrapped[m] as (a: unknown) => Promise<unknown>)({});
    for (const m of API_METHODS) expect(seen[m], m).toBe(apiContract[m].writes);
    expect(tracker.activity().busy).toBe(false);
  });
});
