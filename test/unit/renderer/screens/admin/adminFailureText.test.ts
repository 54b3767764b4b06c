import { describe, expect, it } from 'vitest';
import { translator } from '../../../../../src/renderer/app/i18n';
import { describeAdminFailure } from '../../../../../src/renderer/screens/admin/adminFailureText';

const nl = (f: Parameters<typeof describeAdminFailure>[0]) => describeAdminFailure(f, translator('nl'), 'nl');

describe('Beheer failure texts', () => {
  it('fill in the contract failure fields', () => {
    expect(nl({ ok: false, error: 'pin_too_short', minDigits: 6 })).toBe(
      'De pincode is te kort: minstens 6 cijfers.',
    );
    expect(nl({ ok: false, error: 'year_not_after', cardYear: 2027, currentYear: 2028 })).toBe(
      'Kaartjaar 2027 komt niet na het huidige kaartjaar 2028.',
    );
  });

  it('explain an unreadable signing key instead of showing its code', () => {
    const text = nl({ ok: false, error: 'key_unreadable', file: 'report-key.pem', sealed: false });
    expect(text).toContain('De ondertekeningssleutel report-key.pem is beschadigd');
    expect(text).not.toContain('key_unreadable');
  });

  it('read PIN refusals and transport failures in the desk words', () => {
    expect(nl({ ok: false, error: 'pin_wrong', triesLeftBeforeLock: 1 })).toContain('Nog 1 poging voor');
    expect(nl({ ok: false, error: 'unavailable', reason: 'network' })).toBe(
      'Er ging iets mis. Probeer opnieuw.',
    );
    expect(describeAdminFailure({ ok: false, error: 'internal' }, translator('en'), 'en')).toMatch(
      /^Something went wrong/,
    );
  });
});
