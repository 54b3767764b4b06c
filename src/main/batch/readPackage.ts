import type { KeyObject } from 'node:crypto';
import type { ImportProblem } from '../../shared/batch/importProblem';
import { BATCH_FORMAT, manifestSchema, type Manifest } from '../../shared/batch/manifest';
import { decodeCsvBytes } from '../../shared/csv/decodeText';
import { parseCsv, type ParsedCsv } from '../../shared/csv/parseCsv';
import { fail, ok, type Failure, type Result } from '../../shared/result';
import { sha256Hex, verifyEd25519 } from '../crypto/ed25519';
import { readZipEntries } from '../zip/readZip';

export interface VerifiedPackage {
  manifest: Manifest;
  /** SHA-256 of the whole .lkb file, for the audit log. */
  packageSha256: string;
  /** `unsigned_override`: an administrator accepted a missing or wrong signature; the caller logs it. */
  signature: 'valid' | 'unsigned_override';
  cardsCsv: Uint8Array;
  pointsCsv: Uint8Array | null;
  /** The data files as parsed for their row count, so the importer does not parse them twice. */
  parsed: Map<string, ParsedCsv>;
}

export interface ReadPackageOptions {
  /** The issuer's key from the configuration; null when none is configured. */
  issuerPublicKey: KeyObject | null;
  /** Explicit administrator override: import even when the signature is missing or wrong. */
  allowUnsigned: boolean;
  /** The point this installation serves; a package for another point is refused. */
  expectedPointId: string;
}

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

/** Checks every data file against the (verified) manifest: listed, present, sha256 and row count. */
function checkFiles(
  manifest: Manifest,
  entries: Map<string, Uint8Array>,
  parsedFiles: Map<string, ParsedCsv>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const name of entries.keys()) {
    if (name === MANIFEST || name === SIGNATURE) continue;
    if (!Object.hasOwn(manifest.files, name))
      problems.push(problem('file_not_in_manifest', name, { value: name }));
  }
  for (const [name, listed] of Object.entries(manifest.files)) {
    const data = entries.get(name);
    if (data === undefined) {
      problems.push(problem('file_missing', shown(name), { value: shown(name) }));
      continue;
    }
    const actual = sha256Hex(data);
    if (actual !== listed.sha256) {
      // A file that is not the one described: its row count says nothing more.
      problems.push(problem('file_sha256', name, { expected: listed.sha256, value: actual }));
      continue;
    }
    const parsed = parseCsv(decodeCsvBytes(data).text, name);
    parsedFiles.set(name, parsed);
    const rows = rowCount(parsed);
    // null: the CSV itself is broken; the CSV reader reports that with line numbers.
    if (rows !== null && rows !== listed.rows) {
      problems.push(problem('file_rows', name, { expected: String(listed.rows), value: String(rows) }));
    }
  }
  return problems;
}

/**
 * Opens and verifies a batch package (spec/batch-format.md) without changing anything.
 * The signature is checked before anything in the manifest is believed: when it fails (and no
 * override is given) only that is reported, never conclusions drawn from an untrusted manifest.
 */
export function readBatchPackage(
  bytes: Uint8Array,
  options: ReadPackageOptions,
): Result<VerifiedPackage, PackageFailure> {
  const zip = readZipEntries(bytes);
  if (!zip.ok) return refuse(zip.problems);
  const entries = zip.value;

  const manifestBytes = entries.get(MANIFEST);
  if (manifestBytes === undefined) {
    const problems = [problem('zip_entry_missing', MANIFEST)];
    if (!entries.has(SIGNATURE) && !options.allowUnsigned)
      problems.push(problem('zip_entry_missing', SIGNATURE));
    return refuse(problems);
  }

  const signatureCheck = checkSignature(manifestBytes, entries.get(SIGNATURE), options.issuerPublicKey);
  if (!signatureCheck.ok && !options.allowUnsigned) return refuse([signatureCheck.problem]);
  const signature: VerifiedPackage['signature'] = signatureCheck.ok ? 'valid' : 'unsigned_override';

  const manifestCheck = parseManifest(manifestBytes);
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
  const parsedFiles = new Map<string, ParsedCsv>();
  problems.push(...checkFiles(manifest, entries, parsedFiles));
  if (problems.length > 0) return refuse(problems);

  const cardsCsv = entries.get('cards.csv');
  // The schema requires cards.csv in `files` and checkFiles found it present; this is a safety net.
  if (cardsCsv === undefined) return refuse([problem('file_missing', 'cards.csv', { value: 'cards.csv' })]);

  return ok({
    manifest,
    packageSha256: sha256Hex(bytes),
    signature,
    cardsCsv,
    pointsCsv: entries.get('points.csv') ?? null,
    parsed: parsedFiles,
  });
}
