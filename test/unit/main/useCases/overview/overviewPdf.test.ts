import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPostcodeCells } from '../../../../../src/main/platform/postcodeCells';
import { exportOverviewPdf } from '../../../../../src/main/useCases/overview/overviewPdf';
import { testStore } from '../../../../helpers/store';

const places = new Map([['9000', { plaats: 'Gent', lat: 51.05, lon: 3.72 }]]);

describe('exporting the Overzicht as a PDF', () => {
  it('prints the page, keeps the file in the reports folder and names it after point and day', async () => {
    const ctx = testStore();
    const saveDir = path.join(ctx.dir, 'reports');
    const printed: string[] = [];
    const result = await exportOverviewPdf(ctx, places, loadPostcodeCells(), 'nl', {
      saveDir,
      print: async (html, outFile) => {
        printed.push(html);
        fs.writeFileSync(outFile, '%PDF-1.7 fake');
        return true;
      },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        fileName: 'overzicht-BIB-GENT-2026-12-02.pdf',
        contentBase64: Buffer.from('%PDF-1.7 fake').toString('base64'),
        savedTo: path.join(saveDir, 'overzicht-BIB-GENT-2026-12-02.pdf'),
      },
    });
    expect(printed[0]).toContain('<h1>Overzicht — Testpunt</h1>');
  });

  it('says pdf_unavailable when no browser can print, and keeps nothing', async () => {
    const ctx = testStore();
    const saveDir = path.join(ctx.dir, 'reports');
    const result = await exportOverviewPdf(ctx, places, loadPostcodeCells(), 'en', {
      saveDir,
      print: async () => false,
    });
    expect(result).toEqual({ ok: false, error: 'pdf_unavailable' });
    expect(fs.readdirSync(saveDir)).toEqual([]);
  });
});
