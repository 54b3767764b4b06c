import { afterEach, describe, expect, it } from 'vitest';
import { setSetting } from '../../../../../src/main/store/settings';
import { collectGroup } from '../../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import {
  afterPendingClaims,
  writeThroughHost,
} from '../../../../../src/main/useCases/point/claimThroughHost';
import type { HostLink } from '../../../../../src/main/useCases/point/hostLink';
import { closeDeskStores, deskStore, teacher } from '../../../../helpers/deskFixture';
import { inProcessHost } from '../../../../helpers/fakeHostLink';
import { dbChecksum } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';

afterEach(closeDeskStores);

async function pointOfTwo(): Promise<{ host: TestStore; desk: TestStore }> {
  const host = await deskStore();
  const desk = await deskStore();
  setSetting(desk.db, 'point_role', 'desk');
  return { host, desk };
}

const collected = (store: TestStore, card: string): number =>
  store.db
    .prepare(
      `SELECT count(*) FROM card_state s JOIN cards c ON c.id = s.card_id WHERE c.card = ? AND s.state = 'collected'`,
    )
    .pluck()
    .get(card) as number;

const hand =
  (store: TestStore, card: string, staff = 'Sofie') =>
  () =>
    handOut(store, { card, staff, idChecked: true });

describe('a hand-out on a paired desk', () => {
  it('is confirmed by the host first: the host keeps the same event, and the card is then "al afgehaald" there', async () => {
    const { host, desk } = await pointOfTwo();
    const link = inProcessHost(host);
    const card = teacher(3).card;
    const result = await writeThroughHost(desk, link, hand(desk, card));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(link.claims).toHaveLength(1);
    expect(link.claims[0]?.events.map((e) => [e.eventId, e.card, e.kind])).toEqual([
      [result.value.eventId, card, 'handout'],
    ]);
    expect(collected(desk, card)).toBe(1);
    expect(collected(host, card)).toBe(1);
    const atHost = handOut(host, { card, staff: 'Jan', idChecked: true });
    expect(atHost).toMatchObject({ ok: false, error: 'already_collected' });
  });

  it('refused by the host when another desk has the card: nothing kept of its own, the refusal names who has it', async () => {
    const { host, desk } = await pointOfTwo();
    const card = teacher(4).card;
    expect(handOut(host, { card, staff: 'Jan', idChecked: true }).ok).toBe(true);
    const result = await writeThroughHost(desk, inProcessHost(host), hand(desk, card));
    expect(result).toMatchObject({ ok: false, error: 'already_collected', staff: 'Jan' });
    // The desk now holds the host's event (so it shows who and when), and no event of its own.
    const events = desk.db.prepare('SELECT staff FROM desk_events').pluck().all();
    expect(events).toEqual(['Jan']);
  });

  it('offline (the host does not answer): the desk hands out alone and keeps it', async () => {
    const { host, desk } = await pointOfTwo();
    const link = inProcessHost(host);
    link.offline = true;
    const card = teacher(5).card;
    const result = await writeThroughHost(desk, link, hand(desk, card));
    expect(result.ok).toBe(true);
    expect(collected(desk, card)).toBe(1);
    expect(collected(host, card)).toBe(0);
  });

  it('a group with one card taken elsewhere is refused whole, on the desk and on the host', async () => {
    const { host, desk } = await pointOfTwo();
    const cards = [6, 7, 8, 9].map((i) => teacher(i).card);
    expect(handOut(host, { card: cards[2] as string, staff: 'Jan', idChecked: true }).ok).toBe(true);
    const hostBefore = dbChecksum(host.db);
    const result = await writeThroughHost(desk, inProcessHost(host), () =>
      collectGroup(desk, {
        collector: { kind: 'person', name: 'Marie Claes', idNote: 'eID ****1234' },
        cards,
        staff: 'Sofie',
        idChecked: true,
      }),
    );
    expect(result).toMatchObject({ ok: false, error: 'group_refused' });
    expect(dbChecksum(host.db)).toBe(hostBefore);
    expect(desk.db.prepare('SELECT count(*) FROM pickup_groups').pluck().get()).toBe(0);
    for (const card of [cards[0], cards[1], cards[3]]) expect(collected(desk, card as string)).toBe(0);
  });

  it('one write at a time: two hand-outs of one card at once on the same desk give one hand-out', async () => {
    const { host, desk } = await pointOfTwo();
    const link = inProcessHost(host);
    const card = teacher(10).card;
    const [a, b] = await Promise.all([
      writeThroughHost(desk, link, hand(desk, card, 'Sofie')),
      writeThroughHost(desk, link, hand(desk, card, 'Jan')),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(collected(desk, card)).toBe(1);
    expect(host.db.prepare('SELECT count(*) FROM desk_events').pluck().get()).toBe(1);
  });

  it('another write waits for a claim in flight, so a "taken" rollback never takes it along', async () => {
    const { host, desk } = await pointOfTwo();
    const card = teacher(11).card;
    expect(handOut(host, { card, staff: 'Jan', idChecked: true }).ok).toBe(true);
    const inner = inProcessHost(host);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The host answers only once the other write has been asked for.
    const slow: HostLink = { claim: async (events, group) => (await held, inner.claim(events, group)) };
    const claim = writeThroughHost(desk, slow, hand(desk, card));
    const other = (async () => {
      await afterPendingClaims(desk);
      expect(desk.db.inTransaction).toBe(false);
      setSetting(desk.db, 'max_group_size', '33');
    })();
    await Promise.resolve();
    expect(desk.db.inTransaction).toBe(true);
    release();
    expect(await claim).toMatchObject({ ok: false, error: 'already_collected' });
    await other;
    expect(desk.db.prepare(`SELECT value FROM settings WHERE key = 'max_group_size'`).pluck().get()).toBe(
      '33',
    );
  });
});
