import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openStore } from '../../../../src/main/store/openStore';
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { m0010Initial } from '../../../../src/main/store/migrations/m0010_initial';
import { describeStoreProblem } from '../../../../src/shared/i18n/storeText';
import { tempDir } from '../../../helpers/store';

describe('the store', () => {
  it('opens with WAL, synchronous=FULL and foreign keys, at the latest schema version', () => {
    const file = path.join(tempDir(), 'balie.sqlite');
    const opened = openStore(file);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const db = opened.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('refuses a database made by a newer app, in Dutch, and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    const before = fs.readFileSync(file);
    const opened = openStore(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error).toBe('db_newer');
    expect(describeStoreProblem(opened)).toMatch(/nieuwere versie van Lerarenkaart Balie/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite file that belongs to another program', () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE customers (name TEXT)');
    raw.close();
    const opened = openStore(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toBe('db_foreign');
  });

  it('migrates a version-10 store to the latest version and keeps its cards', () => {
    const file = path.join(tempDir(), 'v10.sqlite');
    const raw = new Database(file);
    raw.transaction(() => {
      m0010Initial.up(raw);
      raw.pragma(`application_id = ${APPLICATION_ID}`);
      raw.pragma('user_version = 10');
    })();
    raw.exec(`INSERT INTO batches VALUES ('B1','P','P',2027,'2026-10-15T09:30:00+02:00','2026-12-01','2027-06-30',
      '${'a'.repeat(64)}','valid','2026-11-01T10:00:00+01:00',1,'{}')`);
    raw.exec(`INSERT INTO cards (card, stamboeknummer, voornaam, achternaam, postcode, issuer_status, first_batch_id,
      last_batch_id, search_text) VALUES ('270000000154','12345678901','An','Peeters','9000','beschikbaar','B1','B1','an peeters')`);
    raw.close();
    const opened = openStore(file);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const db = opened.value;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT card FROM cards').all()).toEqual([{ card: '270000000154' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM card_state`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the audit log append-only at the database level', () => {
    const opened = openStore(path.join(tempDir(), 'audit.sqlite'));
    if (!opened.ok) throw new Error('open failed');
    const db = opened.value;
    db.exec(`INSERT INTO audit_log (at, action, details, prev_hash, hash) VALUES ('x','init','{}','0','1')`);
    expect(() => db.exec(`UPDATE audit_log SET action = 'other'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    db.close();
  });
});
