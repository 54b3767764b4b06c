import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { removeDeskCopy } from '../../platform/deskCopyFiles';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import { openSyncSession } from '../../platform/lan/syncSession';
import { holdStoreAlone, releaseStore } from '../../store/storeAlone';
import type { StoreContext } from '../../store/storeContext';
import { hostPeer } from '../../store/sync/pointPeers';
import { greet } from './pullFromPeer';
import { pointRole } from './pointRole';
import type { ThisDesk } from './thisDesk';

export type UnpairFailure =
  Failure<'is_host'> | Failure<'in_use'> | Failure<'host_unreachable', { host: string }>;

export interface Unpaired {
  /** `host`: the host marked this desk unpaired; `already_revoked`: it refused us already; `not_told`: --force. */
  host: 'told' | 'already_revoked' | 'not_told';
  hostName: string;
  /** What was deleted (docs/admin.md lists it). */
  removed: string[];
}

/** Telling the host gets this long: connect, hello and answer each. */
const HOST_TIMEOUT_MS = 3000;

/**
 * This desk leaves the point and wipes its copy: the host is told first (it refuses this desk
 * from then on and lists it as unpaired, audited there), then the store, its WAL, backups,
 * archive, reports and keys are deleted (`deskCopyPaths`). The host keeps everything. Refused on
 * the host (hand over first), while another process has the store open, and when the host does
 * not answer, unless `force` (the admin then revokes the desk on the host). Closes `ctx.db` on success.
 */
export async function unpairDesk(
  ctx: StoreContext,
  identity: DeskCertificate,
  me: ThisDesk,
  options: { force: boolean },
): Promise<Result<Unpaired, UnpairFailure>> {
  const { db } = ctx;
  if (pointRole(db) === 'host') return fail('is_host');
  if (!holdStoreAlone(db)) return fail('in_use');
  const host = hostPeer(db);
  const hostName = host?.name ?? '?';
  const told = host ? await tellHost(ctx, identity, me, host) : 'unreachable';
  if (told === 'unreachable' && !options.force) {
    releaseStore(db);
    return fail('host_unreachable', { host: hostName });
  }
  db.close();
  const removed = removeDeskCopy(ctx.dbPath);
  return ok({ host: told === 'unreachable' ? 'not_told' : told, hostName, removed });
}

async function tellHost(
  ctx: StoreContext,
  identity: DeskCertificate,
  me: ThisDesk,
  host: { url: string | null; fingerprint: string },
): Promise<'told' | 'already_revoked' | 'unreachable'> {
  if (host.url === null) return 'unreachable';
  const opened = await openSyncSession({
    url: host.url,
    identity,
    pinnedHost: host.fingerprint,
    timeoutMs: HOST_TIMEOUT_MS,
  });
  if (!opened.ok) return 'unreachable';
  const session = opened.value;
  try {
    const hello = await greet(ctx, session, me, HOST_TIMEOUT_MS);
    if (!('t' in hello)) return hello.kind === 'revoked' ? 'already_revoked' : 'unreachable';
    const answer = await session.ask({ t: 'unpair' }, HOST_TIMEOUT_MS);
    return answer?.t === 'unpaired' ? 'told' : 'unreachable';
  } finally {
    session.close();
  }
}
