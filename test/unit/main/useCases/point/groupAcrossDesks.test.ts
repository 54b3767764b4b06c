import { describe, expect, it } from 'vitest';
import {
  availableCards,
  cardStates,
  eventIds,
  readStore,
  waitFor,
  type DeskProcess,
} from '../../../../helpers/deskProcesses';
import { desksPerTest } from '../../../../helpers/deskClusters';

const desks = desksPerTest();

const groups = (db: string) =>
  readStore(
    db,
    (s) =>
      s.prepare('SELECT group_id, size FROM pickup_groups').all() as Array<{
        group_id: string;
        size: number;
      }>,
  );

function groupArgs(cards: readonly string[], staff: string): string[] {
  return [
    'group',
    ...cards,
    '--collector-name',
    'Directie Sint-Lucas',
    '--collector-id-note',
    'eID gezien',
    '--staff',
    staff,
    '--id-checked',
    '--json',
  ];
}

describe('a group pickup of 10 at one desk is all or nothing on every desk', () => {
  it('collected on every desk as one group, and refused everywhere when one card is already out at another desk', async () => {
    const cluster = await desks.start(3);
    const c = cluster;
    const [a, b, d] = c.desks as [DeskProcess, DeskProcess, DeskProcess];
    const cards = availableCards(a.db);
    const first = cards.slice(0, 10);
    const done = await c.run(b, groupArgs(first, 'Bram'), { spawned: true });
    expect(done.code, done.err).toBe(0);
    const groupId = (JSON.parse(done.out) as { groupId: string }).groupId;
    expect(await c.converged({ min: 10 })).toBe(true);
    for (const desk of [a, b, d]) {
      expect(groups(desk.db)).toEqual([{ group_id: groupId, size: 10 }]);
      const states = cardStates(desk.db);
      expect(first.every((card) => states.get(card)?.startsWith('collected:'))).toBe(true);
      expect(states.size).toBe(10);
    }

    // One card of the next ten goes out at the third desk; the group at B right after is refused whole.
    const second = cards.slice(10, 20);
    const taken = second[7] as string;
    const single = await c.run(d, ['handout', taken, '--staff', 'Sofie', '--id-checked']);
    expect(single.code, single.err).toBe(0);
    const before = c.desks.map((desk) => eventIds(desk.db));
    expect(await waitFor(() => c.desks.every((desk) => eventIds(desk.db).length === 11))).toBe(true);
    const refused = await c.run(b, groupArgs(second, 'Bram'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(taken);
    expect(refused.err).toMatch(/al afgehaald/i);
    // Nothing written anywhere: still the first group and the one hand-out.
    expect(await c.converged({ min: 11 })).toBe(true);
    for (const desk of c.desks) {
      expect(eventIds(desk.db)).toHaveLength(11);
      expect(groups(desk.db)).toHaveLength(1);
      const states = cardStates(desk.db);
      expect(second.filter((card) => states.has(card))).toEqual([taken]);
    }
    expect(before[0]?.length).toBeGreaterThanOrEqual(10);
  });

  it('refused by the host when the desk has not seen the other hand-out yet (its serve is stopped)', async () => {
    const cluster = await desks.start(3);
    const c = cluster;
    const [a, b, d] = c.desks as [DeskProcess, DeskProcess, DeskProcess];
    const cards = availableCards(a.db).slice(20, 30);
    const taken = cards[3] as string;
    // B pulls nothing while stopped: only the host knows the card is out.
    await c.pause(b);
    const single = await c.run(d, ['handout', taken, '--staff', 'Sofie', '--id-checked', '--json']);
    expect(single.code, single.err).toBe(0);
    expect(eventIds(b.db)).toEqual([]);
    const refused = await c.run(b, groupArgs(cards, 'Bram'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(taken);
    c.resume(b);
    expect(await c.converged({ min: 1 })).toBe(true);
    for (const desk of [a, b, d]) {
      expect(eventIds(desk.db)).toEqual([(JSON.parse(single.out) as { eventId: string }).eventId]);
      expect(groups(desk.db)).toEqual([]);
      expect([...cardStates(desk.db).keys()]).toEqual([taken]);
    }
  });
});
