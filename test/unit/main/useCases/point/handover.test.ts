import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDeskCertificate,
  deskCertificateDirFor,
  loadOrCreateDeskCertificate,
} from '../../../../../src/main/platform/lan/deskCertificate';
import { openStore } from '../../../../../src/main/store/openStore';
import { getSetting } from '../../../../../src/main/store/settings';
import type { StoreContext } from '../../../../../src/main/store/storeContext';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { handOverTo } from '../../../../../src/main/useCases/point/handOverTo';
import { takeOver } from '../../../../../src/main/useCases/point/hostRole';
import { joinPoint } from '../../../../../src/main/useCases/point/joinPoint';
import { servePoint } from '../../../../../src/main/useCases/point/servePoint';
import type { PointService } from '../../../../../src/main/useCases/point/servePoint';
import { createReport } from '../../../../../src/main/useCases/reports/createReport';
import { closeDeskStores, deskStore, teacher } from '../../../../helpers/deskFixture';
import { tempDir } from '../../../../helpers/store';

const services: PointService[] = [];
const stores: StoreContext[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const s of stores.splice(0)) if (s.db.open) s.db.close();
  closeDeskStores();
});

/** Waits for a condition by polling, at most `tries` times (no clock involved). */
async function until(condition: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met');
}

async function hostAndDesk() {
  const host = await deskStore();
  const hostIdentity = await createDeskCertificate('Balie 1', host.clock);
  const hostService = await servePoint(host, {
    identity: hostIdentity,
    listen: { host: '127.0.0.1', port: 0 },
  });
  services.push(hostService);
  const dir = tempDir();
  const deskPath = path.join(dir, 'desk.sqlite');
  const joined = await joinPoint({
    dbPath: deskPath,
    url: hostService.url,
    code: hostService.code ?? '',
    deskName: 'Groepen',
    clock: host.clock,
    backupDir: path.join(dir, 'backups'),
  });
  if (!joined.ok) throw new Error(`join refused: ${joined.error}`);
  const opened = openStore(deskPath);
  if (!opened.ok) throw new Error('desk store');
  const desk: StoreContext = { db: opened.value, clock: host.clock, dbPath: deskPath, backupDir: dir };
  stores.push(desk);
  // The desk's own certificate, written by the join next to its store.
  const identity = await loadOrCreateDeskCertificate(deskCertificateDirFor(deskPath), 'Groepen', host.clock);
  const deskService = await servePoint(desk, { identity, listen: { host: '127.0.0.1', port: 0 } });
  services.push(deskService);
  return { host, hostIdentity, hostService, desk, joined: joined.value };
}

describe('a planned host handover', () => {
  it('moves the key and the report chain: the new host signs report 2 with the same key, the old one refuses', async () => {
    const { host, hostIdentity, hostService, desk, joined } = await hostAndDesk();
    expect(joined.cards).toBeGreaterThan(0);
    expect(handOut(host, { card: teacher(3).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    const first = createReport(host, { outFile: path.join(tempDir(), 'r1.json') });
    if (!first.ok) throw new Error(first.error);
    // The desk has the hand-out before it can take over.
    await until(() => desk.db.prepare('SELECT count(*) FROM desk_events').pluck().get() === 1);

    const moved = await handOverTo(
      host,
      hostIdentity,
      {
        deskId: getSetting(host.db, 'desk_id') ?? '',
        name: 'Balie 1',
        fingerprint: hostIdentity.fingerprint,
        url: hostService.url,
      },
      'Groepen',
    );
    expect(moved).toMatchObject({ ok: true, value: { to: 'Groepen', keyId: first.value.keyId } });
    expect(getSetting(host.db, 'point_role')).toBe('desk');
    expect(getSetting(desk.db, 'point_role')).toBe('host');
    expect(fs.existsSync(path.join(path.dirname(host.dbPath), 'keys', 'report-signing.key'))).toBe(false);

    const second = createReport(desk, { outFile: path.join(tempDir(), 'r2.json') });
    if (!second.ok) throw new Error(second.error);
    expect(second.value).toMatchObject({ sequence: 2, keyId: first.value.keyId, collected: 1 });
    expect(createReport(host, { outFile: path.join(tempDir(), 'r3.json') })).toMatchObject({
      ok: false,
      error: 'not_host',
      host: 'Groepen',
    });
  });

  it('a take-over makes a new key and a new audit epoch on the desk', async () => {
    const { desk } = await hostAndDesk();
    const taken = takeOver(desk);
    expect(taken).toMatchObject({ ok: true, value: { enrolAs: 'BIB-GENT.pub.pem' } });
    expect(getSetting(desk.db, 'point_role')).toBe('host');
    const actions = desk.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').pluck().all();
    expect(actions).toEqual(['epoch_started', 'key_rotated']);
    expect(takeOver(desk)).toMatchObject({ ok: false, error: 'already_host' });
  });
});
