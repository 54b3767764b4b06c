import { afterEach, describe, expect, it } from 'vitest';
import { deskNameOf, ensureOwnDesk, nextGroupNo, renameDesk } from '../../../../src/main/store/deskNames';
import { getSetting } from '../../../../src/main/store/settings';
import { setAdminPin } from '../../../../src/main/useCases/admin/adminPin';
import { initPoint, readPointIdentity } from '../../../../src/main/useCases/admin/initPoint';
import { changePointSettings, readPointSettings } from '../../../../src/main/useCases/admin/pointSettings';
import { describeStoreProblem } from '../../../../src/shared/i18n/storeText';
import { TEST_ISSUER_PUB, adminGrant, dbChecksum, testStore } from '../../../helpers/store';
import type { TestStore } from '../../../helpers/store';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.db.close();
});
function store(options: Parameters<typeof testStore>[0] = {}): TestStore {
  const s = testStore(options);
  stores.push(s);
  return s;
}
const PIN = '482916';
const otherDesk = (s: TestStore, deskId: string, name: string, number: number) =>
  s.db.prepare('INSERT INTO desks (desk_id, name, number) VALUES (?, ?, ?)').run(deskId, name, number);

describe('desk names', () => {
  it('initPoint makes this desk "Balie 1", number 1, or takes the name it is given', () => {
    const plain = store();
    const deskId = getSetting(plain.db, 'desk_id') ?? '';
    expect(plain.db.prepare('SELECT desk_id, name, number FROM desks').all()).toEqual([
      { desk_id: deskId, name: 'Balie 1', number: 1 },
    ]);
    expect(readPointIdentity(plain.db)).toMatchObject({ deskId, deskName: 'Balie 1' });

    const named = store({ pointId: null });
    const init = initPoint(named, {
      pointId: 'BIB-GENT',
      pointName: 'De Krook',
      issuerPublicKeyPem: TEST_ISSUER_PUB,
      deskName: '  Groepen  ',
    });
    expect(init).toMatchObject({ ok: true, value: { deskName: 'Groepen' } });
    // Run again without a name (a policy re-applied): the name stays.
    initPoint(named, { pointId: 'BIB-GENT', pointName: 'De Krook', issuerPublicKeyPem: TEST_ISSUER_PUB });
    expect(readPointIdentity(named.db)?.deskName).toBe('Groepen');
  });

  it('initPoint refuses a bad desk name in Dutch and writes nothing', () => {
    const fresh = store({ pointId: null });
    const before = dbChecksum(fresh.db);
    const result = initPoint(fresh, {
      pointId: 'BIB-GENT',
      pointName: 'De Krook',
      issuerPublicKeyPem: TEST_ISSUER_PUB,
      deskName: 'x'.repeat(41),
    });
    expect(result).toEqual({ ok: false, error: 'desk_name_invalid', max: 40 });
    if (!result.ok)
      expect(describeStoreProblem(result)).toMatch(/^Geef de balie een naam van 1 tot 40 gewone tekens/);
    expect(dbChecksum(fresh.db)).toBe(before);
  });

  it('accepts 1–40 printable characters and refuses empty, too long or control characters', () => {
    const s = store();
    const deskId = getSetting(s.db, 'desk_id') ?? '';
    expect(renameDesk(s.db, deskId, 'Balie Jeugd – 2ᵉ verdieping')).toEqual({ ok: true, value: undefined });
    expect(deskNameOf(s.db, deskId)).toBe('Balie Jeugd – 2ᵉ verdieping');
    expect(renameDesk(s.db, deskId, 'é'.repeat(40)).ok).toBe(true);
    for (const bad of ['', '   ', 'é'.repeat(41), 'Balie\n1', 'Balie\u00001', 'Balie\u200b1'])
      expect(renameDesk(s.db, deskId, bad)).toMatchObject({ ok: false, error: 'desk_name_invalid' });
    expect(deskNameOf(s.db, deskId)).toBe('é'.repeat(40));
  });

  it('refuses the name of another desk of the point, letter case aside, and keeps both names', () => {
    const s = store();
    const deskId = getSetting(s.db, 'desk_id') ?? '';
    otherDesk(s, 'desk-0b0b0b0b', 'Groepen', 2);
    expect(renameDesk(s.db, deskId, 'groepen')).toEqual({
      ok: false,
      error: 'desk_name_taken',
      name: 'groepen',
    });
    expect(deskNameOf(s.db, deskId)).toBe('Balie 1');
    expect(deskNameOf(s.db, 'desk-0b0b0b0b')).toBe('Groepen');
    // Its own name in other letters is no clash.
    expect(renameDesk(s.db, deskId, 'BALIE 1').ok).toBe(true);
  });

  it('Beheer renames this desk with the admin PIN; a duplicate is refused in Dutch and nothing changes', () => {
    const s = store();
    setAdminPin(s, PIN, null);
    otherDesk(s, 'desk-0b0b0b0b', 'Groepen', 2);
    const done = changePointSettings(s, { deskName: 'Onthaal' }, adminGrant(s, PIN));
    expect(done).toMatchObject({ ok: true, value: { deskName: 'Onthaal' } });
    expect(readPointSettings(s).deskName).toBe('Onthaal');

    const before = dbChecksum(s.db);
    const refused = changePointSettings(s, { deskName: 'Groepen', maxGroupSize: 20 }, adminGrant(s, PIN));
    expect(refused).toEqual({ ok: false, error: 'desk_name_taken', name: 'Groepen' });
    if (!refused.ok && refused.error === 'desk_name_taken')
      expect(describeStoreProblem(refused)).toBe(
        'Er is al een balie met de naam "Groepen" op dit punt. Kies een andere naam; er is niets gewijzigd.',
      );
    expect(dbChecksum(s.db)).toBe(before);
  });

  it('knows no name for a desk without a row: null, which the texts show as "andere balie"', () => {
    const s = store();
    expect(deskNameOf(s.db, 'desk-unknown1')).toBeNull();
  });

  it('gives a desk joining later the lowest free number and a free "Balie N" name', () => {
    const s = store({ pointId: null });
    otherDesk(s, 'desk-host0001', 'Balie 1', 1);
    otherDesk(s, 'desk-host0002', 'Balie 2', 3);
    s.db.transaction(() => ensureOwnDesk(s.db, 'desk-mine0001'))();
    expect(s.db.prepare(`SELECT name, number FROM desks WHERE desk_id = 'desk-mine0001'`).get()).toEqual({
      name: 'Balie 3',
      number: 2,
    });
    expect(nextGroupNo(s.db, 2)).toBe('G2-0001');
  });
});
