import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getSetting } from '../../../../../src/main/store/settings';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { handOverTo } from '../../../../../src/main/useCases/point/handOverTo';
import { takeOver } from '../../../../../src/main/useCases/point/hostRole';
import { createReport } from '../../../../../src/main/useCases/reports/createReport';
import { teacher } from '../../../../helpers/deskFixture';
import { closePointPair, hostAndDesk, until } from '../../../../helpers/pointPair';
import { tempDir } from '../../../../helpers/store';

afterEach(closePointPair);

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
