import type { SyncAnswer, WireEvent, WireGroup } from '../../../shared/point/syncMessages';
import { CLAIM_TIMEOUT_MS } from '../../../shared/point/syncMessages';
import type { Result } from '../../../shared/result';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import { deskCertificateDirFor, loadOrCreateDeskCertificate } from '../../platform/lan/deskCertificate';
import { openSyncSession } from '../../platform/lan/syncSession';
import type { StoreContext } from '../../store/storeContext';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import { applyWireEvents, headSeq, readOwnEventsAfter } from '../../store/sync/eventLog';
import { hostPeer, notePeerSeen } from '../../store/sync/pointPeers';
import { greet } from './pullFromPeer';
import { pointRole } from './pointRole';
import { thisDeskOf } from './thisDesk';
import type { ThisDesk } from './thisDesk';

export type ClaimAnswer =
  { kind: 'claimed' } | { kind: 'taken'; events: WireEvent[]; groups: WireGroup[] } | { kind: 'offline' };

/** The host's answer to a claim, as the desk acts on it; anything but a verdict counts as no answer. */
export function claimAnswerOf(answer: SyncAnswer): ClaimAnswer {
  switch (answer.t) {
    case 'claimed':
      return { kind: 'claimed' };
    case 'taken':
      return { kind: 'taken', events: answer.events, groups: answer.groups };
    default:
      return { kind: 'offline' };
  }
}

/** How a desk asks its host to confirm a write; null on the host itself (its store decides). */
export interface HostLink {
  claim(events: WireEvent[], group: WireGroup | null): Promise<ClaimAnswer>;
}

/** The host link of a paired desk, or null on the host and on a desk alone. */
export function hostLinkFor(ctx: StoreContext, identity: DeskCertificate, me: () => ThisDesk): HostLink {
  return {
    async claim(events, group) {
      const host = hostPeer(ctx.db);
      if (!host || host.url === null) return { kind: 'offline' };
      // One budget for connecting, greeting and the answer: past it, the desk works alone.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), CLAIM_TIMEOUT_MS);
      try {
        const opened = await Promise.race([
          openSyncSession({
            url: host.url,
            identity,
            pinnedHost: host.fingerprint,
            timeoutMs: CLAIM_TIMEOUT_MS,
          }),
          aborted(deadline.signal),
        ]);
        if (opened === null || !opened.ok) return { kind: 'offline' };
        const session = opened.value;
        try {
          const hello = await Promise.race([
            greet(ctx, session, me(), CLAIM_TIMEOUT_MS),
            aborted(deadline.signal),
          ]);
          if (hello === null || !('t' in hello)) return { kind: 'offline' };
          const answer = await Promise.race([
            session.ask({ t: 'claim', events, group }, CLAIM_TIMEOUT_MS),
            aborted(deadline.signal),
          ]);
          if (answer === null) return { kind: 'offline' };
          notePeerSeen(ctx.db, host.fingerprint, ctx.clock.now().getTime());
          return claimAnswerOf(answer);
        } finally {
          session.close();
        }
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function aborted(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(null);
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
}

/** One write at a time per process: the claim holds the store's write lock across the network wait. */
const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Resolves once the claims already waiting on this connection are done. Any other write on the
 * same connection waits here first, so it never lands inside a claim's open transaction (and is
 * never rolled back with it when the host answers "taken").
 */
export function afterPendingClaims(ctx: StoreContext): Promise<void> {
  return (queues.get(ctx.db) ?? Promise.resolve()).then(() => undefined);
}

/**
 * A desk write (hand-out, group, void) that the host confirms first, while it answers:
 * the use case runs inside a transaction held open for the claim; the host's "claimed" (or no
 * answer within 1.5 s: offline, the desk works alone) commits it, the host's "taken" rolls it
 * back, applies the host's events for those cards and runs the use case again, which now refuses
 * it as "al afgehaald" with the desk and the staff who did. On the host, or a desk alone, it is
 * just the use case.
 */
export function writeThroughHost<T, F extends { ok: false }>(
  ctx: StoreContext,
  link: HostLink | null,
  write: () => Result<T, F>,
): Promise<Result<T, F>> {
  // On the host (or a desk alone) its own store decides: no claim to ask.
  if (link === null || pointRole(ctx.db) === 'host') return Promise.resolve(write());
  const previous = queues.get(ctx.db) ?? Promise.resolve();
  const next = previous.then(() => claimedWrite(ctx, link, write));
  queues.set(
    ctx.db,
    next.catch(() => undefined),
  );
  return next;
}

async function claimedWrite<T, F extends { ok: false }>(
  ctx: StoreContext,
  link: HostLink,
  write: () => Result<T, F>,
): Promise<Result<T, F>> {
  const { db } = ctx;
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    const refusal = storeWriteFailure(error);
    if (refusal) return refusal as unknown as Result<T, F>;
    throw error;
  }
  let open = true;
  const end = (how: 'COMMIT' | 'ROLLBACK'): void => {
    if (open) db.exec(how);
    open = false;
  };
  try {
    const before = headSeq(db);
    const result = write();
    if (!result.ok) {
      end('ROLLBACK');
      return result;
    }
    const own = readOwnEventsAfter(db, before);
    if (own.events.length === 0) {
      end('COMMIT');
      return result;
    }
    const answer = await link.claim(own.events, own.groups[0] ?? null);
    switch (answer.kind) {
      case 'claimed':
      case 'offline':
        end('COMMIT');
        return result;
      case 'taken':
        end('ROLLBACK');
        db.transaction(() => applyWireEvents(db, answer.events, answer.groups)).immediate();
        return write();
    }
  } catch (error) {
    end('ROLLBACK');
    const refusal = storeWriteFailure(error);
    if (refusal) return refusal as unknown as Result<T, F>;
    throw error;
  } finally {
    end('ROLLBACK');
  }
}

/**
 * The host link of this store's desk (its certificate next to the store, read on the first claim).
 * The role is read at every write, so a desk that became host (or stopped being it) after a
 * handover needs no restart.
 */
export function openHostLink(ctx: StoreContext): HostLink {
  let link: Promise<HostLink | null> | null = null;
  const open = async (): Promise<HostLink | null> => {
    const identity = await loadOrCreateDeskCertificate(deskCertificateDirFor(ctx.dbPath), 'Balie', ctx.clock);
    return hostLinkFor(ctx, identity, () => thisDeskOf(ctx.db, identity.fingerprint));
  };
  return {
    async claim(events, group) {
      const ready = await (link ??= open());
      return ready ? ready.claim(events, group) : { kind: 'offline' };
    },
  };
}
