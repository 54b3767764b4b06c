import { afterEach, describe, expect, it } from 'vitest';
import { apiOver } from '../../../../helpers/api';
import { verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { DEFAULT_MAX_GROUP_SIZE } from '../../../../../src/main/useCases/admin/groupSize';
import { readGroupReceipt } from '../../../../../src/main/useCases/desk/groupReceipt';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { waitingCardsOfSchool } from '../../../../../src/main/useCases/desk/schoolCards';
import { voidHandOut } from '../../../../../src/main/useCases/desk/voidHandOut';
import { getSetting, setSetting } from '../../../../../src/main/store/settings';
import { formatCardForPrint, renderGroupReceiptHtml } from '../../../../../src/shared/desk/receipt';
import { dbChecksum } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';
import {
  ELSEWHERE_CARD,
  REPLACED,
  REPRINT_CARD,
  REVOKED,
  SCHOOL_A,
  SCHOOL_B,
  auditActions,
  cardState,
  closeDeskStores,
  deskEvents,
  deskStore,
  teacher,
  withWrongCheck,
} from '../../../../helpers/deskFixture';

afterEach(closeDeskStores);

/** Ten colleagues of school 100 (teachers 1…10); teacher 11 of the same school collects for them. */
const tenCards = Array.from({ length: 10 }, (_, i) => teacher(i + 1).card);
const collector = teacher(11);
const byCard = { kind: 'stamboeknummer', stamboeknummer: collector.stamboeknummer } as const;
const byPerson = { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' } as const;

function groupCount(store: TestStore): number {
  return store.db.prepare('SELECT count(*) FROM pickup_groups').pluck().get() as number;
}

describe('one teacher collects the cards of a group of colleagues', () => {
  it('hands out all 10 cards in one go: 10 group events and one group', async () => {
    const store = await deskStore({ at: '2027-01-15T13:05:00Z' });
    const result = collectGroup(store, {
      collector: byCard,
      cards: tenCards,
      staff: 'Sofie',
      idChecked: true,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { size: 10, repeated: false, at: '2027-01-15T14:05:00+01:00' },
    });
    if (!result.ok) return;
    const { groupId } = result.value;

    const events = deskEvents(store.db);
    expect(events.map((e) => e.card)).toEqual(tenCards);
    for (const e of events)
      expect(e).toMatchObject({ kind: 'handout', method: 'group', group_id: groupId, staff: 'Sofie' });
    for (const card of tenCards) expect(cardState(store.db, card)).toBe('collected');

    const groups = store.db.prepare('SELECT * FROM pickup_groups').all();
    expect(groups).toEqual([
      expect.objectContaining({
        group_id: groupId,
        size: 10,
        staff: 'Sofie',
        collector_name: null,
        desk_id: getSetting(store.db, 'desk_id'),
        at: '2027-01-15T14:05:00+01:00',
      }),
    ]);

    const audit = auditActions(store.db).at(-1);
    expect(audit).toEqual({
      action: 'group',
      details: { groupId, groupNo: 'G1-0001', size: 10, cards: tenCards },
    });
    const raw = JSON.stringify(audit);
    for (const t of [collector, teacher(1), teacher(2)]) {
      expect(raw).not.toContain(t.achternaam);
      expect(raw).not.toContain(t.stamboeknummer);
    }
    expect(verifyAudit(store.db)).toMatchObject({ ok: true });
  });

  it('shows an earlier group pickup as "already collected … groepsafhaling" at the desk', async () => {
    const store = await deskStore();
    const group = collectGroup(store, {
      collector: byCard,
      cards: tenCards,
      staff: 'Sofie',
      idChecked: true,
    });
    store.clock.advance(3_600_000);
    expect(handOut(store, { card: tenCards[3]!, staff: 'Sofie', idChecked: true })).toMatchObject({
      ok: false,
      error: 'already_collected',
      method: 'group',
      groupId: group.ok ? group.value.groupId : 'missing',
    });
  });

  it('hands out nothing when any card cannot go, and gives every bad card its reason', async () => {
    const store = await deskStore();
    const taken = teacher(5).card;
    expect(handOut(store, { card: taken, staff: 'Jonas', idChecked: true }).ok).toBe(true);
    store.clock.advance(60_000);
    const before = dbChecksum(store.db);
    const typo = withWrongCheck(teacher(6).card);
    const cards = [
      teacher(1).card,
      taken,
      REVOKED.card,
      REPLACED.card,
      ELSEWHERE_CARD,
      teacher(1).card,
      typo,
    ];
    const result = collectGroup(store, { collector: byPerson, cards, staff: 'Sofie', idChecked: true });
    expect(result).toEqual({
      ok: false,
      error: 'group_refused',
      refusals: [
        {
          card: taken,
          problem: {
            error: 'already_collected',
            at: '2027-01-15T10:30:00+01:00',
            deskId: getSetting(store.db, 'desk_id'),
            deskName: 'Balie 1',
            staff: 'Jonas',
            method: 'self',
            groupId: null,
          },
        },
        { card: REVOKED.card, problem: { error: 'revoked' } },
        { card: REPLACED.card, problem: { error: 'replaced', replacedBy: REPRINT_CARD } },
        { card: ELSEWHERE_CARD, problem: { error: 'not_here' } },
        { card: teacher(1).card, problem: { error: 'duplicate_in_group' } },
        { card: typo, problem: { error: 'invalid_card_number' } },
      ],
    });
    expect(dbChecksum(store.db)).toBe(before);
    expect(cardState(store.db, teacher(1).card)).toBeNull();
  });

  it(`refuses a group larger than the point allows (default ${DEFAULT_MAX_GROUP_SIZE}), and honours max_group_size`, async () => {
    const store = await deskStore();
    const before = dbChecksum(store.db);
    const fiftyOne = Array.from({ length: 51 }, (_, i) => teacher(i + 1).card);
    expect(
      collectGroup(store, { collector: byPerson, cards: fiftyOne, staff: 'Sofie', idChecked: true }),
    ).toEqual({
      ok: false,
      error: 'group_too_large',
      size: 51,
      max: 50,
    });
    expect(dbChecksum(store.db)).toBe(before);

    setSetting(store.db, 'max_group_size', '5');
    expect(
      collectGroup(store, {
        collector: byPerson,
        cards: tenCards.slice(0, 6),
        staff: 'Sofie',
        idChecked: true,
      }),
    ).toMatchObject({ ok: false, error: 'group_too_large', size: 6, max: 5 });
    expect(
      collectGroup(store, {
        collector: byPerson,
        cards: tenCards.slice(0, 5),
        staff: 'Sofie',
        idChecked: true,
      }),
    ).toMatchObject({ ok: true, value: { size: 5 } });
  });

  it('accepts a collector known by name and ID note, and prints both on the receipt', async () => {
    const store = await deskStore();
    const result = collectGroup(store, {
      collector: byPerson,
      cards: tenCards,
      staff: 'Sofie',
      idChecked: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const receipt = readGroupReceipt(store.db, result.value.groupId);
    expect(receipt?.collector).toEqual({ kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' });
    const html = renderGroupReceiptHtml(receipt ?? ({} as never));
    expect(html).toContain('Marie Claes');
    expect(html).toContain('identiteit: eID ****1234');
  });

  it('refuses a collector whose stamboeknummer has no card at this point', async () => {
    const store = await deskStore();
    const before = dbChecksum(store.db);
    expect(
      collectGroup(store, {
        collector: { kind: 'stamboeknummer', stamboeknummer: '12345678901' },
        cards: tenCards,
        staff: 'Sofie',
        idChecked: true,
      }),
    ).toEqual({ ok: false, error: 'collector_unknown' });
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses without the ID check, and refuses staff not on the staff list', async () => {
    const store = await deskStore();
    expect(
      collectGroup(store, { collector: byCard, cards: tenCards, staff: 'Sofie', idChecked: false }),
    ).toEqual({
      ok: false,
      error: 'id_not_checked',
    });
    setSetting(store.db, 'staff_list', JSON.stringify(['Jonas']));
    expect(
      collectGroup(store, { collector: byCard, cards: tenCards, staff: 'Sofie', idChecked: true }),
    ).toEqual({
      ok: false,
      error: 'unknown_staff',
      staff: 'Sofie',
    });
    expect(deskEvents(store.db)).toEqual([]);
  });

  it('answers malformed group requests with a refusal value, never an exception', async () => {
    const store = await deskStore();
    for (const request of [
      undefined,
      null,
      {},
      { collector: byCard, cards: [], staff: 'Sofie', idChecked: true },
      {
        collector: { kind: 'person', name: 'X', idNote: '' },
        cards: tenCards,
        staff: 'Sofie',
        idChecked: true,
      },
      { collector: byCard, cards: ['12'], staff: 'Sofie', idChecked: true },
    ]) {
      // Validated once, at the boundary every transport goes through.
      expect(await apiOver(store).collectGroup(request as never)).toMatchObject({
        ok: false,
        error: 'invalid_request',
      });
    }
    expect(deskEvents(store.db)).toEqual([]);
  });

  it('writes one group when the desk sends the same group request twice', async () => {
    const store = await deskStore();
    const request = {
      collector: byCard,
      cards: tenCards,
      staff: 'Sofie',
      idChecked: true,
      requestId: 'group-req-0001',
    };
    const first = collectGroup(store, request);
    store.clock.advance(30_000);
    const second = collectGroup(store, request);
    expect(first).toMatchObject({ ok: true, value: { repeated: false, size: 10 } });
    expect(second).toMatchObject({ ok: true, value: { repeated: true, size: 10 } });
    if (first.ok && second.ok) expect(second.value.groupId).toBe(first.value.groupId);
    expect(groupCount(store)).toBe(1);
    expect(deskEvents(store.db)).toHaveLength(10);
    expect(auditActions(store.db).filter((a) => a.action === 'group')).toHaveLength(1);
  });

  it('never reports other cards as collected when a group request id is reused for a different list', async () => {
    const store = await deskStore();
    const requestId = 'group-req-0002';
    const first = [1, 2, 3].map((i) => teacher(i).card);
    const other = [1, 4, 5].map((i) => teacher(i).card);
    expect(
      collectGroup(store, { collector: byPerson, cards: first, staff: 'Sofie', idChecked: true, requestId })
        .ok,
    ).toBe(true);
    expect(
      collectGroup(store, { collector: byPerson, cards: other, staff: 'Sofie', idChecked: true, requestId }),
    ).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(cardState(store.db, teacher(4).card)).toBeNull();
    expect(groupCount(store)).toBe(1);
    // A list that only shares a later card is no retry either.
    expect(
      collectGroup(store, {
        collector: byPerson,
        cards: [teacher(6).card, teacher(3).card],
        staff: 'Sofie',
        idChecked: true,
        requestId,
      }),
    ).toMatchObject({ ok: false, error: 'invalid_request' });
    // The very same cards in another order are still the same request.
    expect(
      collectGroup(store, {
        collector: byPerson,
        cards: [...first].reverse(),
        staff: 'Sofie',
        idChecked: true,
        requestId,
      }),
    ).toMatchObject({ ok: true, value: { repeated: true, size: 3 } });
    expect(groupCount(store)).toBe(1);
    // Even once a card of that group was voided, the reused id is refused as a value, not thrown.
    expect(voidHandOut(store, { card: teacher(2).card, reason: 'vergissing', staff: 'Sofie' }).ok).toBe(true);
    const retry = {
      collector: byPerson,
      cards: [teacher(7).card, teacher(2).card],
      staff: 'Sofie',
      idChecked: true,
    };
    expect(collectGroup(store, { ...retry, requestId })).toMatchObject({
      ok: false,
      error: 'invalid_request',
    });
    expect(groupCount(store)).toBe(1);
  });

  it('prints a receipt that lists all 10 cards, the collector, the staff member and the Brussels time', async () => {
    const store = await deskStore({ at: '2027-06-15T13:05:00Z' });
    const result = collectGroup(store, {
      collector: byCard,
      cards: tenCards,
      staff: 'Sofie',
      idChecked: true,
    });
    if (!result.ok) throw new Error(`group refused: ${result.error}`);
    const receipt = readGroupReceipt(store.db, result.value.groupId);
    expect(receipt).toMatchObject({
      groupNo: 'G1-0001',
      deskName: 'Balie 1',
      staff: 'Sofie',
      at: '2027-06-15T15:05:00+02:00',
      collector: {
        kind: 'card',
        card: collector.card,
        name: `${collector.voornaam} ${collector.achternaam}`,
      },
    });
    expect(receipt?.cards.map((c) => c.card)).toEqual(tenCards);
    if (!receipt) return;
    const html = renderGroupReceiptHtml(receipt);
    for (const card of tenCards) expect(html).toContain(formatCardForPrint(card));
    expect(html).toContain('Aantal kaarten: 10');
    expect(html).toContain('15-06-2027 om 15:05');
    expect(html).toContain('<dd class="mono">G1-0001</dd>');
    expect(html).toContain('<dd>Balie 1</dd>');
    // Staff read the short number and the desk's name: no UUID, no technical desk id on paper.
    expect(html).not.toContain(result.value.groupId);
    expect(html).not.toContain(getSetting(store.db, 'desk_id') ?? 'desk-');
    expect(html).toContain(formatCardForPrint(collector.card));
    expect(html).toContain(collector.voornaam);
    expect(readGroupReceipt(store.db, 'no-such-group')).toBeNull();
  });

  it('lists only the waiting cards of a school for the collector to tick', async () => {
    const store = await deskStore();
    const school = [12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => teacher(i).card);
    expect(
      waitingCardsOfSchool(store.db, SCHOOL_A)
        .map((c) => c.card)
        .sort(),
    ).toEqual([...school].sort());

    // Three collected (one of them voided again: waiting once more), the rest untouched.
    expect(handOut(store, { card: teacher(1).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    expect(
      collectGroup(store, {
        collector: byPerson,
        cards: [teacher(2).card, teacher(3).card],
        staff: 'Sofie',
        idChecked: true,
      }).ok,
    ).toBe(true);
    expect(voidHandOut(store, { card: teacher(3).card, reason: 'vergissing', staff: 'Sofie' }).ok).toBe(true);

    const waiting = waitingCardsOfSchool(store.db, SCHOOL_A);
    expect(waiting.every((c) => c.status === 'waiting' && c.school === SCHOOL_A)).toBe(true);
    expect(waiting.map((c) => c.card).sort()).toEqual(
      school.filter((c) => c !== teacher(1).card && c !== teacher(2).card).sort(),
    );
    // School 200 also has a revoked card and a replaced one: only the reprint of the latter waits.
    const schoolB = waitingCardsOfSchool(store.db, SCHOOL_B).map((c) => c.card);
    expect(schoolB.sort()).toEqual(
      [13, 14, 15, 16, 17]
        .map((i) => teacher(i).card)
        .concat(REPRINT_CARD)
        .sort(),
    );
    expect(waitingCardsOfSchool(store.db, '999')).toEqual([]);
  });
});

describe('group numbers: the desk number and a counter per desk', () => {
  const groupOf = (store: TestStore, cards: string[]) => {
    const result = collectGroup(store, { collector: byPerson, cards, staff: 'Sofie', idChecked: true });
    if (!result.ok) throw new Error(`group refused: ${result.error}`);
    return result.value;
  };

  it('counts on per desk (G1-0001, G1-0002, …), a second desk from its own number, and never twice', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const own = getSetting(store.db, 'desk_id') ?? '';
    expect(groupOf(store, [teacher(1).card]).groupNo).toBe('G1-0001');
    expect(groupOf(store, [teacher(2).card]).groupNo).toBe('G1-0002');
    // Another desk of the point (as the sync will list it) writing to this store.
    store.db
      .prepare(`INSERT INTO desks (desk_id, name, number) VALUES ('desk-0b0b0b0b', 'Groepen', 3)`)
      .run();
    setSetting(store.db, 'desk_id', 'desk-0b0b0b0b');
    expect(groupOf(store, [teacher(3).card]).groupNo).toBe('G3-0001');
    setSetting(store.db, 'desk_id', own);
    expect(groupOf(store, [teacher(4).card, teacher(5).card]).groupNo).toBe('G1-0003');
    const numbers = store.db.prepare('SELECT group_no FROM pickup_groups ORDER BY rowid').pluck().all();
    expect(numbers).toEqual(['G1-0001', 'G1-0002', 'G3-0001', 'G1-0003']);
    // The store itself refuses a second group with a number already given.
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO pickup_groups (group_id, group_no, desk_id, staff, at, at_ms, size)
           VALUES ('g-dup', 'G1-0002', ?, 'Sofie', '2027-01-15T10:30:00+01:00', 0, 0)`,
        )
        .run(own),
    ).toThrow(/UNIQUE/);
  });

  it('answers a repeated request with the same number, and widens past 9999', async () => {
    const store = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const request = { collector: byPerson, cards: [teacher(1).card], staff: 'Sofie', idChecked: true };
    const first = collectGroup(store, { ...request, requestId: 'request-0001' });
    const again = collectGroup(store, { ...request, requestId: 'request-0001' });
    expect(first).toMatchObject({ ok: true, value: { groupNo: 'G1-0001', repeated: false } });
    expect(again).toMatchObject({ ok: true, value: { groupNo: 'G1-0001', repeated: true } });
    store.db
      .prepare(
        `INSERT INTO pickup_groups (group_id, group_no, desk_id, staff, at, at_ms, size)
         VALUES ('g-old', 'G1-9999', ?, 'Sofie', '2027-01-15T10:30:00+01:00', 0, 0)`,
      )
      .run(getSetting(store.db, 'desk_id'));
    expect(groupOf(store, [teacher(2).card]).groupNo).toBe('G1-10000');
    expect(groupOf(store, [teacher(3).card]).groupNo).toBe('G1-10001');
  });
});
