import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS, apiContract } from '../../../../../src/shared/api/contract';
import type { Progress } from '../../../../../src/shared/api/progress';
import { LONG_WORK, phasesOf } from '../../../../../src/shared/api/progress';
import type { LongWorkRunner } from '../../../../../src/main/adapters/worker/longWorkRunner';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { listBackups } from '../../../../../src/main/store/backup';
import { dbChecksum, testStore, type TestStore } from '../../../../helpers/store';
import { makeLargeTestPackage, makeTestPackage, readFixture } from '../../../../helpers/packages';
import { apiWithLongWork } from '../../../../helpers/api';

const PIN = '582064';
const runners: LongWorkRunner[] = [];
const stores: TestStore[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
  for (const s of stores.splice(0)) s.db.close();
});

function setup() {
  const store = testStore();
  setAdminPin(store, PIN, null);
  const served = apiWithLongWork(store);
  stores.push(store);
  runners.push(served.runner);
  return { store, ...served };
}

/** Phases in their declared order, done never above total, never backwards within a phase. */
function expectOrderedProgress(events: readonly Progress[], work: Progress['work']): void {
  const phases: readonly string[] = phasesOf(work);
  let phaseIndex = 0;
  let lastDone = -1;
  for (const e of events) {
    expect(e.work).toBe(work);
    expect(e.done).toBeLessThanOrEqual(e.total);
    const index = phases.indexOf(e.phase);
    expect(index).toBeGreaterThanOrEqual(phaseIndex);
    if (index > phaseIndex) lastDone = -1;
    phaseIndex = index;
    expect(e.done).toBeGreaterThanOrEqual(lastDone);
    lastDone = e.done;
  }
}

const importArgs = (pkg: Uint8Array, preview = false) => ({
  fileName: 'batch.lkb',
  contentBase64: Buffer.from(pkg).toString('base64'),
  allowUnsigned: false,
  preview,
  adminPin: PIN,
});

describe('long work in a worker thread', () => {
  it('runs every method the contract declares long, and only those, with typed progress phases', () => {
    const long = API_METHODS.filter((m) => apiContract[m].long).sort();
    expect([...LONG_WORK].sort()).toEqual(long);
  });

  it('imports a package in the worker, with progress in order that ends at the last card', async () => {
    const { store, api, progress } = setup();
    const result = await api.importPackage(importArgs(makeLargeTestPackage(5000)));
    expect(result.ok && result.value.added).toBe(5000);
    // The main connection sees the worker's commit.
    expect(store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(5000);
    expectOrderedProgress(progress, 'importPackage');
    expect(progress.map((e) => e.phase)).toEqual(
      expect.arrayContaining(['verify', 'parse', 'plan', 'apply']),
    );
    const parse = progress.filter((e) => e.phase === 'parse');
    expect(parse.length).toBeGreaterThan(2);
    expect(parse.at(-1)).toEqual({ work: 'importPackage', phase: 'parse', done: 5000, total: 5000 });
    expect(progress.at(-1)).toEqual({ work: 'importPackage', phase: 'apply', done: 5000, total: 5000 });
  });

  it('a refused package changes nothing and says why', async () => {
    const { store, api } = setup();
    const before = dbChecksum(store.db);
    const result = await api.importPackage(importArgs(readFixture('gent-bad-signature.lkb')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('invalid_package');
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('a wrong PIN is refused on the main thread before any worker starts', async () => {
    const { store, api, progress } = setup();
    const result = await api.importPackage({ ...importArgs(makeTestPackage()), adminPin: '111999' });
    expect(result).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(progress).toEqual([]);
    expect(store.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
  });

  it('a preview in the worker plans without writing the store', async () => {
    const { store, api } = setup();
    const before = dbChecksum(store.db);
    const result = await api.importPackage(importArgs(makeLargeTestPackage(2000), true));
    expect(result.ok && result.value.added).toBe(2000);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('a worker stopped in the middle of an import leaves the store as it was', async () => {
    const { store, api, runner, progress } = setup();
    const before = dbChecksum(store.db);
    const running = api.importPackage(importArgs(makeLargeTestPackage(20_000)));
    for (let i = 0; i < 2000 && !progress.some((p) => p.phase === 'parse' && p.done > 0); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(progress.some((p) => p.phase === 'parse' && p.done > 0)).toBe(true);
    await runner.close();
    await expect(running).rejects.toThrow(/stopped/);
    expect(dbChecksum(store.db)).toBe(before);
    expect(listBackups(store.backupDir)).toEqual([]);
  });

  it('search answers on the main connection while the worker imports', async () => {
    const { store, api } = setup();
    expect((await api.importPackage(importArgs(makeTestPackage()))).ok).toBe(true);
    let importDone = false;
    let answeredDuringImport = 0;
    const running = api.importPackage(importArgs(makeLargeTestPackage(40_000))).then((r) => {
      importDone = true;
      return r;
    });
    while (!importDone) {
      const hits = await api.search({ query: 'Pieter Van de Velde' });
      if (!importDone && hits.ok && hits.value.length > 0) answeredDuringImport += 1;
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await running;
    // The three sample cards are among the generated ones: they are read again, not added.
    expect(result.ok && result.value.added + result.value.updated + result.value.unchanged).toBe(40_000);
    expect(answeredDuringImport).toBeGreaterThan(0);
    expect(searchCards(store.db, 'Pieter Van de Velde', 5).length).toBeGreaterThan(0);
  });

  it('a hand-out while the worker writes its import waits for it and is kept, and so is the import', async () => {
    const { store, api, progress } = setup();
    expect((await api.importPackage(importArgs(makeTestPackage()))).ok).toBe(true);
    const running = api.importPackage(importArgs(makeLargeTestPackage(40_000)));
    for (let i = 0; i < 6000 && !progress.some((p) => p.phase === 'apply'); i++)
      await new Promise((r) => setTimeout(r, 5));
    const handedOut = await api.handOut({ card: '270000000154', staff: 'Sofie', idChecked: true });
    expect(handedOut.ok).toBe(true);
    const result = await running;
    expect(result.ok).toBe(true);
    expect(searchCards(store.db, '270000000154', 1)[0]?.status).toBe('collected');
    expect(store.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(2);
  });

  it('a backup in the worker reports its pages and ends at the last one', async () => {
    const { store, api, progress } = setup();
    await api.importPackage(importArgs(makeLargeTestPackage(3000)));
    progress.length = 0;
    const made = await api.backupNow({ adminPin: PIN });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(listBackups(store.backupDir).some((f) => f.endsWith(made.value.name))).toBe(true);
    expectOrderedProgress(progress, 'backupNow');
    const last = progress.at(-1);
    expect(last && last.done === last.total && last.total > 0).toBe(true);
  });

  it('a report made in the worker is signed and kept, with its start and end as progress', async () => {
    const { api, progress } = setup();
    await api.importPackage(importArgs(makeTestPackage()));
    progress.length = 0;
    const report = await api.exportReport({ adminPin: PIN });
    expect(report.ok && report.value.sequence).toBe(1);
    expect(progress).toEqual([
      { work: 'exportReport', phase: 'report', done: 0, total: 1 },
      { work: 'exportReport', phase: 'report', done: 1, total: 1 },
    ]);
  });
});
