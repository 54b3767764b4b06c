import { afterEach, describe, expect, it } from 'vitest';
import { readAuditView } from '../../../../../src/main/useCases/admin/auditView';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { voidHandOut } from '../../../../../src/main/useCases/desk/voidHandOut';
import { getSetting, setSetting } from '../../../../../src/main/store/settings';
import { adminGrant } from '../../../../helpers/store';
import { closeDeskStores, deskStore, teacher } from '../../../../helpers/deskFixture';

afterEach(closeDeskStores);

const PIN = '482916';

describe("Beheer's audit view", () => {
  it('names the desk of every hand-out, group and void; an unknown desk has no name; other entries no desk', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    setAdminPin(store, PIN, null);
    const own = getSetting(store.db, 'desk_id') ?? '';
    expect(handOut(store, { card: teacher(1).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    const group = collectGroup(store, {
      collector: { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' },
      cards: [teacher(2).card, teacher(3).card],
      staff: 'Sofie',
      idChecked: true,
    });
    expect(group.ok).toBe(true);
    expect(voidHandOut(store, { card: teacher(1).card, reason: 'vergissing', staff: 'Sofie' }).ok).toBe(true);
    setSetting(store.db, 'desk_id', 'desk-0ther000');
    expect(handOut(store, { card: teacher(4).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    setSetting(store.db, 'desk_id', own);

    const view = readAuditView(store, {}, adminGrant(store, PIN));
    const desks = view.entries.map(({ action, deskId, deskName }) => ({ action, deskId, deskName }));
    expect(desks.slice(0, 4)).toEqual([
      { action: 'handout', deskId: 'desk-0ther000', deskName: null },
      { action: 'void', deskId: own, deskName: 'Balie 1' },
      { action: 'group', deskId: own, deskName: 'Balie 1' },
      { action: 'handout', deskId: own, deskName: 'Balie 1' },
    ]);
    expect(desks.find((d) => d.action === 'init')).toEqual({ action: 'init', deskId: null, deskName: null });
  });
});
