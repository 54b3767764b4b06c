import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableCards, type DeskProcess } from '../../../../helpers/deskProcesses';
import { desksPerTest } from '../../../../helpers/deskClusters';

const desks = desksPerTest();

interface Payload {
  totals: { collected: number };
  pickups: Array<{ card: string; method: string; group?: string }>;
}

describe('the report made on the host', () => {
  it('holds the pickups of all desks: hand-outs at every desk and a group at another, each card once', async () => {
    const cluster = await desks.start(3);
    const c = cluster;
    const [a, b, d] = c.desks as [DeskProcess, DeskProcess, DeskProcess];
    const cards = availableCards(a.db);
    const singles: Array<[DeskProcess, string]> = [
      [a, cards[0] as string],
      [b, cards[1] as string],
      [d, cards[2] as string],
    ];
    for (const [desk, card] of singles) {
      const run = await c.run(desk, ['handout', card, '--staff', 'Bram', '--id-checked']);
      expect(run.code, run.err).toBe(0);
    }
    const group = cards.slice(3, 7);
    const grouped = await c.run(d, [
      'group',
      ...group,
      '--collector-name',
      'Directie',
      '--collector-id-note',
      'eID gezien',
      '--staff',
      'Sofie',
      '--id-checked',
      '--json',
    ]);
    expect(grouped.code, grouped.err).toBe(0);
    const groupId = (JSON.parse(grouped.out) as { groupId: string }).groupId;
    // Claims are confirmed by the host: it has every pickup without waiting for a pull.
    const out = path.join(c.root, 'report.lkr.json');
    const report = await c.run(a, ['report', '--out', out]);
    expect(report.code, report.err).toBe(0);
    const envelope = JSON.parse(fs.readFileSync(out, 'utf8')) as { payload: string };
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as Payload;
    expect(payload.totals.collected).toBe(7);
    expect(payload.pickups.map((p) => p.card).sort()).toEqual(
      [...singles.map(([, card]) => card), ...group].sort(),
    );
    expect(payload.pickups.filter((p) => p.method === 'group').every((p) => p.group === groupId)).toBe(true);
    expect(payload.pickups.filter((p) => p.method === 'group')).toHaveLength(4);
  });
});
