import { syncAnswerSchema } from '../../../shared/point/syncMessages';
import type { SyncAnswer, SyncRequest } from '../../../shared/point/syncMessages';
import { lineChannel } from './lineChannel';
import type { LineChannel } from './lineChannel';
import type { DeskCertificate } from './deskCertificate';
import { ALPN_SYNC, connectPinned } from './pinnedTls';
import type { ConnectFailure } from './pinnedTls';
import type { Result } from '../../../shared/result';
import { ok } from '../../../shared/result';
import type { TLSSocket } from 'node:tls';

/** A sync line may carry a page of cards (2,000) or events (500): a few hundred kB at most. */
export const SYNC_MAX_LINE = 8 * 1024 * 1024;

export interface SyncSession {
  /** Sends one request and waits for its answer; null when the peer closed, fell silent or spoke nonsense. */
  ask(request: SyncRequest, timeoutMs: number): Promise<SyncAnswer | null>;
  close(): void;
  readonly closed: boolean;
  /** Lets the process exit while this session sits idle (a kept connection must not hold a CLI run open). */
  unref(): void;
}

export function syncSessionOver(socket: TLSSocket): SyncSession {
  let channel: LineChannel | null = null;
  let closed = false;
  socket.once('close', () => {
    closed = true;
  });
  return {
    async ask(request, timeoutMs) {
      channel ??= lineChannel(socket, SYNC_MAX_LINE);
      channel.send(request);
      const answer = syncAnswerSchema.safeParse(await channel.next(timeoutMs));
      if (!answer.success) {
        socket.destroy();
        return null;
      }
      return answer.data;
    },
    close: () => socket.destroy(),
    unref: () => void socket.unref(),
    get closed() {
      return closed || socket.destroyed;
    },
  };
}

/** Opens a sync connection to a pinned peer (mutual TLS; a certificate with another fingerprint is dropped). */
export async function openSyncSession(args: {
  url: string;
  identity: DeskCertificate;
  pinnedHost: string;
  timeoutMs: number;
}): Promise<Result<SyncSession, ConnectFailure>> {
  const { hostname, port } = new URL(args.url);
  const connected = await connectPinned({
    host: hostname.replace(/^\[|\]$/g, ''),
    port: Number(port),
    identity: args.identity,
    endpoint: ALPN_SYNC,
    pinnedHost: args.pinnedHost,
    timeoutMs: args.timeoutMs,
  });
  if (!connected.ok) return connected;
  return ok(syncSessionOver(connected.value.socket));
}
