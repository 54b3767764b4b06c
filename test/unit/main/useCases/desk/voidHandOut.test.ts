import { afterEach, describe, expect, it } from 'vitest';
import { apiOver } from '../../../../helpers/api';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { readAudit, verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { UNDO_REASON, voidHandOut } from '../../../../../src/main/useCases/desk/voidHandOut';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { dbChecksum } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';
import {
  auditActions,
  cardState,
  closeDeskStores,
  deskEvents,
  deskStore,
  teacher,
} from '../../../../helpers/deskFixture';

afterEach(closeDeskStores);

const an = teacher(1);
const bram = teacher(2);
const PIN = '480517';

const statusOf = (store: TestStore, card: string) => searchCards(store.db, card)[0]?.status;

function handOutOk(store: TestStore, card: string, staff = 'Sofie'): string {
  const result = handOut(store, { card, staff, idChecked: true });
  if (!result.ok) throw new Error(`hand-out refused: ${result.error}`);
  return result.value.eventId;
}

describe('undoing a hand-out (void)', () => {
  it('voids a hand-out of today without a PIN: the card waits again and can be handed out again', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const firstEvent = handOutOk(store, an.card);
    const firstRow = deskEvents(store.db, an.card)[0];
    expect(statusOf(store, an.card)).toBe('collected');

    store.clock.advance(2 * 60_000);
    const voided = voidHandOut(store, { card: an.card, reason: UNDO_REASON, staff: 'Sofie' });
    expect(voided).toMatchObject({
      ok: true,
      value: { card: an.card, voidedEventId: firstEvent, at: '2027-01-15T10:32:00+01:00' },
    });
    expect(statusOf(store, an.card)).toBe('waiting');
    expect(cardState(store.db, an.card)).toBeNull();

    store.clock.advance(60 * 60_000);
    const again = handOut(store, { card: an.card, staff: 'Jonas', idChecked: true });
    expect(again).toMatchObject({ ok: true, value: { repeated: false, staff: 'Jonas' } });
    if (again.ok) expect(again.value.eventId).not.toBe(firstEvent);
    expect(statusOf(store, an.card)).toBe('collected');

    // Nothing was rewritten: the first hand-out, the void and the new hand-out are all there.
    const events = deskEvents(store.db, an.card);
    expect(events.map((e) => [e.kind, e.staff])).toEqual([
      ['handout', 'Sofie'],
      ['void', 'Sofie'],
      ['handout', 'Jonas'],
    ]);
    expect(events[0]).toEqual(firstRow);
    expect(events[1]).toMatchObject({ voids_event_id: firstEvent, reason: UNDO_REASON });

    const voidAudit = auditActions(store.db).find((a) => a.action === 'void');
    expect(voidAudit?.details).toEqual({
      card: an.card,
      eventId: voided.ok ? voided.value.eventId : '',
      voids: firstEvent,
      undo: true,
      late: false,
    });
  });

  it('keeps desk events for ever: the store refuses to update or delete one', async () => {
    const store = await deskStore();
    handOutOk(store, an.card);
    const before = dbChecksum(store.db);
    expect(() => store.db.prepare(`UPDATE desk_events SET staff = 'Mallory'`).run()).toThrow(/append-only/);
    expect(() => store.db.prepare(`UPDATE desk_events SET kind = 'void'`).run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM desk_events').run()).toThrow(/append-only/);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('asks for a reason', async () => {
    const store = await deskStore();
    handOutOk(store, an.card);
    for (const reason of [undefined, '', '   ', 'x']) {
      expect(
        await apiOver(store).voidHandOut({ card: an.card, reason: reason as string, staff: 'Sofie' }),
      ).toMatchObject({
        ok: false,
        error: 'invalid_request',
      });
    }
    expect(statusOf(store, an.card)).toBe('collected');
  });

  it('needs the admin PIN for a hand-out of an earlier day: refused without it, refused with a wrong one, done with the right one', async () => {
    const store = await deskStore({ at: '2027-01-14T15:00:00Z' });
    expect(setAdminPin(store, PIN, null)).toEqual({ ok: true, value: undefined });
    const event = handOutOk(store, an.card);
    store.clock.set('2027-01-15T09:00:00Z');
    const before = dbChecksum(store.db);

    expect(voidHandOut(store, { card: an.card, reason: 'verkeerde leraar', staff: 'Sofie' })).toEqual({
      ok: false,
      error: 'admin_pin_required',
      card: an.card,
      handedOutOn: '2027-01-14',
    });
    expect(dbChecksum(store.db)).toBe(before);

    expect(
      await apiOver(store).voidHandOut({
        card: an.card,
        reason: 'verkeerde leraar',
        staff: 'Sofie',
        adminPin: '480518',
      }),
    ).toMatchObject({ ok: false, error: 'pin_wrong', triesLeftBeforeLock: 4 });
    expect(statusOf(store, an.card)).toBe('collected');

    const done = await apiOver(store).voidHandOut({
      card: an.card,
      reason: 'verkeerde leraar',
      staff: 'Sofie',
      adminPin: PIN,
    });
    expect(done).toMatchObject({ ok: true, value: { voidedEventId: event } });
    expect(statusOf(store, an.card)).toBe('waiting');
    const voidAudit = auditActions(store.db).find((a) => a.action === 'void');
    expect(voidAudit?.details).toMatchObject({ undo: false, late: true });
    // The free-text reason may hold a name: it is not in the audit log.
    expect(JSON.stringify(readAudit(store.db, { limit: 1000 }))).not.toContain('verkeerde leraar');
  });

  it('says no PIN is set when a late void needs one and the point never set it', async () => {
    const store = await deskStore({ at: '2027-01-14T15:00:00Z' });
    handOutOk(store, an.card);
    store.clock.set('2027-01-16T09:00:00Z');
    expect(
      await apiOver(store).voidHandOut({
        card: an.card,
        reason: 'vergissing',
        staff: 'Sofie',
        adminPin: PIN,
      }),
    ).toEqual({
      ok: false,
      error: 'pin_not_set',
    });
    expect(statusOf(store, an.card)).toBe('collected');
  });

  it('counts "today" in Brussels: 23:30 and 00:30 Brussels time are different days, UTC notwithstanding', async () => {
    // 22:30 UTC = 23:30 in Brussels on the 15th; 23:30 UTC = 00:30 on the 16th: a new day.
    const store = await deskStore({ at: '2027-01-15T22:30:00Z' });
    setAdminPin(store, PIN, null);
    handOutOk(store, an.card);
    store.clock.set('2027-01-15T23:30:00Z');
    expect(voidHandOut(store, { card: an.card, reason: 'vergissing', staff: 'Sofie' })).toMatchObject({
      ok: false,
      error: 'admin_pin_required',
      handedOutOn: '2027-01-15',
    });

    // Handed out at 00:30 on the 16th in Brussels (still the 15th in UTC and in Anchorage),
    // voided the same Brussels afternoon: same day, no PIN.
    handOutOk(store, bram.card);
    store.clock.set('2027-01-16T15:00:00Z');
    expect(voidHandOut(store, { card: bram.card, reason: 'vergissing', staff: 'Sofie' }).ok).toBe(true);
  });

  it('voids a card from a group pickup on the same day; the rest of the group stays collected', async () => {
    const store = await deskStore();
    const cards = [an.card, bram.card, teacher(3).card];
    const group = collectGroup(store, {
      collector: { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' },
      cards,
      staff: 'Sofie',
      idChecked: true,
    });
    expect(group.ok).toBe(true);
    expect(voidHandOut(store, { card: bram.card, reason: 'collega komt zelf', staff: 'Sofie' }).ok).toBe(
      true,
    );
    expect(cards.map((c) => statusOf(store, c))).toEqual(['collected', 'waiting', 'collected']);
  });

  it('says "not collected" for a waiting card, and for a card already voided', async () => {
    const store = await deskStore();
    expect(voidHandOut(store, { card: an.card, reason: 'vergissing', staff: 'Sofie' })).toEqual({
      ok: false,
      error: 'not_collected',
      card: an.card,
    });
    handOutOk(store, an.card);
    expect(voidHandOut(store, { card: an.card, reason: 'vergissing', staff: 'Sofie' }).ok).toBe(true);
    expect(voidHandOut(store, { card: an.card, reason: 'vergissing', staff: 'Sofie' })).toMatchObject({
      ok: false,
      error: 'not_collected',
    });
    expect(deskEvents(store.db, an.card).map((e) => e.kind)).toEqual(['handout', 'void']);
  });

  it('keeps the audit chain intact through hand-outs, groups, voids, PIN failures and a late void', async () => {
    const store = await deskStore({ at: '2027-01-14T10:00:00Z' });
    setAdminPin(store, PIN, null);
    handOutOk(store, an.card);
    collectGroup(store, {
      collector: { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' },
      cards: [bram.card, teacher(3).card],
      staff: 'Sofie',
      idChecked: true,
    });
    voidHandOut(store, { card: bram.card, reason: 'vergissing', staff: 'Sofie' });
    store.clock.set('2027-01-20T10:00:00Z');
    await apiOver(store).voidHandOut({
      card: an.card,
      reason: 'vergissing',
      staff: 'Sofie',
      adminPin: '111222',
    });
    await apiOver(store).voidHandOut({ card: an.card, reason: 'vergissing', staff: 'Sofie', adminPin: PIN });
    handOutOk(store, an.card, 'Jonas');
    const verdict = verifyAudit(store.db);
    expect(verdict).toMatchObject({ ok: true });
    expect(auditActions(store.db).map((a) => a.action)).toEqual([
      'init',
      'import',
      'import',
      'admin_pin_set',
      'handout',
      'group',
      'void',
      'admin_pin_failed',
      'void',
      'handout',
    ]);
  });
});
