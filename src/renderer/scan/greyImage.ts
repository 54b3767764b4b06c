/** Grey pixel work for the webcam decoder, without the DOM (runs under Node in tests and the bench). */

/** Grey values, one byte per pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A rectangle of the frame to look at, possibly turned, sampled at `zoom` output px per frame px. */
export interface Region {
  centreX: number;
  centreY: number;
  /** Size of the output image. */
  width: number;
  height: number;
  /** Degrees the region is turned by (counter-clockwise in the output). */
  angle: number;
  zoom: number;
}

/** Bilinear sample of the frame at (x, y); outside the frame is white, a quiet zone. */
function at(frame: GreyImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const w = frame.width;
  if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= frame.height) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * w + x0;
  const d = frame.data;
  const top = (d[i] ?? 0) * (1 - fx) + (d[i + 1] ?? 0) * fx;
  const bottom = (d[i + w] ?? 0) * (1 - fx) + (d[i + w + 1] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The whole region as an image (for QR, which needs two dimensions). */
export function sampleRegion(frame: GreyImage, region: Region): GreyImage {
  const out = new Uint8ClampedArray(region.width * region.height);
  for (let v = 0; v < region.height; v++) sampleLineInto(frame, region, v, 0, out, v * region.width);
  return { width: region.width, height: region.height, data: out };
}

/**
 * Line `v` of the region, averaged with the lines up to `spread` px above and below it: several
 * looks at the same bars smooth sensor noise without blurring across them (bars cross the line).
 */
export function sampleLine(frame: GreyImage, region: Region, v: number, spread: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(region.width);
  if (spread === 0) {
    sampleLineInto(frame, region, v, 0, out, 0);
    return out;
  }
  const sum = new Float32Array(region.width);
  const scratch = new Uint8ClampedArray(region.width);
  for (let dv = -spread; dv <= spread; dv++) {
    sampleLineInto(frame, region, v, dv, scratch, 0);
    for (let u = 0; u < region.width; u++) sum[u] = (sum[u] ?? 0) + (scratch[u] ?? 0);
  }
  for (let u = 0; u < region.width; u++) out[u] = (sum[u] ?? 0) / (2 * spread + 1);
  return out;
}

function sampleLineInto(
  frame: GreyImage,
  region: Region,
  v: number,
  dv: number,
  out: Uint8ClampedArray,
  offset: number,
): void {
  const rad = (region.angle * Math.PI) / 180;
  const cos = Math.cos(rad) / region.zoom;
  const sin = Math.sin(rad) / region.zoom;
  const dy = v + dv - region.height / 2;
  for (let u = 0; u < region.width; u++) {
    const dx = u - region.width / 2;
    out[offset + u] = at(frame, region.centreX + dx * cos - dy * sin, region.centreY + dx * sin + dy * cos);
  }
}

/**
 * Local contrast normalisation along a line: every pixel against the mean and spread of the
 * `radius` px around it. The card's white and the desk's grey or black then both sit around the
 * middle, and bars on the card swing the same way anywhere, so one row threshold fits all of it.
 */
export function normaliseLine(line: Uint8ClampedArray, radius: number): Uint8ClampedArray {
  const n = line.length;
  const sum = new Float64Array(n + 1);
  const squares = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const value = line[i] ?? 0;
    sum[i + 1] = (sum[i] ?? 0) + value;
    squares[i + 1] = (squares[i] ?? 0) + value * value;
  }
  const out = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - radius);
    const to = Math.min(n, i + radius + 1);
    const count = to - from;
    const mean = ((sum[to] ?? 0) - (sum[from] ?? 0)) / count;
    const variance = ((squares[to] ?? 0) - (squares[from] ?? 0)) / count - mean * mean;
    // A floor on the spread keeps flat stretches (desk, card margin) flat instead of amplified noise.
    out[i] = 128 + (64 * ((line[i] ?? 0) - mean)) / Math.max(Math.sqrt(Math.max(0, variance)), 12);
  }
  return out;
}

/** RGBA pixels (canvas ImageData) to grey, with the weights of the camera's Y plane (BT.601). */
export function greyFromRgba(rgba: Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
  }
  return { width, height, data };
}
