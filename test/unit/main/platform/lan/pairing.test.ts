import tls from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import type { DeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import { pinnedPeers, startLanHost } from '../../../../../src/main/platform/lan/lanHost';
import type { LanHost, PinnedPeers } from '../../../../../src/main/platform/lan/lanHost';
import { joinHost } from '../../../../../src/main/platform/lan/pairingExchange';
import { ALPN_SYNC, connectPinned } from '../../../../../src/main/platform/lan/pinnedTls';
import { PAIRING_CODE_LIFETIME_MS } from '../../../../../src/main/platform/lan/pairingWindow';
import { fixedClock } from '../../../../../src/shared/time/clock';
import {
  greetedOnSync,
  pairByHand,
  rawProbe,
  replayPairing,
  startTlsMitm,
} from '../../../../helpers/lanPeers';

const LOOPBACK = '127.0.0.1';
let hostId: DeskCertificate;
let joinerId: DeskCertificate;
let strangerId: DeskCertificate;
let mitmId: DeskCertificate;

beforeAll(async () => {
  [hostId, joinerId, strangerId, mitmId] = await Promise.all([
    createDeskCertificate('Balie 1'),
    createDeskCertificate('Groepen'),
    createDeskCertificate('Vreemde pc'),
    createDeskCertificate('Tussenpersoon'),
  ]);
});

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

async function host(clock = fixedClock('2027-03-01T09:00:00Z')): Promise<{
  lan: LanHost;
  peers: PinnedPeers;
  code: string;
  clock: ReturnType<typeof fixedClock>;
  peerConnections: string[];
}> {
  const peers = pinnedPeers();
  const peerConnections: string[] = [];
  const lan = await startLanHost({
    identity: hostId,
    clock,
    peers,
    listen: { host: LOOPBACK, port: 0 },
    onPeer: (socket: TLSSocket, fingerprint) => {
      peerConnections.push(fingerprint);
      socket.end('{"t":"welcome"}\n');
    },
  });
  open.push(lan);
  return { lan, peers, code: lan.window.newCode().code, clock, peerConnections };
}

const wrongCodeFor = (code: string): string => (code === '000-000' ? '000-001' : '000-000');

describe('pairing desks with a code over mutual TLS', () => {
  it('pairs with the right code, and each side then pins the other: the joiner reaches the host on the peer endpoint', async () => {
    const { lan, peers, code, peerConnections } = await host();
    const joined = await joinHost({
      host: LOOPBACK,
      port: lan.port,
      identity: joinerId,
      deskName: 'Groepen',
      code,
    });
    expect(joined).toEqual({ ok: true, value: { hostFingerprint: hostId.fingerprint } });
    expect(peers.list()).toEqual([{ fingerprint: joinerId.fingerprint, name: 'Groepen' }]);
    if (!joined.ok) return;
    const joinerPinsHost = joined.value.hostFingerprint;
    expect(await greetedOnSync({ host: LOOPBACK, port: lan.port }, joinerId, joinerPinsHost)).toBe(true);
    expect(peerConnections).toEqual([joinerId.fingerprint]);
  });

  it('also pairs when the joiner typed the fingerprint shown on the host, and refuses a host with another one', async () => {
    const { lan, code } = await host();
    const target = { host: LOOPBACK, port: lan.port, identity: joinerId, deskName: 'Groepen', code };
    expect((await joinHost({ ...target, expectedHost: hostId.fingerprint })).ok).toBe(true);
    expect(await joinHost({ ...target, expectedHost: strangerId.fingerprint })).toEqual({
      ok: false,
      error: 'host_not_pinned',
      seen: hostId.fingerprint,
    });
  });

  it('refuses a wrong code, pins nobody, and counts the guess', async () => {
    const { lan, peers, code } = await host();
    const attempt = { host: LOOPBACK, port: lan.port, identity: joinerId, deskName: 'Groepen' };
    expect(await joinHost({ ...attempt, code: wrongCodeFor(code) })).toEqual({
      ok: false,
      error: 'refused',
      reason: 'wrong_code',
    });
    expect(peers.list()).toEqual([]);
    for (let guess = 2; guess <= 4; guess += 1) {
      expect((await joinHost({ ...attempt, code: wrongCodeFor(code) })).ok).toBe(false);
    }
    // Four wrong guesses counted: the fifth attempt is still allowed and the right code works.
    expect((await joinHost({ ...attempt, code })).ok).toBe(true);
  });

  it('refuses the sixth attempt after five wrong guesses, even with the right code, until a new code is asked', async () => {
    const { lan, peers, code } = await host();
    const attempt = { host: LOOPBACK, port: lan.port, identity: joinerId, deskName: 'Groepen' };
    for (let guess = 1; guess <= 5; guess += 1) {
      expect(await joinHost({ ...attempt, code: wrongCodeFor(code) })).toMatchObject({
        ok: false,
        reason: 'wrong_code',
      });
    }
    expect(await joinHost({ ...attempt, code })).toEqual({ ok: false, error: 'pairing_closed' });
    expect(peers.list()).toEqual([]);
    const fresh = lan.window.newCode().code;
    expect(await joinHost({ ...attempt, code })).toMatchObject({ ok: false });
    expect((await joinHost({ ...attempt, code: fresh })).ok).toBe(true);
  });

  it('refuses a code once its ten minutes are over, and the old code dies when a new one is asked', async () => {
    const { lan, peers, code, clock } = await host();
    const attempt = { host: LOOPBACK, port: lan.port, identity: joinerId, deskName: 'Groepen' };
    clock.advance(PAIRING_CODE_LIFETIME_MS);
    expect(await joinHost({ ...attempt, code })).toEqual({ ok: false, error: 'pairing_closed' });
    const second = lan.window.newCode().code;
    const third = lan.window.newCode().code;
    if (second !== third) {
      expect(await joinHost({ ...attempt, code: second })).toMatchObject({ ok: false, reason: 'wrong_code' });
    }
    expect(peers.list()).toEqual([]);
    expect((await joinHost({ ...attempt, code: third })).ok).toBe(true);
  });

  it('fails on both sides when a man in the middle terminates TLS and relays the pairing messages', async () => {
    const { lan, peers, code } = await host();
    const mitm = await startTlsMitm({ host: LOOPBACK, port: lan.port }, mitmId);
    open.push(mitm);
    const joined = await joinHost({
      host: LOOPBACK,
      port: mitm.port,
      identity: joinerId,
      deskName: 'Groepen',
      code,
    });
    expect(joined).toEqual({ ok: false, error: 'refused', reason: 'wrong_code' });
    // The relay really carried the exchange (hello, share, confirm, answer): it was the proof that failed.
    expect(mitm.relayedLines()).toBe(4);
    expect(peers.list()).toEqual([]);
    expect(await greetedOnSync({ host: LOOPBACK, port: lan.port }, mitmId, hostId.fingerprint)).toBe(false);
  });

  it('refuses an unpinned client certificate on the peer endpoint after pairing, and lets the paired one in', async () => {
    const { lan, code, peerConnections } = await host();
    expect(
      (await joinHost({ host: LOOPBACK, port: lan.port, identity: joinerId, deskName: 'Groepen', code })).ok,
    ).toBe(true);
    expect(await greetedOnSync({ host: LOOPBACK, port: lan.port }, strangerId, hostId.fingerprint)).toBe(
      false,
    );
    expect(await greetedOnSync({ host: LOOPBACK, port: lan.port }, joinerId, hostId.fingerprint)).toBe(true);
    expect(peerConnections).toEqual([joinerId.fingerprint]);
  });

  it('refuses plain HTTP and plain TCP on the port: nothing but a closed connection comes back', async () => {
    const { lan, peers, peerConnections } = await host();
    const http = await rawProbe(lan.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(http).not.toContain('HTTP/');
    expect(http).not.toContain('welcome');
    const tcp = await rawProbe(
      lan.port,
      '{"t":"hello","v":1,"name":"x","nonce":"00000000000000000000000000000000"}\n',
    );
    expect(tcp).not.toContain('share');
    expect(peers.list()).toEqual([]);
    expect(peerConnections).toEqual([]);
  });

  it('refuses a replayed pairing transcript: the same messages sent again do not pair and count as a guess', async () => {
    const { lan, peers, code } = await host();
    const target = { host: LOOPBACK, port: lan.port };
    const recorded = await pairByHand(target, strangerId, code);
    expect(recorded.answers[1]).toMatchObject({ t: 'paired' });
    expect(peers.list()).toHaveLength(1);
    const pairedOnce = peers.list();
    const replayed = await replayPairing(target, strangerId, recorded.sent);
    expect(replayed[0]).toMatchObject({ t: 'share' });
    expect(replayed[1]).toEqual({ t: 'refused', reason: 'wrong_code' });
    expect(peers.list()).toEqual(pairedOnce);
    // From another PC too (another certificate): still a wrong guess, nobody new is pinned.
    const fromElsewhere = await replayPairing(target, mitmId, recorded.sent);
    expect(fromElsewhere[1]).toEqual({ t: 'refused', reason: 'wrong_code' });
    expect(peers.has(mitmId.fingerprint)).toBe(false);
  });

  it('refuses TLS 1.2 and a client without a certificate, even while a code is open', async () => {
    const { lan, peers, code } = await host();
    const handshake = (options: tls.ConnectionOptions): Promise<'refused' | 'answered'> =>
      new Promise((resolve) => {
        const socket = tls.connect({ host: LOOPBACK, port: lan.port, rejectUnauthorized: false, ...options });
        socket.on('secureConnect', () =>
          socket.write('{"t":"hello","v":1,"name":"x","nonce":"' + '0'.repeat(32) + '"}\n'),
        );
        socket.on('data', () => {
          socket.destroy();
          resolve('answered');
        });
        socket.on('error', () => resolve('refused'));
        socket.on('close', () => resolve('refused'));
      });
    const pairing = { ALPNProtocols: ['balie-pair/1'], cert: joinerId.certPem, key: joinerId.keyPem };
    expect(await handshake({ ...pairing, maxVersion: 'TLSv1.2' })).toBe('refused');
    expect(await handshake({ ALPNProtocols: ['balie-pair/1'] })).toBe('refused');
    // The same handshake with TLS 1.3 and a certificate is answered: the refusals above are real.
    expect(await handshake(pairing)).toBe('answered');
    expect(peers.list()).toEqual([]);
    expect(code).toMatch(/^\d{3}-\d{3}$/);
  });

  it('a paired desk refuses a host at the same address with another certificate, before it sends anything', async () => {
    const peers = pinnedPeers();
    peers.pin(joinerId.fingerprint, 'Groepen');
    const received: string[] = [];
    const impostor = await startLanHost({
      identity: strangerId,
      clock: fixedClock('2027-03-01T09:00:00Z'),
      peers,
      listen: { host: LOOPBACK, port: 0 },
      onPeer: (socket) => socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8'))),
    });
    open.push(impostor);
    const connected = await connectPinned({
      host: LOOPBACK,
      port: impostor.port,
      identity: joinerId,
      endpoint: ALPN_SYNC,
      pinnedHost: hostId.fingerprint,
    });
    expect(connected).toEqual({ ok: false, error: 'host_not_pinned', seen: strangerId.fingerprint });
    expect(received).toEqual([]);
  });
});
