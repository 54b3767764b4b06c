import { BELGIAN_AZERTY_DIGIT_ROW } from '../../src/shared/scan/azerty';
import type { ScanKeyEvent } from '../../src/renderer/scan/scanBurstDetector';

/** One key press without its time: what a keyboard (or scanner) sends. */
export type Press = Omit<ScanKeyEvent, 'timeStamp'>;

/** Digits as a US-configured scanner sends them to a QWERTY (or matching) layout. */
export function qwertyDigits(digits: string): Press[] {
  return Array.from(digits, (d) => ({ key: d, code: `Digit${d}` }));
}

/** Digits from a US-configured scanner on a Belgian AZERTY computer: `&é"'(§è!çà`. */
export function azertyDigits(digits: string): Press[] {
  return Array.from(digits, (d) => ({
    key: BELGIAN_AZERTY_DIGIT_ROW[(Number(d) + 9) % 10] ?? '?',
    code: `Digit${d}`,
  }));
}

const US_CODES: Record<string, [string, boolean]> = {
  ':': ['Semicolon', true],
  '/': ['Slash', false],
  '?': ['Slash', true],
  '.': ['Period', false],
  '=': ['Equal', false],
  '&': ['Digit7', true],
  '-': ['Minus', false],
};

/** Text as typed on a QWERTY computer by a US scanner: key = the character. */
export function qwertyText(text: string): Press[] {
  return Array.from(text, (ch) => {
    if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}` };
    if (/[a-z]/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}` };
    if (/[A-Z]/.test(ch)) return { key: ch, code: `Key${ch}`, shiftKey: true };
    const [code, shiftKey] = US_CODES[ch] ?? ['Unidentified', false];
    return { key: ch, code, shiftKey };
  });
}

/** Belgian AZERTY: what the computer types for each US physical key (subset used in the tests). */
const AZERTY_FROM_US: Record<string, [string, string]> = {
  KeyA: ['q', 'Q'],
  KeyQ: ['a', 'A'],
  KeyW: ['z', 'Z'],
  KeyZ: ['w', 'W'],
  KeyM: [',', '?'],
  Semicolon: ['m', 'M'],
  Slash: ['=', '+'],
  Period: [':', '/'],
  Equal: ['-', '_'],
  Minus: [')', '°'],
  Digit7: ['è', '7'],
};

/**
 * The same text sent by a US-configured scanner to a Belgian AZERTY computer: the scanner presses
 * the US physical keys, the computer types AZERTY characters.
 */
export function usScannerOnAzerty(text: string): Press[] {
  return qwertyText(text).map((press) => {
    const digit = /^Digit([0-9])$/.exec(press.code)?.[1];
    if (digit && !press.shiftKey) return { ...press, key: azertyDigits(digit)[0]?.key ?? '?' };
    const azerty = AZERTY_FROM_US[press.code];
    if (azerty) return { ...press, key: azerty[press.shiftKey ? 1 : 0] };
    return press;
  });
}

export const ENTER: Press = { key: 'Enter', code: 'Enter' };
export const TAB: Press = { key: 'Tab', code: 'Tab' };

/** Gives the presses times: `gapMs` apart (a number, or one per gap), starting at `startMs`. */
export function timed(presses: Press[], gapMs: number | number[], startMs = 1000): ScanKeyEvent[] {
  let t = startMs;
  return presses.map((press, i) => {
    if (i > 0) t += typeof gapMs === 'number' ? gapMs : (gapMs[i - 1] ?? 0);
    return { ...press, timeStamp: t };
  });
}
