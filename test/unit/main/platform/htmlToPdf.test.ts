import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../../src/main/platform/htmlToPdf';
import { initGentStore, runCli } from '../../../helpers/cli';
import { fixture, tempDir } from '../../../helpers/store';

describe('the group receipt from the command line', () => {
  it('is printed to an A4 PDF listing every card and the collector, ready to sign', async () => {
    expect(findChromium(), 'the PDF receipt needs Chromium (.ci/run installs it)').not.toBeNull();
    const dir = tempDir();
    const db = path.join(dir, 'balie.sqlite');
    const cli = (...argv: string[]) => runCli(['--db', db, ...argv]);
    await initGentStore(db);
    await cli('import', fixture('gent-small.lkb'));
    const waiting = (
      JSON.parse((await cli('search', '9040', '--json')).out) as { card: string; status: string }[]
    )
      .filter((c) => c.status === 'waiting')
      .map((c) => c.card)
      .slice(0, 4);
    const pdf = path.join(dir, 'bon.pdf');
    const run = await cli(
      'group',
      '--collector-name',
      'Mieke Vermeulen',
      '--collector-id-note',
      'identiteitskaart 591-1234567-89',
      '--staff',
      'Sofie',
      '--id-checked',
      '--receipt',
      pdf,
      ...waiting,
    );
    expect(run.code, run.err).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Ontvangstbewijs groepsafhaling/);
    expect(text).toContain('Mieke Vermeulen');
    for (const card of waiting) expect(text.replace(/ /g, '')).toContain(card);
    expect(text).toMatch(/Handtekening afhaler/);
  });
});
