import { describe, expect, it } from 'vitest';
import {
  BELGIAN_AZERTY_DIGIT_ROW,
  digitFromAzertyKey,
  digitFromCode,
  isAzertyUnshiftedDigitRow,
  numberFromAzertyRow,
  usCharFromCode,
} from '../../../../src/shared/scan/azerty';

describe('keyboard layouts at the desk', () => {
  it('digit keys and numpad keys give their digit, whatever the layout', () => {
    expect(Array.from('0123456789', (d) => digitFromCode(`Digit${d}`)).join('')).toBe('0123456789');
    expect(Array.from('0123456789', (d) => digitFromCode(`Numpad${d}`)).join('')).toBe('0123456789');
    expect(digitFromCode('KeyA')).toBeNull();
    expect(digitFromCode('NumpadEnter')).toBeNull();
    expect(digitFromCode('Digit')).toBeNull();
  });

  it('a US-configured scanner on Belgian AZERTY types &é"\'(§è!çà for 1234567890', () => {
    expect(BELGIAN_AZERTY_DIGIT_ROW).toBe('&é"\'(§è!çà');
    expect(Array.from(BELGIAN_AZERTY_DIGIT_ROW, (k) => digitFromAzertyKey(k)).join('')).toBe('1234567890');
    expect(digitFromAzertyKey('a')).toBeNull();
    expect(digitFromAzertyKey('Enter')).toBeNull();
  });

  it('recognises the AZERTY digit row (Belgian and French) on the right physical key only', () => {
    expect(isAzertyUnshiftedDigitRow('Digit1', '&')).toBe(true);
    expect(isAzertyUnshiftedDigitRow('Digit6', '§')).toBe(true);
    expect(isAzertyUnshiftedDigitRow('Digit6', '-')).toBe(true);
    expect(isAzertyUnshiftedDigitRow('Digit2', '&')).toBe(false);
    expect(isAzertyUnshiftedDigitRow('Digit1', '1')).toBe(false);
    expect(isAzertyUnshiftedDigitRow('KeyA', 'a')).toBe(false);
  });

  it('rebuilds US characters from physical keys', () => {
    expect(usCharFromCode('KeyQ', false)).toBe('q');
    expect(usCharFromCode('KeyQ', true)).toBe('Q');
    expect(usCharFromCode('Semicolon', true)).toBe(':');
    expect(usCharFromCode('Slash', true)).toBe('?');
    expect(usCharFromCode('Equal', false)).toBe('=');
    expect(usCharFromCode('Digit7', true)).toBe('&');
    expect(usCharFromCode('Numpad4', false)).toBe('4');
    expect(usCharFromCode('ArrowLeft', false)).toBeNull();
  });

  it('text of 8 or more AZERTY digit-row characters is the number they stand for, never a name', () => {
    expect(numberFromAzertyRow('é"\'(§è!ç')).toBe('23456789');
    expect(numberFromAzertyRow("éèàà&(àààà&('")).toBe('2700150000154');
    expect(numberFromAzertyRow("éèààààààà&('")).toBe('270000000154');
    // French AZERTY (- and _ at 6 and 8), digits already read, and spaces around.
    expect(numberFromAzertyRow(' -_-_-_-_ ')).toBe('68686868');
    expect(numberFromAzertyRow("2700000àà&('")).toBe('270000000154');
  });

  it('short digit-row text, plain digits and real names are left as typed', () => {
    expect(numberFromAzertyRow('éèàà&(à')).toBeNull();
    expect(numberFromAzertyRow('270000000154')).toBeNull();
    expect(numberFromAzertyRow('Hélène Dupré')).toBeNull();
    expect(numberFromAzertyRow("O'Brien-Çelik")).toBeNull();
    expect(numberFromAzertyRow('éèàà&(à a')).toBeNull();
  });
});
