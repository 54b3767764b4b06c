import { ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { keyIdOf, loadPublicKey } from '../../platform/crypto/ed25519';
import { initPoint, readPointIdentity } from './initPoint';
import type { InitPointFailure, PointIdentity } from './initPoint';
import type { StoreContext } from '../../store/storeContext';
import type { Policy } from '../../platform/policy/parsePolicy';

/**
 * Binds the real store to the point the policy names. Runs `initPoint` only when something
 * differs (a changed name or a rotated issuer key), so a normal start writes nothing and adds no
 * audit entry. Another point's data is refused by initPoint itself.
 */
export function applyPolicyPoint(
  ctx: StoreContext,
  policy: Policy,
): Result<{ identity: PointIdentity | null; changed: boolean }, InitPointFailure> {
  if (policy.pointId === null || policy.pointName === null || policy.issuerPublicKeyPem === null) {
    return ok({ identity: readPointIdentity(ctx.db), changed: false });
  }
  const current = readPointIdentity(ctx.db);
  const wanted = loadPublicKey(policy.issuerPublicKeyPem);
  const same =
    current !== null &&
    wanted.ok &&
    current.pointId === policy.pointId &&
    current.pointName === policy.pointName &&
    current.issuerKeyId === keyIdOf(wanted.value);
  if (same) return ok({ identity: current, changed: false });
  const result = initPoint(ctx, {
    pointId: policy.pointId,
    pointName: policy.pointName,
    issuerPublicKeyPem: policy.issuerPublicKeyPem,
  });
  return result.ok ? ok({ identity: result.value, changed: true }) : result;
}
