import fs from 'node:fs';

/** Where a Chromium or Chrome may live; BALIE_CHROMIUM wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const wanted = env.BALIE_CHROMIUM;
  if (wanted) return fs.existsSync(wanted) ? wanted : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Prints an HTML document (the group receipt) to an A4 PDF with a local Chromium, using the
 * document's own print stylesheet. Returns false when no browser is available, so the caller can
 * fall back to the HTML file.
 */
export async function htmlToPdf(html: string, outFile: string): Promise<boolean> {
  const executablePath = findChromium();
  if (!executablePath) return false;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return false;
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--headless',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: outFile, format: 'A4', preferCSSPageSize: true, printBackground: false });
    return true;
  } finally {
    await browser.close();
  }
}
