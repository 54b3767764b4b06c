import type { Manifest } from '../../../shared/batch/manifest';
import { BATCH_FORMAT } from '../../../shared/batch/manifest';
import { loadPrivateKey, sha256Hex, signEd25519 } from '../../platform/crypto/ed25519';
import { writeZip } from '../../platform/zip/writeZip';
import { countCsvDataRows } from './readPackage';

export interface WritePackageInput {
  manifest: Omit<Manifest, 'files' | 'format'> & { format?: string };
  cardsCsv: Uint8Array;
  pointsCsv?: Uint8Array;
  /** Issuer key (PEM, PKCS#8); null writes a package without manifest.sig. */
  privateKeyPem: string | null;
  /** Written as is, e.g. an unexpected entry for a negative test. */
  extraEntries?: Record<string, Uint8Array>;
  /** Deliberate damage for negative tests: wrong row count in the manifest, one flipped signature bit. */
  tamper?: { rowsDelta?: number; flipSignatureBit?: boolean };
}

function fileEntry(bytes: Uint8Array, rowsDelta: number): { sha256: string; rows: number } {
  const rows = countCsvDataRows(bytes);
  if (rows === null)
    throw new Error('writeBatchPackage: CSV cannot be parsed, so its rows cannot be counted');
  return { sha256: sha256Hex(bytes), rows: rows + rowsDelta };
}

/**
 * Builds a batch package as the issuer would (spec/batch-format.md): for tests, demos and the
 * benchmark. Throws on a bad key or unparsable CSV: those are bugs in the caller, not user input.
 */
export function writeBatchPackage(input: WritePackageInput): Uint8Array {
  const rowsDelta = input.tamper?.rowsDelta ?? 0;
  const files: Manifest['files'] = { 'cards.csv': fileEntry(input.cardsCsv, rowsDelta) };
  if (input.pointsCsv) files['points.csv'] = fileEntry(input.pointsCsv, 0);

  // `format` first, `files` last, as in the spec's example.
  const { format, ...rest } = input.manifest;
  const manifest = { format: format ?? BATCH_FORMAT, ...rest, files };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);

  const entries: Record<string, Uint8Array> = Object.create(null);
  entries['manifest.json'] = manifestBytes;
  if (input.privateKeyPem !== null) {
    const key = loadPrivateKey(input.privateKeyPem);
    if (!key.ok) throw new Error(`writeBatchPackage: unusable private key (${key.reason})`);
    const signature = signEd25519(key.value, manifestBytes);
    // Flipping the lowest bit of the first byte keeps the encoding valid but breaks the signature.
    if (input.tamper?.flipSignatureBit) signature[0] = (signature[0] ?? 0) ^ 1;
    entries['manifest.sig'] = new TextEncoder().encode(`${Buffer.from(signature).toString('base64')}\n`);
  }
  entries['cards.csv'] = input.cardsCsv;
  if (input.pointsCsv) entries['points.csv'] = input.pointsCsv;
  for (const [name, data] of Object.entries(input.extraEntries ?? {})) entries[name] = data;
  return writeZip(entries);
}
