import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlaywrightWorkerArgs } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { type CorpusCase, makeCorpusCase } from '../../scripts/make-webcam-corpus';
import { FIXTURES, expect, openDesk, test } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';

/**
 * The webcam path for real: Chromium's fake capture device plays a one-frame video of a printed
 * code, and the app's own zxing code reads it. Videos made by scripts/make-scan-video.ts.
 */
async function withCamera(playwright: PlaywrightWorkerArgs['playwright'], desk: DeskServer, video: string) {
  return withCameraFile(playwright, desk, path.join(FIXTURES, 'scan', video));
}

async function withCameraFile(playwright: PlaywrightWorkerArgs['playwright'], desk: DeskServer, y4m: string) {
  const browser = await playwright.chromium.launch({
    executablePath: process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--headless',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
  const page = await browser.newPage({ locale: 'nl-BE', timezoneId: 'America/Anchorage' });
  await openDesk(page, desk);
  await page.getByText('Camera gebruiken als scanner').click();
  await page.getByRole('button', { name: 'Camera starten' }).click();
  return { browser, page };
}

test('a card held up to the webcam (Code 128) opens it: Pieter Van de Velde, ready to hand out', async ({
  playwright,
  desk,
}) => {
  const { browser, page } = await withCamera(playwright, desk, 'card-code128.y4m');
  try {
    await expect(page.locator('.verdict')).toContainText('Klaar om af te geven', { timeout: 20_000 });
    await expect(page.locator('main')).toContainText('2700 0000 0154');
    await expect(page.locator('main')).toContainText('Van de Velde');
  } finally {
    await browser.close();
  }
});

test('the QR code of the online look-up, shown to the webcam, opens the card it names', async ({
  playwright,
  desk,
}) => {
  const { browser, page } = await withCamera(playwright, desk, 'lookup-qr.y4m');
  try {
    await expect(page.locator('main')).toContainText('2700 0000 0255', { timeout: 20_000 });
    await expect(page.locator('.verdict')).toBeVisible();
  } finally {
    await browser.close();
  }
});

/**
 * Codes from encoders the app does not use (zint, GNU barcode, qrencode) on a card label, laid on
 * a desk with ImageMagick and played by the fake camera (scripts/make-webcam-corpus.ts). The full
 * matrix and its read rate are in scripts/webcam-read-rate.ts; this is the fixed slice.
 */
const DESK_SLICE: {
  title: string;
  case: CorpusCase;
  formatted: string;
  name: string;
  screenshot?: string;
}[] = [
  {
    title: 'a zint Code 128 card on a light desk',
    case: { encoder: 'zint-code128', desk: 'light', distortion: 'straight', card: '270000000457' },
    formatted: '2700 0000 0457',
    name: 'Peeters',
  },
  {
    title: 'a GNU barcode Code 128 card on a mid-grey desk',
    case: { encoder: 'barcode-code128', desk: 'grey', distortion: 'straight', card: '270000000558' },
    formatted: '2700 0000 0558',
    name: 'Van der Linden',
    screenshot: 'test-results/screens/webcam-kader.png',
  },
  {
    title: 'a zint Code 128 card on a dark desk',
    case: { encoder: 'zint-code128', desk: 'dark', distortion: 'straight', card: '270000000760' },
    formatted: '2700 0000 0760',
    name: 'Goossens',
  },
  {
    title: 'a zint Code 128 card tilted 8°, blurred and noisy on a grey desk',
    case: { encoder: 'zint-code128', desk: 'grey', distortion: 'tilt-blur-noise', card: '270000000861' },
    formatted: '2700 0000 0861',
    name: 'Pauwels',
  },
  {
    title: 'a qrencode look-up QR on a dark desk',
    case: { encoder: 'qrencode-qr', desk: 'dark', distortion: 'straight', card: '270000000255' },
    formatted: '2700 0000 0255',
    name: 'Janssens',
  },
];

for (const slice of DESK_SLICE) {
  test(`${slice.title}, held in the aiming frame, opens that card`, async ({ playwright, desk }) => {
    test.setTimeout(120_000); // a shared 2-core CI machine: Chromium, the server and ImageMagick
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-webcam-'));
    try {
      const file = await makeCorpusCase(slice.case, dir);
      const { browser, page } = await withCameraFile(playwright, desk, file.y4m);
      try {
        await expect(page.getByText('Houd de streepjescode in het kader')).toBeVisible();
        await expect(page.locator('main')).toContainText(slice.formatted, { timeout: 45_000 });
        await expect(page.locator('main')).toContainText(slice.name);
        await expect(page.locator('.verdict')).toContainText('Klaar om af te geven');
        if (slice.screenshot) await page.locator('.webcam-section').screenshot({ path: slice.screenshot });
      } finally {
        await browser.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
