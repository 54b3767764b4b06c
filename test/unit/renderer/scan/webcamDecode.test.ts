import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readY4mLuminance } from '../../../../scripts/make-scan-video';
import { type CorpusCase, makeCorpusCase } from '../../../../scripts/make-webcam-corpus';
import {
  type GreyImage,
  PLAIN_STRATEGY,
  SCAN_STRATEGIES,
  decodeFrame,
  decodeWith,
} from '../../../../src/renderer/scan/webcamDecode';

/** Frames from zint and GNU barcode on a desk, exactly as the fake camera delivers them (the Y plane). */
async function frameOf(c: CorpusCase, dir: string): Promise<GreyImage> {
  const file = await makeCorpusCase(c, dir);
  const image = readY4mLuminance(await readFile(file.y4m));
  return { width: image.width, height: image.height, data: image.luminance };
}

describe('the webcam decoder reads a card on any desk', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'balie-decode-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a straight Code 128 card on a dark desk, where zxing’s plain decode finds nothing', async () => {
    const frame = await frameOf(
      { encoder: 'zint-code128', desk: 'dark', distortion: 'straight', card: '270000000760' },
      dir,
    );
    expect(decodeWith(frame, PLAIN_STRATEGY)).toBeNull();
    const cursor = { next: 0 };
    let read = null;
    // Fake clock: every strategy "costs" 50 ms, so each frame runs exactly one of them.
    for (let i = 0; i < SCAN_STRATEGIES.length && !read; i++) {
      let now = 0;
      read = decodeFrame(frame, cursor, 40, () => (now += 50));
    }
    expect(read?.text).toBe('270000000760');
    expect(read?.format).toBe('CODE_128');
  });

  it('reads a GNU barcode card turned upright on a grey desk once the rotation strategy comes round', async () => {
    const frame = await frameOf(
      { encoder: 'barcode-code128', desk: 'grey', distortion: 'turned90', card: '270000000558' },
      dir,
    );
    const cursor = { next: 0 };
    const reads: string[] = [];
    for (let i = 0; i < SCAN_STRATEGIES.length; i++) {
      let now = 0;
      const read = decodeFrame(frame, cursor, 40, () => (now += 50));
      if (read) reads.push(`${read.text} by ${read.strategy}`);
    }
    expect(reads[0]).toBe('270000000558 by turn90');
  });

  it('spends one frame’s budget, then carries on with the next strategy on the next frame', () => {
    const blank: GreyImage = { width: 320, height: 240, data: new Uint8ClampedArray(320 * 240).fill(200) };
    const cursor = { next: 0 };
    let now = 0;
    // Fake clock, 10 ms per look: two strategies take the frame to its 40 ms budget.
    expect(decodeFrame(blank, cursor, 40, () => (now += 10))).toBeNull();
    expect(cursor.next).toBe(2);
    expect(decodeFrame(blank, cursor, 40, () => (now += 10))).toBeNull();
    expect(cursor.next).toBe(4);
  });

  it('leaves a strategy that usually costs more than the time left for the next frame', () => {
    const blank: GreyImage = { width: 320, height: 240, data: new Uint8ClampedArray(320 * 240).fill(200) };
    const second = SCAN_STRATEGIES[1]?.id ?? '';
    const cursor = { next: 0, costs: new Map([[second, 35]]) };
    let now = 0;
    expect(decodeFrame(blank, cursor, 40, () => (now += 5))).toBeNull();
    expect(cursor.next).toBe(1);
    // The next frame starts with it: the first strategy of a frame always runs.
    expect(decodeFrame(blank, cursor, 40, () => (now += 5))).toBeNull();
    expect(cursor.next).toBeGreaterThan(1);
  });
});
