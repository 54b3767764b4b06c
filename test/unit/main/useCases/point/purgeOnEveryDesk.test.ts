import { afterEach, describe, expect, it } from 'vitest';
import { grantOrderedByHost } from '../../../../../src/main/useCases/admin/adminPin';
import { purgePersonalData } from '../../../../../src/main/useCases/admin/purge';
import { closePointPair, hostAndDesk, until } from '../../../../helpers/pointPair';
import { personalStrings } from '../../../../helpers/safetyStore';
import { teacher } from '../../../../helpers/deskFixture';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';

afterEach(closePointPair);

describe('the retention purge at a point with several desks', () => {
  it('on the host is carried out on the paired desk too: no names left on either', async () => {
    const { host, desk } = await hostAndDesk();
    expect(personalStrings(desk.db).length).toBeGreaterThan(50);
    // The joined desk searches its copy like the host does.
    const surname = teacher(3).achternaam;
    expect(searchCards(desk.db, surname, 50).map((r) => r.card)).toEqual(
      searchCards(host.db, surname, 50).map((r) => r.card),
    );
    expect(searchCards(desk.db, surname, 50).map((r) => r.card)).toContain(teacher(3).card);
    // After the last day and the retention period (the fixture's last day is 30 June 2027).
    host.clock.set('2027-09-15T08:00:00Z');
    const purged = await purgePersonalData(host, grantOrderedByHost(host));
    expect(purged.ok).toBe(true);
    expect(personalStrings(host.db)).toEqual([]);
    await until(() => personalStrings(desk.db).length === 0);
    const audit = desk.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'purge'`).pluck().get();
    expect(audit).toBe(1);
  });
});
