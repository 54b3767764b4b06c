/**
 * Keyboard layouts and barcode scanners.
 *
 * A USB scanner in keyboard mode does not send characters: it sends *physical key presses*
 * (KeyboardEvent.code) chosen for the layout it is configured for — out of the box that is US
 * QWERTY. The computer then turns those presses into characters (KeyboardEvent.key) with *its*
 * layout. On a Belgian AZERTY desk computer a US-configured scanner reading "1234567890" presses
 * Digit1…Digit0 without Shift, and the computer types:
 *
 *     code   Digit1 Digit2 Digit3 Digit4 Digit5 Digit6 Digit7 Digit8 Digit9 Digit0
 *     key      &      é      "      '      (      §      è      !      ç      à      (Belgian AZERTY)
 *     key      &      é      "      '      (      -      è      _      ç      à      (French AZERTY)
 *
 * Letters and punctuation shift too (US KeyA is AZERTY "q", US ":" is Shift+Semicolon, which is
 * AZERTY "M"), so a URL typed by such a scanner is garbled — unless it is rebuilt from the physical
 * keys with the US table below (`usCharFromCode`), which is what the burst detector does once the
 * digit row gives the mismatch away.
 */

const DIGIT_CODE = /^(?:Digit|Numpad)([0-9])$/;

/** The digit on a physical key: 'Digit0'…'Digit9' and 'Numpad0'…'Numpad9'; anything else null. */
export function digitFromCode(code: string): string | null {
  return DIGIT_CODE.exec(code)?.[1] ?? null;
}

/** Belgian AZERTY, digit row without Shift, for the digits 1 2 3 4 5 6 7 8 9 0. */
export const BELGIAN_AZERTY_DIGIT_ROW = '&é"\'(§è!çà';
/** French AZERTY differs at 6 and 8. */
export const FRENCH_AZERTY_DIGIT_ROW = '&é"\'(-è_çà';
const DIGITS_IN_ROW_ORDER = '1234567890';

/** The digit a US-configured scanner meant when a Belgian AZERTY computer typed `key`; else null. */
export function digitFromAzertyKey(key: string): string | null {
  if (key.length !== 1) return null;
  const at = BELGIAN_AZERTY_DIGIT_ROW.indexOf(key);
  return at < 0 ? null : (DIGITS_IN_ROW_ORDER[at] ?? null);
}

/**
 * True when `key` is exactly what an AZERTY layout (Belgian or French) types on the digit-row key
 * `code` without Shift — the fingerprint of a US-configured scanner on an AZERTY computer.
 */
export function isAzertyUnshiftedDigitRow(code: string, key: string): boolean {
  const match = /^Digit([0-9])$/.exec(code);
  if (!match?.[1] || key.length !== 1) return false;
  const at = DIGITS_IN_ROW_ORDER.indexOf(match[1]);
  return BELGIAN_AZERTY_DIGIT_ROW[at] === key || FRENCH_AZERTY_DIGIT_ROW[at] === key;
}

/** US QWERTY: code → [unshifted, shifted] for the non-letter printable keys. */
const US_SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  IntlBackslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadDivide: ['/', '/'],
  NumpadMultiply: ['*', '*'],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
};

/** The character a US QWERTY layout types for a physical key (with or without Shift); else null. */
export function usCharFromCode(code: string, shift: boolean): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const numpad = /^Numpad([0-9])$/.exec(code)?.[1];
  if (numpad) return numpad;
  const pair = US_SYMBOLS[code];
  return pair ? pair[shift ? 1 : 0] : null;
}

const AZERTY_ROW_CHARS = new Set([...BELGIAN_AZERTY_DIGIT_ROW, ...FRENCH_AZERTY_DIGIT_ROW]);
/** Fewest characters that make digit-row text a number rather than something a person typed. */
export const MIN_AZERTY_NUMBER_LENGTH = 8;

/** Each AZERTY digit-row character (Belgian or French, without Shift) as its digit; others kept. */
export function azertyRowAsDigits(text: string): string {
  return Array.from(text, (ch) => {
    const belgian = BELGIAN_AZERTY_DIGIT_ROW.indexOf(ch);
    const at = belgian >= 0 ? belgian : FRENCH_AZERTY_DIGIT_ROW.indexOf(ch);
    return at >= 0 ? (DIGITS_IN_ROW_ORDER[at] ?? ch) : ch;
  }).join('');
}

/**
 * The digits meant by text typed on the AZERTY digit row without Shift — a scanner (or a person)
 * that did not press Shift — or null. Only text made of digit-row characters and digits, at least
 * 8 of them and at least one a digit-row symbol (`&é"'(§è!çà`): no name looks like that, so such
 * text is always read as the number it stands for.
 */
export function numberFromAzertyRow(text: string): string | null {
  const trimmed = text.trim();
  const chars = Array.from(trimmed);
  if (chars.length < MIN_AZERTY_NUMBER_LENGTH) return null;
  let symbols = 0;
  for (const ch of chars) {
    if (AZERTY_ROW_CHARS.has(ch)) symbols += 1;
    else if (!/^[0-9]$/.test(ch)) return null;
  }
  return symbols === 0 ? null : azertyRowAsDigits(trimmed);
}
