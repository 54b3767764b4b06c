import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';

/**
 * CPace over ristretto255, after draft-irtf-cfrg-cpace (balanced PAKE), kept small:
 *   G = hash_to_curve(DST, lv(code) ‖ lv(sid) ‖ lv(host fingerprint) ‖ lv(joiner fingerprint))
 *   each side sends Y = y·G and computes K = y·Y_other; keys come from K by HKDF-SHA256 and each
 *   side proves them with an HMAC over the transcript (key confirmation).
 * Why a PAKE: an HMAC keyed by a 6-digit code lets a man in the middle try all 10^6 codes offline
 * from one transcript; here a transcript reveals nothing testable, so each try costs one live
 * attempt, and the host caps those. The TLS fingerprints, as each side sees them, are the channel
 * binding: a MITM that terminates TLS makes the two sides hash different G and confirmation fails.
 */
const DST = 'lerarenkaart-balie/CPace-ristretto255-SHA512/v1';
const Point = ristretto255.Point;
export type CpaceRole = 'host' | 'joiner';

export interface CpaceInput {
  code: string;
  /** Both parties' nonces, joiner's first; fresh per run, so a replayed transcript proves nothing. */
  sessionId: Uint8Array;
  hostFingerprint: string;
  joinerFingerprint: string;
}

export interface CpaceRun {
  /** Our share Y, 32 bytes, to send to the peer. */
  share: Uint8Array;
  finish(peerShare: Uint8Array): Result<CpaceKeys, Failure<'invalid_share'>>;
}

export interface CpaceKeys {
  /** The MAC this side sends. */
  myConfirmation: Buffer;
  /** True when the peer's MAC proves it derived the same K over the same transcript. */
  peerConfirms(mac: Uint8Array): boolean;
  /** A shared session key for later use (unused until sync is built). */
  sessionKey: Buffer;
}

/** Length-value concatenation, so no two different inputs hash to the same string. */
function lv(...parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts.flatMap((part) => [Buffer.from(uint32(part.length)), Buffer.from(part)]));
}

function uint32(n: number): Uint8Array {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return out;
}

function randomScalar(): bigint {
  for (;;) {
    const scalar = BigInt(`0x${randomBytes(64).toString('hex')}`) % Point.Fn.ORDER;
    if (scalar !== 0n) return scalar;
  }
}

/** Decodes a peer's share; refuses non-canonical encodings and the identity. */
function decodeShare(bytes: Uint8Array): InstanceType<typeof Point> | null {
  if (bytes.length !== 32) return null;
  try {
    const point = Point.fromBytes(bytes);
    return point.is0() ? null : point;
  } catch {
    return null;
  }
}

export function startCpace(role: CpaceRole, input: CpaceInput): CpaceRun {
  const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
  const generator = ristretto255_hasher.hashToCurve(
    lv(utf8(input.code), input.sessionId, utf8(input.hostFingerprint), utf8(input.joinerFingerprint)),
    { DST },
  );
  const secret = randomScalar();
  const share = generator.multiply(secret).toBytes();
  return {
    share,
    finish(peerShare) {
      const peer = decodeShare(peerShare);
      if (peer === null) return fail('invalid_share');
      const shared = peer.multiply(secret);
      if (shared.is0()) return fail('invalid_share');
      const [hostShare, joinerShare] = role === 'host' ? [share, peerShare] : [peerShare, share];
      const transcript = lv(
        input.sessionId,
        utf8(input.hostFingerprint),
        utf8(input.joinerFingerprint),
        hostShare,
        joinerShare,
      );
      const derive = (label: string): Buffer =>
        Buffer.from(
          hkdfSync('sha256', shared.toBytes(), input.sessionId, Buffer.concat([utf8(label), transcript]), 32),
        );
      const mac = (who: CpaceRole): Buffer =>
        createHmac('sha256', derive(`confirm-${who}`))
          .update(transcript)
          .digest();
      const peerRole: CpaceRole = role === 'host' ? 'joiner' : 'host';
      const expected = mac(peerRole);
      return ok({
        myConfirmation: mac(role),
        peerConfirms: (got) => got.length === expected.length && timingSafeEqual(got, expected),
        sessionKey: derive('session'),
      });
    },
  };
}
