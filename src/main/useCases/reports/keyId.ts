import { createHash, type KeyObject } from 'node:crypto';

/** keyid per spec/report-format.md: lowercase hex SHA-256 of the public key in DER (SPKI) form. */
export function keyIdOf(publicKey: KeyObject): string {
  if (publicKey.type !== 'public') throw new Error('keyIdOf needs a public key');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}
