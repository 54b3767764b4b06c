import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { SyncAnswer } from '../../../shared/point/syncMessages';
import {
  adoptInstallationKey,
  createInstallationKey,
  enrolmentFileName,
  installationKeyNumber,
  keyDirFor,
  plainFileProtector,
  releaseInstallationKey,
} from '../../platform/keys/installationKey';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { appendAudit } from '../../store/audit/auditLog';
import { startAuditEpoch } from '../../store/audit/auditEpoch';
import { carryReports } from '../../store/restoreStore';
import type { ReportRow } from '../../store/restoreStore';
import { getSetting, setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { hostPeer, peerByFingerprint, setHostPeer } from '../../store/sync/pointPeers';
import { pointRole } from './pointRole';

export function hostEpoch(ctx: StoreContext): number {
  return Number(getSetting(ctx.db, 'host_epoch') ?? '0');
}

/** The receiving desk's half of a planned handover (answered on its sync endpoint). */
export function acceptHandover(
  ctx: StoreContext,
  fromFingerprint: string,
  request: { hostEpoch: number; headSeq: number; keyPem: string; reports: readonly ReportRow[] },
  protector: KeyProtector = plainFileProtector,
): SyncAnswer {
  const { db, clock } = ctx;
  const host = hostPeer(db);
  if (pointRole(db) === 'host' || host?.fingerprint !== fromFingerprint)
    return { t: 'refused', reason: 'not_host' };
  // Every event the host has must be here first: the new host's reports cover them all.
  if (host.pulledSeq < request.headSeq) return { t: 'refused', reason: 'behind' };
  const key = adoptInstallationKey(keyDirFor(ctx.dbPath), request.keyPem, protector, clock);
  if (!key.ok) return { t: 'refused', reason: 'bad_request' };
  const ownFingerprint = getSetting(db, 'desk_id') ?? '';
  db.transaction(() => {
    setSetting(db, 'point_role', 'host');
    setSetting(db, 'host_epoch', String(request.hostEpoch));
    setHostPeer(db, null);
    carryReports(db, request.reports);
    appendAudit(db, clock, 'host_handover', {
      fromHost: fromFingerprint,
      keyId: key.value.keyId,
      received: true,
    });
    startAuditEpoch(db, clock, 'host_handover', { fromHost: fromFingerprint, toHost: ownFingerprint });
  }).immediate();
  return { t: 'accepted', keyId: key.value.keyId };
}

/**
 * The host PC is dead: this desk takes over with a NEW key (the old one is lost with the PC), a
 * new audit epoch and a key entry. The admin enrols the new public key with the issuer, whose
 * tools accept several keys per point.
 */
export function takeOver(
  ctx: StoreContext,
  protector: KeyProtector = plainFileProtector,
): Result<{ keyId: string; enrolAs: string }, Failure<'already_host'>> {
  const { db, clock } = ctx;
  if (pointRole(db) === 'host') return fail('already_host');
  const keyDir = keyDirFor(ctx.dbPath);
  const oldHost = hostPeer(db);
  const key = createInstallationKey(keyDir, protector, clock);
  const keyNumber = installationKeyNumber(keyDir);
  const enrolAs = enrolmentFileName(getSetting(db, 'point_id') ?? 'PUNT', keyNumber);
  db.transaction(() => {
    setSetting(db, 'point_role', 'host');
    setSetting(db, 'host_epoch', String(hostEpoch(ctx) + 1));
    setHostPeer(db, null);
    appendAudit(db, clock, 'key_rotated', { keyId: key.keyId, keyNumber, enrolAs, reason: 'host_takeover' });
    startAuditEpoch(db, clock, 'host_handover', {
      fromHost: oldHost?.fingerprint ?? '?',
      toHost: getSetting(db, 'desk_id') ?? '?',
    });
  }).immediate();
  return ok({ keyId: key.keyId, enrolAs });
}

/**
 * A peer that says it is the host with a higher epoch than this desk knows is the host now (a
 * handover or take-over happened elsewhere); a host that learns it was replaced steps down.
 */
export function followHostEpoch(
  ctx: StoreContext,
  peerFingerprint: string,
  hello: { isHost: boolean; hostEpoch: number },
): void {
  if (!hello.isHost || hello.hostEpoch <= hostEpoch(ctx)) return;
  const { db } = ctx;
  if (!peerByFingerprint(db, peerFingerprint)) return;
  db.transaction(() => {
    if (pointRole(db) === 'host') {
      setSetting(db, 'point_role', 'desk');
      releaseInstallationKey(keyDirFor(ctx.dbPath));
    }
    setSetting(db, 'host_epoch', String(hello.hostEpoch));
    setHostPeer(db, peerFingerprint);
  }).immediate();
}
