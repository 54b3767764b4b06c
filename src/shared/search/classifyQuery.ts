import { isValidCardNumber } from '../domain/cardNumber';
import { foldedWords } from './foldName';

/** What one query box input means: staff type or scan anything into the same field. */
export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'card'; card: string }
  | { kind: 'card_bad_check'; card: string }
  | { kind: 'stamboeknummer'; stamboeknummer: string; padded: boolean }
  | { kind: 'digits'; digits: string }
  | { kind: 'name'; words: string[] };

const SEPARATORS_IN_NUMBERS = /[\s.\-/]/g;

/** Reads `?kaart=` or `?sb=` from a URL such as the online look-up's QR code. */
function fromUrl(input: string): string | null {
  const match = /[?&](kaart|sb)=([0-9 .\-/]+)/i.exec(input);
  return match?.[2] ?? null;
}

export function classifyQuery(raw: string): SearchQuery {
  const input = raw.trim();
  if (input === '') return { kind: 'empty' };
  const candidate = /^https?:\/\//i.test(input) ? (fromUrl(input) ?? input) : input;
  const compact = candidate.replace(SEPARATORS_IN_NUMBERS, '');
  if (/^\d+$/.test(compact)) {
    if (compact.length === 12) {
      return isValidCardNumber(compact)
        ? { kind: 'card', card: compact }
        : { kind: 'card_bad_check', card: compact };
    }
    if (compact.length === 11) return { kind: 'stamboeknummer', stamboeknummer: compact, padded: false };
    if (compact.length >= 8 && compact.length <= 10) {
      return { kind: 'stamboeknummer', stamboeknummer: compact.padStart(11, '0'), padded: true };
    }
    return { kind: 'digits', digits: compact };
  }
  const words = foldedWords(input);
  return words.length === 0 ? { kind: 'empty' } : { kind: 'name', words };
}
