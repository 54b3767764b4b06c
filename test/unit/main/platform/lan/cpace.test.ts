import { randomBytes } from 'node:crypto';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { startCpace } from '../../../../../src/main/platform/lan/cpace';
import type { CpaceInput } from '../../../../../src/main/platform/lan/cpace';

const input = (overrides: Partial<CpaceInput> = {}): CpaceInput => ({
  code: '123-456',
  sessionId: Buffer.alloc(32, 7),
  hostFingerprint: `SHA256:${'a'.repeat(64)}`,
  joinerFingerprint: `SHA256:${'b'.repeat(64)}`,
  ...overrides,
});

function agree(hostInput: CpaceInput, joinerInput: CpaceInput): boolean {
  const host = startCpace('host', hostInput);
  const joiner = startCpace('joiner', joinerInput);
  const hostKeys = host.finish(joiner.share);
  const joinerKeys = joiner.finish(host.share);
  if (!hostKeys.ok || !joinerKeys.ok) throw new Error('shares refused');
  const both =
    hostKeys.value.peerConfirms(joinerKeys.value.myConfirmation) &&
    joinerKeys.value.peerConfirms(hostKeys.value.myConfirmation);
  if (both) expect(hostKeys.value.sessionKey.equals(joinerKeys.value.sessionKey)).toBe(true);
  return both;
}

describe('CPace key agreement', () => {
  it('agrees when the code, the session and both fingerprints are the same on both sides', () => {
    expect(agree(input(), input())).toBe(true);
  });

  it('does not agree when anything bound into the generator differs', () => {
    expect(agree(input(), input({ code: '123-457' }))).toBe(false);
    expect(agree(input(), input({ sessionId: Buffer.alloc(32, 8) }))).toBe(false);
    expect(agree(input(), input({ hostFingerprint: `SHA256:${'c'.repeat(64)}` }))).toBe(false);
    expect(agree(input(), input({ joinerFingerprint: `SHA256:${'c'.repeat(64)}` }))).toBe(false);
  });

  it('does not accept its own confirmation reflected back as the peer’s', () => {
    const host = startCpace('host', input());
    const joiner = startCpace('joiner', input());
    const keys = host.finish(joiner.share);
    expect(keys.ok && keys.value.peerConfirms(keys.value.myConfirmation)).toBe(false);
  });

  it('refuses the identity, a non-canonical encoding, a wrong length and random bytes as the peer’s share', () => {
    const run = startCpace('host', input());
    const identity = ristretto255.Point.ZERO.toBytes();
    const nonCanonical = Buffer.alloc(32, 0xff);
    expect(run.finish(identity)).toEqual({ ok: false, error: 'invalid_share' });
    expect(run.finish(nonCanonical)).toEqual({ ok: false, error: 'invalid_share' });
    expect(run.finish(Buffer.alloc(31, 1))).toEqual({ ok: false, error: 'invalid_share' });
    const refusedRandom = Array.from({ length: 50 }, () => run.finish(randomBytes(32))).filter((r) => !r.ok);
    expect(refusedRandom.length).toBeGreaterThan(0);
  });

  it('sends a fresh share every run, so two runs with one code do not look alike', () => {
    expect(Buffer.from(startCpace('host', input()).share).equals(startCpace('host', input()).share)).toBe(
      false,
    );
  });
});
