import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  keyIdOf,
  loadPrivateKey,
  loadPublicKey,
  sha256Hex,
  signEd25519,
  verifyEd25519,
} from '../../../../../src/main/platform/crypto/ed25519';
import { fixturePath, testIssuerKeys } from '../../../../helpers/packages';

const data = new TextEncoder().encode('{"format":"lerarenkaart-batch/1"}');

describe('issuer keys', () => {
  it('loads the test issuer public and private key', () => {
    const keys = testIssuerKeys();
    expect(keys.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(keys.privateKey.type).toBe('private');
  });

  it('refuses an RSA key with a typed failure', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(loadPublicKey(publicKey)).toEqual({ ok: false, error: 'invalid_key', reason: 'not_ed25519' });
    expect(loadPrivateKey(privateKey)).toEqual({ ok: false, error: 'invalid_key', reason: 'not_ed25519' });
  });

  it('refuses an EC (P-256) key', () => {
    const { publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(loadPublicKey(publicKey)).toMatchObject({ ok: false, reason: 'not_ed25519' });
  });

  it.each(['', 'garbage', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'])(
    'refuses garbage %j as unreadable',
    (pem) => {
      expect(loadPublicKey(pem)).toEqual({ ok: false, error: 'invalid_key', reason: 'unreadable' });
      expect(loadPrivateKey(pem)).toMatchObject({ ok: false, error: 'invalid_key' });
    },
  );

  it('refuses a private key where the public key belongs, and the other way round', () => {
    const keys = testIssuerKeys();
    expect(loadPublicKey(keys.privateKeyPem)).toMatchObject({ ok: false, reason: 'not_public' });
    expect(loadPrivateKey(keys.publicKeyPem)).toMatchObject({ ok: false, reason: 'not_private' });
  });

  it('identifies a key like openssl does: sha256 of the SPKI DER, lowercase hex', () => {
    const der = execFileSync('/usr/bin/openssl', [
      'pkey',
      '-pubin',
      '-in',
      fixturePath('issuer-test.pub.pem'),
      '-outform',
      'DER',
    ]);
    const expected = execFileSync('sha256sum', { input: der }).toString().split(' ')[0];
    expect(keyIdOf(testIssuerKeys().publicKey)).toBe(expected);
    expect(keyIdOf(testIssuerKeys().publicKey)).toMatch(/^[0-9a-f]{64}$/);
    // The private key gives the id of its public half.
    expect(keyIdOf(testIssuerKeys().privateKey)).toBe(expected);
  });
});

describe('signatures', () => {
  it('verifies what it signs, and nothing else', () => {
    const { publicKey, privateKey } = testIssuerKeys();
    const signature = signEd25519(privateKey, data);
    expect(signature).toHaveLength(64);
    expect(verifyEd25519(publicKey, data, signature)).toBe(true);

    const changed = new Uint8Array(data);
    changed[0] = (changed[0] ?? 0) ^ 1;
    expect(verifyEd25519(publicKey, changed, signature)).toBe(false);

    const flipped = new Uint8Array(signature);
    flipped[63] = (flipped[63] ?? 0) ^ 0x80;
    expect(verifyEd25519(publicKey, data, flipped)).toBe(false);
  });

  it('says false (never throws) for a signature of the wrong length', () => {
    const { publicKey } = testIssuerKeys();
    expect(verifyEd25519(publicKey, data, new Uint8Array(0))).toBe(false);
    expect(verifyEd25519(publicKey, data, new Uint8Array(65))).toBe(false);
  });

  it('does not accept a signature made with another key', () => {
    const other = generateKeyPair();
    const otherPrivate = loadPrivateKey(other.privateKeyPem);
    const otherPublic = loadPublicKey(other.publicKeyPem);
    expect(otherPrivate.ok && otherPublic.ok).toBe(true);
    if (!otherPrivate.ok || !otherPublic.ok) return;
    const signature = signEd25519(otherPrivate.value, data);
    expect(verifyEd25519(otherPublic.value, data, signature)).toBe(true);
    expect(verifyEd25519(testIssuerKeys().publicKey, data, signature)).toBe(false);
    expect(keyIdOf(otherPublic.value)).not.toBe(keyIdOf(testIssuerKeys().publicKey));
  });

  it('hashes with SHA-256 in lowercase hex', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
