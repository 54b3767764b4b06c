import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../../../src/shared/api/progress';
import { PROGRESS_PHASES } from '../../../../../src/shared/api/progress';
import {
  createLongWorkRunner,
  type LongWorkRunner,
} from '../../../../../src/main/adapters/worker/longWorkRunner';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { dbChecksum, testStore, type TestStore } from '../../../../helpers/store';
import { makeLargeTestPackage, makeTestPackage, readFixture } from '../../../../helpers/packages';
import { listBackups } from '../../../../../src/main/store/backup';

const runners: LongWorkRunner[] = [];
const stores: TestStore[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.close();
  for (const s of stores.splice(0)) s.db.close();
});

function setup(): { store: TestStore; runner: LongWorkRunner; events: Progress[] } {
  const store = testStore();
  const events: Progress[] = [];
  const runner = createLongWorkRunner(store, { publish: (p) => events.push(p) });
  stores.push(store);
  runners.push(runner);
  return { store, runner, events };
}

/** Phases in their declared order, done never above total, never backwards within a phase. */
function expectOrderedProgress(events: readonly Progress[], work: Progress['work']): void {
  const phases: readonly string[] = PROGRESS_PHASES[work];
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

const bytes = (pkg: Uint8Array) => ({
  work: 'importPackage' as const,
  packageBytes: pkg,
  allowUnsigned: false,
});

describe('long work in a worker thread', () => {
  it('imports a package in the worker, with progress in order that ends at the last card', async () => {
    const { store, runner, events } = setup();
    const result = await runner.run({ ...bytes(makeLargeTestPackage(5000)), preview: false });
    expect(result.ok && result.value.added).toBe(5000);
    // The main connection sees the worker's commit.
    expect(store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(5000);
    expectOrderedProgress(events, 'importPackage');
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['verify', 'parse', 'plan', 'apply']));
    const parse = events.filter((e) => e.phase === 'parse');
    expect(parse.length).toBeGreaterThan(2);
    expect(parse.at(-1)).toEqual({ work: 'importPackage', phase: 'parse', done: 5000, total: 5000 });
    const last = events.at(-1);
    expect(last?.phase).toBe('apply');
    expect(last?.done).toBe(last?.total);
    expect(last?.total).toBe(5000);
  });

  it('a refused package changes nothing and says why', async () => {
    const { store, runner } = setup();
    const before = dbChecksum(store.db);
    const result = await runner.run({ ...bytes(readFixture('gent-bad-signature.lkb')), preview: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe('invalid_package');
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('a preview in the worker plans without writing the store', async () => {
    const { store, runner } = setup();
    const before = dbChecksum(store.db);
    const result = await runner.run({ ...bytes(makeLargeTestPackage(2000)), preview: true });
    expect(result.ok && result.value.added).toBe(2000);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('a worker stopped in the middle of an import leaves the store as it was', async () => {
    const store = testStore();
    stores.push(store);
    const before = dbChecksum(store.db);
    let runner: LongWorkRunner | null = null;
    let stopped: Promise<void> | null = null;
    runner = createLongWorkRunner(store, {
      publish: (p) => {
        if (p.phase === 'parse' && p.done > 0 && !stopped) stopped = runner?.close() ?? null;
      },
    });
    await expect(runner.run({ ...bytes(makeLargeTestPackage(20_000)), preview: false })).rejects.toThrow(
      /stopped/,
    );
    await stopped;
    expect(dbChecksum(store.db)).toBe(before);
    expect(listBackups(store.backupDir)).toEqual([]);
  });

  it('search answers on the main connection while the worker imports', async () => {
    const { store, runner } = setup();
    const first = await runner.run({ ...bytes(makeTestPackage()), preview: false });
    expect(first.ok).toBe(true);
    let importDone = false;
    let answeredDuringImport: number | null = null;
    const parsing = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (importDone) {
          clearInterval(poll);
          resolve();
          return;
        }
        const hits = searchCards(store.db, 'Pieter Van de Velde', 5);
        if (answeredDuringImport === null && hits.length > 0) answeredDuringImport = hits.length;
      }, 5);
    });
    const running = runner.run({ ...bytes(makeLargeTestPackage(40_000)), preview: false }).then((r) => {
      importDone = true;
      return r;
    });
    await parsing;
    const result = await running;
    // The three sample cards are among the generated ones: they are read again, not added.
    expect(result.ok && result.value.added + result.value.updated + result.value.unchanged).toBe(40_000);
    expect(answeredDuringImport).toBeGreaterThan(0);
  });

  it('a backup in the worker reports its pages and ends at the last one', async () => {
    const { store, runner, events } = setup();
    await runner.run({ ...bytes(makeLargeTestPackage(3000)), preview: false });
    events.length = 0;
    const file = await runner.run({ work: 'backupNow' });
    expect(listBackups(store.backupDir)).toContain(file);
    expectOrderedProgress(events, 'backupNow');
    const last = events.at(-1);
    expect(last && last.done === last.total && last.total > 0).toBe(true);
  });
});
