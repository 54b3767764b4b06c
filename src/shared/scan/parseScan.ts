import { isValidCardNumber } from '../domain/cardNumber';

/**
 * What a scanned code means at the desk. A scan is machine data, so parsing is strict: exactly the
 * digits, or a look-up URL carrying them. Anything else is `unknown`, with a cleaned copy of what
 * was read so the screen can say "onbekende code: …".
 */
export type ScanContent =
  | { kind: 'card'; card: string }
  | { kind: 'stamboeknummer'; stamboeknummer: string }
  | { kind: 'unknown'; raw: string };

/** Longest `raw` an `unknown` result carries (code points, including the trailing ellipsis). */
export const MAX_UNKNOWN_LENGTH = 100;

const CONTROL_CHARS = /\p{Cc}/gu;
const CARD = /^\d{12}$/;
const STAMBOEKNUMMER = /^\d{11}$/;
const URL_WITH_QUERY = /^https?:\/\/[^\s?#]+\?([^#\s]*)/i;

export function parseScan(raw: string): ScanContent {
  const read = raw.replace(CONTROL_CHARS, '').trim();
  if (CARD.test(read) && isValidCardNumber(read)) return { kind: 'card', card: read };
  if (STAMBOEKNUMMER.test(read)) return { kind: 'stamboeknummer', stamboeknummer: read };
  const fromUrl = parseLookupUrl(read);
  if (fromUrl) return fromUrl;
  return { kind: 'unknown', raw: shorten(read) };
}

/** `https://…?kaart=<valid card>` or `…?sb=<11 digits>` (also after `&`); `kaart` wins over `sb`. */
function parseLookupUrl(read: string): ScanContent | null {
  const query = URL_WITH_QUERY.exec(read)?.[1];
  if (query === undefined) return null;
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).toLowerCase();
    if (!params.has(name)) params.set(name, pair.slice(eq + 1));
  }
  const card = params.get('kaart');
  if (card !== undefined && CARD.test(card) && isValidCardNumber(card)) return { kind: 'card', card };
  const sb = params.get('sb');
  if (sb !== undefined && STAMBOEKNUMMER.test(sb)) return { kind: 'stamboeknummer', stamboeknummer: sb };
  return null;
}

function shorten(text: string): string {
  const points = Array.from(text);
  if (points.length <= MAX_UNKNOWN_LENGTH) return text;
  return points.slice(0, MAX_UNKNOWN_LENGTH - 1).join('') + '…';
}
