import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchCards } from '../../../../src/main/useCases/desk/searchCards';
import { readCardFacts } from '../../../../src/main/useCases/desk/cardFacts';
import { APPLICATION_ID, openStore } from '../../../../src/main/store/openStore';
import { MIGRATIONS } from '../../../../src/main/store/migrations';
import { buildReportPayload } from '../../../../src/main/useCases/reports/buildReport';
import { verifyAuditAnchors } from '../../../../src/main/useCases/reports/verifyAnchors';
import { fixedClock } from '../../../../src/shared/time/clock';
import { tempDir } from '../../../helpers/store';

/** A store file as an older app left it: migrations up to `version` only. */
function storeAtVersion(version: number): string {
  const file = path.join(tempDir(), `v${version}.sqlite`);
  const raw = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    raw.transaction(() => {
      m.up(raw);
      raw.pragma(`application_id = ${APPLICATION_ID}`);
      raw.pragma(`user_version = ${m.version}`);
    })();
  }
  raw.exec(`
    INSERT INTO settings VALUES ('point_id', 'BIB-GENT'), ('point_name', 'De Krook'), ('desk_id', 'desk-old');
    INSERT INTO batches VALUES ('B1','BIB-GENT','De Krook',2027,'2026-10-15T09:30:00+02:00','2026-11-01','2027-06-30',
      '${'a'.repeat(64)}','valid','2026-11-01T10:00:00+01:00',2,'{}');
    INSERT INTO cards (card, stamboeknummer, voornaam, achternaam, postcode, issuer_status, first_batch_id, last_batch_id,
      search_text) VALUES
      ('270000000154','11111111111','An','Peeters','9000','beschikbaar','B1','B1','an peeters'),
      ('270000000255','22222222222','Bram','Maes','9040','beschikbaar','B1','B1','bram maes');
    INSERT INTO desk_events (event_id, kind, card_id, desk_id, staff, method, at, at_ms, hlc)
      VALUES ('ev-1', 'handout', 1, 'desk-old', 'Sofie', 'self', '2026-12-01T10:00:00+01:00', 1764579600000,
      '001764579600000-000000-desk-old');
    INSERT INTO card_state (card_id, state, event_id) VALUES (1, 'collected', 'ev-1');
  `);
  raw.close();
  return file;
}

describe('migrations, each from the version before it', () => {
  it('90: names this desk "Balie 1", other desks of a shared store "Balie 2"…, and numbers the old groups per desk in time order', () => {
    const file = storeAtVersion(70);
    const raw = new Database(file);
    // Written by two desks sharing the file over a network folder; inserted out of time order.
    raw.exec(`
      INSERT INTO pickup_groups (group_id, desk_id, staff, at, at_ms, size) VALUES
        ('aaaaaaaa-0000-4000-8000-000000000003', 'desk-old', 'Sofie', '2026-12-01T12:00:00+01:00', 1764586800000, 1),
        ('aaaaaaaa-0000-4000-8000-000000000001', 'desk-old', 'Sofie', '2026-12-01T10:30:00+01:00', 1764581400000, 1),
        ('aaaaaaaa-0000-4000-8000-000000000002', 'desk-two', 'Jonas', '2026-12-01T11:00:00+01:00', 1764583200000, 1),
        ('aaaaaaaa-0000-4000-8000-000000000004', 'desk-old', 'Sofie', '2026-12-01T11:30:00+01:00', 1764585000000, 1);
      INSERT INTO desk_events (event_id, kind, card_id, desk_id, staff, method, at, at_ms, hlc)
        VALUES ('ev-2', 'handout', 2, 'desk-two', 'Jonas', 'self', '2026-12-01T09:00:00+01:00', 1764576000000,
        '001764576000000-000000-desk-two');
      INSERT INTO card_state (card_id, state, event_id, event_seq) VALUES (2, 'collected', 'ev-2', 2);
      UPDATE card_state SET event_seq = 1 WHERE card_id = 1;
    `);
    raw.close();
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    expect(db.prepare('SELECT desk_id, name, number FROM desks ORDER BY number').all()).toEqual([
      { desk_id: 'desk-old', name: 'Balie 1', number: 1 },
      { desk_id: 'desk-two', name: 'Balie 2', number: 2 },
    ]);
    expect(db.prepare('SELECT group_id, group_no FROM pickup_groups ORDER BY group_no').all()).toEqual([
      { group_id: 'aaaaaaaa-0000-4000-8000-000000000001', group_no: 'G1-0001' },
      { group_id: 'aaaaaaaa-0000-4000-8000-000000000004', group_no: 'G1-0002' },
      { group_id: 'aaaaaaaa-0000-4000-8000-000000000003', group_no: 'G1-0003' },
      { group_id: 'aaaaaaaa-0000-4000-8000-000000000002', group_no: 'G2-0001' },
    ]);
    expect(readCardFacts(db, '270000000154')?.collected).toMatchObject({
      deskId: 'desk-old',
      deskName: 'Balie 1',
    });
    expect(readCardFacts(db, '270000000255')?.collected).toMatchObject({
      deskId: 'desk-two',
      deskName: 'Balie 2',
    });
    db.close();
  });

  it('90: a store not set up yet gets no desk row until initPoint makes its desk', () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.prepare('SELECT count(*) FROM desks').pluck().get()).toBe(0);
    opened.value.close();
  });

  it('80: cards of an older store get their name key and words, and one-word search finds them', () => {
    const opened = openStore(storeAtVersion(70));
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    expect(db.prepare('SELECT name_key FROM cards ORDER BY id').pluck().all()).toEqual([
      'peeters\u0001an',
      'maes\u0001bram',
    ]);
    expect(searchCards(db, 'pee').map((r) => r.card)).toEqual(['270000000154']);
    expect(searchCards(db, 'bram').map((r) => r.card)).toEqual(['270000000255']);
    db.close();
  });

  it('70: reports signed before the audit anchor keep their chain; the next report carries the head and verifies at the point', () => {
    const file = storeAtVersion(50);
    const raw = new Database(file);
    raw.exec(`INSERT INTO reports (sequence, report_id, file_sha256, key_id, generated_at, cards, collected, file_name)
      VALUES (1, 'r-1', '${'b'.repeat(64)}', '${'c'.repeat(64)}', '2026-12-01T12:00:00+01:00', 2, 1, 'old.lkr.json')`);
    raw.close();
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    const old = db.prepare('SELECT audit_head, carried_by_restore FROM reports WHERE sequence = 1').get();
    expect(old).toEqual({ audit_head: null, carried_by_restore: 0 });
    const payload = buildReportPayload({
      db,
      clock: fixedClock('2026-12-02T10:00:00Z'),
      dbPath: file,
      backupDir: '',
    });
    expect(payload).toMatchObject({ sequence: 2, previous: 'b'.repeat(64), cardYear: 2027 });
    expect(payload.audit).toEqual({ epoch: 1, seq: 0, head: '0'.repeat(64) });
    expect(verifyAuditAnchors(db)).toEqual({ ok: true, checked: 0, beforeRestore: 0 });
    db.close();
  });

  it('50: links every card state to its event by number, so hand-outs made before the upgrade still show and report', () => {
    const file = storeAtVersion(40);
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    expect(db.prepare('SELECT event_seq FROM card_state WHERE card_id = 1').pluck().get()).toBe(1);
    expect(readCardFacts(db, '270000000154')?.collected).toMatchObject({ staff: 'Sofie', method: 'self' });
    const payload = buildReportPayload({
      db,
      clock: fixedClock('2026-12-02T10:00:00Z'),
      dbPath: file,
      backupDir: '',
    });
    expect(payload.pickups).toEqual([
      { card: '270000000154', at: '2026-12-01T10:00:00+01:00', method: 'self' },
    ]);
    db.close();
  });

  it('40: keeps every card and lists a postcode in name order from the new index', () => {
    const file = storeAtVersion(30);
    const opened = openStore(file);
    if (!opened.ok) throw new Error(opened.error);
    const db = opened.value;
    const indexes = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cards'`)
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['cards_by_postcode_name', 'cards_by_school_name']));
    expect(indexes).not.toContain('cards_by_postcode');
    expect(db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(2);
    db.close();
  });
});
