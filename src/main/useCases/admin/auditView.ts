import type { AuditView } from '../../../shared/api/apiTypes';
import { readAudit, verifyAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from './adminPin';

/** Beheer's audit page: the newest entries and whether the hash chain still holds. */
export function readAuditView(
  ctx: StoreContext,
  input: { limit?: number | undefined },
  _grant: AdminGrant,
): AuditView {
  const verdict = verifyAudit(ctx.db);
  return {
    entries: readAudit(ctx.db, { limit: input.limit ?? 200 }).map(({ seq, at, action, details }) => ({
      seq,
      at,
      action,
      details,
    })),
    verdict: verdict.ok ? verdict : { ok: false, atSeq: verdict.atSeq, reason: verdict.reason },
  };
}
