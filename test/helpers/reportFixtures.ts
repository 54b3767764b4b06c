import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { dssePae } from '../../src/shared/report/dssePae';
import {
  REPORT_FORMAT,
  REPORT_PAYLOAD_TYPE,
  type ReportPayload,
} from '../../src/shared/report/reportPayload';
import { keyIdOf } from '../../src/main/useCases/reports/keyId';
import type { EnrolledKeys } from '../../src/main/useCases/reports/verifyReport';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newKeyPair(): KeyPair {
  return generateKeyPairSync('ed25519');
}

export function enrolled(entries: Record<string, KeyPair[]>): EnrolledKeys {
  return new Map(Object.entries(entries).map(([pointId, pairs]) => [pointId, pairs.map((p) => p.publicKey)]));
}

export function payloadFor(overrides: Partial<ReportPayload> = {}): ReportPayload {
  return {
    format: REPORT_FORMAT,
    reportId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
    pointId: 'BIB-GENT',
    pointName: 'Bibliotheek De Krook, Gent',
    cardYear: 2027,
    sequence: 1,
    previous: null,
    generatedAt: '2027-01-26T17:02:11+01:00',
    // The log grows between reports: 40 entries per report, in epoch 1.
    audit: { epoch: 1, seq: 40 * (overrides.sequence ?? 1), head: 'c'.repeat(64) },
    batches: ['2027-BIB-GENT-01'],
    totals: { cards: 10, collected: 3, waiting: 6, revoked: 1, replaced: 0 },
    byPostcode: [
      { postcode: '9000', cards: 6, collected: 2 },
      { postcode: '9050', cards: 4, collected: 1 },
    ],
    pickups: [
      { card: '123456789002', at: '2027-01-05T10:12:00+01:00', method: 'self' },
      {
        card: '234567890123',
        at: '2027-01-05T10:14:00+01:00',
        method: 'group',
        group: '0b7e4c2a-9f1d-4c3b-8a2e-6d5f4e3c2b1a',
      },
      { card: '345678901234', at: '2027-04-02T09:00:00+02:00', method: 'self' },
    ],
    ...overrides,
  };
}

/** An envelope signed without the writer's schema — for payloads the writer would never make. */
export function signRaw(
  body: Uint8Array | object,
  key: KeyPair,
  options: { payloadType?: string; keyid?: string } = {},
): Uint8Array {
  const bytes = body instanceof Uint8Array ? body : new TextEncoder().encode(JSON.stringify(body));
  const payloadType = options.payloadType ?? REPORT_PAYLOAD_TYPE;
  const sig = sign(null, dssePae(payloadType, bytes), key.privateKey);
  const envelope = {
    payloadType,
    payload: Buffer.from(bytes).toString('base64'),
    signatures: [{ keyid: options.keyid ?? keyIdOf(key.publicKey), sig: sig.toString('base64') }],
  };
  return new TextEncoder().encode(JSON.stringify(envelope, null, 2) + '\n');
}

export function envelopeOf(bytes: Uint8Array): {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
} {
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function encodeEnvelope(envelope: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(envelope, null, 2) + '\n');
}
