import {
  BarcodeFormat,
  BinaryBitmap,
  BitArray,
  Code128Reader,
  DecodeHintType,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  MultiFormatReader,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import type { Result } from '@zxing/library';

/**
 * Decoding a webcam frame without the DOM: grey pixels in, code text out. The component grabs the
 * frame; this module crops the aiming frame out of it and tries one scan strategy after another.
 *
 * Why a desk blinds zxing-js 0.21.3: its per-row threshold turns a grey or dark desk black, so the
 * first black run of the row is the desk, not the code; Code128Reader.findStartPattern then slides
 * its window, and the slide (`counters.slice(2)`) shrinks the 6 counters to 4, so the start
 * pattern is judged on 4 bars, the wrong code set is taken, and the checksum fails on every row.
 * On a white desk the first black run is the start pattern itself and the bug never shows.
 * So Code 128 is read here row by row, and each row is offered again from every wide white run (a
 * quiet zone) with everything before it cleared. Cropping to the aiming frame, normalising
 * contrast locally and turning the crop for tilted cards do the rest. Runs under Node too, so
 * scripts/webcam-read-rate.ts measures exactly this code.
 */

/** Grey values, one byte per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The aiming frame as fractions of the video's width and height (the overlay draws the same). */
export const AIM_FRAME = { width: 0.7, height: 0.56 } as const;

export interface ScanStrategy {
  id: string;
  /** Size of the crop relative to the aiming frame; 0 = the whole frame (zxing's plain decode). */
  scale: number;
  /** Crop centre offset, as a fraction of the frame height (a band above or below the middle). */
  shiftY: number;
  /** Degrees the crop is turned by (a card held tilted or upright). */
  angle: number;
  /** Local contrast normalisation before binarising. */
  normalise: boolean;
  binarizer: 'hybrid' | 'global';
  tryHarder: boolean;
  formats: 'all' | 'code128';
}

const base: Omit<ScanStrategy, 'id'> = {
  scale: 1,
  shiftY: 0,
  angle: 0,
  normalise: false,
  binarizer: 'hybrid',
  tryHarder: false,
  formats: 'all',
};

/**
 * The strategies, in the order they are tried. The first few are cheap and cover most cards; the
 * rest (rotations, bands, TRY_HARDER) follow on later frames when the budget of one frame is spent.
 * QR finds its own orientation, so the turned crops look for Code 128 only.
 */
export const SCAN_STRATEGIES: readonly ScanStrategy[] = [
  { ...base, id: 'frame' },
  { ...base, id: 'wide-normalised', scale: 1.35, normalise: true },
  { ...base, id: 'frame-normalised', normalise: true },
  { ...base, id: 'turn+12', angle: 12, normalise: true, formats: 'code128' },
  { ...base, id: 'turn-12', angle: -12, normalise: true, formats: 'code128' },
  { ...base, id: 'tight-normalised', scale: 0.75, normalise: true, formats: 'code128' },
  { ...base, id: 'band-down', shiftY: 0.18, normalise: true, formats: 'code128' },
  { ...base, id: 'band-up', shiftY: -0.18, normalise: true, formats: 'code128' },
  { ...base, id: 'turn90', angle: 90, normalise: true, formats: 'code128' },
  { ...base, id: 'turn+6', angle: 6, normalise: true, formats: 'code128' },
  { ...base, id: 'turn-6', angle: -6, normalise: true, formats: 'code128' },
  { ...base, id: 'turn+18', angle: 18, normalise: true, formats: 'code128' },
  { ...base, id: 'turn-18', angle: -18, normalise: true, formats: 'code128' },
  { ...base, id: 'whole', scale: 0 },
  { ...base, id: 'frame-global', binarizer: 'global' },
  { ...base, id: 'frame-harder', normalise: true, tryHarder: true },
];

/** zxing's plain full-frame decode, as BrowserMultiFormatReader did: the baseline of the bench. */
export const PLAIN_STRATEGY: ScanStrategy = { ...base, id: 'plain', scale: 0 };

export interface DecodedCode {
  text: string;
  format: 'CODE_128' | 'QR_CODE';
  strategy: string;
}

/** Crops are sampled down to this many pixels on the long side: enough for 3-px modules. */
const MAX_CROP_SIDE = 720;

const qrReader = new QRCodeReader();
const code128Reader = new Code128Reader();
/** zxing's own reader for the baseline; BrowserMultiFormatReader decodes with exactly this. */
const plainReader = new MultiFormatReader();
plainReader.setHints(
  new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]]]),
);
const qrHints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]);
const qrHarderHints = new Map<DecodeHintType, unknown>([...qrHints, [DecodeHintType.TRY_HARDER, true]]);

/** A white run at least this wide (pixels of the crop) may be the quiet zone before a code. */
const MIN_QUIET_ZONE = 8;
/** Quiet-zone candidates tried per row and direction. */
const MAX_QUIET_ZONES = 8;

/** One strategy on one frame; null when it finds nothing (the usual case). */
export function decodeWith(frame: GreyImage, strategy: ScanStrategy): DecodedCode | null {
  const crop = cropFor(frame, strategy);
  const image = strategy.normalise ? normaliseContrast(crop) : crop;
  const source = new RGBLuminanceSource(image.data, image.width, image.height);
  const bitmap = new BinaryBitmap(
    strategy.binarizer === 'hybrid' ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source),
  );
  if (strategy.id === PLAIN_STRATEGY.id) return found(attempt(() => plainReader.decodeWithState(bitmap)), strategy);
  const code128 = decodeCode128Rows(bitmap, strategy.tryHarder);
  if (code128) return found(code128, strategy);
  if (strategy.formats === 'code128') return null;
  return found(
    attempt(() => qrReader.decode(bitmap, strategy.tryHarder ? qrHarderHints : qrHints)),
    strategy,
  );
}

function found(result: Result | null, strategy: ScanStrategy): DecodedCode | null {
  if (!result) return null;
  const format = result.getBarcodeFormat();
  if (format !== BarcodeFormat.CODE_128 && format !== BarcodeFormat.QR_CODE) return null;
  return {
    text: result.getText(),
    format: format === BarcodeFormat.CODE_128 ? 'CODE_128' : 'QR_CODE',
    strategy: strategy.id,
  };
}

function attempt(decode: () => Result): Result | null {
  try {
    return decode();
  } catch {
    // NotFound, Checksum and Format exceptions: no code here.
    return null;
  }
}

/** Rows from the middle outwards: 15 of them, or every fourth row when trying harder. */
function rowsToScan(height: number, harder: boolean): number[] {
  const step = harder ? 4 : Math.max(1, Math.floor(height / 24));
  const count = harder ? Math.floor(height / 4) : 15;
  const rows: number[] = [];
  const middle = Math.floor(height / 2);
  for (let i = 0; i < count; i++) {
    const offset = Math.ceil(i / 2) * step * (i % 2 === 0 ? 1 : -1);
    const y = middle + offset;
    if (y >= 0 && y < height) rows.push(y);
  }
  return rows;
}

function decodeCode128Rows(bitmap: BinaryBitmap, harder: boolean): Result | null {
  const width = bitmap.getWidth();
  for (const y of rowsToScan(bitmap.getHeight(), harder)) {
    let row: BitArray;
    try {
      row = bitmap.getBlackRow(y, new BitArray(width));
    } catch {
      continue; // a flat row: no histogram valley
    }
    for (const reversed of [false, true]) {
      if (reversed) row.reverse();
      const result = decodeFromQuietZones(y, row);
      if (result) return result;
    }
  }
  return null;
}

/** The row as it is, then from each wide white run on with the part before it cleared. */
function decodeFromQuietZones(y: number, row: BitArray): Result | null {
  const direct = attempt(() => code128Reader.decodeRow(y, row));
  if (direct) return direct;
  const size = row.getSize();
  let from = row.getNextSet(0);
  for (let tried = 0; tried < MAX_QUIET_ZONES && from < size; ) {
    const whiteStart = row.getNextUnset(from);
    const blackStart = row.getNextSet(whiteStart);
    if (blackStart >= size) break;
    if (blackStart - whiteStart >= MIN_QUIET_ZONE) {
      tried++;
      const cleared = new BitArray(size);
      for (let x = blackStart; x < size; x++) if (row.get(x)) cleared.set(x);
      const result = attempt(() => code128Reader.decodeRow(y, cleared));
      if (result) return result;
    }
    from = blackStart;
  }
  return null;
}

export interface StrategyCursor {
  /** Index into SCAN_STRATEGIES of the next strategy to try. */
  next: number;
}

/**
 * Tries strategies on one frame, starting where the previous frame stopped, until one reads a code
 * or `budgetMs` of work is spent (at least one strategy per frame, so a slow machine still cycles).
 */
export function decodeFrame(
  frame: GreyImage,
  cursor: StrategyCursor,
  budgetMs: number,
  now: () => number,
  strategies: readonly ScanStrategy[] = SCAN_STRATEGIES,
): DecodedCode | null {
  const started = now();
  for (let tried = 0; tried < strategies.length; tried++) {
    const strategy = strategies[cursor.next % strategies.length];
    cursor.next = (cursor.next + 1) % strategies.length;
    if (!strategy) continue;
    const found = decodeWith(frame, strategy);
    if (found) {
      // Start the next frame with the strategy that worked: the card is likely still held so.
      cursor.next = (cursor.next + strategies.length - 1) % strategies.length;
      return found;
    }
    if (now() - started >= budgetMs) break;
  }
  return null;
}

/** The crop a strategy looks at, turned and sampled to at most MAX_CROP_SIDE pixels. */
export function cropFor(frame: GreyImage, strategy: ScanStrategy): GreyImage {
  const whole = strategy.scale === 0;
  const width = whole ? frame.width : Math.min(frame.width, frame.width * AIM_FRAME.width * strategy.scale);
  const height = whole ? frame.height : Math.min(frame.height, frame.height * AIM_FRAME.height * strategy.scale);
  const centreX = frame.width / 2;
  const centreY = frame.height / 2 + strategy.shiftY * frame.height;
  if (whole && strategy.angle === 0) {
    if (Math.max(frame.width, frame.height) <= MAX_CROP_SIDE * 1.5) return frame;
  }
  const zoom = Math.min(1, MAX_CROP_SIDE / Math.max(width, height));
  return sample(frame, centreX, centreY, Math.round(width * zoom), Math.round(height * zoom), strategy.angle, zoom);
}

/**
 * Samples a `width`×`height` image around (centreX, centreY), turned by `angle` degrees and
 * scaled by `zoom`, with bilinear interpolation; outside the frame is white (a quiet zone).
 */
export function sample(
  frame: GreyImage,
  centreX: number,
  centreY: number,
  width: number,
  height: number,
  angle: number,
  zoom: number,
): GreyImage {
  const out = new Uint8ClampedArray(width * height);
  const rad = (angle * Math.PI) / 180;
  const cos = Math.cos(rad) / zoom;
  const sin = Math.sin(rad) / zoom;
  const src = frame.data;
  const fw = frame.width;
  const fh = frame.height;
  for (let v = 0; v < height; v++) {
    const dy = v - height / 2;
    for (let u = 0; u < width; u++) {
      const dx = u - width / 2;
      const x = centreX + dx * cos - dy * sin;
      const y = centreY + dx * sin + dy * cos;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= fw || y0 + 1 >= fh) {
        out[v * width + u] = 255;
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = y0 * fw + x0;
      const top = (src[i] ?? 0) * (1 - fx) + (src[i + 1] ?? 0) * fx;
      const bottom = (src[i + fw] ?? 0) * (1 - fx) + (src[i + fw + 1] ?? 0) * fx;
      out[v * width + u] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width, height, data: out };
}

/**
 * Local contrast normalisation: every pixel relative to the mean and spread of its neighbourhood
 * (a box of about a sixth of the crop height, from integral images). A white card on a dark desk
 * and the bars on it then have the same contrast everywhere, so one row threshold fits all of it.
 */
export function normaliseContrast(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const radius = Math.max(8, Math.round(Math.min(width, height) / 12));
  const stride = width + 1;
  const sum = new Float64Array(stride * (height + 1));
  const squares = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSquares = 0;
    for (let x = 0; x < width; x++) {
      const value = data[y * width + x] ?? 0;
      rowSum += value;
      rowSquares += value * value;
      const at = (y + 1) * stride + x + 1;
      sum[at] = (sum[at - stride] ?? 0) + rowSum;
      squares[at] = (squares[at - stride] ?? 0) + rowSquares;
    }
  }
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height, y + radius + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width, x + radius + 1);
      const n = (y1 - y0) * (x1 - x0);
      const a = y0 * stride + x0;
      const b = y0 * stride + x1;
      const c = y1 * stride + x0;
      const d = y1 * stride + x1;
      const s = (sum[d] ?? 0) - (sum[b] ?? 0) - (sum[c] ?? 0) + (sum[a] ?? 0);
      const q = (squares[d] ?? 0) - (squares[b] ?? 0) - (squares[c] ?? 0) + (squares[a] ?? 0);
      const mean = s / n;
      const spread = Math.sqrt(Math.max(0, q / n - mean * mean));
      // A floor on the spread keeps flat areas (the desk, the card's margin) flat instead of noise.
      out[y * width + x] = 128 + (64 * ((data[y * width + x] ?? 0) - mean)) / Math.max(spread, 12);
    }
  }
  return { width, height, data: out };
}

/** RGBA pixels (canvas ImageData) to grey, with the same weights as the camera's Y plane. */
export function greyFromRgba(rgba: Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
  }
  return { width, height, data };
}
