import type { SyncAnswer, WireEvent, WireGroup } from '../../../shared/point/syncMessages';
import { CLAIM_TIMEOUT_MS } from '../../../shared/point/syncMessages';
import type { DeskCertificate } from '../../platform/lan/deskCertificate';
import { deskCertificateDirFor, loadOrCreateDeskCertificate } from '../../platform/lan/deskCertificate';
import { openSyncSession } from '../../platform/lan/syncSession';
import type { SyncSession } from '../../platform/lan/syncSession';
import type { StoreContext } from '../../store/storeContext';
import { hostPeer, notePeerSeen } from '../../store/sync/pointPeers';
import { greet } from './pullFromPeer';
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

/**
 * A kept connection is closed by the desk after this long unused, well before the host's own
 * idle limit (60 s), so a claim rarely meets a connection the host is just closing.
 */
export const KEPT_SESSION_IDLE_MS = 20_000;

interface KeptSession {
  session: SyncSession;
  /** The host it was opened to: a handover or a new address opens a new one. */
  fingerprint: string;
  url: string;
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * The host link of a paired desk. One connection to the host is kept between claims (mutual TLS
 * and the hello cost more than the claim itself at a busy desk), reopened when the host closed it,
 * moved or went silent. One claim at a time uses it: `writeThroughHost` queues them.
 */
export function hostLinkFor(ctx: StoreContext, identity: DeskCertificate, me: () => ThisDesk): HostLink {
  let kept: KeptSession | null = null;
  const drop = (): void => {
    if (kept?.idle) clearTimeout(kept.idle);
    kept?.session.close();
    kept = null;
  };
  const keep = (session: SyncSession, fingerprint: string, url: string): void => {
    const idle = setTimeout(drop, KEPT_SESSION_IDLE_MS);
    idle.unref();
    session.unref();
    kept = { session, fingerprint, url, idle };
  };
  /** The kept connection to this host if it is still open, taken out of the idle watch. */
  const takeKept = (fingerprint: string, url: string): SyncSession | null => {
    const held = kept;
    if (held === null) return null;
    if (held.session.closed || held.fingerprint !== fingerprint || held.url !== url) {
      drop();
      return null;
    }
    if (held.idle) clearTimeout(held.idle);
    kept = null;
    return held.session;
  };

  return {
    async claim(events, group) {
      const host = hostPeer(ctx.db);
      if (!host || host.url === null) {
        drop();
        return { kind: 'offline' };
      }
      const { fingerprint, url } = host;
      // One budget for connecting, greeting and the answer: past it, the desk works alone.
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), CLAIM_TIMEOUT_MS);
      const within = <T>(work: Promise<T>): Promise<T | null> =>
        Promise.race([work, aborted(deadline.signal)]);
      const openGreeted = async (): Promise<SyncSession | null> => {
        const opened = await within(
          openSyncSession({ url, identity, pinnedHost: fingerprint, timeoutMs: CLAIM_TIMEOUT_MS }),
        );
        if (opened === null || !opened.ok) return null;
        const hello = await within(greet(ctx, opened.value, me(), CLAIM_TIMEOUT_MS));
        if (hello === null || !('t' in hello)) {
          opened.value.close();
          return null;
        }
        return opened.value;
      };
      const ask = (session: SyncSession) =>
        within(session.ask({ t: 'claim', events, group }, CLAIM_TIMEOUT_MS));
      try {
        let session = takeKept(fingerprint, url);
        let answer = session === null ? null : await ask(session);
        if (answer === null && !deadline.signal.aborted) {
          // No kept connection, or one the host had closed (a restart, its idle limit): a fresh
          // one within the same budget. The host keeps a claim's events by id, so asking again
          // after a lost answer confirms it once, never twice.
          session?.close();
          session = await openGreeted();
          answer = session === null ? null : await ask(session);
        }
        if (session === null || answer === null) {
          // A late answer must never be read as the next claim's: that connection is done.
          session?.close();
          return { kind: 'offline' };
        }
        notePeerSeen(ctx.db, fingerprint, ctx.clock.now().getTime());
        // The host ends a connection after a refusal; any other answer leaves it usable.
        if (answer.t === 'refused') session.close();
        else keep(session, fingerprint, url);
        return claimAnswerOf(answer);
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
