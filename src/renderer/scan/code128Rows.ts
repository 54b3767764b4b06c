import { BitArray, Code128Reader, GlobalHistogramBinarizer, RGBLuminanceSource } from '@zxing/library';
import type { Result } from '@zxing/library';

/**
 * Code 128 read line by line, around a bug in zxing-js 0.21.3 that blinds it on a grey or dark desk.
 *
 * The row threshold turns such a desk black, so the first black run of the row is the desk, not the
 * code. Code128Reader.findStartPattern then slides its window of 6 runs by 2, and the slide
 * (`counters = counters.slice(2)`) leaves a typed array of 4: from then on the start pattern is
 * judged on 4 runs, the wrong code set is taken and the checksum fails on every row. On a white desk
 * the first black run is the start pattern itself, so the bug never shows there.
 * So each line is offered again from every wide white run (a quiet zone) on, with everything before
 * it cleared, and the start pattern is always the first black run the reader sees.
 */

/** A white run at least this wide (pixels) may be the quiet zone before a code. */
const MIN_QUIET_ZONE = 8;
/** Quiet-zone candidates tried per line and direction. */
const MAX_QUIET_ZONES = 8;

const reader = new Code128Reader();

/**
 * Reads one grey line (any direction); null when it holds no Code 128. `threshold`: 'histogram' is
 * zxing's per-row threshold (histogram valley, with sharpening); 'middle' is for a line from
 * normaliseLine, where 128 is the local mean: darker than that by a margin is a bar.
 */
export function readCode128Line(
  line: Uint8ClampedArray,
  rowNumber: number,
  threshold: 'histogram' | 'middle',
): Result | null {
  const row = threshold === 'middle' ? belowMiddle(line) : histogramRow(line);
  if (!row) return null;
  for (const reversed of [false, true]) {
    if (reversed) row.reverse(); // a card held upside down
    const result = readFromQuietZones(row, rowNumber);
    if (result) return result;
  }
  return null;
}

function histogramRow(line: Uint8ClampedArray): BitArray | null {
  try {
    return new GlobalHistogramBinarizer(new RGBLuminanceSource(line, line.length, 1)).getBlackRow(
      0,
      new BitArray(line.length),
    );
  } catch {
    return null; // a flat line: no valley between dark and light
  }
}

/** Below the local mean by this much (normalised units, 64 = one spread) is black. */
const MIDDLE_MARGIN = 10;

function belowMiddle(line: Uint8ClampedArray): BitArray {
  const row = new BitArray(line.length);
  for (let x = 0; x < line.length; x++) if ((line[x] ?? 255) < 128 - MIDDLE_MARGIN) row.set(x);
  return row;
}

function readFromQuietZones(row: BitArray, rowNumber: number): Result | null {
  const direct = attempt(row, rowNumber);
  if (direct) return direct;
  const size = row.getSize();
  let from = row.getNextSet(0);
  for (let tried = 0; tried < MAX_QUIET_ZONES && from < size;) {
    const whiteStart = row.getNextUnset(from);
    const blackStart = row.getNextSet(whiteStart);
    if (blackStart >= size) break;
    if (blackStart - whiteStart >= MIN_QUIET_ZONE) {
      tried++;
      const cleared = new BitArray(size);
      for (let x = blackStart; x < size; x++) if (row.get(x)) cleared.set(x);
      const result = attempt(cleared, rowNumber);
      if (result) return result;
    }
    from = blackStart;
  }
  return null;
}

function attempt(row: BitArray, rowNumber: number): Result | null {
  try {
    return reader.decodeRow(rowNumber, row);
  } catch {
    return null; // NotFound, Checksum, Format: not a code from here
  }
}
