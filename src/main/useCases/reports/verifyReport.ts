import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fail, ok, type Failure, type Result } from '../../../shared/result';
import { dssePae } from '../../../shared/report/dssePae';
import {
  REPORT_FORMAT,
  REPORT_PAYLOAD_TYPE,
  describeIssues,
  dsseEnvelopeSchema,
  reportPayloadReadSchema,
  type EnrolmentProblem,
  type ReportRefusal,
  type VerifiedReport,
} from '../../../shared/report/reportPayload';
import { keyIdOf } from './keyId';

export type {
  EnrolmentProblem,
  EnrolmentProblemReason,
  ReportRefusal,
  VerifiedReport,
} from '../../../shared/report/reportPayload';

/** Enrolled public keys per pointId; a point may have several (a new key beside a lost one). */
export type EnrolledKeys = Map<string, KeyObject[]>;

export type ReportRefused = Failure<
  'report_refused',
  { file: string; reason: ReportRefusal; detail?: string }
>;

function refuse(file: string, reason: ReportRefusal, detail?: string): ReportRefused {
  return fail('report_refused', detail === undefined ? { file, reason } : { file, reason, detail });
}

const keyIds = new WeakMap<KeyObject, string>();
function cachedKeyId(key: KeyObject): string {
  let id = keyIds.get(key);
  if (id === undefined) {
    id = keyIdOf(key);
    keyIds.set(key, id);
  }
  return id;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Peeks at an unauthenticated payload for its pointId — only to choose a clearer refusal. */
function peekPointId(body: Buffer): string | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value && typeof value === 'object' && 'pointId' in value && typeof value.pointId === 'string')
      return value.pointId;
  } catch {
    // not JSON: nothing to peek at
  }
  return undefined;
}

/**
 * Verifies one `.lkr.json` report file (spec/report-format.md, "Verifying and merging" step 1).
 *
 * Order, so that nothing unauthenticated is trusted: JSON → envelope shape → payloadType →
 * signature (a signature counts when ANY listed signature has a keyid enrolled for some point and
 * verifies over the PAE) → payload JSON, format and schema → the payload's pointId must be one of
 * the points whose enrolled key made a verifying signature. A report of point A signed with
 * point B's key is refused as `keyid_not_enrolled`.
 */
export function verifyReportFile(
  name: string,
  bytes: Uint8Array,
  enrolledKeys: EnrolledKeys,
): Result<VerifiedReport, ReportRefused> {
  // 1. JSON (UTF-8, a BOM tolerated).
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(name, 'malformed_json', 'geen geldige UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse(name, 'malformed_json', error instanceof Error ? error.message : String(error));
  }

  // 2. Envelope shape.
  const envelope = dsseEnvelopeSchema.safeParse(json);
  if (!envelope.success) return refuse(name, 'malformed_envelope', describeIssues(envelope.error));
  const { payloadType, payload, signatures } = envelope.data;

  // 3. payloadType (it is also inside the PAE, so it cannot be swapped after signing).
  if (payloadType !== REPORT_PAYLOAD_TYPE)
    return refuse(name, 'wrong_payload_type', payloadType.slice(0, 200));

  // 4. Signature, before the payload is parsed.
  const body = Buffer.from(payload, 'base64');
  const pae = dssePae(payloadType, body);
  const candidates: { pointId: string; key: KeyObject; keyid: string }[] = [];
  const wanted = new Set(signatures.map((s) => s.keyid));
  for (const [pointId, keys] of enrolledKeys) {
    for (const key of keys) {
      const keyid = cachedKeyId(key);
      if (wanted.has(keyid)) candidates.push({ pointId, key, keyid });
    }
  }
  if (candidates.length === 0) {
    const claimed = peekPointId(body);
    if (claimed !== undefined && !enrolledKeys.has(claimed))
      return refuse(name, 'unknown_point', claimed.slice(0, 100));
    return refuse(name, 'keyid_not_enrolled', signatures.map((s) => s.keyid).join(', '));
  }
  const verifiedBy = new Map<string, string>(); // pointId → keyid
  for (const { keyid, sig } of signatures) {
    const signature = Buffer.from(sig, 'base64');
    for (const candidate of candidates) {
      if (candidate.keyid !== keyid || verifiedBy.has(candidate.pointId)) continue;
      let good: boolean;
      try {
        good = verify(null, pae, candidate.key, signature);
      } catch {
        good = false;
      }
      if (good) verifiedBy.set(candidate.pointId, keyid);
    }
  }
  if (verifiedBy.size === 0) return refuse(name, 'bad_signature');

  // 5. Payload: JSON, format, schema.
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return refuse(name, 'malformed_payload', error instanceof Error ? error.message : String(error));
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return refuse(name, 'malformed_payload', 'geen JSON-object');
  const format = (raw as { format?: unknown }).format;
  if (format !== REPORT_FORMAT) return refuse(name, 'wrong_format', String(format).slice(0, 100));
  const parsed = reportPayloadReadSchema.safeParse(raw);
  if (!parsed.success) return refuse(name, 'malformed_payload', describeIssues(parsed.error));

  // 6. The key that signed must be enrolled for THIS point.
  const pointId = parsed.data.pointId;
  if (!enrolledKeys.has(pointId)) return refuse(name, 'unknown_point', pointId);
  const keyid = verifiedBy.get(pointId);
  if (keyid === undefined)
    return refuse(
      name,
      'keyid_not_enrolled',
      `ondertekend met een sleutel van ${[...verifiedBy.keys()].join(', ')}`,
    );

  return ok({ file: name, payload: parsed.data, fileSha256: sha256Hex(bytes), keyid });
}

const PUB_SUFFIX = '.pub.pem';

/**
 * Reads the enrolment folder: `<pointId>.pub.pem`, and `<pointId>.<anything>.pub.pem` for
 * further keys of the same point (the pointId is everything before the first dot).
 * Other files are ignored; a key that is not an Ed25519 public key is a problem, never a crash.
 */
export function loadEnrolledKeys(dir: string): {
  keys: EnrolledKeys;
  problems: EnrolmentProblem[];
  /** keyid → the enrolment file it came from (the first, if the same key is there twice). */
  keyFiles: Map<string, string>;
} {
  const keys: EnrolledKeys = new Map();
  const keyFiles = new Map<string, string>();
  const problems: EnrolmentProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    problems.push({
      file: dir,
      reason: 'unreadable',
      detail: error instanceof Error ? error.message : String(error),
    });
    return { keys, problems, keyFiles };
  }
  const seen = new Map<string, Set<string>>();
  for (const name of names) {
    if (!name.toLowerCase().endsWith(PUB_SUFFIX)) continue;
    const stem = name.slice(0, -PUB_SUFFIX.length);
    const pointId = stem.split('.')[0] ?? '';
    if (pointId.trim() === '') {
      problems.push({ file: name, reason: 'bad_name' });
      continue;
    }
    let pem: string;
    try {
      pem = readFileSync(path.join(dir, name), 'utf8');
    } catch (error) {
      problems.push({
        file: name,
        reason: 'unreadable',
        detail: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
      problems.push({ file: name, reason: 'private_key' });
      continue;
    }
    let key: KeyObject;
    try {
      key = createPublicKey({ key: pem, format: 'pem' });
    } catch (error) {
      problems.push({
        file: name,
        reason: 'not_a_public_key',
        detail: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      problems.push({ file: name, reason: 'not_ed25519', detail: key.asymmetricKeyType ?? 'onbekend' });
      continue;
    }
    const keyid = keyIdOf(key);
    const ids = seen.get(pointId) ?? new Set<string>();
    if (ids.has(keyid)) continue; // the same key twice: harmless
    ids.add(keyid);
    seen.set(pointId, ids);
    if (!keyFiles.has(keyid)) keyFiles.set(keyid, name);
    keys.set(pointId, [...(keys.get(pointId) ?? []), key]);
  }
  return { keys, problems, keyFiles };
}
