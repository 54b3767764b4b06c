import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_JOBS, type CliJobProgress } from '../../../../../src/main/adapters/worker/cliJobs';
import { runCliJob } from '../../../../../src/main/adapters/worker/cliJobRunner';
import { backupStore, listBackups } from '../../../../../src/main/store/backup';
import { openStore } from '../../../../../src/main/store/openStore';
import { RESTORE_PHASES } from '../../../../../src/main/store/restoreStore';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { PURGE_PHASES } from '../../../../../src/main/useCases/admin/purge';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { RETENTION_PURGE_PHASES } from '../../../../../src/main/useCases/year/purgeArchives';
import { makeLargeTestPackage } from '../../../../helpers/packages';
import { expectPhasesInOrder } from '../../../../helpers/progress';
import {
  ADMIN_PIN,
  gentPoint,
  handOutSome,
  personalStrings,
  sha256File,
} from '../../../../helpers/safetyStore';
import { adminGrant, dbChecksum, testStore, type TestStore } from '../../../../helpers/store';

/** 00:01 on 30 August 2027 in Brussels: last day 30 June + 60 days is over. */
const FIRST_PURGE_DAY = '2027-08-29T22:01:00Z';

const open: TestStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) if (s.db.open) s.db.close();
});

function kept<T extends TestStore>(store: T): T {
  open.push(store);
  return store;
}

function jobOptions(store: TestStore, progress: CliJobProgress[], signal?: AbortSignal) {
  return {
    dbPath: store.dbPath,
    clock: store.clock,
    onProgress: (p: CliJobProgress) => progress.push(p),
    ...(signal ? { signal } : {}),
  };
}

/** A point with `count` teachers, an admin PIN, and the clock past the retention period. */
async function largePoint(count: number): Promise<TestStore> {
  const store = kept(testStore());
  const imported = await importBatch(store, makeLargeTestPackage(count));
  if (!imported.ok) throw new Error(`import failed: ${imported.error}`);
  expect(setAdminPin(store, ADMIN_PIN, null).ok).toBe(true);
  store.clock.set(FIRST_PURGE_DAY);
  return store;
}

describe('restore and purge in a worker thread', () => {
  it('declares each job with the phases its use case declares', () => {
    expect(CLI_JOBS.restore.phases).toBe(RESTORE_PHASES);
    expect(CLI_JOBS.purge.phases).toBe(RETENTION_PURGE_PHASES);
    expect(RETENTION_PURGE_PHASES.slice(1)).toEqual([...PURGE_PHASES]);
  });

  it('purges on its own connection, with progress in order that ends at every row erased', async () => {
    const store = await largePoint(5000);
    const progress: CliJobProgress[] = [];
    const done = await runCliJob(
      'purge',
      { grant: adminGrant(store, ADMIN_PIN) },
      jobOptions(store, progress),
    );
    expect(done.archives).toEqual([]);
    expect(done.current.ok && done.current.value.cards).toBe(5000);
    // The test's own connection sees the worker's commit.
    expect(personalStrings(store.db)).toEqual([]);
    expect(progress.every((p) => p.work === 'purge')).toBe(true);
    expectPhasesInOrder(progress, RETENTION_PURGE_PHASES);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['backup', 'erase', 'vacuum']));
    expect(progress.some((p) => p.phase === 'archives')).toBe(false);
    const erase = progress.filter((p) => p.phase === 'erase');
    expect(erase.length).toBeGreaterThan(2);
    expect(erase.at(-1)).toEqual({ work: 'purge', phase: 'erase', done: 5000, total: 5000 });
    expect(progress.at(-1)).toEqual({ work: 'purge', phase: 'vacuum', done: 3, total: 3 });
  });

  it('a worker stopped in the middle of the erase leaves all of the purge or none of it, its backup made first', async () => {
    const store = await largePoint(30_000);
    const before = dbChecksum(store.db);
    const stop = new AbortController();
    const progress: CliJobProgress[] = [];
    const options = jobOptions(store, progress, stop.signal);
    const outcome = await runCliJob(
      'purge',
      { grant: adminGrant(store, ADMIN_PIN) },
      {
        ...options,
        onProgress: (p) => {
          progress.push(p);
          if (p.phase === 'erase' && p.done > 0) stop.abort();
        },
      },
    ).then(
      () => 'finished' as const,
      (error: Error) => (/stopped/.test(error.message) ? ('stopped' as const) : Promise.reject(error)),
    );
    expect(listBackups(store.backupDir, 'purge')).toHaveLength(1);
    // The stop is asked at the first erase progress; on a starved machine the worker may finish its
    // 14 remaining chunks before the stop lands. Either way, never half a purge.
    if (outcome === 'stopped') {
      expect(dbChecksum(store.db)).toBe(before);
      expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'purge'").pluck().get()).toBe(0);
      // Nothing was left locked: the purge can be run again and finishes.
      const again = await runCliJob('purge', { grant: adminGrant(store, ADMIN_PIN) }, jobOptions(store, []));
      expect(again.current.ok && again.current.value.cards).toBe(30_000);
    } else {
      expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'purge'").pluck().get()).toBe(1);
    }
    expect(personalStrings(store.db)).toEqual([]);
  });

  it('restores a backup with progress in order: copy, validate, backup of the current store, install', async () => {
    const store = kept(await gentPoint());
    const backup = path.join(store.dir, 'kopie.sqlite');
    await backupStore(store, 'manual', backup);
    const handed = handOutSome(store, 3);
    expect(handed).toHaveLength(3);
    store.db.close();
    const progress: CliJobProgress[] = [];
    const result = await runCliJob(
      'restore',
      { file: backup, allowOtherPoint: false },
      jobOptions(store, progress),
    );
    expect(result.ok && result.value.cards).toBe(60);
    expect(progress.every((p) => p.work === 'restore')).toBe(true);
    expectPhasesInOrder(progress, RESTORE_PHASES);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual([...RESTORE_PHASES]);
    const copy = progress.filter((p) => p.phase === 'copy').at(-1);
    expect(copy?.total).toBe(fs.statSync(backup).size);
    const reopened = openStore(store.dbPath);
    if (!reopened.ok) throw new Error(reopened.error);
    try {
      const collected = reopened.value.prepare("SELECT count(*) FROM desk_events WHERE kind = 'handout'");
      expect(collected.pluck().get()).toBe(0);
    } finally {
      reopened.value.close();
    }
  });

  it('refuses a foreign file in the worker and leaves the store and its folder untouched', async () => {
    const store = kept(await gentPoint());
    handOutSome(store, 2);
    const foreign = path.join(store.dir, 'andere-app.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE cards (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO cards VALUES (1, 1)');
    other.close();
    const junk = path.join(store.dir, 'foto.sqlite');
    fs.writeFileSync(junk, 'geen database');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    const before = sha256File(store.dbPath);
    const files = fs.readdirSync(store.dir).sort();
    const backups = listBackups(store.backupDir);
    for (const file of [foreign, junk]) {
      const progress: CliJobProgress[] = [];
      const result = await runCliJob('restore', { file, allowOtherPoint: true }, jobOptions(store, progress));
      expect(result).toEqual({ ok: false, error: 'not_a_balie_db', path: file });
      expect(progress.some((p) => p.phase === 'backup' || p.phase === 'install')).toBe(false);
    }
    expect(sha256File(store.dbPath)).toBe(before);
    expect(fs.readdirSync(store.dir).sort()).toEqual(files);
    expect(listBackups(store.backupDir)).toEqual(backups);
  });
});
