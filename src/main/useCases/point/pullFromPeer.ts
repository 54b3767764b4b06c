import { SYNC_PROTOCOL_VERSION } from '../../../shared/point/syncMessages';
import type { SyncAnswer } from '../../../shared/point/syncMessages';
import { brusselsIso } from '../../../shared/time/brussels';
import type { SyncSession } from '../../platform/lan/syncSession';
import { appendAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import { applyWireEvents, applyWireResolutions } from '../../store/sync/eventLog';
import type { PointPeer } from '../../store/sync/pointPeers';
import {
  isTrustedPeer,
  notePeerHello,
  notePulled,
  peerByFingerprint,
  pinPeer,
  revokePeer,
} from '../../store/sync/pointPeers';
import { applyBatches, applySharedSettings, batchIds } from '../../store/sync/pointSnapshot';
import { carryReports } from '../../store/restoreStore';
import { getSetting, setSetting } from '../../store/settings';
import { grantOrderedByHost } from '../admin/adminPin';
import { purgePersonalData } from '../admin/purge';
import type { ThisDesk } from './thisDesk';
import { followHostEpoch, hostEpoch } from './hostRole';

export type PeerHello = Extract<SyncAnswer, { t: 'hello' }>;

export type SessionEnd =
  { kind: 'lost' } | { kind: 'version'; theirs: 'other' } | { kind: 'revoked' } | { kind: 'stopped' };

/** Says who we are; answers the peer's hello or why it would not talk. */
export async function greet(
  ctx: StoreContext,
  session: SyncSession,
  me: ThisDesk,
  timeoutMs: number,
): Promise<PeerHello | SessionEnd> {
  const answer = await session.ask(
    {
      t: 'hello',
      v: SYNC_PROTOCOL_VERSION,
      deskId: me.deskId,
      name: me.name,
      url: me.url,
      nowMs: ctx.clock.now().getTime(),
      hostEpoch: hostEpoch(ctx),
    },
    timeoutMs,
  );
  if (answer === null) return { kind: 'lost' };
  if (answer.t === 'refused')
    return answer.reason === 'version' ? { kind: 'version', theirs: 'other' } : { kind: 'revoked' };
  if (answer.t !== 'hello') return { kind: 'lost' };
  return answer;
}

export function noteHello(ctx: StoreContext, peer: PointPeer, hello: PeerHello): void {
  const now = ctx.clock.now().getTime();
  notePeerHello(ctx.db, peer.fingerprint, {
    deskId: hello.deskId,
    name: hello.name,
    url: hello.url,
    clockOffsetMs: hello.nowMs - now,
    seenMs: now,
  });
  followHostEpoch(ctx, peer.fingerprint, hello);
}

/**
 * Fetches from the host what the desk lacks: shared settings, the desks of the point (pinned on
 * the host's word), and whole batches with all their cards, each batch in one transaction.
 */
export async function fetchPointData(
  ctx: StoreContext,
  session: SyncSession,
  timeoutMs: number,
): Promise<boolean> {
  const { db, clock } = ctx;
  const purgedBefore = getSetting(db, 'purged_at');
  const haveReportSeq =
    (db.prepare('SELECT coalesce(max(sequence), 0) FROM reports').pluck().get() as number) ?? 0;
  const point = await session.ask({ t: 'point', haveBatches: batchIds(db), haveReportSeq }, timeoutMs);
  if (point === null || point.t !== 'point') return false;
  const at = brusselsIso(clock.now());
  const ownDeskId = db.prepare(`SELECT value FROM settings WHERE key = 'desk_id'`).pluck().get() as string;
  db.transaction(() => {
    applySharedSettings(db, point.settings);
    // The host's signed reports: should this desk become host, the chain goes on from the last one.
    carryReports(db, point.reports);
    // The host's word on names and numbers, this desk's own included. REPLACE also clears a
    // row that held a name or number before a rename.
    const upsertDesk = db.prepare('INSERT OR REPLACE INTO desks (desk_id, name, number) VALUES (?, ?, ?)');
    for (const desk of point.desks) upsertDesk.run(desk.deskId, desk.name, desk.number);
    for (const desk of point.desks) {
      if (desk.deskId === ownDeskId) continue;
      if (desk.revoked) {
        revokePeer(db, desk.fingerprint, at);
        continue;
      }
      pinPeer(db, {
        fingerprint: desk.fingerprint,
        name: desk.name,
        deskId: desk.deskId,
        url: desk.url,
        isHost: desk.isHost,
        at,
      });
    }
  })();
  // Every missing batch with all its cards, then the points directory, in one transaction: the
  // directory and a reprint may point at the newest batch, so the batches land together or not at all.
  const cards: Array<Record<string, string | number | null>> = [];
  for (const batch of point.batches) {
    const batchId = String(batch.batch_id);
    let after = '';
    for (;;) {
      const page = await session.ask({ t: 'cards', batchId, afterCard: after }, timeoutMs);
      if (page === null || page.t !== 'cards') return false;
      cards.push(...page.cards);
      const last = page.cards[page.cards.length - 1];
      if (!page.more || last === undefined) break;
      after = String(last.card);
    }
  }
  if (point.batches.length > 0)
    db.transaction(() => {
      applyBatches(db, point.batches, cards, point.points);
      appendAudit(db, clock, 'sync_applied', {
        batches: point.batches.map((b) => String(b.batch_id)),
        cards: cards.length,
      });
    }).immediate();
  await followHostPurge(ctx, purgedBefore);
  return true;
}

/**
 * The host purged personal data after the retention period: this desk purges its copy too (same
 * rules: the point's last day and retention), so no desk keeps names the host no longer has.
 */
async function followHostPurge(ctx: StoreContext, purgedBefore: string | null): Promise<void> {
  const ordered = getSetting(ctx.db, 'purged_at');
  if (ordered === null || ordered === purgedBefore) return;
  const done = await purgePersonalData(ctx, grantOrderedByHost(ctx));
  // Done: remember the host's order as carried out. Refused (e.g. this PC's date is before the
  // purge day): the order stays open and is tried again at the next sync.
  setSetting(ctx.db, 'purged_at', done.ok ? ordered : (purgedBefore ?? ''));
}

/**
 * One pull: the peer's events after our cursor into its log, applied in one transaction with the
 * cursor, so a crash leaves both or neither. Returns false when the session is gone.
 */
export async function pullOnce(
  ctx: StoreContext,
  session: SyncSession,
  peer: PointPeer,
  waitMs: number,
  timeoutMs: number,
): Promise<'ok' | 'missing_cards' | 'lost'> {
  const { db, clock } = ctx;
  const current = peerByFingerprint(db, peer.fingerprint) ?? peer;
  const page = await session.ask(
    { t: 'pull', afterSeq: current.pulledSeq, afterResolution: current.pulledResolution, waitMs },
    waitMs + timeoutMs,
  );
  if (page === null || page.t !== 'events') return 'lost';
  return db
    .transaction((): 'ok' | 'missing_cards' | 'lost' => {
      // Revoked while this pull waited for news: its page is not taken.
      if (!isTrustedPeer(db, peer.fingerprint)) return 'lost';
      const applied = applyWireEvents(db, page.events, page.groups);
      if (!applied.ok) return 'missing_cards';
      const resolutions = applyWireResolutions(db, page.resolutions);
      const now = clock.now();
      notePulled(db, peer.fingerprint, {
        lastSeq: page.lastSeq,
        lastResolution: page.lastResolution,
        headSeq: page.headSeq,
        at: brusselsIso(now),
        seenMs: now.getTime(),
      });
      if (applied.applied > 0 || resolutions > 0)
        appendAudit(db, clock, 'sync_applied', {
          fromDesk: current.deskId,
          events: applied.applied,
          resolutions,
          anomalies: applied.anomalies,
        });
      return 'ok';
    })
    .immediate();
}
