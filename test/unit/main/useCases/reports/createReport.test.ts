import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import {
  buildPickupsJson,
  buildReport,
  buildReportPayload,
} from '../../../../../src/main/useCases/reports/buildReport';
import { createReport } from '../../../../../src/main/useCases/reports/createReport';
import { signReportEnvelope, signReportParts } from '../../../../../src/main/useCases/reports/signReport';
import { verifyReportFile } from '../../../../../src/main/useCases/reports/verifyReport';
import { cardsWithStatus, gentPoint, handOutSome } from '../../../../helpers/safetyStore';
import { newKeyPair } from '../../../../helpers/reportFixtures';
import { tempDir } from '../../../../helpers/store';
import { loadOrCreateInstallationKey } from '../../../../../src/main/platform/keys/installationKey';

async function season() {
  const store = await gentPoint();
  handOutSome(store, 5);
  const group = collectGroup(store, {
    collector: {
      kind: 'person',
      name: 'Godelieve Vanderstraeten',
      idNote: 'identiteitskaart 592-1234567-89',
    },
    cards: cardsWithStatus(store.db, 'waiting').slice(0, 3),
    staff: 'Els',
    idChecked: true,
  });
  if (!group.ok) throw new Error(`group refused: ${group.error}`);
  handOutSome(store, 2);
  return store;
}

describe('the report is built once, from SQLite JSON text to signed bytes', () => {
  it('signs exactly the bytes of the whole payload signed the slow way (self and group pickups, in order)', async () => {
    const store = await season();
    const key = newKeyPair();
    const { head, pickupsJson } = buildReport(store);
    // The slow way: cardStats for the counts, one JS object per pickup; its own reportId.
    const whole = { ...buildReportPayload(store), reportId: head.reportId };
    expect(whole.pickups.map((p) => p.method)).toEqual([
      ...Array(5).fill('self'),
      'group',
      'group',
      'group',
      'self',
      'self',
    ]);
    const fast = signReportParts(head, pickupsJson, key.privateKey, key.publicKey).bytes;
    expect(Buffer.from(fast).toString()).toBe(
      Buffer.from(signReportEnvelope(whole, key.privateKey, key.publicKey).bytes).toString(),
    );
    store.db.close();
  });

  it('counts every status as cardStats does: collected wins over replaced and revoked, returned counts as waiting', async () => {
    const store = await season();
    const { db } = store;
    const collected = cardsWithStatus(db, 'collected');
    const waiting = cardsWithStatus(db, 'waiting');
    const set = (sql: string, card: string) => db.prepare(sql).run(card);
    const replace = `UPDATE cards SET replaced_by = '${waiting[0]}' WHERE card = ?`;
    const revoke = `UPDATE cards SET issuer_status = 'ingetrokken' WHERE card = ?`;
    const giveBack = `UPDATE card_state SET state = 'returned' WHERE card_id = (SELECT id FROM cards WHERE card = ?)`;
    set(replace, collected[0] as string);
    set(revoke, collected[1] as string);
    set(giveBack, collected[2] as string);
    set(giveBack, collected[3] as string);
    set(revoke, collected[3] as string);
    set(giveBack, collected[4] as string);
    set(replace, collected[4] as string);
    set(replace, waiting[1] as string);
    set(revoke, waiting[2] as string);
    set(replace, waiting[3] as string);
    set(revoke, waiting[3] as string);
    db.exec(`UPDATE cards SET postcode = '9050' WHERE card IN ('${collected[5]}', '${waiting[4]}')`);
    const fast = buildReport(store).head;
    const slow = buildReportPayload(store);
    expect(fast.totals).toEqual(slow.totals);
    expect(fast.byPostcode).toEqual(slow.byPostcode);
    expect(fast.totals).toMatchObject({ collected: 7, revoked: 9, replaced: 3 }); // the fixture has 7 revoked
    expect(fast.byPostcode.length).toBeGreaterThan(1);
    store.db.close();
  });

  it('writes a report that verifies and carries every pickup', async () => {
    const store = await season();
    const dir = tempDir();
    const outFile = path.join(dir, 'r1.lkr.json');
    const made = createReport(store, { outFile, keyDir: path.join(dir, 'keys') });
    expect(made).toMatchObject({ ok: true, value: { collected: 10, sequence: 1 } });
    const key = loadOrCreateInstallationKey(path.join(dir, 'keys'));
    if (!key.ok) throw new Error('key');
    const bytes = new Uint8Array(fs.readFileSync(outFile));
    expect(
      verifyReportFile('r1.lkr.json', bytes, new Map([['BIB-GENT', [key.value.publicKey]]])),
    ).toMatchObject({
      ok: true,
    });
    const envelope = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { payload: string };
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      pickups: unknown[];
    };
    expect(payload.pickups).toHaveLength(10);
    store.db.close();
  });

  it('refuses to sign a pickup whose time the report format does not allow (a bug, so it throws)', async () => {
    const store = await season();
    const triggers = store.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'desk_events'`)
      .pluck()
      .all() as string[];
    for (const t of triggers) store.db.exec(`DROP TRIGGER ${t}`);
    store.db.exec(
      `UPDATE desk_events SET at = '2026-12-02 10:00' WHERE seq = (SELECT min(seq) FROM desk_events)`,
    );
    expect(() => buildPickupsJson(store.db)).toThrow(/1 pickups/);
    store.db.close();
  });

  it('refuses a card number that would write its own JSON (a quote in it), even one shaped like a pickup', async () => {
    const store = await season();
    const [card] = cardsWithStatus(store.db, 'collected');
    store.db
      .prepare('UPDATE cards SET card = ? WHERE card = ?')
      .run('270000000154","at":"2026-12-02T10:00:00+01:00","method":"self"},{"card":"270000000154', card);
    expect(() => buildPickupsJson(store.db)).toThrow(/1 pickups/);
    store.db.close();
  });
});
