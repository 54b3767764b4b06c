import { afterEach, describe, expect, it } from 'vitest';
import { apiOver } from '../../../../helpers/api';
import { verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { getSetting, setSetting } from '../../../../../src/main/store/settings';
import type { CardRefusal } from '../../../../../src/shared/desk/cardVerdict';
import { isValidCardNumber, makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { describeCardRefusal } from '../../../../../src/shared/i18n/deskText';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { makeTestPackage } from '../../../../helpers/packages';
import { dbChecksum } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';
import {
  ELSEWHERE_CARD,
  REPLACED,
  REPRINT_CARD,
  REVOKED,
  auditActions,
  cardState,
  closeDeskStores,
  csv,
  deskEvents,
  deskStore,
  teacher,
  withWrongCheck,
} from '../../../../helpers/deskFixture';

afterEach(closeDeskStores);

const an = teacher(1);
const bram = teacher(2);
const deskOf = (store: TestStore): string => getSetting(store.db, 'desk_id') ?? '';

/** The refusal part of a failed hand-out, as the desk passes it to describeCardRefusal. */
function refusalOf(result: ReturnType<typeof handOut>): CardRefusal {
  if (result.ok) throw new Error('expected a refusal, got a hand-out');
  const { ok: _ok, card: _card, ...refusal } = result as { ok: false; card: string } & CardRefusal;
  return refusal;
}

describe('handing out a card at the desk', () => {
  it('hands out a waiting card: one event, the card shows as collected, and the audit log records it without names', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const result = handOut(store, { card: an.card, staff: 'Sofie', idChecked: true });
    expect(result).toMatchObject({
      ok: true,
      value: {
        card: an.card,
        staff: 'Sofie',
        method: 'self',
        repeated: false,
        at: '2027-01-15T10:30:00+01:00',
        deskId: deskOf(store),
      },
    });
    const events = deskEvents(store.db, an.card);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'handout',
      method: 'self',
      staff: 'Sofie',
      group_id: null,
      at: '2027-01-15T10:30:00+01:00',
      at_ms: Date.parse('2027-01-15T09:30:00Z'),
    });
    expect(cardState(store.db, an.card)).toBe('collected');
    expect(searchCards(store.db, an.card)[0]?.status).toBe('collected');

    const last = auditActions(store.db).at(-1);
    expect(last).toEqual({
      action: 'handout',
      details: { card: an.card, eventId: result.ok ? result.value.eventId : '', method: 'self' },
    });
    const raw = JSON.stringify(last);
    for (const secret of [an.voornaam, an.achternaam, an.stamboeknummer]) expect(raw).not.toContain(secret);
    expect(verifyAudit(store.db)).toMatchObject({ ok: true });
  });

  it('refuses when staff did not tick the ID check, and writes nothing', async () => {
    const store = await deskStore();
    const before = dbChecksum(store.db);
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: false })).toEqual({
      ok: false,
      error: 'id_not_checked',
    });
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses a card collected earlier and says when (Brussels time, winter), at which desk, by whom, how', async () => {
    // 13:05 UTC in January is 14:05 in Brussels (and 04:05 in Anchorage, where the suite runs).
    const store = await deskStore({ at: '2027-01-15T13:05:00Z' });
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.set('2027-01-20T09:00:00Z');
    const before = dbChecksum(store.db);
    const result = handOut(store, { card: an.card, staff: 'Jonas', idChecked: true });
    expect(result).toEqual({
      ok: false,
      card: an.card,
      error: 'already_collected',
      at: '2027-01-15T14:05:00+01:00',
      deskId: deskOf(store),
      deskName: 'Balie 1',
      staff: 'Sofie',
      method: 'self',
      groupId: null,
    });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      'Al afgehaald op 15-01-2027 om 14:05 (Balie 1, Sofie, zelf).',
    );
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses a card collected earlier and says when (Brussels time, summer)', async () => {
    // 13:05 UTC in June is 15:05 in Brussels (summer time, +02:00).
    const store = await deskStore({ at: '2027-06-15T13:05:00Z' });
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.advance(60 * 60 * 1000);
    const result = handOut(store, { card: an.card, staff: 'Jonas', idChecked: true });
    expect(result).toMatchObject({ ok: false, error: 'already_collected', at: '2027-06-15T15:05:00+02:00' });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      'Al afgehaald op 15-06-2027 om 15:05 (Balie 1, Sofie, zelf).',
    );
  });

  it('names a hand-out from a desk this store does not know yet "andere balie", never its id', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const own = deskOf(store);
    // As the sync will bring it: an event written under a desk id that has no row in `desks`.
    setSetting(store.db, 'desk_id', 'desk-0ther000');
    const there = handOut(store, { card: an.card, staff: 'Sofie', idChecked: true });
    expect(there).toMatchObject({ ok: true, value: { deskId: 'desk-0ther000', deskName: null } });
    setSetting(store.db, 'desk_id', own);
    store.clock.advance(60_000);
    const result = handOut(store, { card: an.card, staff: 'Jonas', idChecked: true });
    expect(result).toMatchObject({ error: 'already_collected', deskId: 'desk-0ther000', deskName: null });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      'Al afgehaald op 15-01-2027 om 10:30 (andere balie, Sofie, zelf).',
    );
    expect(describeCardRefusal(refusalOf(result), 'en')).toBe(
      'Already collected on 15-01-2027 at 10:30 (another desk, Sofie, in person).',
    );
  });

  it('words "already collected" in Brussels time even for an instant written in UTC, day change included', () => {
    const refusal = (at: string, method: 'self' | 'group' = 'self'): CardRefusal => ({
      error: 'already_collected',
      at,
      deskId: 'desk-1a2b3c4d',
      deskName: 'Balie 2',
      staff: 'Sofie',
      method,
      groupId: method === 'group' ? 'g-1' : null,
    });
    expect(describeCardRefusal(refusal('2027-01-15T13:05:00Z'))).toBe(
      'Al afgehaald op 15-01-2027 om 14:05 (Balie 2, Sofie, zelf).',
    );
    expect(describeCardRefusal(refusal('2027-06-15T13:05:00Z'))).toBe(
      'Al afgehaald op 15-06-2027 om 15:05 (Balie 2, Sofie, zelf).',
    );
    // Late evening in UTC is already the next day in Brussels.
    expect(describeCardRefusal(refusal('2027-01-15T23:30:00Z', 'group'))).toBe(
      'Al afgehaald op 16-01-2027 om 00:30 (Balie 2, Sofie, groepsafhaling).',
    );
    expect(describeCardRefusal(refusal('2027-06-15T22:30:00Z'))).toBe(
      'Al afgehaald op 16-06-2027 om 00:30 (Balie 2, Sofie, zelf).',
    );
  });

  it('refuses a card the issuer revoked ("ingetrokken")', async () => {
    const store = await deskStore();
    const result = handOut(store, { card: REVOKED.card, staff: 'Sofie', idChecked: true });
    expect(result).toEqual({ ok: false, card: REVOKED.card, error: 'revoked' });
    expect(describeCardRefusal(refusalOf(result))).toContain('ingetrokken');
    expect(deskEvents(store.db)).toEqual([]);
  });

  it('refuses a replaced card and names the newer card, which can be handed out', async () => {
    const store = await deskStore();
    const result = handOut(store, { card: REPLACED.card, staff: 'Sofie', idChecked: true });
    expect(result).toEqual({ ok: false, card: REPLACED.card, error: 'replaced', replacedBy: REPRINT_CARD });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      `Vervangen door kaart ${REPRINT_CARD}: geef de nieuwe kaart af, niet deze.`,
    );
    expect(handOut(store, { card: REPRINT_CARD, staff: 'Sofie', idChecked: true }).ok).toBe(true);
  });

  it('says a card is not at this point, and where it most likely is for the teacher’s postcode', async () => {
    const store = await deskStore();
    expect(
      handOut(store, { card: ELSEWHERE_CARD, staff: 'Sofie', idChecked: true, postcode: '3000' }),
    ).toEqual({
      ok: false,
      error: 'not_here',
      card: ELSEWHERE_CARD,
      likelyPoint: {
        pointId: 'BIB-LEUVEN',
        naam: 'Tweebronnen',
        adres: 'Diestsestraat 49, 3000 Leuven',
        openingsuren: 'ma-za 10-18u',
        tot: '2027-05-31',
      },
    });
    expect(
      handOut(store, { card: ELSEWHERE_CARD, staff: 'Sofie', idChecked: true, postcode: '2018' }),
    ).toMatchObject({ error: 'not_here', likelyPoint: { pointId: 'LETTERENHUIS' } });
    // No postcode given, or one no point serves: not here, and no guess.
    expect(handOut(store, { card: ELSEWHERE_CARD, staff: 'Sofie', idChecked: true })).toMatchObject({
      error: 'not_here',
      likelyPoint: null,
    });
    expect(
      handOut(store, { card: ELSEWHERE_CARD, staff: 'Sofie', idChecked: true, postcode: '8000' }),
    ).toMatchObject({ error: 'not_here', likelyPoint: null });
    expect(deskEvents(store.db)).toEqual([]);
  });

  it('refuses a card number with a wrong check digit (a mistyped number)', async () => {
    const store = await deskStore();
    const typo = withWrongCheck(an.card);
    expect(isValidCardNumber(typo)).toBe(false);
    expect(handOut(store, { card: typo, staff: 'Sofie', idChecked: true })).toEqual({
      ok: false,
      error: 'invalid_card_number',
      card: typo,
    });
  });

  it('refuses unknown staff when the point has a staff list, and accepts a listed name', async () => {
    const store = await deskStore();
    setSetting(store.db, 'staff_list', JSON.stringify(['Sofie', 'Jonas']));
    expect(handOut(store, { card: an.card, staff: 'Mallory', idChecked: true })).toEqual({
      ok: false,
      error: 'unknown_staff',
      staff: 'Mallory',
    });
    expect(deskEvents(store.db)).toEqual([]);
    expect(handOut(store, { card: an.card, staff: ' Jonas ', idChecked: true })).toMatchObject({
      ok: true,
      value: { staff: 'Jonas' },
    });
  });

  it('answers malformed requests with a refusal value, never an exception', async () => {
    const store = await deskStore();
    const before = dbChecksum(store.db);
    const bad: unknown[] = [
      undefined,
      null,
      'hello',
      42,
      [],
      {},
      { card: an.card },
      { card: 270000000154, staff: 'Sofie', idChecked: true },
      { card: '2700 0000 0154', staff: 'Sofie', idChecked: true },
      { card: an.card, staff: '', idChecked: true },
      { card: an.card, staff: 'Sofie', idChecked: 'yes' },
      { card: an.card, staff: 'Sofie', idChecked: true, requestId: 'short' },
      { card: an.card, staff: 'Sofie', idChecked: true, postcode: '90000' },
    ];
    // Validated once, at the boundary every transport goes through.
    const api = apiOver(store);
    for (const request of bad) {
      const result = await api.handOut(request as never);
      expect(result).toMatchObject({ ok: false, error: 'invalid_request' });
      if (result && !result.ok && result.error === 'invalid_request')
        expect(result.issues.length).toBeGreaterThan(0);
    }
    expect(dbChecksum(store.db)).toBe(before);
  });
});

describe('the collection period, by the date in Brussels', () => {
  it('refuses a card the evening before availableFrom in Brussels', async () => {
    // 22:30 UTC on 31 October is 23:30 in Brussels: still October.
    const store = await deskStore({ at: '2026-10-31T22:30:00Z', availableFrom: '2026-11-01' });
    const result = handOut(store, { card: an.card, staff: 'Sofie', idChecked: true });
    expect(result).toEqual({ ok: false, card: an.card, error: 'before_period', availableFrom: '2026-11-01' });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      'Buiten de afhaalperiode: afhalen kan vanaf 01-11-2026.',
    );
  });

  it('allows a card just after midnight in Brussels on availableFrom, while it is still 31 October in UTC', async () => {
    const store = await deskStore({ at: '2026-10-31T23:30:00Z', availableFrom: '2026-11-01' });
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true })).toMatchObject({
      ok: true,
      value: { at: '2026-11-01T00:30:00+01:00' },
    });
  });

  it('allows a card late on availableUntil in Brussels, and refuses it once it is 1 July in Brussels', async () => {
    const store = await deskStore({ at: '2027-06-30T21:30:00Z', availableUntil: '2027-06-30' });
    // 23:30 on 30 June in Brussels: the last day still counts.
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    // 22:30 UTC on 30 June is 00:30 on 1 July in Brussels (summer time): too late.
    store.clock.set('2027-06-30T22:30:00Z');
    const result = handOut(store, { card: bram.card, staff: 'Sofie', idChecked: true });
    expect(result).toEqual({ ok: false, card: bram.card, error: 'after_period', lastDay: '2027-06-30' });
    expect(describeCardRefusal(refusalOf(result))).toBe(
      'Buiten de afhaalperiode: de laatste afhaaldag hier was 30-06-2027.',
    );
  });

  it('honours the point’s own earlier last day, by the date in Brussels', async () => {
    const store = await deskStore({ at: '2027-05-31T21:30:00Z' });
    setSetting(store.db, 'last_day', '2027-05-31');
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.set('2027-05-31T22:30:00Z'); // 00:30 on 1 June in Brussels
    expect(handOut(store, { card: bram.card, staff: 'Sofie', idChecked: true })).toEqual({
      ok: false,
      card: bram.card,
      error: 'after_period',
      lastDay: '2027-05-31',
    });
  });

  it('never lets the point’s own last day extend beyond the batch’s availableUntil', async () => {
    const store = await deskStore({ at: '2027-07-01T08:00:00Z', availableUntil: '2027-06-30' });
    setSetting(store.db, 'last_day', '2027-09-30');
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true })).toEqual({
      ok: false,
      card: an.card,
      error: 'after_period',
      lastDay: '2027-06-30',
    });
  });

  it('applies each batch’s own period when a later batch runs longer, and the point’s last day to both', async () => {
    const store = await deskStore({ availableUntil: '2027-06-30' });
    const starter = makeCardNumber(2_700_000_950);
    const late = await importBatch(
      store,
      makeTestPackage({
        batchId: '2027-BIB-GENT-03',
        cardsCsv: csv(`${starter};66666666666;Zoë;Starter;9000;Gent;;`),
        availableFrom: '2027-01-01',
        availableUntil: '2027-09-30',
      }),
    );
    expect(late.ok).toBe(true);
    setSetting(store.db, 'last_day', '2027-08-31');
    store.clock.set('2027-07-15T08:00:00Z');
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true })).toMatchObject({
      error: 'after_period',
      lastDay: '2027-06-30',
    });
    store.clock.set('2027-09-05T08:00:00Z');
    expect(handOut(store, { card: starter, staff: 'Sofie', idChecked: true })).toMatchObject({
      error: 'after_period',
      lastDay: '2027-08-31',
    });
    store.clock.set('2027-08-31T21:59:00Z'); // 23:59 on 31 August in Brussels
    expect(handOut(store, { card: starter, staff: 'Sofie', idChecked: true }).ok).toBe(true);
  });
});

describe('double clicks, double scans and a second teacher', () => {
  it('writes exactly one hand-out when the desk sends the same request twice', async () => {
    const store = await deskStore();
    const request = { card: an.card, staff: 'Sofie', idChecked: true, requestId: 'req-0001-abcd' };
    const first = handOut(store, request);
    store.clock.advance(60_000); // a retry a minute later is still the same request
    const second = handOut(store, request);
    expect(first).toMatchObject({ ok: true, value: { repeated: false } });
    expect(second).toMatchObject({ ok: true, value: { repeated: true } });
    if (first.ok && second.ok) expect(second.value.eventId).toBe(first.value.eventId);
    expect(deskEvents(store.db)).toHaveLength(1);
    expect(auditActions(store.db).filter((a) => a.action === 'handout')).toHaveLength(1);
  });

  it('treats a double scan by the same staff member within 10 seconds as one hand-out', async () => {
    // Not on a whole second: the window is measured from the real instant of the hand-out.
    const store = await deskStore({ at: '2027-01-15T09:30:00.800Z' });
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.advance(9_500);
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true })).toMatchObject({
      ok: true,
      value: { repeated: true, staff: 'Sofie' },
    });
    expect(deskEvents(store.db)).toHaveLength(1);
  });

  it('refuses the card as already collected when another staff member or a later scan comes 11 s later', async () => {
    const store = await deskStore();
    expect(
      handOut(store, { card: an.card, staff: 'Sofie', idChecked: true, requestId: 'req-a-0001' }).ok,
    ).toBe(true);
    store.clock.advance(11_000);
    expect(
      handOut(store, { card: an.card, staff: 'Jonas', idChecked: true, requestId: 'req-b-0002' }),
    ).toMatchObject({ ok: false, error: 'already_collected', staff: 'Sofie' });
    expect(
      handOut(store, { card: an.card, staff: 'Sofie', idChecked: true, requestId: 'req-c-0003' }),
    ).toMatchObject({ ok: false, error: 'already_collected', staff: 'Sofie' });
    expect(deskEvents(store.db)).toHaveLength(1);
  });

  it('does not let a second staff member’s scan within 10 s pass as a double scan', async () => {
    const store = await deskStore();
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.advance(3_000);
    expect(handOut(store, { card: an.card, staff: 'Jonas', idChecked: true })).toMatchObject({
      ok: false,
      error: 'already_collected',
    });
  });

  it('does not take a scan as a double scan when the PC clock was put back', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    store.clock.set('2027-01-15T08:30:00Z'); // clock corrected an hour back
    expect(handOut(store, { card: an.card, staff: 'Sofie', idChecked: true })).toMatchObject({
      ok: false,
      error: 'already_collected',
    });
  });

  it('never reports another card as handed out when a request id is reused for a different card', async () => {
    const store = await deskStore();
    expect(
      handOut(store, { card: an.card, staff: 'Sofie', idChecked: true, requestId: 'req-same-0001' }).ok,
    ).toBe(true);
    const reused = handOut(store, {
      card: bram.card,
      staff: 'Sofie',
      idChecked: true,
      requestId: 'req-same-0001',
    });
    expect(reused).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(cardState(store.db, bram.card)).toBeNull();
    expect(deskEvents(store.db)).toHaveLength(1);
  });
});
