import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  anomalyRows,
  availableCards,
  cardStates,
  collectedCount,
  eventIds,
  sleep,
  waitFor,
  type DeskCluster,
  type DeskProcess,
} from '../../../../helpers/deskProcesses';
import { desksPerTest } from '../../../../helpers/deskClusters';

const desks = desksPerTest();

function three(c: DeskCluster): [DeskProcess, DeskProcess, DeskProcess] {
  return c.desks as [DeskProcess, DeskProcess, DeskProcess];
}

const eventIdOf = (out: string) => (JSON.parse(out) as { eventId: string }).eventId;

describe('desk faults: a stopped or killed process, then the heal', () => {
  it('host stopped: B and C hand out the same card; after the heal every desk counts one hand-out and one anomaly', async () => {
    const cluster = await desks.start(3);
    const [a, b, c] = three(cluster);
    const card = availableCards(a.db)[1] as string;
    await cluster.pause(a);
    // Both desks wait 1.5 s for the host, then hand out alone ("offline"): neither could see the other's.
    const [atB, atC] = await Promise.all([
      cluster.run(b, ['handout', card, '--staff', 'Bram', '--id-checked', '--json']),
      cluster.run(c, ['handout', card, '--staff', 'Sofie', '--id-checked', '--json']),
    ]);
    expect(atB.code, atB.err).toBe(0);
    expect(atC.code, atC.err).toBe(0);
    const both = [eventIdOf(atB.out), eventIdOf(atC.out)].sort();
    cluster.resume(a);
    expect(await cluster.converged({ min: 2 })).toBe(true);

    const kept = cardStates(a.db).get(card);
    for (const desk of [a, b, c]) {
      expect(eventIds(desk.db)).toEqual(both);
      expect(collectedCount(desk.db)).toBe(1);
      expect(cardStates(desk.db).get(card)).toBe(kept);
      const anomalies = anomalyRows(desk.db);
      expect(anomalies).toHaveLength(1);
      expect(anomalies[0]?.card).toBe(card);
      expect([anomalies[0]?.kept, anomalies[0]?.other].sort()).toEqual(both);
      expect(`collected:${anomalies[0]?.kept}`).toBe(kept);
      const status = JSON.parse((await cluster.run(desk, ['desk', 'status', '--json'])).out) as {
        anomalies: number;
      };
      expect(status.anomalies).toBe(1);
    }
  });

  it('host stopped: B and C still sync with each other, so C refuses the card B handed out offline', async () => {
    const cluster = await desks.start(3);
    const [a, b, c] = three(cluster);
    const card = availableCards(a.db)[6] as string;
    await cluster.pause(a);
    const atB = await cluster.run(b, ['handout', card, '--staff', 'Bram', '--id-checked', '--json']);
    expect(atB.code, atB.err).toBe(0);
    const eventId = eventIdOf(atB.out);
    // Desk to desk, without the host: C pulls from B directly.
    expect(await waitFor(() => eventIds(c.db).includes(eventId))).toBe(true);
    const atC = await cluster.run(c, ['handout', card, '--staff', 'Sofie', '--id-checked']);
    expect(atC.code).toBe(1);
    expect(atC.err).toMatch(/al afgehaald/i);
    cluster.resume(a);
    expect(await cluster.converged({ min: 1 })).toBe(true);
    for (const desk of [a, b, c]) {
      expect(eventIds(desk.db)).toEqual([eventId]);
      expect(anomalyRows(desk.db)).toEqual([]);
    }
  });

  it('the host SIGKILLed right after its acknowledged hand-out: after its restart the event reaches every desk', async () => {
    const cluster = await desks.start(3);
    const [a, b, c] = three(cluster);
    const card = availableCards(a.db)[2] as string;
    // B and C cannot pull before the kill: the event is only in A's store.
    await cluster.pause(b);
    await cluster.pause(c);
    const done = await cluster.run(a, ['handout', card, '--staff', 'An', '--id-checked', '--json']);
    expect(done.code, done.err).toBe(0);
    await cluster.kill(a);
    cluster.resume(b);
    cluster.resume(c);
    await cluster.startServe(a);
    expect(await cluster.converged({ min: 1 })).toBe(true);
    for (const desk of [a, b, c]) expect(eventIds(desk.db)).toEqual([eventIdOf(done.out)]);
  });

  it('a desk SIGKILLed right after an offline hand-out (host down): after the restarts the event reaches every desk', async () => {
    const cluster = await desks.start(3);
    const [a, b, c] = three(cluster);
    const card = availableCards(a.db)[3] as string;
    await cluster.kill(a);
    await cluster.pause(c);
    const done = await cluster.run(b, ['handout', card, '--staff', 'Bram', '--id-checked', '--json']);
    expect(done.code, done.err).toBe(0);
    await cluster.kill(b);
    expect(eventIds(a.db)).toEqual([]);
    expect(eventIds(c.db)).toEqual([]);
    await cluster.startServe(a);
    await cluster.startServe(b);
    cluster.resume(c);
    expect(await cluster.converged({ min: 1 })).toBe(true);
    for (const desk of [a, b, c]) {
      expect(eventIds(desk.db)).toEqual([eventIdOf(done.out)]);
      expect(cardStates(desk.db).get(card)).toBe(`collected:${eventIdOf(done.out)}`);
    }
  });

  it('a desk whose store another writer holds past the busy timeout keeps serving and catches up', async () => {
    const cluster = await desks.start(2);
    const [a, b] = cluster.desks as [DeskProcess, DeskProcess];
    // Another writer on B's store (as a second process's long write would) holds its write lock for longer than the 5 s busy timeout.
    const holder = new Database(b.db);
    holder.exec('BEGIN IMMEDIATE');
    const done = await cluster.run(a, [
      'handout',
      availableCards(a.db)[5] as string,
      '--staff',
      'An',
      '--id-checked',
      '--json',
    ]);
    expect(done.code, done.err).toBe(0);
    await sleep(7000);
    holder.exec('ROLLBACK');
    holder.close();
    expect(await waitFor(() => eventIds(b.db).includes(eventIdOf(done.out)))).toBe(true);
    expect(b.serve?.exitCode).toBeNull();
    expect(b.serveErr).toBe('');
  });
});
