import path from 'node:path';
import type { PlaywrightWorkerArgs } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { FIXTURES, expect, openDesk, test } from './deskServer';
import type { DeskServer } from './deskServer';

/**
 * The webcam path for real: Chromium's fake capture device plays a one-frame video of a printed
 * code, and the app's own zxing code reads it. Videos made by scripts/make-scan-video.ts.
 */
async function withCamera(playwright: PlaywrightWorkerArgs['playwright'], desk: DeskServer, video: string) {
  const browser = await playwright.chromium.launch({
    executablePath: process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--headless',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${path.join(FIXTURES, 'scan', video)}`,
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
