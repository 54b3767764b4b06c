import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initGentStore, runCli } from '../../../../helpers/cli';
import { fixture, tempDir } from '../../../../helpers/store';

const AT = '2026-12-02T09:30:00Z';

describe('a day at the desk, from the command line', () => {
  it('hands out, collects a group with a receipt, voids, reports, and the issuer verifies and merges', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'balie.sqlite');
    const cli = (...argv: string[]) => runCli(['--db', db, ...argv], AT);
    expect((await initGentStore(db, AT)).code).toBe(0);
    expect((await cli('import', fixture('gent-small.lkb'))).code).toBe(0);
    const waiting = JSON.parse((await cli('search', '9000', '--json', '--limit', '100')).out).filter(
      (c: { status: string }) => c.status === 'waiting',
    ) as { card: string; stamboeknummer: string }[];
    expect(waiting.length).toBeGreaterThan(12);
    const [first, collector, ...rest] = waiting;

    // Hand out, then the same card again: refused with when and by whom.
    expect((await cli('handout', first!.card, '--staff', 'Sofie')).code).toBe(1);
    expect((await cli('handout', first!.card, '--staff', 'Sofie', '--id-checked')).code).toBe(0);
    const again = await runCli(
      ['--db', db, 'handout', first!.card, '--staff', 'Jonas', '--id-checked'],
      '2026-12-02T10:00:00Z',
    );
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Al afgehaald op 02-12-2026 om 10:30 \(Balie 1, Sofie, zelf\)/);

    // A group of 10 with a printed receipt.
    const receipt = path.join(dir, 'receipt.html');
    const group = rest.slice(0, 10).map((c) => c.card);
    const g = await cli(
      'group',
      '--collector',
      collector!.stamboeknummer,
      '--staff',
      'Sofie',
      '--id-checked',
      '--receipt',
      receipt,
      ...group,
    );
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/^Groep G1-0001: 10 kaarten afgegeven om /);
    const html = fs.readFileSync(receipt, 'utf8');
    for (const card of group) expect(html.replace(/\s/g, '')).toContain(card);
    expect(html).toContain('<dd class="mono">G1-0001</dd>');
    expect(html).toContain('<dd>Balie 1</dd>');

    // A group with one card already collected is refused whole.
    const bad = await cli(
      'group',
      '--collector',
      collector!.stamboeknummer,
      '--staff',
      'Sofie',
      '--id-checked',
      first!.card,
      rest[11]!.card,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(new RegExp(`${first!.card}: Al afgehaald`));

    // Void the single hand-out the same day.
    expect((await cli('void', first!.card, '--reason', 'vergissing', '--staff', 'Sofie')).code).toBe(0);
    const stats = JSON.parse((await cli('stats', '--json')).out);
    expect(stats.collected).toBe(10);

    // Report, export key, issuer verifies and aggregates.
    const reportFile = path.join(dir, 'BIB-GENT-1.lkr.json');
    expect((await cli('report', '--out', reportFile)).code).toBe(0);
    const keysDir = path.join(dir, 'issuer-keys');
    fs.mkdirSync(keysDir);
    expect((await cli('keys', '--export', path.join(keysDir, 'BIB-GENT.pub.pem'))).code).toBe(0);
    const reportText = fs.readFileSync(reportFile, 'utf8');
    const payload = Buffer.from(JSON.parse(reportText).payload, 'base64').toString('utf8');
    expect(payload).not.toMatch(/Pieter|Janssens|Van de Velde/);
    for (const c of waiting) expect(payload).not.toContain(c.stamboeknummer);
    expect((await runCli(['verify', reportFile, '--keys', keysDir])).code).toBe(0);
    const agg = await runCli([
      'aggregate',
      '--keys',
      keysDir,
      reportFile,
      '--by',
      'point',
      '--format',
      'json',
    ]);
    expect(agg.code).toBe(0);
    expect(JSON.parse(agg.out)).toEqual([
      expect.objectContaining({
        key: 'BIB-GENT',
        cards: 60,
        collected: 10,
        percent: expect.closeTo(16.7, 1),
      }),
    ]);

    // A second report chains to the first; a tampered copy is refused, the other still counted.
    const second = path.join(dir, 'BIB-GENT-2.lkr.json');
    expect((await cli('report', '--out', second)).code).toBe(0);
    const tampered = path.join(dir, 'tampered.lkr.json');
    fs.writeFileSync(
      tampered,
      reportText.replace(/"sig": "(.)/, (_m, ch: string) => `"sig": "${ch === 'A' ? 'B' : 'A'}`),
    );
    const mixed = await runCli([
      'aggregate',
      '--keys',
      keysDir,
      reportFile,
      second,
      tampered,
      '--format',
      'json',
    ]);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toMatch(/tampered\.lkr\.json: geweigerd/);
    expect(JSON.parse(mixed.out)[0]).toMatchObject({ key: 'Oost-Vlaanderen', collected: 10 });

    expect((await cli('audit', 'verify')).code).toBe(0);
  });
});
