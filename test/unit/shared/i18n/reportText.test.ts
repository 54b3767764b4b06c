import { describe, expect, it } from 'vitest';
import {
  chainBreakMessage,
  enrolmentProblemMessage,
  reportRefusalText,
  reportRefusedMessage,
  sequenceConflictMessage,
  sequenceGapMessage,
} from '../../../../src/shared/i18n/reportText';
import { REPORT_REFUSALS } from '../../../../src/shared/report/reportPayload';

describe('the issuer is told in plain Dutch (or English) what is wrong', () => {
  it('names the file and the reason of a refusal', () => {
    expect(reportRefusedMessage('rapport-gent-3.lkr.json', 'bad_signature')).toBe(
      'rapport-gent-3.lkr.json: geweigerd — de handtekening klopt niet.',
    );
    expect(reportRefusedMessage('rapport-gent-3.lkr.json', 'bad_signature', 'en')).toBe(
      'rapport-gent-3.lkr.json: refused — the signature does not verify.',
    );
    expect(reportRefusedMessage('x.lkr.json', 'unknown_point', 'nl', 'BIB-NIEUW')).toBe(
      'x.lkr.json: geweigerd — het afhaalpunt is niet aangemeld (geen publieke sleutel) (BIB-NIEUW).',
    );
  });

  it('has a distinct message for every refusal, in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      const texts = REPORT_REFUSALS.map((r) => reportRefusalText(r, lang));
      expect(new Set(texts).size).toBe(REPORT_REFUSALS.length);
      for (const t of texts) expect(t.length).toBeGreaterThan(10);
    }
  });

  it('describes gaps, conflicts and chain breaks', () => {
    expect(sequenceGapMessage({ pointId: 'BIB-GENT', from: 3, to: 3 })).toBe(
      'BIB-GENT: rapport 3 ontbreekt.',
    );
    expect(sequenceGapMessage({ pointId: 'BIB-GENT', from: 5, to: 6 })).toBe(
      'BIB-GENT: rapporten 5 tot en met 6 ontbreken.',
    );
    expect(sequenceGapMessage({ pointId: 'BIB-GENT', from: 5, to: 6 }, 'en')).toBe(
      'BIB-GENT: reports 5 to 6 are missing.',
    );
    expect(
      sequenceConflictMessage({ pointId: 'BIB-GENT', sequence: 2, files: ['a.lkr.json', 'b.lkr.json'] }),
    ).toBe('BIB-GENT: verschillende rapporten met volgnummer 2 (a.lkr.json, b.lkr.json).');
    expect(
      chainBreakMessage({
        kind: 'mismatch',
        pointId: 'BIB-GENT',
        sequence: 4,
        file: 'g4.lkr.json',
        previous: 'a'.repeat(64),
        expected: [],
      }),
    ).toBe('BIB-GENT: rapport 4 (g4.lkr.json) verwijst niet naar rapport 3 — de keten is gebroken.');
    expect(
      chainBreakMessage(
        { kind: 'previous_missing', pointId: 'BIB-GENT', sequence: 4, file: 'g4.lkr.json' },
        'en',
      ),
    ).toBe('BIB-GENT: report 4 (g4.lkr.json) refers to no previous report — the chain is broken.');
    expect(
      chainBreakMessage({
        kind: 'first_has_previous',
        pointId: 'BIB-GENT',
        sequence: 1,
        file: 'g1.lkr.json',
        previous: 'a'.repeat(64),
      }),
    ).toBe('BIB-GENT: rapport 1 (g1.lkr.json) verwijst naar een vorig rapport — de keten is gebroken.');
  });

  it('explains a skipped enrolment file', () => {
    expect(enrolmentProblemMessage('BIB-GENT.pub.pem', 'not_ed25519', 'nl', 'rsa')).toBe(
      'BIB-GENT.pub.pem: overgeslagen — is geen Ed25519-sleutel (rsa).',
    );
  });
});
