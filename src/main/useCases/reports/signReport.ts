import { createPublicKey, sign, type KeyObject } from 'node:crypto';
import { dssePae } from '../../../shared/report/dssePae';
import {
  REPORT_PAYLOAD_TYPE,
  reportPayloadSchema,
  describeIssues,
  type DsseEnvelope,
  type ReportPayload,
} from '../../../shared/report/reportPayload';
import { keyIdOf } from './keyId';
import type { ReportHead } from './buildReport';

export { keyIdOf } from './keyId';

/**
 * Signs a pickup report as a DSSE envelope with the installation's Ed25519 key.
 * The payload is validated with the strict writer schema first: an invalid payload, a key of the
 * wrong type or a public key that does not belong to the private key is a bug, so it throws.
 *
 * - payload bytes: UTF-8 JSON of the validated payload;
 * - file bytes: `JSON.stringify(envelope, null, 2) + '\n'` — hash these for the next `previous`.
 */
export function signReportEnvelope(
  payload: ReportPayload,
  privateKey: KeyObject,
  publicKey: KeyObject,
): { envelope: DsseEnvelope; bytes: Uint8Array } {
  checkKeys(privateKey, publicKey);
  const parsed = reportPayloadSchema.safeParse(payload);
  if (!parsed.success) throw new Error(`invalid report payload: ${describeIssues(parsed.error)}`);
  return envelopeOf(Buffer.from(JSON.stringify(parsed.data), 'utf8'), privateKey, publicKey);
}

/**
 * The same envelope from the payload's head and its pickups as JSON text (`buildPickupsJson`):
 * the writer schema checks the head, the pickups were checked as SQLite built them, and the
 * payload bytes are made once and signed as they are written. Same bytes as signReportEnvelope
 * of the whole payload (a test keeps them equal).
 */
export function signReportParts(
  head: ReportHead,
  pickupsJson: string,
  privateKey: KeyObject,
  publicKey: KeyObject,
): { bytes: Uint8Array } {
  checkKeys(privateKey, publicKey);
  const parsed = reportPayloadSchema.safeParse({ ...head, pickups: [] });
  if (!parsed.success) throw new Error(`invalid report payload: ${describeIssues(parsed.error)}`);
  const empty = JSON.stringify(parsed.data);
  // pickups is the schema's last key: its `[]` sits just before the closing brace.
  if (!empty.endsWith('"pickups":[]}')) throw new Error('pickups must be the last key of the payload');
  const body = Buffer.from(`${empty.slice(0, -3)}${pickupsJson}}`, 'utf8');
  return { bytes: envelopeOf(body, privateKey, publicKey).bytes };
}

function checkKeys(privateKey: KeyObject, publicKey: KeyObject): void {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('signReportEnvelope needs an Ed25519 private key');
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error('signReportEnvelope needs an Ed25519 public key');
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!derived.equals(publicKey.export({ type: 'spki', format: 'der' })))
    throw new Error('the public key does not belong to the private key');
}

function envelopeOf(
  body: Buffer,
  privateKey: KeyObject,
  publicKey: KeyObject,
): { envelope: DsseEnvelope; bytes: Uint8Array } {
  const signature = sign(null, dssePae(REPORT_PAYLOAD_TYPE, body), privateKey);
  const envelope: DsseEnvelope = {
    payloadType: REPORT_PAYLOAD_TYPE,
    payload: body.toString('base64'),
    signatures: [{ keyid: keyIdOf(publicKey), sig: signature.toString('base64') }],
  };
  const bytes = new Uint8Array(Buffer.from(JSON.stringify(envelope, null, 2) + '\n', 'utf8'));
  return { envelope, bytes };
}
