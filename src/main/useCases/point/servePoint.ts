import { brusselsIso } from '../../../shared/time/brussels';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { startLanHost } from '../../platform/lan/lanHost';
import type { PinnedPeers } from '../../platform/lan/lanHost';
import { openSyncSession } from '../../platform/lan/syncSession';
import { appendAudit } from '../../store/audit/auditLog';
import { ownDesk } from '../../store/deskNames';
import { getSetting, setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import type { PointPeer } from '../../store/sync/pointPeers';
import { isTrustedPeer, listPeers, peerByFingerprint, pinPeer } from '../../store/sync/pointPeers';
import { fetchPointData, greet, noteHello, pullOnce } from './pullFromPeer';
import { pointRole } from './pointRole';
import { serveSyncConnection } from './syncService';
import type { ThisDesk } from './thisDesk';

/** A pull waits this long for news before the peer answers "nothing new" (and proves it is there). */
export const PULL_WAIT_MS = 1000;
/** Connecting and every answer but a waiting pull get this long. */
const ANSWER_TIMEOUT_MS = 3000;
/** After a lost connection, try again this soon. */
const RETRY_MS = 500;
/** The host's settings, desks and batches are fetched this often (and when an event's card is missing). */
const POINT_DATA_EVERY_MS = 5000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PointService {
  url: string;
  /** The pairing code, on the host only (null on another desk). */
  code: string | null;
  fingerprint: string;
  /** A fresh pairing code (the old one stops working). Null on a desk that is not the host. */
  newCode(): string | null;
  stop(): Promise<void>;
}

/**
 * This desk's sync service: listens for the other desks (mutual TLS, pinned fingerprints, a
 * pairing code on the host), and pulls from every peer it trusts, each by its own cursor.
 * The context must have a connection of its own: the service writes while the desk's screen
 * writes through another.
 */
export async function servePoint(
  ctx: StoreContext,
  args: {
    identity: DeskCertificate;
    listen: { host: string; port: number };
    /** Seals a report key received in a handover (safeStorage in the Electron shell). */
    keyProtector?: KeyProtector;
  },
): Promise<PointService> {
  const { db, clock } = ctx;
  let stopping = false;
  const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
  const peers: PinnedPeers = {
    has: (fingerprint) => isTrustedPeer(db, fingerprint),
    pin: (fingerprint, name) => {
      db.transaction(() => {
        pinPeer(db, {
          fingerprint,
          name,
          deskId: null,
          url: null,
          isHost: false,
          at: brusselsIso(clock.now()),
        });
        appendAudit(db, clock, 'desk_paired', { fingerprint });
      })();
    },
    list: () => listPeers(db).map((p) => ({ fingerprint: p.fingerprint, name: p.name })),
  };
  let url = '';
  const me = (): ThisDesk => ({ deskId, name: deskName(ctx), fingerprint: args.identity.fingerprint, url });
  const host = await startLanHost({
    identity: args.identity,
    clock,
    peers,
    listen: args.listen,
    onPeer: (socket, fingerprint) =>
      void serveSyncConnection(ctx, me, socket, fingerprint, () => stopping, args.keyProtector).catch(() =>
        socket.destroy(),
      ),
  });
  const shownHost = args.listen.host.includes(':') ? `[${args.listen.host}]` : args.listen.host;
  url = `https://${shownHost}:${host.port}`;
  setSetting(db, 'sync_url', url);

  const newCode = (): string | null => (pointRole(db) === 'host' ? host.window.newCode().code : null);
  const code = newCode();

  const loops = new Map<string, Promise<void>>();
  const startLoops = (): void => {
    for (const peer of listPeers(db)) {
      if (
        peer.revokedAt !== null ||
        peer.url === null ||
        peer.deskId === deskId ||
        loops.has(peer.fingerprint)
      )
        continue;
      const loop = pullLoop(ctx, args.identity, me, peer, () => stopping).finally(() =>
        loops.delete(peer.fingerprint),
      );
      loops.set(peer.fingerprint, loop);
    }
  };
  const scanner = (async () => {
    while (!stopping) {
      startLoops();
      await sleep(RETRY_MS);
    }
  })();

  return {
    url,
    code,
    fingerprint: args.identity.fingerprint,
    newCode,
    async stop() {
      stopping = true;
      await host.close();
      await scanner;
      await Promise.allSettled([...loops.values()]);
    },
  };
}

function deskName(ctx: StoreContext): string {
  return ownDesk(ctx.db)?.name ?? 'Balie 1';
}

/** Keeps pulling from one peer until the service stops or the peer is revoked. */
async function pullLoop(
  ctx: StoreContext,
  identity: DeskCertificate,
  me: () => ThisDesk,
  first: PointPeer,
  isStopping: () => boolean,
): Promise<void> {
  while (!isStopping()) {
    const peer = peerByFingerprint(ctx.db, first.fingerprint);
    if (!peer || peer.revokedAt !== null || peer.url === null) return;
    const opened = await openSyncSession({
      url: peer.url,
      identity,
      pinnedHost: peer.fingerprint,
      timeoutMs: ANSWER_TIMEOUT_MS,
    });
    if (!opened.ok) {
      await sleep(RETRY_MS);
      continue;
    }
    const session = opened.value;
    try {
      const hello = await greet(ctx, session, me(), ANSWER_TIMEOUT_MS);
      if (!('t' in hello)) {
        // A peer on another protocol version or one that revoked us: try again much later.
        await sleep(hello.kind === 'lost' ? RETRY_MS : 10 * RETRY_MS);
        continue;
      }
      noteHello(ctx, peer, hello);
      let pointDataAt = -Infinity;
      let polls = 0;
      while (!isStopping() && !session.closed) {
        // Elapsed time counted in pulls: each takes up to PULL_WAIT_MS.
        if (hello.isHost && polls * PULL_WAIT_MS - pointDataAt >= POINT_DATA_EVERY_MS) {
          if (!(await fetchPointData(ctx, session, ANSWER_TIMEOUT_MS))) break;
          pointDataAt = polls * PULL_WAIT_MS;
        }
        const pulled = await pullOnce(ctx, session, peer, PULL_WAIT_MS, ANSWER_TIMEOUT_MS);
        polls += 1;
        if (pulled === 'lost') break;
        if (pulled === 'missing_cards') {
          // Its batch is on the way from the host: fetch it now (from the host) or wait for it.
          pointDataAt = -Infinity;
          if (!hello.isHost) await sleep(RETRY_MS);
        }
      }
    } catch (error) {
      // The store held by another process past the busy timeout (a long write, a full disk): the
      // cursor did not move, so this pull is tried again later; the service must not die of it.
      if (storeWriteFailure(error) === null) throw error;
    } finally {
      session.close();
    }
    if (!isStopping()) await sleep(RETRY_MS);
  }
}
