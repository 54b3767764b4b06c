import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { fingerprintOfDer } from './deskCertificate';
import type { DeskCertificate } from './deskCertificate';

/**
 * Mutual TLS 1.3 between desks, trust by pinned certificate fingerprint (not by CA, not by IP:
 * DHCP moves addresses). ALPN names the endpoint: `balie-pair/1` is the pairing exchange, open to
 * an unknown certificate only while the host has a live pairing code; `balie-sync/1` is for
 * pinned peers only. Anything else, plain HTTP and TLS below 1.3 included, never gets a byte.
 */
export const ALPN_PAIR = 'balie-pair/1';
export const ALPN_SYNC = 'balie-sync/1';
export type LanEndpoint = typeof ALPN_PAIR | typeof ALPN_SYNC;

export interface PinnedServerOptions {
  identity: DeskCertificate;
  isPinned(fingerprint: string): boolean;
  pairingOpen(): boolean;
  onPairing(socket: TLSSocket, peerFingerprint: string): void;
  onPeer(socket: TLSSocket, peerFingerprint: string): void;
}

function peerFingerprint(socket: TLSSocket): string | null {
  const cert = socket.getPeerCertificate();
  // An empty object (no keys) when the peer sent no certificate.
  return Buffer.isBuffer(cert.raw) && cert.raw.length > 0 ? fingerprintOfDer(cert.raw) : null;
}

export function pinnedServer(options: PinnedServerOptions): tls.Server {
  const server = tls.createServer({
    cert: options.identity.certPem,
    key: options.identity.keyPem,
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    // Peers' certificates are self-signed: OpenSSL's chain check cannot vouch for them, the pin does.
    requestCert: true,
    rejectUnauthorized: false,
    ALPNProtocols: [ALPN_SYNC, ALPN_PAIR],
    handshakeTimeout: 10_000,
  });
  server.on('secureConnection', (socket) => {
    socket.on('error', () => socket.destroy());
    const fingerprint = peerFingerprint(socket);
    const endpoint = socket.alpnProtocol;
    if (fingerprint === null) return void socket.destroy();
    if (endpoint === ALPN_SYNC && options.isPinned(fingerprint)) return options.onPeer(socket, fingerprint);
    if (endpoint === ALPN_PAIR && options.pairingOpen()) return options.onPairing(socket, fingerprint);
    socket.destroy();
  });
  // Failed handshakes (plain HTTP, old TLS, no ALPN match) only close that connection.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  return server;
}

export type ConnectFailure = Failure<'unreachable'> | Failure<'host_not_pinned', { seen: string }>;

export interface PinnedConnection {
  socket: TLSSocket;
  hostFingerprint: string;
}

/**
 * Connects to a desk. With `pinnedHost`, a host whose certificate has another fingerprint is
 * dropped before any byte is sent. Node skips `checkServerIdentity` for a self-signed certificate
 * (it only runs after a chain check passes), so the pin is checked here, on `secureConnect`.
 */
export function connectPinned(args: {
  host: string;
  port: number;
  identity: DeskCertificate;
  endpoint: LanEndpoint;
  pinnedHost: string | null;
  timeoutMs?: number;
}): Promise<Result<PinnedConnection, ConnectFailure>> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: args.host,
      port: args.port,
      cert: args.identity.certPem,
      key: args.identity.keyPem,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      ALPNProtocols: [args.endpoint],
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(fail('unreachable'));
    }, args.timeoutMs ?? 10_000);
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(fail('unreachable'));
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const seen = peerFingerprint(socket);
      if (seen === null || socket.alpnProtocol !== args.endpoint) {
        socket.destroy();
        return resolve(fail('unreachable'));
      }
      if (args.pinnedHost !== null && seen !== args.pinnedHost) {
        socket.destroy();
        return resolve(fail('host_not_pinned', { seen }));
      }
      socket.on('error', () => socket.destroy());
      resolve(ok({ socket, hostFingerprint: seen }));
    });
  });
}
