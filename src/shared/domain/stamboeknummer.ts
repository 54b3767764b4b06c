/**
 * Stamboeknummer (teacher registry number): 11 digits. Spreadsheets drop leading zeros, so
 * 8 to 10 digits are left-padded back to 11 and flagged (`padded`) for a warning.
 */
export type StamboeknummerResult = { ok: true; value: string; padded: boolean } | { ok: false };

const EIGHT_TO_ELEVEN_DIGITS = /^\d{8,11}$/;

export function normalizeStamboeknummer(raw: string): StamboeknummerResult {
  if (!EIGHT_TO_ELEVEN_DIGITS.test(raw)) return { ok: false };
  return { ok: true, value: raw.padStart(11, '0'), padded: raw.length < 11 };
}
