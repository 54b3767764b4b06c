import { hostAddressOf, pairingCodeOf } from '../../../shared/point/pairingInput';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { Clock } from '../../../shared/time/clock';
import { brusselsIso } from '../../../shared/time/brussels';
import {
  createDeskCertificate,
  deskCertificateDirFor,
  saveDeskCertificate,
} from '../../platform/lan/deskCertificate';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import { joinHost } from '../../platform/lan/pairingExchange';
import type { JoinFailure } from '../../platform/lan/pairingExchange';
import { openSyncSession } from '../../platform/lan/syncSession';
import { appendAudit } from '../../store/audit/auditLog';
import { openStore } from '../../store/openStore';
import { setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { pinPeer, peerByFingerprint } from '../../store/sync/pointPeers';
import { fetchPointData, greet, noteHello, pullOnce } from './pullFromPeer';

export type JoinPointFailure =
  | Failure<'store_exists', { path: string }>
  | Failure<'bad_url', { url: string }>
  | Failure<'bad_name'>
  | JoinFailure
  | Failure<'transfer_failed'>;

export interface JoinedPoint {
  pointId: string;
  deskId: string;
  hostFingerprint: string;
  cards: number;
  events: number;
}

const NAME = /^[\p{L}\p{N} ._-]{1,40}$/u;

/**
 * Pairs a fresh store with a host desk: proves the pairing code (PAKE over TLS, bound to both
 * certificates), pins the host, then fetches the point's settings, batches, cards and events.
 * All or nothing: on any refusal no store and no key file is left behind.
 */
export async function joinPoint(args: {
  dbPath: string;
  url: string;
  code: string;
  deskName: string;
  clock: Clock;
  backupDir: string;
}): Promise<Result<JoinedPoint, JoinPointFailure>> {
  if (fs.existsSync(args.dbPath)) return fail('store_exists', { path: args.dbPath });
  if (!NAME.test(args.deskName)) return fail('bad_name');
  let target: URL;
  try {
    target = new URL(hostAddressOf(args.url));
  } catch {
    return fail('bad_url', { url: args.url });
  }
  if (target.protocol !== 'https:' || target.port === '') return fail('bad_url', { url: args.url });

  const identity = await createDeskCertificate(args.deskName, args.clock);
  const joined = await joinHost({
    host: target.hostname.replace(/^\[|\]$/g, ''),
    port: Number(target.port),
    identity,
    deskName: args.deskName,
    code: pairingCodeOf(args.code),
  });
  if (!joined.ok) return joined;

  const made: string[] = [];
  const opened = openStore(args.dbPath);
  if (!opened.ok) return fail('transfer_failed');
  made.push(args.dbPath, `${args.dbPath}-wal`, `${args.dbPath}-shm`);
  const ctx: StoreContext = {
    db: opened.value,
    clock: args.clock,
    dbPath: args.dbPath,
    backupDir: args.backupDir,
  };
  try {
    const deskId = `desk-${randomUUID().slice(0, 8)}`;
    const at = brusselsIso(args.clock.now());
    ctx.db.transaction(() => {
      setSetting(ctx.db, 'desk_id', deskId);
      setSetting(ctx.db, 'point_role', 'desk');
      setSetting(ctx.db, 'initialized_at', args.clock.now().toISOString());
      pinPeer(ctx.db, {
        fingerprint: joined.value.hostFingerprint,
        name: 'host',
        deskId: null,
        url: target.origin,
        isHost: true,
        at,
      });
    })();
    const transferred = await transfer(ctx, identity, joined.value.hostFingerprint, {
      deskId,
      name: args.deskName,
    });
    if (!transferred) throw new Error('transfer');
    // Written only once the join succeeded, so a refused join leaves no key behind.
    saveDeskCertificate(deskCertificateDirFor(args.dbPath), identity);
    const pointId = ctx.db
      .prepare(`SELECT value FROM settings WHERE key = 'point_id'`)
      .pluck()
      .get() as string;
    appendAudit(ctx.db, ctx.clock, 'desk_joined', { pointId, host: joined.value.hostFingerprint });
    const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number;
    const result: JoinedPoint = {
      pointId,
      deskId,
      hostFingerprint: joined.value.hostFingerprint,
      cards: count('SELECT count(*) FROM cards'),
      events: count('SELECT count(*) FROM desk_events'),
    };
    ctx.db.close();
    return ok(result);
  } catch {
    if (ctx.db.open) ctx.db.close();
    for (const file of made) fs.rmSync(file, { force: true });
    return fail('transfer_failed');
  }
}

async function transfer(
  ctx: StoreContext,
  identity: DeskCertificate,
  hostFingerprint: string,
  me: { deskId: string; name: string },
): Promise<boolean> {
  const host = peerByFingerprint(ctx.db, hostFingerprint);
  if (!host?.url) return false;
  const opened = await openSyncSession({
    url: host.url,
    identity,
    pinnedHost: hostFingerprint,
    timeoutMs: 10_000,
  });
  if (!opened.ok) return false;
  const session = opened.value;
  try {
    const hello = await greet(ctx, session, { ...me, fingerprint: identity.fingerprint, url: null }, 10_000);
    if (!('t' in hello)) return false;
    noteHello(ctx, host, hello);
    if (!(await fetchPointData(ctx, session, 30_000))) return false;
    // Every event the host has now; later ones come with `desk serve`.
    for (let page = 0; page < 100_000; page += 1) {
      const pulled = await pullOnce(ctx, session, host, 0, 30_000);
      if (pulled !== 'ok') return false;
      const current = peerByFingerprint(ctx.db, hostFingerprint);
      if (!current || current.pulledSeq >= current.headSeq) return true;
    }
    return false;
  } finally {
    session.close();
  }
}
