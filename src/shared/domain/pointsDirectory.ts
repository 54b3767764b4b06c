import { isValidPostcode } from './postcode';

/** A postcode or a run of them, inclusive ("9030-9032"). */
export interface PostcodeRange {
  from: number;
  to: number;
}

/**
 * The `postcodes` column of points.csv: space-separated postcodes and ranges ("9000 9030-9032").
 * Returns null when any token is not a postcode or a range runs backwards; "" gives [].
 */
export function parsePostcodeList(text: string): PostcodeRange[] | null {
  const ranges: PostcodeRange[] = [];
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const range = parseToken(token);
    if (!range) return null;
    ranges.push(range);
  }
  return ranges;
}

function parseToken(token: string): PostcodeRange | null {
  const [from, to, ...extra] = token.split('-');
  if (from === undefined || extra.length > 0 || !isValidPostcode(from)) return null;
  if (to === undefined) return { from: Number(from), to: Number(from) };
  if (!isValidPostcode(to) || Number(to) < Number(from)) return null;
  return { from: Number(from), to: Number(to) };
}

/**
 * The point a teacher with this home postcode most likely belongs to. The narrowest matching
 * entry wins (a single postcode beats any range); ties go to the earlier point in the list, so
 * the answer never depends on anything but the list.
 */
export function findPointForPostcode<P extends { postcodes: readonly PostcodeRange[] }>(
  points: readonly P[],
  postcode: string,
): P | null {
  if (!isValidPostcode(postcode)) return null;
  const pc = Number(postcode);
  let best: P | null = null;
  let bestWidth = Infinity;
  for (const point of points) {
    const width = narrowestMatch(point.postcodes, pc);
    if (width < bestWidth) {
      best = point;
      bestWidth = width;
    }
  }
  return best;
}

/** Width of the narrowest range containing pc (0 for an exact postcode), Infinity if none. */
function narrowestMatch(ranges: readonly PostcodeRange[], pc: number): number {
  let width = Infinity;
  for (const r of ranges) if (r.from <= pc && pc <= r.to) width = Math.min(width, r.to - r.from);
  return width;
}
