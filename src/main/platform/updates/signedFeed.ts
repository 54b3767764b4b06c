import { dump, load } from 'js-yaml';
import type { KeyObject } from 'node:crypto';
import { fail, ok, type Failure, type Result } from '../../../shared/result';
import { keyIdOf, signEd25519, verifyEd25519 } from '../crypto/ed25519';

/**
 * The update feed is signed, so a desk never trusts what the update server says on its own:
 * the release job signs the exact bytes of each `latest*.yml` with the Ed25519 release key and
 * writes `latest*.yml.sig` next to it; the app verifies those bytes against its pinned release
 * keys before it reads a single field. Format (docs/release.md):
 *
 *   {"alg":"ed25519","keyId":"SHA256:<64 hex of the public key's SPKI DER>","signature":"<base64, 64 bytes>"}
 *
 * The signed yml carries, besides electron-builder's fields, `sequence` (grows with every signing,
 * so an older feed is recognised) and `expires` (ISO 8601: a frozen feed stops being believed).
 */
export const FEED_SIGNATURE_ALG = 'ed25519';

export interface FeedSignature {
  alg: typeof FEED_SIGNATURE_ALG;
  keyId: string;
  signature: string;
}

export interface FeedStamp {
  /** Percent of machines that may take this release; 0 stops the rollout. */
  stagingPercentage: number;
  /** Seconds since 1970 at signing: larger than any earlier signing of this channel. */
  sequence: number;
  expires: string;
}

/** Writes the rollout, sequence and expiry into an electron-builder `latest*.yml`, ready to sign. */
export function stampFeed(yamlText: string, stamp: FeedStamp): Result<string, Failure<'feed_unreadable'>> {
  let info: unknown;
  try {
    info = load(yamlText);
  } catch {
    return fail('feed_unreadable', {});
  }
  if (
    typeof info !== 'object' ||
    info === null ||
    typeof (info as { version?: unknown }).version !== 'string'
  )
    return fail('feed_unreadable', {});
  const stamped = { ...(info as Record<string, unknown>), ...stamp };
  return ok(dump(stamped, { lineWidth: -1, noRefs: true }));
}

export function signFeed(feedBytes: Uint8Array, releaseKey: KeyObject): string {
  const body: FeedSignature = {
    alg: FEED_SIGNATURE_ALG,
    keyId: `SHA256:${keyIdOf(releaseKey)}`,
    signature: Buffer.from(signEd25519(releaseKey, feedBytes)).toString('base64'),
  };
  return `${JSON.stringify(body)}\n`;
}

export type FeedSignatureFailure = Failure<
  'feed_signature_missing' | 'feed_signature_invalid' | 'feed_key_unknown'
>;

/**
 * Checks the exact feed bytes against the pinned release keys (the current one and the next, for
 * rotation). Only after this may the bytes be parsed and handed to electron-updater.
 */
export function verifyFeedSignature(
  feedBytes: Uint8Array,
  signatureText: string | null,
  pinnedKeys: readonly KeyObject[],
): Result<{ keyId: string }, FeedSignatureFailure> {
  if (signatureText === null || signatureText.trim() === '') return fail('feed_signature_missing', {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(signatureText);
  } catch {
    return fail('feed_signature_invalid', {});
  }
  const sig = parsed as Partial<FeedSignature>;
  if (sig.alg !== FEED_SIGNATURE_ALG || typeof sig.keyId !== 'string' || typeof sig.signature !== 'string')
    return fail('feed_signature_invalid', {});
  const key = pinnedKeys.find((k) => `SHA256:${keyIdOf(k)}` === sig.keyId);
  if (!key) return fail('feed_key_unknown', {});
  const bytes = Buffer.from(sig.signature, 'base64');
  if (!verifyEd25519(key, feedBytes, bytes)) return fail('feed_signature_invalid', {});
  return ok({ keyId: sig.keyId });
}
