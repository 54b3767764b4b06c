import { describe, expect, it } from 'vitest';
import {
  anomalyRows,
  availableCards,
  collectedCount,
  waitFor,
  type DeskCluster,
  type DeskProcess,
} from '../../../../helpers/deskProcesses';
import { desksPerTest } from '../../../../helpers/deskClusters';

const desks = desksPerTest();

interface ListedAnomaly {
  card: string;
  kept: { eventId: string; desk: string; at: string };
  other: { eventId: string; desk: string; at: string };
  resolved: { note: string; staff: string; at: string } | null;
}

async function anomaliesAt(c: DeskCluster, desk: DeskProcess): Promise<ListedAnomaly[]> {
  const run = await c.run(desk, ['desk', 'anomalies', '--json']);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as ListedAnomaly[];
}

describe('desk status and desk anomalies over three desks', () => {
  it('status has exactly the contract shape; three offline hand-outs of one card are two anomalies, resolved on every desk', async () => {
    const cluster = await desks.start(3);
    const c = cluster;
    const [a, b, d] = c.desks as [DeskProcess, DeskProcess, DeskProcess];

    const statusOf = async (desk: DeskProcess) =>
      JSON.parse((await c.run(desk, ['desk', 'status', '--json'])).out) as Record<string, unknown>;
    // A peer's lastSyncAt is set by the first pull from it (a pull waits up to a second for news).
    const synced = (s: Record<string, unknown>) =>
      (s.peers as Array<{ lastSyncAt: string | null }>).every((p) => p.lastSyncAt !== null);
    expect(await waitFor(async () => synced(await statusOf(b)))).toBe(true);
    const status = await statusOf(b);
    expect(Object.keys(status).sort()).toEqual(['anomalies', 'online', 'peers', 'role']);
    expect(status).toMatchObject({ role: 'desk', online: true, anomalies: 0 });
    const peers = status.peers as Array<Record<string, unknown>>;
    expect(peers.map((p) => p.name).sort()).toEqual(['Balie 1', 'Balie 3']);
    for (const p of peers) {
      expect(Object.keys(p).sort()).toEqual(['lagEvents', 'lastSyncAt', 'name']);
      expect(p.lagEvents).toBe(0);
      // ISO 8601 with the Brussels offset.
      expect(p.lastSyncAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
    }
    expect((JSON.parse((await c.run(a, ['desk', 'status', '--json'])).out) as { role: string }).role).toBe(
      'host',
    );

    // All three apart: every serve stopped, each desk hands out the same card alone.
    const card = availableCards(a.db)[4] as string;
    for (const desk of c.desks) await c.pause(desk);
    const runs = await Promise.all(
      c.desks.map((desk, i) =>
        c.run(desk, ['handout', card, '--staff', `Staff ${i}`, '--id-checked', '--json']),
      ),
    );
    for (const run of runs) expect(run.code, run.err).toBe(0);
    for (const desk of c.desks) c.resume(desk);
    expect(await c.converged({ min: 3 })).toBe(true);

    const ids = runs.map((r) => (JSON.parse(r.out) as { eventId: string }).eventId);
    let keptOnA = '';
    for (const desk of c.desks) {
      const list = await anomaliesAt(c, desk);
      // Each double once: the later two against the one that counts, not every pair.
      expect(list).toHaveLength(2);
      expect(new Set(list.map((x) => x.kept.eventId)).size).toBe(1);
      const kept = list[0]?.kept.eventId ?? '';
      keptOnA ||= kept;
      expect(kept).toBe(keptOnA);
      expect([kept, ...list.map((x) => x.other.eventId)].sort()).toEqual([...ids].sort());
      for (const x of list) {
        expect(x.card).toBe(card);
        expect(x.resolved).toBeNull();
        expect(x.kept.at <= x.other.at).toBe(true);
        expect(x.other.desk).not.toBe(x.kept.desk);
      }
      expect(collectedCount(desk.db)).toBe(1);
      expect(
        (JSON.parse((await c.run(desk, ['desk', 'status', '--json'])).out) as { anomalies: number })
          .anomalies,
      ).toBe(2);
    }

    const refused = await c.run(b, [
      'desk',
      'anomalies',
      '--resolve',
      card,
      '--note',
      ' ',
      '--staff',
      'Bram',
    ]);
    // A blank note is refused (usage), and nothing is marked.
    expect(refused.code).not.toBe(0);
    expect(anomalyRows(b.db)).toHaveLength(2);
    expect((await anomaliesAt(c, b)).every((x) => x.resolved === null)).toBe(true);
    const resolved = await c.run(b, [
      'desk',
      'anomalies',
      '--resolve',
      card,
      '--note',
      'Tweede kaart teruggebracht',
      '--staff',
      'Bram',
      '--json',
    ]);
    expect(resolved.code, resolved.err).toBe(0);
    const everywhere = await waitFor(async () => {
      for (const desk of c.desks) {
        const list = await anomaliesAt(c, desk);
        if (list.length !== 2 || list.some((x) => x.resolved?.note !== 'Tweede kaart teruggebracht'))
          return false;
      }
      return true;
    });
    expect(everywhere).toBe(true);
    for (const desk of [a, b, d])
      expect(
        (JSON.parse((await c.run(desk, ['desk', 'status', '--json'])).out) as { anomalies: number })
          .anomalies,
      ).toBe(0);
  });
});
