import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  MultiFormatReader,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import type { Result } from '@zxing/library';
import { readCode128Line } from './code128Rows';
import { type GreyImage, type Region, normaliseLine, sampleLine, sampleRegion } from './greyImage';

/**
 * Decoding a webcam frame without the DOM: grey pixels in, code text out. The component grabs the
 * frame; this module looks at the aiming frame in it with one scan strategy after another, as many
 * as fit in a frame's budget, and carries on where it stopped on the next frame.
 *
 * zxing-js's own full-frame decode never reads a Code 128 card over a grey or dark desk (see
 * code128Rows.ts for why); the strategies read Code 128 line by line in the framed region, with
 * local contrast normalisation, in bands above and below the middle and turned for tilted cards.
 * QR goes to zxing's QR reader on the framed region and on the whole frame, as before.
 */

export type { GreyImage } from './greyImage';
export { greyFromRgba } from './greyImage';

/** The aiming frame as fractions of the video's width and height (the overlay draws the same). */
export const AIM_FRAME = { width: 0.7, height: 0.56 } as const;

export interface ScanStrategy {
  id: string;
  /** Size of the region relative to the aiming frame; 0 = the whole frame. */
  scale: number;
  /** Region centre offset, as a fraction of the frame height (a band above or below the middle). */
  shiftY: number;
  /** Degrees the region is turned by (a card held tilted or upright). */
  angle: number;
  /** Local contrast normalisation of each Code 128 line before the row threshold. */
  normalise: boolean;
  /** QR binarizer: zxing's local-block HybridBinarizer or its global-histogram one. */
  binarizer: 'hybrid' | 'global';
  /** Every fourth line for Code 128, TRY_HARDER for QR. */
  tryHarder: boolean;
  formats: 'all' | 'code128' | 'qr';
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
 * QR finds its own orientation, so the turned regions look for Code 128 only.
 */
export const SCAN_STRATEGIES: readonly ScanStrategy[] = [
  { ...base, id: 'frame' },
  { ...base, id: 'wide-normalised', scale: 1.35, normalise: true },
  { ...base, id: 'frame-normalised', normalise: true, formats: 'code128' },
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
  { ...base, id: 'frame-global-qr', binarizer: 'global', formats: 'qr' },
  { ...base, id: 'frame-harder', normalise: true, tryHarder: true },
];

/** zxing's plain full-frame decode, as BrowserMultiFormatReader did: the baseline of the bench. */
export const PLAIN_STRATEGY: ScanStrategy = { ...base, id: 'plain', scale: 0 };

export interface DecodedCode {
  text: string;
  format: 'CODE_128' | 'QR_CODE';
  strategy: string;
}

/** Regions are sampled down to this many pixels on the long side: enough for 3-px modules. */
const MAX_REGION_SIDE = 720;
/** Lines read per Code 128 region (zxing's own 1D readers read 15 too). */
const LINES = 15;

const qrReader = new QRCodeReader();
const qrHints = new Map<DecodeHintType, unknown>([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
]);
const qrHarderHints = new Map<DecodeHintType, unknown>([...qrHints, [DecodeHintType.TRY_HARDER, true]]);
/** zxing's own reader for the baseline: what BrowserMultiFormatReader decoded every frame with. */
const plainReader = new MultiFormatReader();
plainReader.setHints(
  new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
  ]),
);

/** One strategy on one frame; null when it finds nothing (the usual case). */
export function decodeWith(frame: GreyImage, strategy: ScanStrategy): DecodedCode | null {
  if (strategy.id === PLAIN_STRATEGY.id) {
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(frame.data, frame.width, frame.height)),
    );
    return found(
      attempt(() => plainReader.decodeWithState(bitmap)),
      strategy,
    );
  }
  const region = regionFor(frame, strategy);
  if (strategy.formats !== 'qr') {
    const code = readCode128Region(frame, region, strategy);
    if (code) return found(code, strategy);
  }
  if (strategy.formats === 'code128') return null;
  const image =
    strategy.scale === 0 && region.zoom === 1 && region.angle === 0 ? frame : sampleRegion(frame, region);
  const source = new RGBLuminanceSource(image.data, image.width, image.height);
  const bitmap = new BinaryBitmap(
    strategy.binarizer === 'hybrid' ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source),
  );
  return found(
    attempt(() => qrReader.decode(bitmap, strategy.tryHarder ? qrHarderHints : qrHints)),
    strategy,
  );
}

function readCode128Region(frame: GreyImage, region: Region, strategy: ScanStrategy): Result | null {
  const radius = Math.max(8, Math.round(region.width / 24));
  for (const v of linesToRead(region.height, strategy.tryHarder)) {
    const line = sampleLine(frame, region, v, 2);
    if (!strategy.normalise) {
      const result = readCode128Line(line, v, 'histogram');
      if (result) return result;
      continue;
    }
    const normalised = normaliseLine(line, radius);
    const result = readCode128Line(normalised, v, 'histogram') ?? readCode128Line(normalised, v, 'middle');
    if (result) return result;
  }
  return null;
}

/** Lines from the middle outwards: 15 spread over the middle half, or every fourth when trying harder. */
function linesToRead(height: number, harder: boolean): number[] {
  const step = harder ? 4 : Math.max(1, Math.floor(height / 2 / LINES));
  const count = harder ? Math.floor(height / 4) : LINES;
  const lines: number[] = [];
  const middle = Math.floor(height / 2);
  for (let i = 0; i < count; i++) {
    const v = middle + Math.ceil(i / 2) * step * (i % 2 === 0 ? 1 : -1);
    if (v >= 0 && v < height) lines.push(v);
  }
  return lines;
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
    return null; // NotFound, Checksum and Format exceptions: no code here
  }
}

export interface StrategyCursor {
  /** Index into the strategies of the next one to try. */
  next: number;
  /** What each strategy took lately (ms, a running average), so a frame does not start one it cannot finish. */
  costs?: Map<string, number>;
}

/**
 * Tries strategies on one frame, starting where the previous frame stopped, until one reads a code
 * or the frame's `budgetMs` is spent. A strategy whose usual cost no longer fits waits for the next
 * frame; the first one of a frame always runs, so a slow machine still cycles through all of them.
 */
export function decodeFrame(
  frame: GreyImage,
  cursor: StrategyCursor,
  budgetMs: number,
  now: () => number,
  strategies: readonly ScanStrategy[] = SCAN_STRATEGIES,
): DecodedCode | null {
  const costs = (cursor.costs ??= new Map());
  const started = now();
  for (let tried = 0; tried < strategies.length; tried++) {
    const index = cursor.next % strategies.length;
    const strategy = strategies[index];
    if (!strategy) break;
    const before = now();
    if (tried > 0 && before - started + (costs.get(strategy.id) ?? 0) > budgetMs) break;
    cursor.next = (index + 1) % strategies.length;
    const code = decodeWith(frame, strategy);
    const after = now();
    const previous = costs.get(strategy.id);
    costs.set(strategy.id, previous === undefined ? after - before : 0.7 * previous + 0.3 * (after - before));
    if (code) {
      cursor.next = index; // the card is likely still held the same way on the next frame
      return code;
    }
    if (after - started >= budgetMs) break;
  }
  return null;
}

/** Where a strategy looks in the frame, sampled to at most MAX_REGION_SIDE pixels. */
export function regionFor(frame: GreyImage, strategy: ScanStrategy): Region {
  const whole = strategy.scale === 0;
  const width = whole ? frame.width : Math.min(frame.width, frame.width * AIM_FRAME.width * strategy.scale);
  const height = whole
    ? frame.height
    : Math.min(frame.height, frame.height * AIM_FRAME.height * strategy.scale);
  const zoom = Math.min(1, MAX_REGION_SIDE / Math.max(width, height));
  return {
    centreX: frame.width / 2,
    centreY: frame.height / 2 + strategy.shiftY * frame.height,
    width: Math.round(width * zoom),
    height: Math.round(height * zoom),
    angle: strategy.angle,
    zoom,
  };
}
