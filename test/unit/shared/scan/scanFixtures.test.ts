import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScan } from '../../../../src/shared/scan/parseScan';
import {
  SCAN_FIXTURES,
  code128Png,
  decodeLuminance,
  makeScanVideos,
  qrPng,
  readPngLuminance,
} from '../../../../scripts/make-scan-video';

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('webcam test codes are readable before the browser test uses them', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('zxing reads the Code 128 card number from the bwip-js PNG', async () => {
    const image = readPngLuminance(await code128Png());
    expect(decodeLuminance(image)).toEqual({ text: '270000000154', format: 'CODE_128' });
    expect(parseScan(SCAN_FIXTURES.card.text)).toEqual({ kind: 'card', card: '270000000154' });
  });

  it('zxing reads the look-up URL from the qrcode PNG, and it names a valid card', async () => {
    const image = readPngLuminance(await qrPng());
    expect(decodeLuminance(image)).toEqual({ text: SCAN_FIXTURES.lookup.text, format: 'QR_CODE' });
    expect(parseScan(SCAN_FIXTURES.lookup.text)).toEqual({ kind: 'card', card: '270000000255' });
  });

  it.skipIf(!hasFfmpeg())('makeScanVideos writes 640×480 one-frame y4m videos that zxing reads', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scan-video-'));
    dirs.push(dir);
    const files = await makeScanVideos(dir); // verifies PNG and video frame itself, throws otherwise
    expect(files.map((f) => [f.name, f.format, f.text])).toEqual([
      ['card-code128', 'CODE_128', '270000000154'],
      ['lookup-qr', 'QR_CODE', 'https://www.lerarenkaart.be/afhalen?kaart=270000000255'],
    ]);
    for (const file of files) {
      expect(existsSync(file.png)).toBe(true);
      const y4m = await readFile(file.y4m);
      expect(y4m.subarray(0, 40).toString('latin1')).toMatch(/^YUV4MPEG2 W640 H480 /);
      expect(y4m.length).toBeGreaterThan(640 * 480 * 1.5);
    }
  });
});
