import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { DeskCertificate } from '../../src/main/platform/lan/deskCertificate';
import { startCpace } from '../../src/main/platform/lan/cpace';
import { lineChannel } from '../../src/main/platform/lan/lineChannel';
import { ALPN_PAIR, ALPN_SYNC, connectPinned } from '../../src/main/platform/lan/pinnedTls';
import type { LanEndpoint } from '../../src/main/platform/lan/pinnedTls';

/**
 * A man in the middle on loopback: terminates TLS with its own certificate towards the joiner,
 * opens its own TLS connection to the host, and relays the plaintext lines both ways unchanged.
 */
export async function startTlsMitm(
  target: { host: string; port: number },
  identity: DeskCertificate,
): Promise<{ port: number; relayedLines: () => number; close(): Promise<void> }> {
  let relayed = 0;
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({
    cert: identity.certPem,
    key: identity.keyPem,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.3',
    ALPNProtocols: [ALPN_SYNC, ALPN_PAIR],
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (joinerSide) => {
    joinerSide.on('error', () => joinerSide.destroy());
    const endpoint = joinerSide.alpnProtocol as LanEndpoint;
    void connectPinned({ ...target, identity, endpoint, pinnedHost: null }).then((upstream) => {
      if (!upstream.ok) return void joinerSide.destroy();
      const hostSide = upstream.value.socket;
      sockets.add(hostSide);
      const count = (chunk: Buffer): void => {
        relayed += chunk.toString('utf8').split('\n').length - 1;
      };
      joinerSide.on('data', count);
      hostSide.on('data', count);
      joinerSide.pipe(hostSide);
      hostSide.pipe(joinerSide);
      hostSide.once('close', () => joinerSide.end());
      joinerSide.once('close', () => hostSide.end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    relayedLines: () => relayed,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A joiner that speaks the pairing exchange by hand and keeps the lines it sent, so a test can
 * send the very same lines again (a replay).
 */
export async function pairByHand(
  target: { host: string; port: number },
  identity: DeskCertificate,
  code: string,
): Promise<{ sent: unknown[]; answers: unknown[] }> {
  const connected = await connectPinned({ ...target, identity, endpoint: ALPN_PAIR, pinnedHost: null });
  if (!connected.ok) throw new Error(`pairByHand: ${connected.error}`);
  const { socket, hostFingerprint } = connected.value;
  const channel = lineChannel(socket, 4096, 10_000);
  const nonce = randomBytes(16);
  const hello = { t: 'hello', v: 1, name: 'Balie hand', nonce: nonce.toString('hex') };
  channel.send(hello);
  const share = (await channel.next()) as { nonce: string; share: string };
  const run = startCpace('joiner', {
    code,
    sessionId: Buffer.concat([nonce, Buffer.from(share.nonce, 'hex')]),
    hostFingerprint,
    joinerFingerprint: identity.fingerprint,
  });
  const keys = run.finish(Buffer.from(share.share, 'hex'));
  if (!keys.ok) throw new Error('pairByHand: host share invalid');
  const confirm = {
    t: 'confirm',
    share: Buffer.from(run.share).toString('hex'),
    mac: keys.value.myConfirmation.toString('hex'),
  };
  channel.send(confirm);
  const last = await channel.next();
  socket.destroy();
  return { sent: [hello, confirm], answers: [share, last] };
}

/** Sends recorded pairing lines one by one, each after the host's answer, and returns the answers. */
export async function replayPairing(
  target: { host: string; port: number },
  identity: DeskCertificate,
  lines: unknown[],
): Promise<unknown[]> {
  const connected = await connectPinned({ ...target, identity, endpoint: ALPN_PAIR, pinnedHost: null });
  if (!connected.ok) throw new Error(`replayPairing: ${connected.error}`);
  const channel = lineChannel(connected.value.socket, 4096, 10_000);
  const answers: unknown[] = [];
  for (const line of lines) {
    channel.send(line);
    answers.push(await channel.next());
  }
  connected.value.socket.destroy();
  return answers;
}

/** Writes raw bytes to the port (no TLS) and returns everything that came back before it closed. */
export function rawProbe(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk) => (got += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
  });
}

/** Whether a pinned-endpoint connection gets the host's greeting line before it is closed. */
export async function greetedOnSync(
  target: { host: string; port: number },
  identity: DeskCertificate,
  pinnedHost: string,
): Promise<boolean> {
  const connected = await connectPinned({ ...target, identity, endpoint: ALPN_SYNC, pinnedHost });
  if (!connected.ok) return false;
  const channel = lineChannel(connected.value.socket, 4096, 10_000);
  const first = await channel.next();
  connected.value.socket.destroy();
  return first !== null;
}
