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

  it('say why a handover, take-over or join from Beheer was refused, and that nothing changed', () => {
    expect(nl({ ok: false, error: 'desk_unreachable', name: 'Groepen' })).toBe(
      'Balie Groepen is niet bereikbaar. Draait haar synchronisatie?',
    );
    expect(nl({ ok: false, error: 'handover_refused', name: 'Groepen', behind: true })).toMatch(
      /^Balie Groepen heeft nog niet alle gegevens van deze host.*Er is niets gewijzigd/,
    );
    expect(nl({ ok: false, error: 'already_host' })).toBe('Deze balie is al de hostbalie.');
    expect(nl({ ok: false, error: 'refused', reason: 'wrong_code' })).toBe('Verkeerde koppelcode.');
    expect(nl({ ok: false, error: 'store_not_empty' })).toContain('Er is niets gewijzigd.');
    expect(nl({ ok: false, error: 'other_point', found: 'BIB-GENT', expected: 'BIB-BRUGGE' })).toContain(
      'De hostbalie hoort bij punt BIB-GENT, maar deze pc is ingesteld voor punt BIB-BRUGGE',
    );
    expect(describeAdminFailure({ ok: false, error: 'unreachable' }, translator('en'), 'en')).toMatch(
      /^The host desk cannot be reached/,
    );
  });
});
