import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../../../src/main/platform/htmlToPdf';
import { runCli } from '../../../../helpers/cli';
import { ISSUER_NOW, writeIssuerReports } from '../../../../helpers/issuerReports';
import { tempDir } from '../../../../helpers/store';

function aggregate(keysDir: string, files: string[], ...more: string[]) {
  return runCli(['aggregate', '--keys', keysDir, ...files, ...more], ISSUER_NOW);
}

describe('balie aggregate --format html|pdf --out', () => {
  it('writes one self-contained HTML file with the totals, and nothing on stdout', async () => {
    const dir = tempDir();
    const reports = writeIssuerReports(dir);
    const out = path.join(dir, 'verslag.html');
    const run = await aggregate(reports.keysDir, reports.files, '--format', 'html', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain(`Geschreven: ${out}`);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(
      `data-testid="total-cards">${new Intl.NumberFormat('nl-BE').format(reports.cards)}<`,
    );
    expect(html).toContain('Bib &quot;Permeke&quot; &lt;Antwerpen&gt; &amp; De Coninckplein');
    expect(html).toContain('<tr class="stale"><th scope="row">BIB-NAMEN<');
  });

  it('takes --stale-days, and refuses a bad one without writing anything', async () => {
    const dir = tempDir();
    const reports = writeIssuerReports(dir);
    const out = path.join(dir, 'verslag.html');
    const lenient = await aggregate(
      reports.keysDir,
      reports.files,
      '--format',
      'html',
      '--out',
      out,
      '--stale-days',
      '30',
    );
    expect(lenient.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('class="stale"');
    fs.rmSync(out);
    const bad = await aggregate(
      reports.keysDir,
      reports.files,
      '--format',
      'html',
      '--out',
      out,
      '--stale-days',
      'veel',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--stale-days/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('still writes the file with a broken chain, problems on top, and exits 1 as verify does', async () => {
    const dir = tempDir();
    const reports = writeIssuerReports(dir, { conflict: true });
    const out = path.join(dir, 'verslag.html');
    const run = await aggregate(reports.keysDir, reports.files, '--format', 'html', '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain('de pagina telt BIB-GENT niet mee en zet het probleem bovenaan');
    const html = fs.readFileSync(out, 'utf8');
    expect(html.indexOf('class="problems"')).toBeLessThan(html.indexOf('data-testid="totals"'));
    expect(html).toContain('BIB-GENT-1-rival.lkr.json');
    // Gent is left out until someone decides; the other points are counted.
    const gent = 220 + 90 + 70 + 40;
    expect(html).toContain(
      `data-testid="total-cards">${new Intl.NumberFormat('nl-BE').format(reports.cards - gent)}<`,
    );
    // The table formats keep today's rule: nothing merged, nothing written.
    const csv = path.join(dir, 'verslag.csv');
    expect((await aggregate(reports.keysDir, reports.files, '--format', 'csv', '--out', csv)).code).toBe(1);
    expect(fs.existsSync(csv)).toBe(false);
    expect(
      (await aggregate(reports.keysDir, reports.files, '--format', 'html', '--out', out, '--allow-conflicts'))
        .code,
    ).toBe(0);
  });

  it('--out works for the other formats; without it they go to stdout', async () => {
    const dir = tempDir();
    const reports = writeIssuerReports(dir);
    const csv = path.join(dir, 'verslag.csv');
    const toFile = await aggregate(reports.keysDir, reports.files, '--format', 'csv', '--out', csv);
    const toStdout = await aggregate(reports.keysDir, reports.files, '--format', 'csv');
    expect(toFile.out).toBe('');
    expect(fs.readFileSync(csv, 'utf8')).toBe(toStdout.out);
    expect(toStdout.out).toMatch(/^key;cards;collected;percent\nAntwerpen;/);
    const html = await aggregate(reports.keysDir, reports.files, '--format', 'html');
    expect(html.out).toMatch(/^<!doctype html>/);
  });

  it('--format pdf needs --out and prints the page to a PDF with Chromium', async () => {
    const dir = tempDir();
    const reports = writeIssuerReports(dir);
    const noOut = await aggregate(reports.keysDir, reports.files, '--format', 'pdf');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--format pdf heeft --out BESTAND.pdf nodig.');
    if (!findChromium()) return; // the PDF half needs the browser; the fallback is the receipt's.
    const out = path.join(dir, 'verslag.pdf');
    const run = await aggregate(reports.keysDir, reports.files, '--format', 'pdf', '--out', out);
    expect(run.code).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
