import { describe, expect, it } from 'vitest';
import { dssePae } from '../../../../src/shared/report/dssePae';
import {
  REPORT_FORMAT,
  REPORT_PAYLOAD_TYPE,
  dsseEnvelopeSchema,
  reportPayloadReadSchema,
  reportPayloadSchema,
} from '../../../../src/shared/report/reportPayload';
import { payloadFor } from '../../../helpers/reportFixtures';

describe('DSSE pre-authentication encoding', () => {
  it('is "DSSEv1 LEN type LEN body" with byte lengths (the DSSE spec’s own example)', () => {
    const pae = dssePae('http://example.com/HelloWorld', new TextEncoder().encode('hello world'));
    expect(new TextDecoder().decode(pae)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters, and keeps the body bytes as they are', () => {
    const body = new Uint8Array([0xc3, 0xab, 0x00, 0xff]);
    const pae = dssePae('tÿpe', body);
    expect([...pae]).toEqual([...new TextEncoder().encode('DSSEv1 5 tÿpe 4 '), 0xc3, 0xab, 0x00, 0xff]);
    expect(new TextDecoder().decode(dssePae('', new Uint8Array()))).toBe('DSSEv1 0  0 ');
  });

  it('uses the report constants of the spec', () => {
    expect(REPORT_FORMAT).toBe('lerarenkaart-report/1');
    expect(REPORT_PAYLOAD_TYPE).toBe('application/vnd.lerarenkaart.report+json;version=1');
  });
});

describe('what a report payload may hold', () => {
  it('accepts the spec’s example shape', () => {
    expect(reportPayloadSchema.safeParse(payloadFor()).success).toBe(true);
    expect(reportPayloadReadSchema.safeParse(payloadFor()).success).toBe(true);
  });

  it('cannot carry names or stamboeknummers: the writer refuses any extra key, at any level', () => {
    const p = payloadFor();
    const attempts: unknown[] = [
      { ...p, teachers: [{ naam: 'Peeters' }] },
      { ...p, pickups: [{ ...p.pickups[0], achternaam: 'Peeters' }] },
      { ...p, pickups: [{ ...p.pickups[0], stamboeknummer: '12345678901' }] },
      { ...p, pickups: [{ ...p.pickups[1], voornaam: 'An' }] },
      { ...p, byPostcode: [{ postcode: '9000', cards: 1, collected: 0, namen: ['An'] }] },
      { ...p, totals: { ...p.totals, names: 1 } },
    ];
    for (const attempt of attempts) {
      const result = reportPayloadSchema.safeParse(attempt);
      expect(result.success, JSON.stringify(attempt).slice(0, 200)).toBe(false);
    }
  });

  it('a pickup card is exactly 12 digits, so a name or stamboeknummer cannot pose as a card', () => {
    for (const card of ['Peeters', '12345678901', '1234567890123', '12345678901a']) {
      const p = payloadFor({ pickups: [{ card, at: '2027-01-05T10:12:00+01:00', method: 'self' }] });
      expect(reportPayloadSchema.safeParse(p).success, card).toBe(false);
      expect(reportPayloadReadSchema.safeParse(p).success, card).toBe(false);
    }
  });

  it('requires a group id exactly when the method is group', () => {
    const at = '2027-01-05T10:12:00+01:00';
    const group = '0b7e4c2a-9f1d-4c3b-8a2e-6d5f4e3c2b1a';
    const ok = (pickup: unknown) =>
      reportPayloadSchema.safeParse({ ...payloadFor(), pickups: [pickup] }).success;
    expect(ok({ card: '123456789002', at, method: 'group', group })).toBe(true);
    expect(ok({ card: '123456789002', at, method: 'group' })).toBe(false);
    expect(ok({ card: '123456789002', at, method: 'self', group })).toBe(false);
    expect(ok({ card: '123456789002', at, method: 'group', group: 'niet-een-uuid' })).toBe(false);
    expect(ok({ card: '123456789002', at, method: 'courier' })).toBe(false);
  });

  it('the writer insists on an offset, a chained previous and sane totals; the reader leaves the chain to the merge', () => {
    const bad = [
      payloadFor({ generatedAt: '2027-01-26T17:02:11' }),
      payloadFor({ generatedAt: '2027-01-26T16:02:11Z' }),
      payloadFor({ generatedAt: '2027-02-30T10:00:00+01:00' }),
      payloadFor({ generatedAt: '2027-07-01T10:00:00+01:00' }), // summer: Brussels is +02:00
      payloadFor({ generatedAt: '2027-01-26T17:02:11+00:00' }),
      payloadFor({ pickups: [{ card: '123456789002', at: '2027-03-28T03:30:00+01:00', method: 'self' }] }), // after the DST switch
      payloadFor({ sequence: 2, previous: null }),
      payloadFor({ sequence: 1, previous: 'a'.repeat(64) }),
      payloadFor({ sequence: 1.5 }),
      payloadFor({ previous: 'A'.repeat(64), sequence: 2 }),
      payloadFor({ totals: { cards: 1, collected: 2, waiting: 0, revoked: 0, replaced: 0 } }),
      payloadFor({
        byPostcode: [
          { postcode: '9000', cards: 1, collected: 0 },
          { postcode: '9000', cards: 1, collected: 0 },
        ],
      }),
      payloadFor({ reportId: 'rapport-7' }),
      payloadFor({ pointId: '  ' }),
    ];
    for (const p of bad)
      expect(reportPayloadSchema.safeParse(p).success, JSON.stringify(p).slice(0, 120)).toBe(false);
    expect(reportPayloadReadSchema.safeParse(payloadFor({ sequence: 2, previous: null })).success).toBe(true);
    expect(
      reportPayloadReadSchema.safeParse(payloadFor({ generatedAt: '2027-01-26T16:02:11Z' })).success,
    ).toBe(true);
    expect(
      reportPayloadSchema.safeParse(payloadFor({ generatedAt: '2027-03-28T03:30:00+02:00' })).success,
    ).toBe(true);
  });

  it('the envelope needs at least one signature with a 64-hex keyid', () => {
    const good = {
      payloadType: REPORT_PAYLOAD_TYPE,
      payload: 'e30=',
      signatures: [{ keyid: 'a'.repeat(64), sig: 'AAAA' }],
    };
    expect(dsseEnvelopeSchema.safeParse(good).success).toBe(true);
    expect(dsseEnvelopeSchema.safeParse({ ...good, extra: 1 }).success).toBe(true);
    expect(dsseEnvelopeSchema.safeParse({ ...good, signatures: [] }).success).toBe(false);
    expect(
      dsseEnvelopeSchema.safeParse({ ...good, signatures: [{ keyid: 'a'.repeat(63), sig: 'AAAA' }] }).success,
    ).toBe(false);
    expect(
      dsseEnvelopeSchema.safeParse({ ...good, signatures: [{ keyid: 'a'.repeat(64), sig: '' }] }).success,
    ).toBe(false);
  });
});
