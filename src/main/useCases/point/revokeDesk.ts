import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { brusselsIso } from '../../../shared/time/brussels';
import { appendAudit } from '../../store/audit/auditLog';
import type { StoreContext } from '../../store/storeContext';
import { listPeers, revokePeer } from '../../store/sync/pointPeers';
import { hostNameIfNotHost } from './pointRole';

export type RevokeDeskFailure =
  Failure<'not_host', { host: string }> | Failure<'unknown_desk', { name: string }>;

/**
 * A lost or retired PC: its certificate is refused from now on, by the host at once (also on an
 * open connection, at its next request) and by the other desks once the host's list reaches
 * them. Its disk still holds the data it had (docs/admin.md).
 */
export function revokeDesk(ctx: StoreContext, name: string): Result<{ name: string }, RevokeDeskFailure> {
  const host = hostNameIfNotHost(ctx.db);
  if (host !== null) return fail('not_host', { host });
  const peer = listPeers(ctx.db).find((p) => p.name === name && p.revokedAt === null);
  if (!peer) return fail('unknown_desk', { name });
  ctx.db.transaction(() => {
    revokePeer(ctx.db, peer.fingerprint, brusselsIso(ctx.clock.now()));
    appendAudit(ctx.db, ctx.clock, 'desk_revoked', { fingerprint: peer.fingerprint });
  })();
  return ok({ name });
}
