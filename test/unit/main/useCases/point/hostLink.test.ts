import { afterEach, describe, expect, it } from 'vitest';
import {
  createDeskCertificate,
  deskCertificateDirFor,
} from '../../../../../src/main/platform/lan/deskCertificate';
import { loadOrCreateDeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import type { DeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import type { StoreContext } from '../../../../../src/main/store/storeContext';
import { handOut } from '../../../../../src/main/useCases/desk/handOut';
import { writeThroughHost } from '../../../../../src/main/useCases/point/claimThroughHost';
import { hostLinkFor } from '../../../../../src/main/useCases/point/hostLink';
import type { HostLink } from '../../../../../src/main/useCases/point/hostLink';
import { servePoint } from '../../../../../src/main/useCases/point/servePoint';
import type { PointService } from '../../../../../src/main/useCases/point/servePoint';
import { thisDeskOf } from '../../../../../src/main/useCases/point/thisDesk';
import { deskStore, teacher } from '../../../../helpers/deskFixture';
import { closePointPair, joinedStore } from '../../../../helpers/pointPair';
import { tcpRelay } from '../../../../helpers/tcpRelay';
import type { TcpRelay } from '../../../../helpers/tcpRelay';

/**
 * The desk's link to its host keeps one connection between claims. Here the desk reaches the host
 * through a relay (real sockets) that counts connections, drops them and stalls; the desk runs no
 * sync service of its own, so only its claims travel.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await closePointPair();
});

interface Point {
  host: StoreContext;
  hostIdentity: DeskCertificate;
  hostService: PointService;
  desk: StoreContext;
  link: HostLink;
  relay: TcpRelay;
}

async function deskBehindRelay(): Promise<Point> {
  const host = await deskStore();
  const hostIdentity = await createDeskCertificate('Balie 1', host.clock);
  const hostService = await servePoint(host, {
    identity: hostIdentity,
    listen: { host: '127.0.0.1', port: 0 },
  });
  cleanups.push(() => hostService.stop());
  const { desk } = await joinedStore(hostService, host.clock);
  const relay = await tcpRelay(hostService.url);
  cleanups.push(() => relay.close());
  desk.db.prepare('UPDATE point_peers SET url = ? WHERE is_host = 1').run(relay.url);
  const identity = await loadOrCreateDeskCertificate(
    deskCertificateDirFor(desk.dbPath),
    'Groepen',
    host.clock,
  );
  const link = hostLinkFor(desk, identity, () => thisDeskOf(desk.db, identity.fingerprint));
  return { host, hostIdentity, hostService, desk, link, relay };
}

const collectedAt = (store: StoreContext, card: string): boolean =>
  (store.db
    .prepare(
      `SELECT count(*) FROM card_state s JOIN cards c ON c.id = s.card_id WHERE c.card = ? AND s.state = 'collected'`,
    )
    .pluck()
    .get(card) as number) === 1;

const handOutAtDesk = (point: Point, i: number) =>
  writeThroughHost(point.desk, point.link, () =>
    handOut(point.desk, { card: teacher(i).card, staff: 'Sofie', idChecked: true }),
  );

describe("a desk's link to its host", () => {
  it('confirms hand-out after hand-out over one kept connection: the host holds each card the moment the desk answers', async () => {
    const point = await deskBehindRelay();
    for (let i = 1; i <= 5; i += 1) {
      const result = await handOutAtDesk(point, i);
      expect(result.ok).toBe(true);
      expect(collectedAt(point.host, teacher(i).card)).toBe(true);
    }
    expect(point.relay.connections).toBe(1);
  });

  it('a dropped connection between hand-outs: the next one is still confirmed by the host, over a new connection', async () => {
    const point = await deskBehindRelay();
    expect((await handOutAtDesk(point, 11)).ok).toBe(true);
    point.relay.dropAll();
    const next = await handOutAtDesk(point, 12);
    expect(next.ok).toBe(true);
    expect(collectedAt(point.host, teacher(12).card)).toBe(true);
    expect(point.relay.connections).toBe(2);
  });

  it('a host that hangs mid-claim: the desk works alone (offline); once it answers again, the next claim gets its own answer', async () => {
    const point = await deskBehindRelay();
    expect((await handOutAtDesk(point, 21)).ok).toBe(true);
    point.relay.stall(true);
    // Past the 1.5 s budget the desk keeps the hand-out alone; the host has not seen it.
    const alone = await handOutAtDesk(point, 22);
    expect(alone.ok).toBe(true);
    expect(collectedAt(point.desk, teacher(22).card)).toBe(true);
    expect(collectedAt(point.host, teacher(22).card)).toBe(false);
    point.relay.stall(false);
    // The card the host holds for another desk: the answer must be "taken", not a late "claimed".
    expect(handOut(point.host, { card: teacher(23).card, staff: 'Jan', idChecked: true }).ok).toBe(true);
    const refused = await handOutAtDesk(point, 23);
    expect(refused).toMatchObject({ ok: false, error: 'already_collected', staff: 'Jan' });
    const confirmed = await handOutAtDesk(point, 24);
    expect(confirmed.ok).toBe(true);
    expect(collectedAt(point.host, teacher(24).card)).toBe(true);
  });

  it('a host restarted on the same address: the next hand-out is confirmed, not offline', async () => {
    const point = await deskBehindRelay();
    expect((await handOutAtDesk(point, 31)).ok).toBe(true);
    const port = Number(new URL(point.hostService.url).port);
    await point.hostService.stop();
    const again = await servePoint(point.host, {
      identity: point.hostIdentity,
      listen: { host: '127.0.0.1', port },
    });
    cleanups.push(() => again.stop());
    const next = await handOutAtDesk(point, 32);
    expect(next.ok).toBe(true);
    expect(collectedAt(point.host, teacher(32).card)).toBe(true);
  });
});
