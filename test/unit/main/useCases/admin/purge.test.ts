import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { purgePersonalData } from '../../../../../src/main/useCases/admin/purge';
import { listBackups } from '../../../../../src/main/store/backup';
import { openStore } from '../../../../../src/main/store/openStore';
import { setSetting } from '../../../../../src/main/store/settings';
import { cardStats } from '../../../../../src/main/useCases/admin/cardStats';
import { adminGrant, dbChecksum } from '../../../../helpers/store';
import { runCli } from '../../../../helpers/cli';
import type { TestStore } from '../../../../helpers/store';
import {
  ADMIN_PIN,
  cardsWithStatus,
  gentPoint,
  handOutSome,
  personalStrings,
  statusOf,
} from '../../../../helpers/safetyStore';

const COLLECTOR = 'Godelieve Vanderstraeten';
const COLLECTOR_ID = 'identiteitskaart 592-1234567-89';

/** A season at the Gent point: some teachers collect themselves, one collects for a group. */
async function seasonAtGent(): Promise<TestStore & { collected: string[] }> {
  const store = await gentPoint();
  const collected = handOutSome(store, 6);
  const groupCards = cardsWithStatus(store.db, 'waiting').slice(0, 3);
  const group = collectGroup(store, {
    collector: { kind: 'person', name: COLLECTOR, idNote: COLLECTOR_ID },
    cards: groupCards,
    staff: 'Els',
    idChecked: true,
  });
  if (!group.ok) throw new Error(`group refused: ${group.error}`);
  return Object.assign(store, { collected: [...collected, ...groupCards] });
}

/** 23:59 on 29 August 2027 in Brussels: last day 30 June + 60 days is the 29th. */
const LAST_DAY_OF_RETENTION = '2027-08-29T21:59:00Z';
/** 00:01 on 30 August in Brussels: the first day the data may go. */
const FIRST_PURGE_DAY = '2027-08-29T22:01:00Z';

describe('removing personal data after the retention period', () => {
  it('is refused until 60 days after the last day, with the first allowed date', async () => {
    const store = await seasonAtGent();
    store.clock.set(LAST_DAY_OF_RETENTION);
    const before = dbChecksum(store.db);
    expect(await purgePersonalData(store, adminGrant(store, ADMIN_PIN))).toEqual({
      ok: false,
      error: 'too_early',
      lastDay: '2027-06-30',
      retentionDays: 60,
      firstAllowedDay: '2027-08-30',
    });
    expect(dbChecksum(store.db)).toBe(before);
    expect(listBackups(store.backupDir, 'purge')).toEqual([]);
    store.db.close();
  });

  it('follows the retention_days setting and an earlier last day of the point', async () => {
    const store = await seasonAtGent();
    setSetting(store.db, 'last_day', '2027-05-31');
    setSetting(store.db, 'retention_days', '30');
    store.clock.set('2027-06-30T12:00:00Z');
    expect(await purgePersonalData(store, adminGrant(store, ADMIN_PIN))).toMatchObject({
      ok: false,
      firstAllowedDay: '2027-07-01',
    });
    store.clock.set('2027-07-01T12:00:00Z');
    expect(await purgePersonalData(store, adminGrant(store, ADMIN_PIN))).toMatchObject({ ok: true });
    store.db.close();
  });

  it('is refused with a wrong admin PIN, changing nothing', async () => {
    const store = await seasonAtGent();
    store.clock.set(FIRST_PURGE_DAY);
    const names = personalStrings(store.db);
    // The PIN gate is the boundary's (the CLI here; Beheer has none for purge).
    const run = await runCli(['--db', store.dbPath, 'purge', '--admin-pin', '918273'], FIRST_PURGE_DAY);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/pincode/i);
    expect(personalStrings(store.db)).toEqual(names);
    expect(listBackups(store.backupDir, 'purge')).toEqual([]);
    store.db.close();
  });

  it('removes every name and stamboeknummer, down to the bytes of the file; reports still work', async () => {
    const store = await seasonAtGent();
    const personal = [...personalStrings(store.db), COLLECTOR, COLLECTOR_ID];
    expect(personal.length).toBeGreaterThan(100);
    // Sanity check of the byte search: before the purge the strings are in the file.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const beforeBytes = fs.readFileSync(store.dbPath);
    expect(personal.filter((s) => beforeBytes.includes(s)).length).toBeGreaterThan(personal.length / 2);
    const statsBefore = cardStats(store.db);

    store.clock.set(FIRST_PURGE_DAY);
    const result = await purgePersonalData(store, adminGrant(store, ADMIN_PIN));
    expect(result).toMatchObject({ ok: true, value: { cards: 60, groups: 1 } });
    if (!result.ok) return;
    expect(fs.existsSync(result.value.backup)).toBe(true);
    expect(result.value.backupsWithPersonalData).toContain(result.value.backup);

    // Reports still possible: same cards, same statuses.
    expect(cardStats(store.db)).toEqual(statsBefore);
    for (const card of store.collected) expect(statusOf(store.db, card)).toBe('collected');
    expect(personalStrings(store.db)).toEqual([]);
    expect(
      store.db.prepare(`SELECT count(*) FROM cards_fts WHERE cards_fts MATCH 'vanderstraeten'`).pluck().get(),
    ).toBe(0);
    const audit = readAudit(store.db, { limit: 1 })[0];
    expect(audit?.action).toBe('purge');
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ cards: 60, groups: 1 });
    expect(verifyAudit(store.db).ok).toBe(true);

    // Nothing left in the file: not in free pages, not in the FTS index, not in the WAL.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = [store.dbPath, `${store.dbPath}-wal`].filter((f) => fs.existsSync(f));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(f)));
    // Folded as in search_text; a folded name that is part of a word the store keeps anyway
    // ("inge" in the issuer status "ingetrokken", "lies" in the table name "card_anomalies")
    // proves nothing either way.
    const kept = 'ingetrokken beschikbaar card_anomalies';
    const folded = personal.map((s) => s.toLowerCase()).filter((s) => !kept.includes(s));
    expect([...personal, ...folded].filter((s) => bytes.includes(s))).toEqual([]);
    store.db.close();

    // Still opens as a normal store afterwards.
    const reopened = openStore(store.dbPath);
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      expect(reopened.value.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(60);
      reopened.value.close();
    }
  });

  it('running it a second time finds nothing more to remove', async () => {
    const store = await seasonAtGent();
    store.clock.set(FIRST_PURGE_DAY);
    expect((await purgePersonalData(store, adminGrant(store, ADMIN_PIN))).ok).toBe(true);
    expect(await purgePersonalData(store, adminGrant(store, ADMIN_PIN))).toMatchObject({
      ok: true,
      value: { cards: 0, groups: 0 },
    });
    store.db.close();
  });
});
