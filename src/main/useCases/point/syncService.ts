import type { TLSSocket } from 'node:tls';
import {
  SYNC_PAGE_EVENTS,
  SYNC_PROTOCOL_VERSION,
  syncRequestSchema,
} from '../../../shared/point/syncMessages';
import type { SyncAnswer, SyncRequest, WireDesk } from '../../../shared/point/syncMessages';
import { lineChannel } from '../../platform/lan/lineChannel';
import { SYNC_MAX_LINE } from '../../platform/lan/syncSession';
import type { StoreContext } from '../../store/storeContext';
import { headResolution, headSeq, readEventsAfter, readResolutionsAfter } from '../../store/sync/eventLog';
import {
  batchIds,
  readBatchesExcept,
  readCardsPage,
  readPointsDirectory,
  readSharedSettings,
} from '../../store/sync/pointSnapshot';
import { isTrustedPeer, listPeers, markPeerUnpaired, notePeerHello } from '../../store/sync/pointPeers';
import { appendAudit } from '../../store/audit/auditLog';
import { brusselsIso } from '../../../shared/time/brussels';
import { ensureOwnDesk } from '../../store/deskNames';
import { confirmClaim } from './confirmClaim';
import { acceptHandover, hostEpoch } from './hostRole';
import type { ThisDesk } from './thisDesk';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { pointRole } from './pointRole';

/** How often a waiting pull looks for new events: other processes (the CLI) write the same store. */
const PULL_POLL_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Serves one pinned peer's connection: one answer per request, in order. A revoked peer is cut
 * off at its next request, also on a connection opened before the revocation.
 */
export async function serveSyncConnection(
  ctx: StoreContext,
  me: () => ThisDesk,
  socket: TLSSocket,
  peerFingerprint: string,
  isStopping: () => boolean,
  protector?: KeyProtector,
): Promise<void> {
  const channel = lineChannel(socket, SYNC_MAX_LINE, 60_000);
  let greeted = false;
  for (;;) {
    const raw = await channel.next();
    if (raw === null || isStopping()) break;
    const parsed = syncRequestSchema.safeParse(raw);
    if (!parsed.success) {
      channel.send({ t: 'refused', reason: 'bad_request' });
      break;
    }
    if (!isTrustedPeer(ctx.db, peerFingerprint)) {
      channel.send({ t: 'refused', reason: 'revoked' });
      break;
    }
    const request = parsed.data;
    if (!greeted && request.t !== 'hello') {
      channel.send({ t: 'refused', reason: 'bad_request' });
      break;
    }
    const answer = await answerRequest(ctx, me(), peerFingerprint, request, isStopping, protector);
    channel.send(answer);
    if (answer.t === 'refused') break;
    greeted = true;
  }
  socket.end();
}

async function answerRequest(
  ctx: StoreContext,
  me: ThisDesk,
  peerFingerprint: string,
  request: SyncRequest,
  isStopping: () => boolean,
  protector: KeyProtector | undefined,
): Promise<SyncAnswer> {
  const { db, clock } = ctx;
  switch (request.t) {
    case 'hello': {
      if (request.v !== SYNC_PROTOCOL_VERSION) return { t: 'refused', reason: 'version' };
      const now = clock.now().getTime();
      db.transaction(() => {
        notePeerHello(db, peerFingerprint, {
          deskId: request.deskId,
          name: request.name,
          url: request.url,
          clockOffsetMs: request.nowMs - now,
          seenMs: now,
        });
        // The host hands out desk numbers (the prefix of group numbers), so they never clash.
        if (pointRole(db) === 'host' && !ensureOwnDesk(db, request.deskId, request.name).ok)
          ensureOwnDesk(db, request.deskId);
      }).immediate();
      return {
        t: 'hello',
        v: SYNC_PROTOCOL_VERSION,
        deskId: me.deskId,
        name: me.name,
        url: me.url,
        nowMs: now,
        isHost: pointRole(db) === 'host',
        hostEpoch: hostEpoch(ctx),
      };
    }
    case 'pull': {
      // A long poll: answer at once when there is news, else when it comes or the wait is over.
      // Counted in polls, not read off the clock: the injected clock may stand still (tests).
      for (
        let polls = Math.ceil(request.waitMs / PULL_POLL_MS);
        polls > 0 &&
        headSeq(db) <= request.afterSeq &&
        headResolution(db) <= request.afterResolution &&
        !isStopping();
        polls -= 1
      )
        await sleep(PULL_POLL_MS);
      const page = readEventsAfter(db, request.afterSeq, SYNC_PAGE_EVENTS);
      const resolutions = readResolutionsAfter(db, request.afterResolution);
      return {
        t: 'events',
        events: page.events,
        groups: page.groups,
        resolutions: resolutions.resolutions,
        lastSeq: page.lastSeq,
        lastResolution: resolutions.last,
        headSeq: headSeq(db),
      };
    }
    case 'claim': {
      if (pointRole(db) !== 'host') return { t: 'refused', reason: 'not_host' };
      const from = request.events[0]?.deskId ?? '?';
      return confirmClaim(ctx, from, request.events, request.group);
    }
    case 'point': {
      if (pointRole(db) !== 'host') return { t: 'refused', reason: 'not_host' };
      return {
        t: 'point',
        settings: readSharedSettings(db),
        batches: readBatchesExcept(db, request.haveBatches),
        points: request.haveBatches.length === batchIds(db).length ? [] : readPointsDirectory(db),
        desks: desksOfPoint(ctx, me),
        reports: db
          .prepare('SELECT * FROM reports WHERE sequence > ? ORDER BY sequence')
          .all(request.haveReportSeq) as Array<Record<string, string | number | null>>,
      };
    }
    case 'handover':
      return acceptHandover(ctx, peerFingerprint, request, protector);
    case 'unpair': {
      if (pointRole(db) !== 'host') return { t: 'refused', reason: 'not_host' };
      db.transaction(() => {
        markPeerUnpaired(db, peerFingerprint, brusselsIso(clock.now()));
        appendAudit(db, clock, 'desk_unpaired', { fingerprint: peerFingerprint });
      }).immediate();
      return { t: 'unpaired' };
    }
    case 'cards': {
      const page = readCardsPage(db, request.batchId, request.afterCard);
      return { t: 'cards', cards: page.cards, more: page.more };
    }
  }
}

/** The host vouches for the desks it paired: each desk pins the others from this list, with names and numbers. */
function desksOfPoint(ctx: StoreContext, me: ThisDesk): WireDesk[] {
  const named = ctx.db.prepare('SELECT name, number FROM desks WHERE desk_id = ?');
  const row = (deskId: string) => named.get(deskId) as { name: string; number: number } | undefined;
  const self = row(me.deskId);
  const peers = listPeers(ctx.db).flatMap((p) => {
    const desk = p.deskId === null ? undefined : row(p.deskId);
    if (p.deskId === null || desk === undefined) return [];
    return [
      {
        deskId: p.deskId,
        name: desk.name,
        number: desk.number,
        fingerprint: p.fingerprint,
        url: p.url,
        isHost: false,
        revoked: p.revokedAt !== null,
      },
    ];
  });
  return [
    {
      deskId: me.deskId,
      name: self?.name ?? me.name,
      number: self?.number ?? 1,
      fingerprint: me.fingerprint,
      url: me.url,
      isHost: true,
      revoked: false,
    },
    ...peers,
  ];
}
