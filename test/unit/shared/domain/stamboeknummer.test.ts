import { describe, it, expect } from 'vitest';
import { normalizeStamboeknummer } from '../../../../src/shared/domain/stamboeknummer';

describe('stamboeknummer', () => {
  it('keeps an 11-digit stamboeknummer as it is', () => {
    expect(normalizeStamboeknummer('05217088972')).toEqual({ ok: true, value: '05217088972', padded: false });
  });

  it('puts back the leading zeros a spreadsheet dropped (8 to 10 digits) and says so', () => {
    expect(normalizeStamboeknummer('5217088972')).toEqual({ ok: true, value: '05217088972', padded: true });
    expect(normalizeStamboeknummer('12345678')).toEqual({ ok: true, value: '00012345678', padded: true });
  });

  it('refuses too short, too long or non-digit values', () => {
    for (const bad of [
      '',
      '1234567',
      '123456789012',
      '0521708897a',
      '052 1708 8972',
      '5.217088972E9',
      '-5217088972',
    ]) {
      expect(normalizeStamboeknummer(bad)).toEqual({ ok: false });
    }
  });
});
