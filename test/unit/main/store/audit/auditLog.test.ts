import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { voidHandOut } from '../../../../../src/main/useCases/desk/voidHandOut';
import { runCli } from '../../../../helpers/cli';
import { fixture, testStore } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';

/** A store with a few audit entries, then opened the way someone editing the file would. */
function storeWithEntries(): TestStore {
  const store = testStore();
  for (let i = 0; i < 5; i += 1) {
    store.clock.advance(60_000);
    appendAudit(store.db, store.clock, 'handout', {
      card: `27000000${String(i).padStart(4, '0')}`,
      eventId: `e${i}`,
    });
  }
  return store;
}

function tamper(store: TestStore, sql: string): void {
  store.db.close();
  const raw = new Database(store.dbPath);
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
  raw.close();
}

const verifyCli = (store: TestStore) => runCli(['--db', store.dbPath, 'audit', 'verify']);

describe('the hash-chained audit log', () => {
  it('verifies when nobody touched it', async () => {
    const store = storeWithEntries();
    expect(verifyAudit(store.db)).toEqual({ ok: true, entries: 6 });
    store.db.close();
    const run = await verifyCli(store);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Auditlog in orde: 6 regels/);
  });

  it('detects an altered entry', async () => {
    const store = storeWithEntries();
    tamper(store, `UPDATE audit_log SET details = replace(details, '0002', '0009') WHERE seq = 4`);
    const run = await verifyCli(store);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/NIET in orde bij regel 4: de inhoud is gewijzigd/);
  });

  it('detects a removed entry', async () => {
    const store = storeWithEntries();
    tamper(store, `DELETE FROM audit_log WHERE seq = 3`);
    const run = await verifyCli(store);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/NIET in orde bij regel 4/);
  });

  it('detects the last entry removed and a new one appended in its place', async () => {
    const store = storeWithEntries();
    tamper(
      store,
      `DELETE FROM audit_log WHERE seq = 6;
       INSERT INTO audit_log (seq, at, action, details, prev_hash, hash)
       SELECT 6, at, action, details, prev_hash, hash FROM audit_log WHERE seq = 5;`,
    );
    const run = await verifyCli(store);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bij regel 6/);
  });

  it('detects reordered entries', async () => {
    const store = storeWithEntries();
    // Swap the contents of entries 2 and 3, keeping their sequence numbers.
    tamper(
      store,
      `CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (2, 3);
       UPDATE audit_log SET at = (SELECT at FROM t WHERE seq = 3), action = (SELECT action FROM t WHERE seq = 3),
         details = (SELECT details FROM t WHERE seq = 3), prev_hash = (SELECT prev_hash FROM t WHERE seq = 3),
         hash = (SELECT hash FROM t WHERE seq = 3) WHERE seq = 2;
       UPDATE audit_log SET at = (SELECT at FROM t WHERE seq = 2), action = (SELECT action FROM t WHERE seq = 2),
         details = (SELECT details FROM t WHERE seq = 2), prev_hash = (SELECT prev_hash FROM t WHERE seq = 2),
         hash = (SELECT hash FROM t WHERE seq = 2) WHERE seq = 3;`,
    );
    const run = await verifyCli(store);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bij regel 2/);
  });

  it('holds no names or stamboeknummers after a day at the desk', async () => {
    const store = testStore();
    await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')));
    const people = store.db
      .prepare(
        `SELECT card, stamboeknummer, voornaam, achternaam FROM cards WHERE issuer_status = 'beschikbaar'`,
      )
      .all() as { card: string; stamboeknummer: string; voornaam: string; achternaam: string }[];
    const [one, collector, ...others] = people;
    expect(handOut(store, { card: one!.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    expect(
      collectGroup(store, {
        collector: { kind: 'stamboeknummer', stamboeknummer: collector!.stamboeknummer },
        cards: others.slice(0, 5).map((p) => p.card),
        staff: 'Sofie',
        idChecked: true,
      }).ok,
    ).toBe(true);
    expect(
      voidHandOut(store, { card: one!.card, reason: `vergissing, was ${one!.voornaam}`, staff: 'Sofie' }).ok,
    ).toBe(true);
    const log = (store.db.prepare('SELECT action || details FROM audit_log').pluck().all() as string[]).join(
      '\n',
    );
    expect(log).toContain(one!.card);
    for (const p of people) {
      expect(log).not.toContain(p.stamboeknummer);
      expect(log).not.toContain(p.achternaam);
    }
    expect(log).not.toContain(one!.voornaam);
  });
});
