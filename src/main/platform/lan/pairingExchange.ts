import { randomBytes } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { z } from 'zod';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { startCpace } from './cpace';
import { lineChannel } from './lineChannel';
import type { LineChannel } from './lineChannel';
import type { PairingWindow } from './pairingWindow';
import { ALPN_PAIR, connectPinned } from './pinnedTls';
import type { DeskCertificate } from './deskCertificate';

/**
 * The pairing exchange on the `balie-pair/1` endpoint, one JSON line each:
 *   joiner → host  hello   {v, name, nonce}
 *   host → joiner  share   {nonce, share}          (CPace Y_host; sid = joiner nonce ‖ host nonce)
 *   joiner → host  confirm {share, mac}            (CPace Y_joiner and the joiner's key confirmation)
 *   host → joiner  paired  {mac}  or  refused {reason}
 * The host checks the joiner's MAC before it sends its own, so a wrong guess learns nothing; the
 * host's fresh nonce makes a replayed transcript a wrong guess too.
 */
export const PAIRING_PROTOCOL_VERSION = 1;
const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const hello = z.object({
  t: z.literal('hello'),
  v: z.number().int(),
  name: z.string().min(1).max(64),
  nonce: hex(16),
});
const share = z.object({ t: z.literal('share'), nonce: hex(16), share: hex(32) });
const confirm = z.object({ t: z.literal('confirm'), share: hex(32), mac: hex(32) });
const refusedReason = z.enum(['wrong_code', 'code_expired', 'too_many_attempts', 'no_code', 'version']);
const answer = z.discriminatedUnion('t', [
  z.object({ t: z.literal('paired'), mac: hex(32) }),
  z.object({ t: z.literal('refused'), reason: refusedReason }),
]);
export type PairingRefusedReason = z.infer<typeof refusedReason>;

async function read<T>(channel: LineChannel, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse(await channel.next());
  return parsed.success ? parsed.data : null;
}

export interface PairedJoiner {
  fingerprint: string;
  name: string;
}

/** Host side of one pairing connection; calls `onPaired` only when the joiner proved the code. */
export async function hostPairing(args: {
  socket: TLSSocket;
  window: PairingWindow;
  hostFingerprint: string;
  joinerFingerprint: string;
  onPaired(joiner: PairedJoiner): void;
}): Promise<void> {
  const channel = lineChannel(args.socket);
  const refuse = (reason: PairingRefusedReason): void => {
    channel.send({ t: 'refused', reason });
    args.socket.end();
  };
  const attempt = args.window.begin();
  if (!attempt.ok) return void refuse(attempt.error);
  const greeting = await read(channel, hello);
  if (greeting === null) return void args.socket.destroy();
  if (greeting.v !== PAIRING_PROTOCOL_VERSION) {
    attempt.value.succeeded(); // no guess was made
    return refuse('version');
  }
  const hostNonce = randomBytes(16);
  const run = startCpace('host', {
    code: attempt.value.code,
    sessionId: Buffer.concat([Buffer.from(greeting.nonce, 'hex'), hostNonce]),
    hostFingerprint: args.hostFingerprint,
    joinerFingerprint: args.joinerFingerprint,
  });
  channel.send({
    t: 'share',
    nonce: hostNonce.toString('hex'),
    share: Buffer.from(run.share).toString('hex'),
  });
  const confirmation = await read(channel, confirm);
  if (confirmation === null) return void args.socket.destroy();
  const keys = run.finish(Buffer.from(confirmation.share, 'hex'));
  if (!keys.ok || !keys.value.peerConfirms(Buffer.from(confirmation.mac, 'hex'))) {
    attempt.value.failed();
    return refuse('wrong_code');
  }
  attempt.value.succeeded();
  args.onPaired({ fingerprint: args.joinerFingerprint, name: greeting.name });
  channel.send({ t: 'paired', mac: keys.value.myConfirmation.toString('hex') });
  args.socket.end();
}

export type JoinFailure =
  | Failure<'unreachable'>
  | Failure<'host_not_pinned', { seen: string }>
  | Failure<'pairing_closed'>
  | Failure<'refused', { reason: PairingRefusedReason }>
  | Failure<'host_not_proven'>;

export interface JoinedHost {
  hostFingerprint: string;
}

/**
 * Joiner side: proves the code to the host and checks the host's proof. `expectedHost` is the
 * fingerprint shown on the host's screen, when the librarian typed it; the PAKE protects the
 * exchange either way.
 */
export async function joinHost(args: {
  host: string;
  port: number;
  identity: DeskCertificate;
  deskName: string;
  code: string;
  expectedHost?: string;
}): Promise<Result<JoinedHost, JoinFailure>> {
  const connected = await connectPinned({
    host: args.host,
    port: args.port,
    identity: args.identity,
    endpoint: ALPN_PAIR,
    pinnedHost: args.expectedHost ?? null,
  });
  if (!connected.ok) return connected;
  const { socket, hostFingerprint } = connected.value;
  try {
    const channel = lineChannel(socket);
    const joinerNonce = randomBytes(16);
    channel.send({
      t: 'hello',
      v: PAIRING_PROTOCOL_VERSION,
      name: args.deskName,
      nonce: joinerNonce.toString('hex'),
    });
    const first = await channel.next();
    const refusal = answer.safeParse(first);
    if (refusal.success && refusal.data.t === 'refused')
      return fail('refused', { reason: refusal.data.reason });
    const hostShare = share.safeParse(first);
    if (!hostShare.success) return fail('pairing_closed');
    const run = startCpace('joiner', {
      code: args.code,
      sessionId: Buffer.concat([joinerNonce, Buffer.from(hostShare.data.nonce, 'hex')]),
      hostFingerprint,
      joinerFingerprint: args.identity.fingerprint,
    });
    const keys = run.finish(Buffer.from(hostShare.data.share, 'hex'));
    if (!keys.ok) return fail('host_not_proven');
    channel.send({
      t: 'confirm',
      share: Buffer.from(run.share).toString('hex'),
      mac: keys.value.myConfirmation.toString('hex'),
    });
    const last = await read(channel, answer);
    if (last === null) return fail('pairing_closed');
    switch (last.t) {
      case 'refused':
        return fail('refused', { reason: last.reason });
      case 'paired':
        return keys.value.peerConfirms(Buffer.from(last.mac, 'hex'))
          ? ok({ hostFingerprint })
          : fail('host_not_proven');
    }
  } finally {
    socket.destroy();
  }
}
