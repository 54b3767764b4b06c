import fs from 'node:fs';
import { BrowserWindow } from 'electron';

/**
 * The shell's own Chromium prints a page of ours (the Overzicht) to an A4 PDF: no browser to find
 * and no playwright-core, which the packaged app does not ship. A hidden window with scripts off
 * (the page has none) and its own CSP; destroyed afterwards whatever happens.
 */
export async function electronPrintPdf(html: string, outFile: string): Promise<boolean> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true });
    fs.writeFileSync(outFile, pdf);
    return true;
  } catch {
    return false;
  } finally {
    win.destroy();
  }
}
