import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../../../src/main/useCases/reports/createReport';
import { applyWireEvents, readEventsAfter } from '../../../../../src/main/store/sync/eventLog';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { listAnomalies } from '../../../../../src/main/useCases/point/anomalies';
import { closeDeskStores, deskStore, teacher } from '../../../../helpers/deskFixture';
import { dbChecksum } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';

afterEach(closeDeskStores);

const keptEvent = (store: TestStore, card: string): string | undefined =>
  store.db
    .prepare('SELECT s.event_id FROM card_state s JOIN cards c ON c.id = s.card_id WHERE c.card = ?')
    .pluck()
    .get(card) as string | undefined;

function exchange(from: TestStore, to: TestStore): number {
  const page = readEventsAfter(from.db, 0, 500);
  const applied = to.db.transaction(() => applyWireEvents(to.db, page.events, page.groups))();
  if (!applied.ok) throw new Error(`missing ${applied.missingCard}`);
  return applied.applied;
}

describe('merging two desks that handed out the same card while apart', () => {
  it('both keep the earliest hand-out by HLC and list the later one as one anomaly, whichever way they merge', async () => {
    const b = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const c = await deskStore({ at: '2027-01-15T09:30:00Z' });
    const card = teacher(3).card;
    const early = handOut(b, { card, staff: 'Sofie', idChecked: true });
    c.clock.advance(60_000);
    const late = handOut(c, { card, staff: 'Jan', idChecked: true });
    if (!early.ok || !late.ok) throw new Error('both hand out while apart');

    expect(exchange(b, c)).toBe(1);
    expect(exchange(c, b)).toBe(1);
    for (const store of [b, c]) {
      expect(keptEvent(store, card)).toBe(early.value.eventId);
      const anomalies = listAnomalies(store.db);
      expect(anomalies.map((a) => [a.card, a.kept.eventId, a.other.eventId])).toEqual([
        [card, early.value.eventId, late.value.eventId],
      ]);
      // The signed report counts the card once and the double apart.
      const report = createReport(store, { outFile: path.join(store.dir, 'r.json') });
      expect(report).toMatchObject({ ok: true, value: { collected: 1 } });
      const envelope = JSON.parse(fs.readFileSync(path.join(store.dir, 'r.json'), 'utf8')) as {
        payload: string;
      };
      const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
        totals: { collected: number; doubleHandOuts: number };
      };
      expect(payload.totals).toMatchObject({ collected: 1, doubleHandOuts: 1 });
    }
  });

  it('applies a page seen before as nothing new (idempotent by event id)', async () => {
    const b = await deskStore();
    const c = await deskStore();
    expect(handOut(b, { card: teacher(4).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    expect(exchange(b, c)).toBe(1);
    const after = dbChecksum(c.db);
    expect(exchange(b, c)).toBe(0);
    expect(dbChecksum(c.db)).toBe(after);
  });

  it('refuses a page with a card this desk does not have, and keeps nothing of it', async () => {
    const b = await deskStore();
    const c = await deskStore();
    expect(handOut(b, { card: teacher(5).card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
    const page = readEventsAfter(b.db, 0, 500);
    const foreign = page.events.map((e) => ({ ...e, card: '999999999999' }));
    const before = dbChecksum(c.db);
    const result = c.db.transaction(() => applyWireEvents(c.db, foreign, []))();
    expect(result).toEqual({ ok: false, missingCard: '999999999999' });
    expect(dbChecksum(c.db)).toBe(before);
  });
});
