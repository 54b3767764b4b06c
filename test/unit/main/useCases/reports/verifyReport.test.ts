import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signReportEnvelope } from '../../../../../src/main/useCases/reports/signReport';
import { keyIdOf } from '../../../../../src/main/useCases/reports/keyId';
import { verifyReportFile } from '../../../../../src/main/useCases/reports/verifyReport';
import { REPORT_PAYLOAD_TYPE } from '../../../../../src/shared/report/reportPayload';
import {
  encodeEnvelope,
  enrolled,
  envelopeOf,
  newKeyPair,
  payloadFor,
  signRaw,
} from '../../../../helpers/reportFixtures';

const gent = newKeyPair();
const antwerpen = newKeyPair();
const keys = enrolled({ 'BIB-GENT': [gent], 'BIB-ANTWERPEN': [antwerpen] });

function refusalOf(result: ReturnType<typeof verifyReportFile>) {
  if (result.ok) throw new Error('expected a refusal, the report was accepted');
  return result;
}

describe('the issuer verifies a signed pickup report', () => {
  it('accepts what an installation signed: payload, file hash and keyid come back (round trip)', () => {
    const payload = payloadFor();
    const { envelope, bytes } = signReportEnvelope(payload, gent.privateKey, gent.publicKey);
    expect(envelope.payloadType).toBe(REPORT_PAYLOAD_TYPE);
    expect(envelope.signatures).toHaveLength(1);
    expect(envelope.signatures[0]?.keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(new TextDecoder().decode(bytes).endsWith('}\n')).toBe(true);
    expect(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'))).toEqual(payload);

    const result = verifyReportFile('rapport-gent-1.lkr.json', bytes, keys);
    expect(result).toEqual({
      ok: true,
      value: {
        file: 'rapport-gent-1.lkr.json',
        payload,
        fileSha256: createHash('sha256').update(bytes).digest('hex'),
        keyid: keyIdOf(gent.publicKey),
      },
    });
  });

  it('the keyid is the SHA-256 of the DER SPKI public key', () => {
    const der = gent.publicKey.export({ type: 'spki', format: 'der' });
    expect(keyIdOf(gent.publicKey)).toBe(createHash('sha256').update(der).digest('hex'));
    expect(der).toHaveLength(44);
  });

  it('tolerates a UTF-8 BOM in front of the file', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(verifyReportFile('r.lkr.json', withBom, keys).ok).toBe(true);
  });

  it('refuses a report with one flipped byte in the payload: bad_signature', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    const body = Buffer.from(envelope.payload, 'base64');
    // Flip a digit in "collected":3 → still valid JSON, different numbers: exactly what tampering looks like.
    const at = body.indexOf('"collected":3') + '"collected":'.length;
    body[at] = '9'.charCodeAt(0);
    envelope.payload = body.toString('base64');
    const refused = refusalOf(verifyReportFile('rapport-gent-3.lkr.json', encodeEnvelope(envelope), keys));
    expect(refused).toMatchObject({
      ok: false,
      error: 'report_refused',
      file: 'rapport-gent-3.lkr.json',
      reason: 'bad_signature',
    });
  });

  it('refuses every single-byte flip of the payload bytes (never accepted, whatever the byte)', () => {
    const { bytes } = signReportEnvelope(payloadFor({ pickups: [] }), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    const body = Buffer.from(envelope.payload, 'base64');
    for (let i = 0; i < body.length; i++) {
      const copy = Buffer.from(body);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      const result = verifyReportFile(
        'r.lkr.json',
        encodeEnvelope({ ...envelope, payload: copy.toString('base64') }),
        keys,
      );
      expect(result.ok, `byte ${i}`).toBe(false);
      expect(refusalOf(result).reason).toBe('bad_signature');
    }
  });

  it('refuses a report with one flipped byte in the signature: bad_signature', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
    sig[10] = (sig[10] ?? 0) ^ 0x80;
    envelope.signatures[0] = { keyid: envelope.signatures[0]?.keyid ?? '', sig: sig.toString('base64') };
    expect(refusalOf(verifyReportFile('r.lkr.json', encodeEnvelope(envelope), keys)).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a signature of the wrong length without crashing: bad_signature', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    envelope.signatures[0] = {
      keyid: envelope.signatures[0]?.keyid ?? '',
      sig: Buffer.alloc(10).toString('base64'),
    };
    expect(refusalOf(verifyReportFile('r.lkr.json', encodeEnvelope(envelope), keys)).reason).toBe(
      'bad_signature',
    );
  });

  it('refuses a payloadType swapped after signing (the type is inside the PAE)', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    envelope.payloadType = 'application/vnd.in-toto+json';
    expect(refusalOf(verifyReportFile('r.lkr.json', encodeEnvelope(envelope), keys)).reason).toBe(
      'wrong_payload_type',
    );
  });

  it('refuses a validly signed envelope of another payloadType: wrong_payload_type', () => {
    const bytes = signRaw(payloadFor(), gent, {
      payloadType: 'application/vnd.lerarenkaart.report+json;version=2',
    });
    const refused = refusalOf(verifyReportFile('r.lkr.json', bytes, keys));
    expect(refused.reason).toBe('wrong_payload_type');
    expect(refused.detail).toBe('application/vnd.lerarenkaart.report+json;version=2');
  });

  it('refuses a validly signed report of another format: wrong_format', () => {
    const bytes = signRaw({ ...payloadFor(), format: 'lerarenkaart-report/2' }, gent);
    const refused = refusalOf(verifyReportFile('r.lkr.json', bytes, keys));
    expect(refused.reason).toBe('wrong_format');
    expect(refused.detail).toBe('lerarenkaart-report/2');
  });

  it('refuses malformed JSON, and a file that is not UTF-8: malformed_json', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    expect(refusalOf(verifyReportFile('r.lkr.json', bytes.slice(0, bytes.length - 5), keys)).reason).toBe(
      'malformed_json',
    );
    expect(refusalOf(verifyReportFile('r.lkr.json', new Uint8Array(), keys)).reason).toBe('malformed_json');
    expect(refusalOf(verifyReportFile('r.lkr.json', new Uint8Array([0x7b, 0xff, 0x7d]), keys)).reason).toBe(
      'malformed_json',
    );
  });

  it('refuses JSON that is not a DSSE envelope: malformed_envelope', () => {
    const { bytes } = signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey);
    const envelope = envelopeOf(bytes);
    const cases: unknown[] = [
      [],
      null,
      payloadFor(),
      { ...envelope, signatures: [] },
      { ...envelope, payload: 'not base64!' },
      { ...envelope, signatures: [{ keyid: 'ABC', sig: envelope.signatures[0]?.sig }] },
      {
        ...envelope,
        signatures: [
          { keyid: envelope.signatures[0]?.keyid.toUpperCase(), sig: envelope.signatures[0]?.sig },
        ],
      },
      { payloadType: envelope.payloadType, signatures: envelope.signatures },
    ];
    for (const value of cases) {
      const refused = refusalOf(verifyReportFile('r.lkr.json', encodeEnvelope(value), keys));
      expect(refused.reason, JSON.stringify(value).slice(0, 80)).toBe('malformed_envelope');
    }
  });

  it('refuses a signed payload that breaks the schema: malformed_payload', () => {
    const bad = [
      new TextEncoder().encode('not json'),
      new TextEncoder().encode('[1,2]'),
      { ...payloadFor(), sequence: 0 },
      { ...payloadFor(), previous: 'abc' },
      { ...payloadFor(), byPostcode: [{ postcode: '0900', cards: 1, collected: 0 }] },
      { ...payloadFor(), pickups: [{ card: '12345', at: '2027-01-05T10:12:00+01:00', method: 'self' }] },
      {
        ...payloadFor(),
        pickups: [{ card: '123456789012', at: '2027-01-05T10:12:00+01:00', method: 'group' }],
      },
      {
        ...payloadFor(),
        pickups: [
          {
            card: '123456789012',
            at: '2027-01-05T10:12:00+01:00',
            method: 'self',
            group: '0b7e4c2a-9f1d-4c3b-8a2e-6d5f4e3c2b1a',
          },
        ],
      },
      { ...payloadFor(), pickups: [{ card: '123456789012', at: '5 januari', method: 'self' }] },
      { ...payloadFor(), totals: { cards: -1, collected: 0, waiting: 0, revoked: 0, replaced: 0 } },
    ];
    for (const body of bad) {
      const refused = refusalOf(verifyReportFile('r.lkr.json', signRaw(body, gent), keys));
      expect(refused.reason).toBe('malformed_payload');
    }
  });

  it('tolerates unknown top-level keys from a newer writer, and drops them', () => {
    const bytes = signRaw({ ...payloadFor(), software: 'balie 2.0' }, gent);
    const result = verifyReportFile('r.lkr.json', bytes, keys);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.payload).toEqual(payloadFor());
  });

  it('refuses a report signed with a key nobody enrolled: keyid_not_enrolled', () => {
    const stranger = newKeyPair();
    const { bytes } = signReportEnvelope(payloadFor(), stranger.privateKey, stranger.publicKey);
    const refused = refusalOf(verifyReportFile('r.lkr.json', bytes, keys));
    expect(refused.reason).toBe('keyid_not_enrolled');
    expect(refused.detail).toBe(keyIdOf(stranger.publicKey));
  });

  it('refuses a report from point A signed with point B’s (enrolled) key', () => {
    const { bytes } = signReportEnvelope(
      payloadFor({ pointId: 'BIB-GENT' }),
      antwerpen.privateKey,
      antwerpen.publicKey,
    );
    const refused = refusalOf(verifyReportFile('r.lkr.json', bytes, keys));
    expect(refused.reason).toBe('keyid_not_enrolled');
    expect(refused.detail).toContain('BIB-ANTWERPEN');
  });

  it('refuses a report whose keyid names point A’s key but whose signature is point B’s: bad_signature', () => {
    const bytes = signRaw(payloadFor(), antwerpen, { keyid: keyIdOf(gent.publicKey) });
    expect(refusalOf(verifyReportFile('r.lkr.json', bytes, keys)).reason).toBe('bad_signature');
  });

  it('refuses a report from a point that has no enrolled key: unknown_point', () => {
    const newcomer = newKeyPair();
    const { bytes } = signReportEnvelope(
      payloadFor({ pointId: 'BIB-NIEUW' }),
      newcomer.privateKey,
      newcomer.publicKey,
    );
    const refused = refusalOf(verifyReportFile('r.lkr.json', bytes, keys));
    expect(refused.reason).toBe('unknown_point');
    expect(refused.detail).toBe('BIB-NIEUW');
    // …also when it is (wrongly) signed with an enrolled key of another point
    const viaGent = signReportEnvelope(payloadFor({ pointId: 'BIB-NIEUW' }), gent.privateKey, gent.publicKey);
    expect(refusalOf(verifyReportFile('r.lkr.json', viaGent.bytes, keys)).reason).toBe('unknown_point');
  });

  it('accepts reports signed with either the old or the new key after key loss (rotation)', () => {
    const oldKey = newKeyPair();
    const newKey = newKeyPair();
    const rotated = enrolled({ 'BIB-GENT': [oldKey, newKey] });
    const before = verifyReportFile(
      'r1.lkr.json',
      signReportEnvelope(payloadFor(), oldKey.privateKey, oldKey.publicKey).bytes,
      rotated,
    );
    const after = verifyReportFile(
      'r2.lkr.json',
      signReportEnvelope(payloadFor(), newKey.privateKey, newKey.publicKey).bytes,
      rotated,
    );
    expect(before.ok && before.value.keyid).toBe(keyIdOf(oldKey.publicKey));
    expect(after.ok && after.value.keyid).toBe(keyIdOf(newKey.publicKey));
  });

  it('counts a report when ANY of its signatures verifies with an enrolled key', () => {
    const stranger = newKeyPair();
    const good = envelopeOf(signReportEnvelope(payloadFor(), gent.privateKey, gent.publicKey).bytes);
    const other = envelopeOf(signReportEnvelope(payloadFor(), stranger.privateKey, stranger.publicKey).bytes);
    const broken = { keyid: keyIdOf(gent.publicKey), sig: Buffer.alloc(64).toString('base64') };
    const envelope = { ...good, signatures: [other.signatures[0], broken, good.signatures[0]] };
    const result = verifyReportFile('r.lkr.json', encodeEnvelope(envelope), keys);
    expect(result.ok && result.value.keyid).toBe(keyIdOf(gent.publicKey));
  });
});

describe('the installation signs only sound reports', () => {
  it('throws on a payload the writer schema refuses, and on keys that do not belong together', () => {
    expect(() => signReportEnvelope(payloadFor({ sequence: 0 }), gent.privateKey, gent.publicKey)).toThrow(
      /invalid report payload/,
    );
    expect(() => signReportEnvelope(payloadFor(), gent.privateKey, antwerpen.publicKey)).toThrow(
      /does not belong/,
    );
    expect(() => signReportEnvelope(payloadFor(), gent.publicKey, gent.publicKey)).toThrow(/private key/);
  });
});
