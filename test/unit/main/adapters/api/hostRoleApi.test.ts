import { afterEach, describe, expect, it } from 'vitest';
import {
  deskCertificateDirFor,
  saveDeskCertificate,
} from '../../../../../src/main/platform/lan/deskCertificate';
import { pointRole } from '../../../../../src/main/useCases/point/pointRole';
import { listPeers } from '../../../../../src/main/store/sync/pointPeers';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { apiOver } from '../../../../helpers/api';
import { closePointPair, hostAndDesk, until } from '../../../../helpers/pointPair';

const PIN = '582064';

afterEach(closePointPair);

/** A host and a joined desk, each with the admin PIN, the host's TLS identity where its shell keeps it. */
async function pairWithPins() {
  const pair = await hostAndDesk();
  saveDeskCertificate(deskCertificateDirFor(pair.host.dbPath), pair.hostIdentity);
  expect(setAdminPin(pair.host, PIN, null).ok).toBe(true);
  expect(setAdminPin(pair.desk, PIN, null).ok).toBe(true);
  return pair;
}

describe('Beheer hands the host role over and takes it over through the API', () => {
  it('handOverHost moves the role to the named desk (PIN checked first); refusals come back as values', async () => {
    const { host, desk } = await pairWithPins();
    const api = apiOver(host);
    expect(await api.handOverHost({ to: 'Groepen', adminPin: '111999' })).toMatchObject({
      ok: false,
      error: 'pin_wrong',
    });
    expect(pointRole(host.db)).toBe('host');
    expect(await api.handOverHost({ to: 'Balie 9', adminPin: PIN })).toMatchObject({
      ok: false,
      error: 'unknown_desk',
      name: 'Balie 9',
    });

    // The desk's sync service has greeted the host: the host knows where to reach it.
    await until(() => listPeers(host.db).some((p) => p.name === 'Groepen' && p.url !== null));
    const moved = await api.handOverHost({ to: 'Groepen', adminPin: PIN });
    expect(moved).toMatchObject({
      ok: true,
      value: { to: 'Groepen', keyId: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(pointRole(host.db)).toBe('desk');
    expect(pointRole(desk.db)).toBe('host');
    // The old host is an ordinary desk now: it names the new host.
    expect(await api.handOverHost({ to: 'Groepen', adminPin: PIN })).toMatchObject({
      ok: false,
      error: 'not_host',
    });
  });

  it('a desk whose sync does not run is named as unreachable, and nothing moves', async () => {
    const { host, desk, deskService } = await pairWithPins();
    await until(() => listPeers(host.db).some((p) => p.name === 'Groepen' && p.url !== null));
    await deskService.stop();
    expect(await apiOver(host).handOverHost({ to: 'Groepen', adminPin: PIN })).toMatchObject({
      ok: false,
      error: 'desk_unreachable',
      name: 'Groepen',
    });
    expect(pointRole(host.db)).toBe('host');
    expect(pointRole(desk.db)).toBe('desk');
  });

  it('takeOverHost on a desk makes a new key and a new epoch; on the host it is refused', async () => {
    const { host, desk } = await pairWithPins();
    expect(await apiOver(host).takeOverHost({ adminPin: PIN })).toMatchObject({
      ok: false,
      error: 'already_host',
    });
    const api = apiOver(desk);
    expect(await api.takeOverHost({ adminPin: '111999' })).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(pointRole(desk.db)).toBe('desk');

    const taken = await api.takeOverHost({ adminPin: PIN });
    expect(taken).toMatchObject({
      ok: true,
      value: { keyId: expect.stringMatching(/^[0-9a-f]{64}$/), enrolAs: 'BIB-GENT.pub.pem' },
    });
    expect(pointRole(desk.db)).toBe('host');
    const actions = desk.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').pluck().all();
    expect(actions).toEqual(['epoch_started', 'key_rotated']);
    expect(await api.takeOverHost({ adminPin: PIN })).toMatchObject({ ok: false, error: 'already_host' });
  });
});
