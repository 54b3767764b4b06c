import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createDeskCertificate,
  loadOrCreateDeskCertificate,
} from '../../../../../src/main/platform/lan/deskCertificate';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { tempDir } from '../../../../helpers/store';

describe('the desk certificate', () => {
  it('is a self-signed ECDSA P-256 / SHA-256 certificate named after the desk, valid ten years from the clock', async () => {
    const made = await createDeskCertificate('Balie 1', fixedClock('2027-03-01T09:00:00Z'));
    const cert = new X509Certificate(made.certPem);
    expect(cert.subject).toBe('CN=Balie 1');
    expect(cert.issuer).toBe('CN=Balie 1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    // ecdsa-with-SHA256
    expect((cert as X509Certificate & { signatureAlgorithmOid?: string }).signatureAlgorithmOid).toBe(
      '1.2.840.10045.4.3.2',
    );
    expect(new Date(cert.validFrom).toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2037-03-01T09:00:00.000Z');
    expect(cert.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true);
    expect(made.fingerprint).toBe(`SHA256:${createHash('sha256').update(cert.raw).digest('hex')}`);
    expect(made.fingerprint).toMatch(/^SHA256:[0-9a-f]{64}$/);
  });

  it('is kept next to the store with the key readable only by its owner, and the same one is loaded on the next start', async () => {
    const dir = path.join(tempDir(), 'keys');
    const first = await loadOrCreateDeskCertificate(dir, 'Groepen');
    expect(first.created).toBe(true);
    const keyFile = fs.readdirSync(dir).find((name) => name.endsWith('.key.pem'));
    expect(keyFile).toBeDefined();
    expect(fs.statSync(path.join(dir, keyFile ?? '')).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateDeskCertificate(dir, 'Groepen');
    expect(again).toEqual({ ...first, created: false });
  });

  it('gives two desks different fingerprints', async () => {
    const [a, b] = await Promise.all([createDeskCertificate('Balie 1'), createDeskCertificate('Balie 1')]);
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
