import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Clock } from '../../../shared/time/clock';
import type { DeskCertificate } from './deskCertificate';
import { hostPairing } from './pairingExchange';
import type { PairedJoiner } from './pairingExchange';
import { pairingWindow } from './pairingWindow';
import type { PairingWindow } from './pairingWindow';
import { pinnedServer } from './pinnedTls';

/** The fingerprints this desk trusts. In memory for now; the store keeps them once sync exists. */
export interface PinnedPeers {
  has(fingerprint: string): boolean;
  pin(fingerprint: string, name: string): void;
  list(): Array<{ fingerprint: string; name: string }>;
}

export function pinnedPeers(): PinnedPeers {
  const peers = new Map<string, string>();
  return {
    has: (fingerprint) => peers.has(fingerprint),
    pin: (fingerprint, name) => void peers.set(fingerprint, name),
    list: () => [...peers].map(([fingerprint, name]) => ({ fingerprint, name })),
  };
}

export interface LanHost {
  port: number;
  window: PairingWindow;
  close(): Promise<void>;
}

/** A desk's listening side: the pairing window, the pinned peers and the mTLS server over them. */
export async function startLanHost(args: {
  identity: DeskCertificate;
  clock: Clock;
  peers: PinnedPeers;
  listen: { host: string; port: number };
  onPeer(socket: TLSSocket, fingerprint: string): void;
  onPaired?(joiner: PairedJoiner): void;
}): Promise<LanHost> {
  const window = pairingWindow(args.clock);
  const server = pinnedServer({
    identity: args.identity,
    isPinned: (fingerprint) => args.peers.has(fingerprint),
    pairingOpen: () => window.isOpen(),
    onPeer: args.onPeer,
    onPairing: (socket, joinerFingerprint) =>
      hostPairing({
        socket,
        window,
        hostFingerprint: args.identity.fingerprint,
        joinerFingerprint,
        onPaired: (joiner) => {
          args.peers.pin(joiner.fingerprint, joiner.name);
          args.onPaired?.(joiner);
        },
      }).catch(() => socket.destroy()),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.listen.port, args.listen.host, () => resolve());
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    port: (server.address() as AddressInfo).port,
    window,
    close: () =>
      new Promise<void>((resolve) => {
        window.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
