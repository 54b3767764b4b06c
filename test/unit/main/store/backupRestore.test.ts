import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../../../src/main/store/audit/auditLog';
import { backupStore, listBackups } from '../../../../src/main/store/backup';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { APPLICATION_ID, openStore } from '../../../../src/main/store/openStore';
import { restoreStore, validateBackupFile } from '../../../../src/main/store/restoreStore';
import { dbChecksum, tempDir } from '../../../helpers/store';
import { gentPoint, handOutSome, sha256File, statusOf } from '../../../helpers/safetyStore';

function reopen(dbPath: string) {
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

describe('backup and restore', () => {
  it('restore brings back the state of the backup: a card handed out afterwards is waiting again', async () => {
    const store = await gentPoint();
    const backup = await backupStore(store, 'manual');
    const [card] = handOutSome(store, 1) as [string];
    expect(statusOf(store.db, card)).toBe('collected');
    store.db.close();

    store.clock.advance(3_600_000);
    const restored = await restoreStore(store.dbPath, backup, store.clock);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.value).toMatchObject({
      cards: 60,
      pointId: 'BIB-GENT',
      migratedTo: LATEST_SCHEMA_VERSION,
    });

    // The state just before the restore was kept, hand-out included.
    const pre = restored.value.preRestoreBackup as string;
    expect(listBackups(store.backupDir, 'restore')).toEqual([pre]);
    const preDb = new Database(pre, { readonly: true });
    expect(statusOf(preDb, card)).toBe('collected');
    preDb.close();

    const db = reopen(store.dbPath);
    expect(statusOf(db, card)).toBe('waiting');
    expect(verifyAudit(db).ok).toBe(true);
    // The restore is audited, then a new audit epoch starts (the next report declares it).
    expect(readAudit(db, { limit: 2 }).map((e) => e.action)).toEqual(['epoch_started', 'restore']);
    db.close();
    // No temp file, journal or stale WAL left next to the database.
    expect(fs.readdirSync(store.dir).sort()).toEqual(['backups', 'balie.sqlite']);
  });

  it('checks a backup file before anything else: point, card count, schema', async () => {
    const store = await gentPoint();
    const backup = await backupStore(store, 'manual');
    expect(validateBackupFile(backup)).toEqual({
      ok: true,
      value: { schemaVersion: LATEST_SCHEMA_VERSION, cards: 60, pointId: 'BIB-GENT' },
    });
    // Checking a backup leaves nothing next to it (no -wal or -shm).
    expect(fs.readdirSync(store.backupDir).filter((f) => !f.endsWith('.sqlite'))).toEqual([]);
    store.db.close();
  });

  describe('refuses a file that is not a good backup, and the current database stays byte-identical', () => {
    async function refusedWith(makeFile: (dir: string, goodBackup: string) => string, error: string) {
      const store = await gentPoint();
      handOutSome(store, 2);
      const good = await backupStore(store, 'manual');
      const bad = makeFile(tempDir(), good);
      store.db.close();
      const before = sha256File(store.dbPath);
      const filesBefore = fs.readdirSync(store.dir).sort();
      const backupsBefore = listBackups(store.backupDir);

      const result = await restoreStore(store.dbPath, bad, store.clock);
      expect(result).toMatchObject({ ok: false, error });
      expect(sha256File(store.dbPath)).toBe(before);
      expect(fs.readdirSync(store.dir).sort()).toEqual(filesBefore);
      expect(listBackups(store.backupDir)).toEqual(backupsBefore);
      expect(validateBackupFile(bad)).toMatchObject({ ok: false, error });
    }

    it('a text file renamed to .sqlite', () =>
      refusedWith((dir) => {
        const file = path.join(dir, 'balie.sqlite');
        fs.writeFileSync(file, 'kaartnummer;postcode\r\n270000000154;9000\r\n'.repeat(20));
        return file;
      }, 'not_a_balie_db'));

    it("another application's SQLite database", () =>
      refusedWith((dir) => {
        const file = path.join(dir, 'catalogus.sqlite');
        const other = new Database(file);
        other.exec(
          "CREATE TABLE boeken (titel TEXT); INSERT INTO boeken VALUES ('De Leeuw van Vlaanderen');",
        );
        other.close();
        return file;
      }, 'not_a_balie_db'));

    it('a backup from a newer version of the app', () =>
      refusedWith((dir, good) => {
        const file = path.join(dir, 'nieuwer.sqlite');
        fs.copyFileSync(good, file);
        const newer = new Database(file);
        newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
        newer.close();
        return file;
      }, 'db_newer'));

    it('a damaged backup (cut off halfway)', () =>
      refusedWith((dir, good) => {
        const file = path.join(dir, 'half.sqlite');
        const bytes = fs.readFileSync(good);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return file;
      }, 'db_corrupt'));

    it('a file that does not exist', () =>
      refusedWith((dir) => path.join(dir, 'bestaat-niet.sqlite'), 'backup_unreadable'));
  });

  it('refuses while the store is still open elsewhere (the app on a desk), changing nothing', async () => {
    const store = await gentPoint();
    const backup = await backupStore(store, 'manual');
    handOutSome(store, 1);
    const before = dbChecksum(store.db);
    const result = await restoreStore(store.dbPath, backup, store.clock);
    expect(result).toMatchObject({ ok: false, error: 'store_in_use' });
    expect(dbChecksum(store.db)).toBe(before);
    expect(listBackups(store.backupDir, 'restore')).toEqual([]);
    store.db.close();
  });

  it("refuses another point's backup unless asked explicitly", async () => {
    const store = await gentPoint();
    const backup = await backupStore(store, 'manual');
    const other = new Database(backup);
    other.prepare(`UPDATE settings SET value = 'BIB-BRUGGE' WHERE key = 'point_id'`).run();
    other.close();
    store.db.close();
    expect(await restoreStore(store.dbPath, backup, store.clock)).toMatchObject({
      ok: false,
      error: 'point_mismatch',
      backupPoint: 'BIB-BRUGGE',
      currentPoint: 'BIB-GENT',
    });
    const forced = await restoreStore(store.dbPath, backup, store.clock, { allowOtherPoint: true });
    expect(forced).toMatchObject({ ok: true, value: { pointId: 'BIB-BRUGGE' } });
  });

  it('migrates a backup made by an older version to the current schema', async () => {
    const store = await gentPoint();
    store.db.close();
    const oldFile = path.join(tempDir(), 'oud.sqlite');
    const old = new Database(oldFile);
    for (const m of MIGRATIONS.filter((x) => x.version <= 20)) m.up(old);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma('user_version = 20');
    old.prepare(`INSERT INTO settings (key, value) VALUES ('point_id', 'BIB-GENT')`).run();
    old.close();

    const result = await restoreStore(store.dbPath, oldFile, store.clock);
    expect(result).toMatchObject({
      ok: true,
      value: { schemaVersion: 20, migratedTo: LATEST_SCHEMA_VERSION },
    });
    const db = reopen(store.dbPath);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 2 }); // restore, epoch_started
    db.close();
  });

  it('restores a damaged current database, keeping its bytes aside first', async () => {
    const store = await gentPoint();
    const backup = await backupStore(store, 'manual');
    store.db.close();
    fs.writeFileSync(store.dbPath, Buffer.alloc(8192, 0x5a));
    const result = await restoreStore(store.dbPath, backup, store.clock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(fs.readFileSync(result.value.preRestoreBackup as string)).toEqual(Buffer.alloc(8192, 0x5a));
    const db = reopen(store.dbPath);
    expect(db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(60);
    db.close();
  });
});
