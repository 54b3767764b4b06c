import type { Result } from '../../../shared/result';
import type { StoreContext } from '../../store/storeContext';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import { applyWireEvents, headSeq, readOwnEventsAfter } from '../../store/sync/eventLog';
import type { HostLink } from './hostLink';
import { pointRole } from './pointRole';

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
