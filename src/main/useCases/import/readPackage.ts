import type { KeyObject } from 'node:crypto';
import type { ImportProblem } from '../../../shared/batch/importProblem';
import { BATCH_FORMAT, manifestSchema, type Manifest } from '../../../shared/batch/manifest';
import { decodeCsvBytes } from '../../../shared/csv/decodeText';
import { parseCsv, type ParsedCsv } from '../../../shared/csv/parseCsv';
import { fail, ok, type Failure, type Result } from '../../../shared/result';
import { sha256Hex, verifyEd25519 } from '../../platform/crypto/ed25519';
import { readPointRows, type PointRowsResult } from '../../../shared/batch/readPointRows';
import {
  DEFAULT_ZIP_LIMITS,
  inflateWhole,
  openZip,
  readDamage,
  type ZipEntry,
  type ZipLimits,
} from '../../platform/zip/readZip';
import {
  SourceReadFailure,
  sha256OfSource,
  toZipSource,
  type ZipInput,
  type ZipSource,
} from '../../platform/zip/zipSource';
import { MAX_CARD_ROWS } from './stageCards';

export interface VerifiedPackage {
  manifest: Manifest;
  /** SHA-256 of the whole .lkb file, for the audit log. */
  packageSha256: string;
  /** `unsigned_override`: an administrator accepted a missing or wrong signature; the caller logs it. */
  signature: 'valid' | 'unsigned_override';
  /** The package (on disk or in memory) and the checked, not yet inflated cards.csv entry in it (streamed by stageCards). */
  source: ZipSource;
  cards: ZipEntry;
  /** points.csv, checked against the manifest and read (it is small: at most MAX_POINTS_BYTES). */
  points: PointRowsResult | null;
}

export interface ReadPackageOptions {
  /** The issuer's key from the configuration; null when none is configured. */
  issuerPublicKey: KeyObject | null;
  /** Explicit administrator override: import even when the signature is missing or wrong. */
  allowUnsigned: boolean;
  /** The point this installation serves; a package for another point is refused. */
  expectedPointId: string;
  /** The card year of the store (storeCardYear); null before the first import accepts any year. */
  expectedCardYear?: number | null;
}

/** Limits of one package beyond the spec's 200 MiB per entry and 100:1 (docs/import.md). */
export const MAX_MANIFEST_BYTES = 64 * 1024;
export const MAX_SIGNATURE_BYTES = 1024;
export const MAX_POINTS_BYTES = 16 * 1024 * 1024;
export const MAX_ENTRY_BYTES = DEFAULT_ZIP_LIMITS.maxEntryBytes;
export const MAX_TOTAL_INFLATED_BYTES =
  MAX_ENTRY_BYTES + MAX_POINTS_BYTES + MAX_MANIFEST_BYTES + MAX_SIGNATURE_BYTES;

const PACKAGE_ZIP_LIMITS: Partial<ZipLimits> = {
  maxBytesByName: {
    'manifest.json': MAX_MANIFEST_BYTES,
    'manifest.sig': MAX_SIGNATURE_BYTES,
    'points.csv': MAX_POINTS_BYTES,
  },
  maxTotalBytes: MAX_TOTAL_INFLATED_BYTES,
};

export type PackageFailure = Failure<'invalid_package', { problems: ImportProblem[] }>;

const MANIFEST = 'manifest.json';
const SIGNATURE = 'manifest.sig';
const SIGNATURE_BYTES = 64;

/**
 * Data rows of a CSV file counted exactly as the CSV reader sees them (header excluded, blank and
 * trailing lines ignored, quoted newlines inside one record), so `rows` in the manifest means the
 * same thing to the issuer's tool and to us. Null when the CSV cannot be parsed.
 */
export function countCsvDataRows(bytes: Uint8Array): number | null {
  return rowCount(parseCsv(decodeCsvBytes(bytes).text));
}

function rowCount(parsed: ParsedCsv): number | null {
  // An unterminated quote swallows the rest of the file: there is no honest count to compare.
  if (parsed.problems.some((p) => p.code === 'csv_unterminated_quote')) return null;
  return parsed.records.length;
}

function problem(
  code: ImportProblem['code'],
  file: string,
  extra: Partial<ImportProblem> = {},
): ImportProblem {
  return { code, severity: 'error', file, ...extra };
}

function refuse(problems: ImportProblem[]): PackageFailure {
  return fail('invalid_package', { problems });
}

/** Untrusted text shown in a message: one line, bounded. */
function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 100 ? `${clean.slice(0, 97)}...` : clean;
}

/** Strict RFC 4648 base64 with padding, one optional trailing newline; null when malformed. */
export function decodeSignature(bytes: Uint8Array): Uint8Array | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  text = text.replace(/\r?\n$/, '');
  // Buffer.from(…, 'base64') silently skips junk, so the alphabet and padding are checked first.
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const decoded = new Uint8Array(Buffer.from(text, 'base64'));
  // Canonical only: re-encoding must give the same text (no stray bits in the last character).
  if (Buffer.from(decoded).toString('base64') !== text) return null;
  return decoded.length === SIGNATURE_BYTES ? decoded : null;
}

type SignatureCheck = { ok: true } | { ok: false; problem: ImportProblem };

function checkSignature(
  manifestBytes: Uint8Array,
  sigBytes: Uint8Array | undefined,
  key: KeyObject | null,
): SignatureCheck {
  if (sigBytes === undefined) return { ok: false, problem: problem('zip_entry_missing', SIGNATURE) };
  const signature = decodeSignature(sigBytes);
  if (signature === null) {
    return {
      ok: false,
      problem: problem('signature_encoding', SIGNATURE, { expected: `base64, ${SIGNATURE_BYTES} bytes` }),
    };
  }
  // Without the issuer's key nothing can be verified; say which setting is missing.
  if (key === null)
    return { ok: false, problem: problem('signature_invalid', SIGNATURE, { expected: 'issuerPublicKey' }) };
  if (!verifyEd25519(key, manifestBytes, signature))
    return { ok: false, problem: problem('signature_invalid', SIGNATURE) };
  return { ok: true };
}

type ManifestCheck = { ok: true; manifest: Manifest } | { ok: false; problems: ImportProblem[] };

function parseManifest(bytes: Uint8Array): ManifestCheck {
  let json: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'JSON';
    return { ok: false, problems: [problem('manifest_json', MANIFEST, { expected: shown(message) })] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [problem('manifest_json', MANIFEST, { expected: 'JSON object' })] };
  }
  // Another format version may mean other fields entirely: name the format and stop there.
  const format: unknown = (json as Record<string, unknown>).format;
  if (format !== BATCH_FORMAT) {
    const value = typeof format === 'string' ? shown(format) : String(JSON.stringify(format) ?? 'undefined');
    return {
      ok: false,
      problems: [problem('manifest_format', MANIFEST, { value: shown(value), expected: BATCH_FORMAT })],
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        problem('manifest_field', MANIFEST, {
          expected: shown(`${issue.path.map(String).join('.') || '(manifest)'}: ${issue.message}`),
        }),
      ),
    };
  }
  return { ok: true, manifest: parsed.data };
}

/** Listed and present files must match; cards.csv's content is checked while it is streamed. */
function checkFileList(manifest: Manifest, entries: Map<string, ZipEntry>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const name of entries.keys()) {
    if (name === MANIFEST || name === SIGNATURE) continue;
    if (!Object.hasOwn(manifest.files, name))
      problems.push(problem('file_not_in_manifest', name, { value: name }));
  }
  for (const name of Object.keys(manifest.files)) {
    if (!entries.has(name)) problems.push(problem('file_missing', shown(name), { value: shown(name) }));
  }
  const cardRows = manifest.files['cards.csv']?.rows ?? 0;
  if (cardRows > MAX_CARD_ROWS)
    problems.push(
      problem('csv_too_many_rows', 'cards.csv', { expected: String(MAX_CARD_ROWS), value: String(cardRows) }),
    );
  return problems;
}

/** points.csv in one piece (it is capped small), checked against the manifest and read. */
function readPoints(
  source: ZipSource,
  entry: ZipEntry,
  listed: { sha256: string; rows: number },
): { ok: true; points: PointRowsResult } | { ok: false; problems: ImportProblem[] } {
  const data = inflateWhole(source, entry);
  if (!data.ok) return { ok: false, problems: data.problems };
  const actual = sha256Hex(data.value);
  if (actual !== listed.sha256)
    return {
      ok: false,
      problems: [problem('file_sha256', 'points.csv', { expected: listed.sha256, value: actual })],
    };
  const parsed = parseCsv(decodeCsvBytes(data.value).text, 'points.csv');
  const rows = rowCount(parsed);
  if (rows !== null && rows !== listed.rows)
    return {
      ok: false,
      problems: [problem('file_rows', 'points.csv', { expected: String(listed.rows), value: String(rows) })],
    };
  return { ok: true, points: readPointRows(parsed) };
}

/**
 * Opens and verifies a batch package (spec/batch-format.md) without changing anything, in this
 * order: the ZIP structure (no inflating), manifest.json and manifest.sig inflated with small
 * caps, the signature, the manifest, point and card year, the file list, points.csv. cards.csv
 * is not inflated here at all: the importer streams it (stageCards) after all of this passed.
 * When the signature fails (and no override is given) only that is reported, never conclusions
 * drawn from an untrusted manifest.
 */
export function readBatchPackage(
  input: ZipInput,
  options: ReadPackageOptions,
): Result<VerifiedPackage, PackageFailure> {
  const source = toZipSource(input);
  const zip = openZip(source, PACKAGE_ZIP_LIMITS);
  if (!zip.ok) return refuse(zip.problems);
  const entries = zip.value;

  const manifestEntry = entries.get(MANIFEST);
  if (manifestEntry === undefined) {
    const problems = [problem('zip_entry_missing', MANIFEST)];
    if (!entries.has(SIGNATURE) && !options.allowUnsigned)
      problems.push(problem('zip_entry_missing', SIGNATURE));
    return refuse(problems);
  }
  const manifestBytes = inflateWhole(source, manifestEntry);
  if (!manifestBytes.ok) return refuse(manifestBytes.problems);
  const sigEntry = entries.get(SIGNATURE);
  let sigBytes: Uint8Array | undefined;
  if (sigEntry !== undefined) {
    const inflated = inflateWhole(source, sigEntry);
    if (!inflated.ok) return refuse(inflated.problems);
    sigBytes = inflated.value;
  }

  const signatureCheck = checkSignature(manifestBytes.value, sigBytes, options.issuerPublicKey);
  if (!signatureCheck.ok && !options.allowUnsigned) return refuse([signatureCheck.problem]);
  const signature: VerifiedPackage['signature'] = signatureCheck.ok ? 'valid' : 'unsigned_override';

  const manifestCheck = parseManifest(manifestBytes.value);
  if (!manifestCheck.ok) return refuse(manifestCheck.problems);
  const manifest = manifestCheck.manifest;

  const problems: ImportProblem[] = [];
  if (manifest.pointId !== options.expectedPointId) {
    problems.push(
      problem('point_mismatch', MANIFEST, {
        value: shown(manifest.pointId),
        expected: options.expectedPointId,
      }),
    );
  }
  const year = options.expectedCardYear ?? null;
  if (year !== null && manifest.cardYear !== year) {
    problems.push(
      problem('card_year_mismatch', MANIFEST, { value: String(manifest.cardYear), expected: String(year) }),
    );
  }
  problems.push(...checkFileList(manifest, entries));
  if (problems.length > 0) return refuse(problems);

  const cards = entries.get('cards.csv');
  // The schema requires cards.csv in `files` and checkFileList found it present; this is a safety net.
  if (cards === undefined) return refuse([problem('file_missing', 'cards.csv', { value: 'cards.csv' })]);
  const pointsEntry = entries.get('points.csv');
  const pointsListed = manifest.files['points.csv'];
  let points: PointRowsResult | null = null;
  if (pointsEntry !== undefined && pointsListed !== undefined) {
    const read = readPoints(source, pointsEntry, pointsListed);
    if (!read.ok) return refuse(read.problems);
    points = read.points;
  }

  let packageSha256: string;
  try {
    packageSha256 = sha256OfSource(source);
  } catch (error) {
    // The file shrank or failed to read after its directory was checked.
    if (!(error instanceof SourceReadFailure)) throw error;
    return refuse([problem('zip_unreadable', 'package', { zipDamage: readDamage(error) })]);
  }
  return ok({ manifest, packageSha256, signature, source, cards, points });
}
