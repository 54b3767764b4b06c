/**
 * Card numbers: 10 digits followed by a 2-digit check, (first 10 digits) mod 97 with 0 written
 * as 97 — the Belgian structured-communication rule, so any single mistyped digit is caught.
 */
const TWELVE_DIGITS = /^\d{12}$/;
const TEN_DIGITS = /^\d{10}$/;
const MAX_SERIAL = 9_999_999_999;

/** The two check digits for 10 digits; throws on anything else (a caller bug, not user input). */
export function cardCheckDigits(first10: string): string {
  if (!TEN_DIGITS.test(first10)) throw new RangeError(`cardCheckDigits needs 10 digits, got "${first10}"`);
  // 10 digits stay below 2^53, so plain numbers are exact.
  const rest = Number(first10) % 97;
  return String(rest === 0 ? 97 : rest).padStart(2, '0');
}

export function isValidCardNumber(s: string): boolean {
  return TWELVE_DIGITS.test(s) && cardCheckDigits(s.slice(0, 10)) === s.slice(10);
}

/** Card number for a serial (0 … 9,999,999,999), zero-padded to 10 digits plus the check. */
export function makeCardNumber(serial: number | string): string {
  const first10 = typeof serial === 'number' ? serialDigits(serial) : serial.padStart(10, '0');
  return first10 + cardCheckDigits(first10);
}

function serialDigits(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > MAX_SERIAL) {
    throw new RangeError(`card serial out of range: ${serial}`);
  }
  return String(serial).padStart(10, '0');
}
