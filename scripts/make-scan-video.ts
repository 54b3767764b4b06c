/**
 * Scan fixtures for the webcam tests: a Code 128 card number and a look-up QR code, each as a PNG
 * and as a one-frame y4m video for Chromium's fake camera
 * (`--use-file-for-fake-video-capture=FILE.y4m`, see /work/shared/toolchain.md).
 *
 *   node --import tsx scripts/make-scan-video.ts [OUTDIR]      (default test/fixtures/scan)
 *
 * Every PNG and every video frame is decoded again with @zxing/library before the function
 * returns, so a browser test never starts from an unreadable fixture. Playwright's global setup
 * can call `makeScanVideos(outDir)` directly.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import * as bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';

const run = promisify(execFile);

/** Valid card numbers: 2700000001 mod 97 = 54, 2700000002 mod 97 = 55. */
export const SCAN_FIXTURES = {
  card: { name: 'card-code128', format: 'CODE_128', text: '270000000154' },
  lookup: {
    name: 'lookup-qr',
    format: 'QR_CODE',
    text: 'https://www.lerarenkaart.be/afhalen?kaart=270000000255',
  },
} as const;

export interface ScanFixtureFile {
  name: string;
  format: 'CODE_128' | 'QR_CODE';
  /** What the code holds. */
  text: string;
  png: string;
  y4m: string;
}

export interface MakeScanVideosOptions {
  /** ffmpeg binary (default 'ffmpeg' on PATH). */
  ffmpeg?: string;
  /** Decode every PNG and video frame again with zxing (default true). */
  verify?: boolean;
}

const FRAME_WIDTH = 640;
const FRAME_HEIGHT = 480;
/** Leave a white margin inside the 640×480 frame, like a card held up to a webcam. */
const MAX_CODE_WIDTH = 560;
const MAX_CODE_HEIGHT = 420;

/** Code 128 of the card number as a PNG: 1 px per module, opaque white background. */
export async function code128Png(text: string = SCAN_FIXTURES.card.text): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 1,
    height: 12, // mm at 72 dpi: ~34 px, scaled up with the rest
    includetext: false,
    paddingwidth: 10, // quiet zone of 10 modules each side
    paddingheight: 4,
    backgroundcolor: 'FFFFFF', // transparent pixels would turn black in yuv420p
  });
}

/** QR code of the look-up URL as a PNG: 1 px per module, 4-module quiet zone. */
export async function qrPng(text: string = SCAN_FIXTURES.lookup.text): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 1 });
}

export async function makeScanVideos(
  outDir: string,
  options: MakeScanVideosOptions = {},
): Promise<ScanFixtureFile[]> {
  const ffmpeg = options.ffmpeg ?? 'ffmpeg';
  await mkdir(outDir, { recursive: true });
  const made: ScanFixtureFile[] = [];
  for (const [fixture, png] of [
    [SCAN_FIXTURES.card, await code128Png()],
    [SCAN_FIXTURES.lookup, await qrPng()],
  ] as const) {
    const pngPath = path.join(outDir, `${fixture.name}.png`);
    const y4mPath = path.join(outDir, `${fixture.name}.y4m`);
    await writeFile(pngPath, png);
    const image = readPngLuminance(png);
    // Whole-pixel scaling with nearest neighbour keeps the bars sharp.
    const factor = Math.max(
      1,
      Math.floor(Math.min(MAX_CODE_WIDTH / image.width, MAX_CODE_HEIGHT / image.height)),
    );
    const filter = [
      `scale=${image.width * factor}:${image.height * factor}:flags=neighbor`,
      `pad=${FRAME_WIDTH}:${FRAME_HEIGHT}:(ow-iw)/2:(oh-ih)/2:white`,
      'format=yuv420p',
    ].join(',');
    await run(ffmpeg, ['-y', '-loglevel', 'error', '-i', pngPath, '-frames:v', '1', '-vf', filter, y4mPath]);
    if (options.verify ?? true) {
      for (const [what, luminance] of [
        ['PNG', image],
        ['video frame', readY4mLuminance(await readFile(y4mPath))],
      ] as const) {
        const read = decodeLuminance(luminance);
        if (read.text !== fixture.text || read.format !== fixture.format) {
          throw new Error(
            `${fixture.name} ${what}: zxing read ${read.format} "${read.text}", expected "${fixture.text}"`,
          );
        }
      }
    }
    made.push({ name: fixture.name, format: fixture.format, text: fixture.text, png: pngPath, y4m: y4mPath });
  }
  return made;
}

/** Grey values, one byte per pixel, row by row. */
export interface LuminanceImage {
  width: number;
  height: number;
  luminance: Uint8ClampedArray;
}

/**
 * A tiny PNG reader: 8-bit greyscale, grey+alpha, RGB, RGBA and palette images (what bwip-js and
 * qrcode write), not interlaced. Transparent pixels are composed onto white.
 */
export function readPngLuminance(png: Uint8Array): LuminanceImage {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let interlace = 0;
  let palette: Buffer | null = null;
  let paletteAlpha: Buffer | null = null;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const chunk = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      bitDepth = chunk[8] ?? 0;
      colourType = chunk[9] ?? 0;
      interlace = chunk[12] ?? 0;
    } else if (type === 'PLTE') palette = chunk;
    else if (type === 'tRNS') paletteAlpha = chunk;
    else if (type === 'IDAT') data.push(chunk);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  if (bitDepth !== 8 || interlace !== 0 || channels === undefined) {
    throw new Error(`unsupported PNG: colour type ${colourType}, depth ${bitDepth}, interlace ${interlace}`);
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = unfilter(raw, height, stride, channels);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r: number;
    let g: number;
    let b: number;
    let a = 255;
    if (colourType === 3) {
      const index = pixels[p] ?? 0;
      r = palette?.[index * 3] ?? 0;
      g = palette?.[index * 3 + 1] ?? 0;
      b = palette?.[index * 3 + 2] ?? 0;
      a = paletteAlpha?.[index] ?? 255;
    } else if (channels <= 2) {
      r = g = b = pixels[p] ?? 0;
      if (channels === 2) a = pixels[p + 1] ?? 255;
    } else {
      r = pixels[p] ?? 0;
      g = pixels[p + 1] ?? 0;
      b = pixels[p + 2] ?? 0;
      if (channels === 4) a = pixels[p + 3] ?? 255;
    }
    const grey = 0.299 * r + 0.587 * g + 0.114 * b;
    luminance[i] = Math.round((grey * a + 255 * (255 - a)) / 255);
  }
  return { width, height, luminance };
}

function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[row - stride + x - bpp] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) predictor = paeth(left, up, upLeft);
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The Y plane of the first frame of a y4m video: exactly the grey image the camera delivers. */
export function readY4mLuminance(y4m: Uint8Array): LuminanceImage {
  const bytes = Buffer.from(y4m.buffer, y4m.byteOffset, y4m.byteLength);
  const headerEnd = bytes.indexOf(0x0a);
  const header = bytes.toString('latin1', 0, headerEnd);
  if (!header.startsWith('YUV4MPEG2 ')) throw new Error('not a y4m video');
  const width = Number(/ W(\d+)/.exec(header)?.[1]);
  const height = Number(/ H(\d+)/.exec(header)?.[1]);
  const frameHeaderEnd = bytes.indexOf(0x0a, headerEnd + 1);
  if (bytes.toString('latin1', headerEnd + 1, headerEnd + 6) !== 'FRAME')
    throw new Error('y4m without a frame');
  const start = frameHeaderEnd + 1;
  return { width, height, luminance: new Uint8ClampedArray(bytes.subarray(start, start + width * height)) };
}

/** Decodes a grey image with zxing's MultiFormatReader, limited to Code 128 and QR like the app. */
export function decodeLuminance(image: LuminanceImage): { text: string; format: string } {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
  ]);
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(image.luminance, image.width, image.height)),
  );
  const result = reader.decode(bitmap, hints);
  return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const outDir = path.resolve(process.argv[2] ?? 'test/fixtures/scan');
  makeScanVideos(outDir).then(
    (files) => {
      for (const file of files)
        console.log(`${file.name}: ${file.format} "${file.text}" → ${file.png}, ${file.y4m}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
