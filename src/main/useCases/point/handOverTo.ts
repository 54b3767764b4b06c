import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import { openSyncSession } from '../../platform/lan/syncSession';
import {
  keyDirFor,
  loadOrCreateInstallationKey,
  plainFileProtector,
  releaseInstallationKey,
} from '../../platform/keys/installationKey';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { appendAudit } from '../../store/audit/auditLog';
import { setSetting } from '../../store/settings';
import type { ReportRow } from '../../store/restoreStore';
import type { StoreContext } from '../../store/storeContext';
import { headSeq } from '../../store/sync/eventLog';
import { hostPeer, listPeers, setHostPeer } from '../../store/sync/pointPeers';
import { hostEpoch } from './hostRole';
import { greet } from './pullFromPeer';
import { pointRole } from './pointRole';
import type { ThisDesk } from './thisDesk';

export type HandoverFailure =
  | Failure<'not_host', { host: string }>
  | Failure<'unknown_desk', { name: string }>
  | Failure<'unreachable', { name: string }>
  | Failure<'refused_by_desk', { name: string; reason: string }>
  | Failure<'key_unreadable', { file: string; sealed: boolean }>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A planned handover, run on the host while the receiving desk's sync service runs: the key moves
 * (explicitly, audited on both sides) and the host becomes an ordinary desk. The other desks
 * learn the new host from its hello (a higher host epoch).
 */
export async function handOverTo(
  ctx: StoreContext,
  identity: DeskCertificate,
  me: ThisDesk,
  toName: string,
  protector: KeyProtector = plainFileProtector,
): Promise<Result<{ to: string; keyId: string }, HandoverFailure>> {
  const { db, clock } = ctx;
  if (pointRole(db) !== 'host') return fail('not_host', { host: hostPeer(db)?.name ?? '?' });
  const target = listPeers(db).find((p) => p.name === toName && p.revokedAt === null);
  if (!target?.url) return fail('unknown_desk', { name: toName });
  const keyDir = keyDirFor(ctx.dbPath);
  const key = loadOrCreateInstallationKey(keyDir, protector, clock);
  if (!key.ok) return key;
  const keyPem = key.value.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const opened = await openSyncSession({
    url: target.url,
    identity,
    pinnedHost: target.fingerprint,
    timeoutMs: 3000,
  });
  if (!opened.ok) return fail('unreachable', { name: toName });
  const session = opened.value;
  try {
    const hello = await greet(ctx, session, me, 3000);
    if (!('t' in hello)) return fail('unreachable', { name: toName });
    const epoch = hostEpoch(ctx) + 1;
    // The receiver refuses while it lacks host events; it pulls them within a few polls.
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const reports = db.prepare('SELECT * FROM reports ORDER BY sequence').all() as ReportRow[];
      const answer = await session.ask(
        { t: 'handover', hostEpoch: epoch, headSeq: headSeq(db), keyPem, reports },
        5000,
      );
      if (answer === null) return fail('unreachable', { name: toName });
      if (answer.t === 'accepted') {
        releaseInstallationKey(keyDir);
        db.transaction(() => {
          setSetting(db, 'point_role', 'desk');
          setSetting(db, 'host_epoch', String(epoch));
          setHostPeer(db, target.fingerprint);
          appendAudit(db, clock, 'host_handover', {
            toHost: target.fingerprint,
            keyId: answer.keyId,
            sent: true,
          });
        }).immediate();
        return ok({ to: toName, keyId: answer.keyId });
      }
      if (answer.t !== 'refused' || answer.reason !== 'behind')
        return fail('refused_by_desk', {
          name: toName,
          reason: answer.t === 'refused' ? answer.reason : answer.t,
        });
      await sleep(250);
    }
    return fail('refused_by_desk', { name: toName, reason: 'behind' });
  } finally {
    session.close();
  }
}
