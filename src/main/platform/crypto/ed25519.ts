import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { fail, ok, type Failure, type Result } from '../../../shared/result';

export type KeyFailure = Failure<
  'invalid_key',
  { reason: 'unreadable' | 'not_ed25519' | 'not_public' | 'not_private' }
>;

/**
 * Reads the issuer's public key (PEM, SPKI). Only Ed25519 is accepted: an RSA or EC key here
 * would mean the configuration points at the wrong file.
 */
export function loadPublicKey(pem: string): Result<KeyObject, KeyFailure> {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return fail('invalid_key', { reason: 'unreadable' as const });
  }
  // createPublicKey also accepts a private key PEM and derives its public half; refuse that so a
  // private key never ends up in the app's configuration by accident.
  if (/PRIVATE KEY/.test(pem)) return fail('invalid_key', { reason: 'not_public' as const });
  if (key.asymmetricKeyType !== 'ed25519') return fail('invalid_key', { reason: 'not_ed25519' as const });
  return ok(key);
}

/** Reads an Ed25519 private key (PEM, PKCS#8): used by the demo and test package writers only. */
export function loadPrivateKey(pem: string): Result<KeyObject, KeyFailure> {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return fail('invalid_key', {
      reason: /PUBLIC KEY/.test(pem) ? ('not_private' as const) : ('unreadable' as const),
    });
  }
  if (key.asymmetricKeyType !== 'ed25519') return fail('invalid_key', { reason: 'not_ed25519' as const });
  return ok(key);
}

/** True only for a valid signature; a wrongly sized signature or a non-Ed25519 key is simply false. */
export function verifyEd25519(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.asymmetricKeyType !== 'ed25519') return false;
  try {
    // Ed25519 hashes internally: the algorithm argument must be null.
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}

export function signEd25519(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, data, privateKey));
}

/** Identifies a key in logs and settings: lowercase hex SHA-256 of its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const spki = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  return sha256Hex(spki.export({ type: 'spki', format: 'der' }));
}

export function generateKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
