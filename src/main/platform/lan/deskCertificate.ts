import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate, createHash, webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import { systemClock } from '../../../shared/time/clock';
import type { Clock } from '../../../shared/time/clock';

/**
 * The desk's own TLS identity: a self-signed ECDSA P-256 certificate, CN = the desk's name.
 * Made with @peculiar/x509 over node:crypto's WebCrypto, because node:crypto cannot make X.509
 * certificates and Windows desks have no openssl. Peers pin it by fingerprint, not by IP.
 */
export interface DeskCertificate {
  certPem: string;
  keyPem: string;
  /** `SHA256:` + lowercase hex of the DER certificate, no colons. */
  fingerprint: string;
}

const VALID_YEARS = 10;
const CERT_FILE = 'desk-tls.crt.pem';
const KEY_FILE = 'desk-tls.key.pem';

type GeneratorKeys = Parameters<typeof X509.X509CertificateGenerator.createSelfSigned>[0]['keys'];

/**
 * The certificate library, loaded when a certificate is first made: it is some 200 modules, and a
 * desk's start (to the first search) only reads the certificate it already has.
 */
let library: Promise<typeof X509> | null = null;
function x509Library(): Promise<typeof X509> {
  return (library ??= import('@peculiar/x509').then((x509) => {
    // The library's types name the DOM's Crypto; node:crypto's webcrypto is that same API.
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    return x509;
  }));
}

export function fingerprintOfDer(der: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(der).digest('hex')}`;
}

export function fingerprintOfPem(certPem: string): string {
  return fingerprintOfDer(new X509Certificate(certPem).raw);
}

export async function createDeskCertificate(
  deskName: string,
  clock: Clock = systemClock,
): Promise<DeskCertificate> {
  const x509 = await x509Library();
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = clock.now();
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: [{ CN: [deskName] }],
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys: keys as unknown as GeneratorKeys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return {
    certPem: cert.toString('pem'),
    keyPem,
    fingerprint: fingerprintOfDer(new Uint8Array(cert.rawData)),
  };
}

export function deskCertificateDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'keys');
}

/** Loads the desk certificate kept next to the store, making one on first start (key file 0600). */
export async function loadOrCreateDeskCertificate(
  dir: string,
  deskName: string,
  clock: Clock = systemClock,
): Promise<DeskCertificate & { created: boolean }> {
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const certPem = fs.readFileSync(certFile, 'utf8');
    const keyPem = fs.readFileSync(keyFile, 'utf8');
    return { certPem, keyPem, fingerprint: fingerprintOfPem(certPem), created: false };
  }
  const made = await createDeskCertificate(deskName, clock);
  saveDeskCertificate(dir, made);
  return { ...made, created: true };
}

/** Keeps a desk certificate next to the store (the key readable by this user only). */
export function saveDeskCertificate(dir: string, identity: DeskCertificate): void {
  const keyFile = path.join(dir, KEY_FILE);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyFile, identity.keyPem, { mode: 0o600 });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(path.join(dir, CERT_FILE), identity.certPem, { mode: 0o644 });
}
