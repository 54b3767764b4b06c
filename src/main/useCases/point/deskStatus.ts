import { storeHoldsNothing } from './storeHoldsNothing';
import { CLOCK_DRIFT_WARN_MS, PEER_ONLINE_WINDOW_MS } from '../../../shared/point/syncMessages';
import type { PointDeskView, PointStatusView } from '../../../shared/api/apiTypes';
import { brusselsTime } from '../../../shared/time/brussels';
import type { StoreContext } from '../../store/storeContext';
import { headSeq } from '../../store/sync/eventLog';
import { listPeers } from '../../store/sync/pointPeers';
import { unresolvedAnomalyCount } from './anomalies';
import { pointRole } from './pointRole';
import type { PointRole } from './pointRole';

export interface DeskStatus {
  role: PointRole;
  /** Host: some desk was heard from lately. Desk: the host was. */
  online: boolean;
  /** Since when no peer was heard from (ms), when offline and one was heard before. */
  offlineSinceMs: number | null;
  peers: Array<{
    name: string;
    lastSyncAt: string | null;
    lagEvents: number;
    online: boolean;
    isHost: boolean;
  }>;
  anomalies: number;
  /** The host's clock differs from this desk's by more than 2 minutes (deadlines use the local date). */
  clockDriftMs: number | null;
}

export function readDeskStatus(ctx: StoreContext): DeskStatus {
  const { db, clock } = ctx;
  const now = clock.now().getTime();
  const role = pointRole(db);
  const peers = listPeers(db).filter((p) => p.revokedAt === null);
  const heard = (seen: number | null) => seen !== null && now - seen <= PEER_ONLINE_WINDOW_MS;
  const counted = role === 'host' ? peers : peers.filter((p) => p.isHost);
  const online = counted.some((p) => heard(p.lastSeenMs));
  const lastSeen = Math.max(...counted.map((p) => p.lastSeenMs ?? -1), -1);
  const host = peers.find((p) => p.isHost);
  const drift = host?.clockOffsetMs ?? null;
  return {
    role,
    online,
    offlineSinceMs: online || lastSeen < 0 ? null : lastSeen,
    peers: peers.map((p) => ({
      name: p.name,
      lastSyncAt: p.lastSyncAt,
      lagEvents: Math.max(0, p.headSeq - p.pulledSeq),
      online: heard(p.lastSeenMs),
      isHost: p.isHost,
    })),
    anomalies: unresolvedAnomalyCount(db),
    clockDriftMs: drift !== null && Math.abs(drift) > CLOCK_DRIFT_WARN_MS ? drift : null,
  };
}

/** The header's view: words and colour come from the renderer, the facts from here. */
export function readPointStatusView(ctx: StoreContext): PointStatusView {
  const status = readDeskStatus(ctx);
  return {
    role: status.role,
    paired: status.peers.length > 0,
    online: status.online,
    desksOnline: status.peers.filter((p) => p.online).length,
    offlineSince: status.offlineSinceMs === null ? null : brusselsTime(new Date(status.offlineSinceMs)),
    anomalies: status.anomalies,
    clockDriftMinutes: status.clockDriftMs === null ? null : Math.round(status.clockDriftMs / 60_000),
    hostName: status.peers.find((p) => p.isHost)?.name ?? null,
    changes: headSeq(ctx.db),
    canJoin: storeHoldsNothing(ctx.db),
  };
}

/** Beheer → Balies: every desk this one knows, revoked ones included. */
export function readPointDesks(ctx: StoreContext): PointDeskView[] {
  const now = ctx.clock.now().getTime();
  return listPeers(ctx.db).map((p) => ({
    name: p.name,
    isHost: p.isHost,
    online: p.revokedAt === null && p.lastSeenMs !== null && now - p.lastSeenMs <= PEER_ONLINE_WINDOW_MS,
    lastSyncAt: p.lastSyncAt,
    lagEvents: Math.max(0, p.headSeq - p.pulledSeq),
    revoked: p.revokedAt !== null,
    unpaired: p.unpairedAt !== null,
  }));
}
