import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { DeskNameFailure } from '../../../shared/desk/deskName';
import { appendAudit } from '../../store/audit/auditLog';
import { deskNameOf, ensureOwnDesk } from '../../store/deskNames';
import { keyIdOf, loadPublicKey } from '../../platform/crypto/ed25519';
import { getSetting, setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';

export interface PointIdentity {
  pointId: string;
  pointName: string;
  issuerKeyId: string;
  deskId: string;
  /** This desk's name as staff see it ("Balie 1"); null only if its row is missing. */
  deskName: string | null;
}

export type InitPointFailure =
  | Failure<'invalid_point_id', { value: string }>
  | Failure<'invalid_issuer_key'>
  | Failure<'point_has_data', { current: string }>
  | DeskNameFailure;

const POINT_ID = /^[A-Z0-9][A-Z0-9-]{1,63}$/;

/**
 * Binds this store to one distribution point and the issuer's public key. Re-running it for the
 * same point updates name and key (the issuer may rotate its key); another point is refused once
 * cards are in the store, so two points' data never mix. This desk gets its row in `desks`: the
 * given name, or 'Balie 1' for a new store; a re-run without a name keeps the current one.
 */
export function initPoint(
  ctx: StoreContext,
  input: { pointId: string; pointName: string; issuerPublicKeyPem: string; deskName?: string | undefined },
): Result<PointIdentity, InitPointFailure> {
  const { db, clock } = ctx;
  const pointId = input.pointId.trim().toUpperCase();
  if (!POINT_ID.test(pointId)) return fail('invalid_point_id', { value: input.pointId });
  const key = loadPublicKey(input.issuerPublicKeyPem);
  if (!key.ok) return fail('invalid_issuer_key');
  const current = getSetting(db, 'point_id');
  const cardCount = (db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
  if (current !== null && current !== pointId && cardCount > 0) return fail('point_has_data', { current });

  const issuerKeyId = keyIdOf(key.value);
  const deskId = getSetting(db, 'desk_id') ?? `desk-${randomUUID().slice(0, 8)}`;
  const refused = db.transaction(() => {
    // First: it writes nothing when it refuses the name, so the transaction then changes nothing.
    const desk = ensureOwnDesk(db, deskId, input.deskName);
    if (!desk.ok) return desk;
    setSetting(db, 'point_id', pointId);
    setSetting(db, 'point_name', input.pointName.trim());
    setSetting(db, 'issuer_public_key', key.value.export({ type: 'spki', format: 'pem' }).toString());
    setSetting(db, 'desk_id', deskId);
    if (getSetting(db, 'initialized_at') === null)
      setSetting(db, 'initialized_at', clock.now().toISOString());
    appendAudit(db, clock, 'init', { pointId, issuerKeyId });
    return null;
  })();
  if (refused) return refused;
  return ok(readPointIdentity(db) as PointIdentity);
}

export function readPointIdentity(db: Database): PointIdentity | null {
  const pointId = getSetting(db, 'point_id');
  const pointName = getSetting(db, 'point_name');
  const issuerPem = getSetting(db, 'issuer_public_key');
  const deskId = getSetting(db, 'desk_id');
  if (pointId === null || pointName === null || issuerPem === null || deskId === null) return null;
  const key = loadPublicKey(issuerPem);
  return {
    pointId,
    pointName,
    deskId,
    deskName: deskNameOf(db, deskId),
    issuerKeyId: key.ok ? keyIdOf(key.value) : '',
  };
}
