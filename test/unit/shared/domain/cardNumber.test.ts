import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cardCheckDigits, isValidCardNumber, makeCardNumber } from '../../../../src/shared/domain/cardNumber';

describe('card numbers', () => {
  it('accepts the card numbers printed on real cards', () => {
    expect(isValidCardNumber('270000000154')).toBe(true);
    expect(isValidCardNumber('270000000255')).toBe(true);
  });

  it('writes a remainder of 0 as check 97', () => {
    expect(cardCheckDigits('0000000097')).toBe('97');
    expect(cardCheckDigits('0000000000')).toBe('97');
    expect(isValidCardNumber('000000009797')).toBe(true);
    expect(isValidCardNumber('000000009700')).toBe(false);
  });

  it('pads small check numbers to two digits', () => {
    expect(cardCheckDigits('0000000001')).toBe('01');
    expect(makeCardNumber(1)).toBe('000000000101');
  });

  it('refuses numbers that are not exactly 12 digits', () => {
    for (const bad of [
      '',
      '27000000015',
      '2700000001544',
      '27000000015a',
      ' 270000000154',
      '2700 0000 0154',
      '２７0000000154',
    ]) {
      expect(isValidCardNumber(bad)).toBe(false);
    }
  });

  it('refuses a card number with a wrong check number', () => {
    expect(isValidCardNumber('270000000199')).toBe(false);
    expect(cardCheckDigits('2700000001')).toBe('54');
  });

  it('makes card numbers from a serial given as number or digits', () => {
    expect(makeCardNumber(2700000001)).toBe('270000000154');
    expect(makeCardNumber('2700000001')).toBe('270000000154');
    expect(makeCardNumber('42')).toBe(makeCardNumber(42));
  });

  it('treats a serial that does not fit in 10 digits as a programming error', () => {
    expect(() => makeCardNumber(-1)).toThrow(RangeError);
    expect(() => makeCardNumber(10_000_000_000)).toThrow(RangeError);
    expect(() => makeCardNumber(1.5)).toThrow(RangeError);
    expect(() => makeCardNumber('12345678901')).toThrow(RangeError);
    expect(() => makeCardNumber('12a')).toThrow(RangeError);
    expect(() => cardCheckDigits('123')).toThrow(RangeError);
  });

  const serial = fc.integer({ min: 0, max: 9_999_999_999 });

  it('property: every serial makes a valid 12-digit card number', () => {
    fc.assert(
      fc.property(serial, (n) => {
        const card = makeCardNumber(n);
        expect(card).toMatch(/^\d{12}$/);
        expect(isValidCardNumber(card)).toBe(true);
        expect(Number(card.slice(0, 10))).toBe(n);
      }),
    );
  });

  it('property: any single mistyped digit is caught, in the number and in the check', () => {
    fc.assert(
      fc.property(serial, fc.nat({ max: 11 }), fc.integer({ min: 1, max: 9 }), (n, position, delta) => {
        const card = makeCardNumber(n);
        const digit = Number(card[position]);
        const changed = card.slice(0, position) + String((digit + delta) % 10) + card.slice(position + 1);
        expect(changed).not.toBe(card);
        expect(isValidCardNumber(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
