import fs from 'node:fs';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fail, ok } from '../../../shared/result';
import { systemClock } from '../../../shared/time/clock';
import type { Clock } from '../../../shared/time/clock';
import type { Failure, Result } from '../../../shared/result';
import { generateKeyPair, keyIdOf, loadPrivateKey, loadPublicKey } from '../crypto/ed25519';
import { isSealedKey } from './sealedKeyMarker';

/**
 * Where the installation's report-signing key lives: next to the database, private key mode 0600.
 * The Electron shell wraps the private key with safeStorage through `KeyProtector`.
 */
export interface KeyProtector {
  seal(pem: string): Buffer;
  open(sealed: Buffer): string;
}

/** No OS key store (CLI, tests): the PEM file itself, readable only by its owner. */
export const plainFileProtector: KeyProtector = {
  seal: (pem) => Buffer.from(pem, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};

export interface InstallationKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  /** True when this call made the key (first use, or the old one was lost). */
  created: boolean;
}

export function keyDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'keys');
}

const PRIVATE_FILE = 'report-signing.key';
const PUBLIC_FILE = 'report-signing.pub.pem';

export type KeyUnreadable = Failure<'key_unreadable', { file: string; sealed: boolean }>;

/**
 * Loads the key pair, making one on first use (a deleted key simply gets a new pair). A key file
 * that exists but cannot be opened — sealed by the OS key store of another account, or damaged — is
 * refused, never silently replaced: the issuer would stop accepting this point's reports.
 */
export function loadOrCreateInstallationKey(
  keyDir: string,
  protector: KeyProtector = plainFileProtector,
  clock: Clock = systemClock,
): Result<InstallationKey, KeyUnreadable> {
  const privateFile = path.join(keyDir, PRIVATE_FILE);
  const publicFile = path.join(keyDir, PUBLIC_FILE);
  if (fs.existsSync(privateFile)) {
    const raw = fs.readFileSync(privateFile);
    let pem: string | null;
    try {
      pem = protector.open(raw);
    } catch {
      pem = null;
    }
    const priv = pem === null ? null : loadPrivateKey(pem);
    if (!priv?.ok) return fail('key_unreadable', { file: privateFile, sealed: isSealedKey(raw) });
    // The public key follows from the private one; the .pub.pem file is only for enrolment.
    const publicKey = createPublicKey(priv.value);
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    if (!fs.existsSync(publicFile)) fs.writeFileSync(publicFile, publicKeyPem, { mode: 0o644 });
    return ok({ privateKey: priv.value, publicKey, publicKeyPem, keyId: keyIdOf(publicKey), created: false });
  }
  return ok(createInstallationKey(keyDir, protector, clock));
}

/** Makes a new pair (first use or rotation); an old private key is kept aside, never overwritten. */
export function createInstallationKey(
  keyDir: string,
  protector: KeyProtector = plainFileProtector,
  clock: Clock = systemClock,
): InstallationKey {
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const privateFile = path.join(keyDir, PRIVATE_FILE);
  const publicFile = path.join(keyDir, PUBLIC_FILE);
  const stamp = clock.now().getTime();
  for (const file of [privateFile, publicFile]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.retired-${stamp}`);
  }
  const pair = generateKeyPair();
  fs.writeFileSync(privateFile, protector.seal(pair.privateKeyPem), { mode: 0o600 });
  fs.chmodSync(privateFile, 0o600);
  fs.writeFileSync(publicFile, pair.publicKeyPem, { mode: 0o644 });
  const priv = loadPrivateKey(pair.privateKeyPem);
  const pub = loadPublicKey(pair.publicKeyPem);
  if (!priv.ok || !pub.ok) throw new Error('a freshly generated key pair does not load');
  return {
    privateKey: priv.value,
    publicKey: pub.value,
    publicKeyPem: pair.publicKeyPem,
    keyId: keyIdOf(pub.value),
    created: true,
  };
}

/**
 * A planned host handover: this PC takes over the point's key from the old host (its own, if
 * any, is kept aside like a rotated one), so the point's one report chain goes on under the key the
 * issuer already enrolled.
 */
export function adoptInstallationKey(
  keyDir: string,
  privateKeyPem: string,
  protector: KeyProtector = plainFileProtector,
  clock: Clock = systemClock,
): Result<InstallationKey, Failure<'key_invalid'>> {
  const priv = loadPrivateKey(privateKeyPem);
  if (!priv.ok) return fail('key_invalid');
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const privateFile = path.join(keyDir, PRIVATE_FILE);
  const publicFile = path.join(keyDir, PUBLIC_FILE);
  const stamp = clock.now().getTime();
  for (const file of [privateFile, publicFile]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.retired-${stamp}`);
  }
  const publicKey = createPublicKey(priv.value);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  fs.writeFileSync(privateFile, protector.seal(privateKeyPem), { mode: 0o600 });
  fs.chmodSync(privateFile, 0o600);
  fs.writeFileSync(publicFile, publicKeyPem, { mode: 0o644 });
  return ok({ privateKey: priv.value, publicKey, publicKeyPem, keyId: keyIdOf(publicKey), created: false });
}

/** The handover's other half: the old host no longer holds the key (moved, not copied). */
export function releaseInstallationKey(keyDir: string): void {
  fs.rmSync(path.join(keyDir, PRIVATE_FILE), { force: true });
}

/**
 * Which key of this installation the current one is: 1 for the first, +1 per rotation or lost
 * key replaced (every earlier key is kept aside as `report-signing.pub.pem.retired-*`).
 */
export function installationKeyNumber(keyDir: string): number {
  if (!fs.existsSync(keyDir)) return 1;
  return 1 + fs.readdirSync(keyDir).filter((name) => name.startsWith(`${PUBLIC_FILE}.retired-`)).length;
}

/**
 * The file name the issuer enrols this key under (docs/report-format.md, "Keys"): the first key
 * `<pointId>.pub.pem`, later ones `<pointId>.<n>.pub.pem` beside it, so reports signed with an
 * earlier key still verify.
 */
export function enrolmentFileName(pointId: string, keyNumber: number): string {
  return keyNumber <= 1 ? `${pointId}.pub.pem` : `${pointId}.${keyNumber}.pub.pem`;
}

/** keyid of the current public key file, without making a key; null when there is none. */
export function currentKeyId(keyDir: string): string | null {
  const file = path.join(keyDir, PUBLIC_FILE);
  if (!fs.existsSync(file)) return null;
  const pub = loadPublicKey(fs.readFileSync(file, 'utf8'));
  return pub.ok ? keyIdOf(pub.value) : null;
}
