import { describe, expect, it } from 'vitest';
import { checkAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { adminGrant } from '../../../../helpers/store';
import { readAudit } from '../../../../../src/main/store/audit/auditLog';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import {
  leftoversCsv,
  listLeftovers,
  markLeftoversReturned,
} from '../../../../../src/main/useCases/admin/leftovers';
import { cardStats } from '../../../../../src/main/useCases/admin/cardStats';
import { parseCsv } from '../../../../../src/shared/csv/parseCsv';
import {
  ADMIN_PIN,
  cardsWithStatus,
  gentPoint,
  handOutSome,
  personalStrings,
} from '../../../../helpers/safetyStore';

describe('cards left over at the end', () => {
  it('lists the waiting cards only, by postcode and card, without names', async () => {
    const store = await gentPoint();
    const collected = handOutSome(store, 5);
    const list = listLeftovers(store.db);
    const waiting = cardsWithStatus(store.db, 'waiting');
    expect(list.map((c) => c.card).sort()).toEqual(waiting);
    expect(list.some((c) => collected.includes(c.card))).toBe(false);
    expect(cardsWithStatus(store.db, 'revoked').some((card) => list.some((c) => c.card === card))).toBe(
      false,
    );
    const order = list.map((c) => `${c.postcode}|${c.card}`);
    expect(order).toEqual([...order].sort());
    for (const c of list) expect(Object.keys(c).sort()).toEqual(['batchId', 'card', 'gemeente', 'postcode']);
    expect(list[0]?.batchId).toBe('2027-BIB-GENT-01');
    store.db.close();
  });

  it('writes the return list for the issuer as CSV (; and CRLF) with no name or stamboeknummer', async () => {
    const store = await gentPoint();
    const list = listLeftovers(store.db);
    const csv = leftoversCsv(list);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('kaartnummer;postcode;gemeente;batchId');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const parsed = parseCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.header).toEqual(['kaartnummer', 'postcode', 'gemeente', 'batchId']);
    expect(parsed.records.map((r) => r.fields[0])).toEqual(list.map((c) => c.card));
    for (const personal of personalStrings(store.db)) expect(csv).not.toContain(personal);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(list.length + 1);
    store.db.close();
  });

  it('marking them returned is refused before the last day without the admin PIN', async () => {
    const store = await gentPoint('2027-06-29T12:00:00Z');
    expect(markLeftoversReturned(store, { staff: 'Els' })).toEqual({
      ok: false,
      error: 'before_last_day',
      lastDay: '2027-06-30',
    });
    // A wrong PIN gives no grant: the boundary (CLI, Beheer) refuses before the use case runs.
    expect(checkAdminPin(store, '999999')).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(cardStats(store.db).returned).toBe(0);
    // With the PIN (a point that closes early for a move, say) it is allowed.
    const early = markLeftoversReturned(store, { staff: 'Els' }, adminGrant(store, ADMIN_PIN));
    expect(early.ok && early.value.count).toBeGreaterThan(0);
    store.db.close();
  });

  it('works from the last day on, counts as returned in the stats, and a second run finds nothing', async () => {
    const store = await gentPoint();
    handOutSome(store, 7);
    const leftover = listLeftovers(store.db);
    // The last day itself, 23:30 in Brussels (21:30 UTC in summer).
    store.clock.set('2027-06-30T21:30:00Z');
    const before = cardStats(store.db);
    const done = markLeftoversReturned(store, { staff: 'Els' });
    expect(done).toEqual({ ok: true, value: { count: leftover.length } });
    const after = cardStats(store.db);
    expect(after.returned).toBe(leftover.length);
    expect(after.waiting).toBe(0);
    expect(after.collected).toBe(before.collected);
    expect(after.cards).toBe(60);

    const entry = readAudit(store.db, { limit: 1 })[0];
    expect(entry?.action).toBe('leftovers_returned');
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ count: leftover.length });
    for (const personal of personalStrings(store.db)) expect(entry?.details).not.toContain(personal);

    expect(markLeftoversReturned(store, { staff: 'Els' })).toEqual({ ok: true, value: { count: 0 } });
    // A teacher who turns up late: the card is no longer at the desk.
    const late = handOut(store, { card: leftover[0]!.card, staff: 'Els', idChecked: true });
    expect(late).toMatchObject({ ok: false });
    store.db.close();
  });
});
