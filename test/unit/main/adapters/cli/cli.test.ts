import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { initGentStore, runCli } from '../../../../helpers/cli';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { fixture, tempDir } from '../../../../helpers/store';

function setUp(): { db: string; dir: string } {
  const dir = tempDir();
  return { db: path.join(dir, 'balie.sqlite'), dir };
}

describe('the balie command line', () => {
  it('refuses import before init, telling the admin what to run (exit 1)', async () => {
    const { db } = setUp();
    const run = await runCli(['--db', db, 'import', fixture('gent-small.lkb')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/balie init --point/);
  });

  it('imports with a JSON summary that scripts can read', async () => {
    const { db } = setUp();
    expect((await initGentStore(db)).code).toBe(0);
    const run = await runCli(['--db', db, 'import', fixture('gent-small.lkb'), '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out);
    expect(summary).toMatchObject({
      batchId: '2027-BIB-GENT-01',
      added: 60,
      updated: 0,
      unchanged: 0,
      replaced: 0,
    });
    expect(Array.isArray(summary.warnings)).toBe(true);
    expect(typeof summary.revoked).toBe('number');
  });

  it('prints search results as JSON with card, stamboeknummer, names, postcode and status', async () => {
    const { db } = setUp();
    await initGentStore(db);
    await runCli(['--db', db, 'import', fixture('gent-small.lkb')]);
    const run = await runCli(['--db', db, 'search', 'velde', '--json', '--limit', '3']);
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.out) as Record<string, unknown>[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (const key of ['card', 'stamboeknummer', 'voornaam', 'achternaam', 'postcode', 'status']) {
      expect(hits[0]).toHaveProperty(key);
    }
  });

  it('prints stats as JSON with totals and per postcode', async () => {
    const { db } = setUp();
    await initGentStore(db);
    await runCli(['--db', db, 'import', fixture('gent-small.lkb')]);
    const stats = JSON.parse((await runCli(['--db', db, 'stats', '--json'])).out);
    expect(stats.cards).toBe(60);
    expect(stats.waiting + stats.revoked).toBe(60);
    expect(stats.byPostcode.reduce((n: number, p: { cards: number }) => n + p.cards, 0)).toBe(60);
  });

  it('shows the first 50 problems of a bad package and how many more (exit 1)', async () => {
    const { db, dir } = setUp();
    await initGentStore(db);
    const rows = Array.from(
      { length: 70 },
      (_, i) => `${makeCardNumber(2700000001 + i)};12;Jan;Peeters;9000;Gent;;`,
    );
    const file = path.join(dir, 'bad.lkb');
    fs.writeFileSync(file, makeTestPackage({ cardsCsv: [CARDS_HEADER, ...rows, ''].join('\n') }));
    const run = await runCli(['--db', db, 'import', file]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/geweigerd; er is niets gewijzigd/);
    expect(run.err.match(/^ {2}- /gm)).toHaveLength(50);
    expect(run.err).toMatch(/en nog 20 problemen/);
    expect(run.err).toMatch(/regel 2/);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['search'])).code).toBe(2);
    expect((await runCli(['search', 'x', '--bogus'])).code).toBe(2);
  });

  it('makes a demo batch that verifies with the test key and imports', async () => {
    const { db, dir } = setUp();
    const out = path.join(dir, 'demo.lkb');
    expect(
      (await runCli(['demo-batch', '--point', 'BIB-GENT', '--cards', '300', '--out', out, '--seed', '3']))
        .code,
    ).toBe(0);
    await initGentStore(db);
    const run = await runCli(['--db', db, 'import', out, '--json']);
    expect(JSON.parse(run.out).added).toBe(300);
  });

  it('runs as bin/balie from the repository root', () => {
    const root = path.resolve(import.meta.dirname, '../../../../..');
    const run = spawnSync(path.join(root, 'bin', 'balie'), ['--help'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Opdrachten:/);
  });
});

describe('an import once the admin PIN is set', () => {
  it('needs the PIN (from --admin-pin or BALIE_ADMIN_PIN) and changes nothing without it', async () => {
    const { db } = setUp();
    await initGentStore(db);
    expect((await runCli(['--db', db, 'admin-pin', '--new', '482916'])).code).toBe(0);
    const without = await runCli(['--db', db, 'import', fixture('gent-small.lkb')]);
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/beheerderspincode/);
    expect(JSON.parse((await runCli(['--db', db, 'stats', '--json'])).out).cards).toBe(0);
    expect((await runCli(['--db', db, 'import', fixture('gent-small.lkb'), '--preview'])).code).toBe(0);
    expect(
      (await runCli(['--db', db, 'import', fixture('gent-small.lkb'), '--admin-pin', '482916'])).code,
    ).toBe(0);
    expect(JSON.parse((await runCli(['--db', db, 'stats', '--json'])).out).cards).toBe(60);
  });
});

describe('naming this desk', () => {
  it('init takes --desk-name; settings --desk-name renames with the PIN and refuses a bad name in Dutch', async () => {
    const { db } = setUp();
    const init = await runCli([
      '--db',
      db,
      'init',
      '--point',
      'BIB-GENT',
      '--name',
      'De Krook',
      '--issuer-key',
      fixture('issuer-test.pub.pem'),
      '--desk-name',
      'Groepen',
    ]);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/balie Groepen,/);
    expect((await runCli(['--db', db, 'admin-pin', '--new', '482916'])).code).toBe(0);
    const renamed = await runCli(['--db', db, 'settings', '--desk-name', 'Balie 2', '--admin-pin', '482916']);
    expect(renamed.code).toBe(0);
    expect(renamed.out).toMatch(/^Punt: BIB-GENT \(De Krook\), balie Balie 2$/m);
    const bad = await runCli(['--db', db, 'settings', '--desk-name', ' ', '--admin-pin', '482916']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Geef de balie een naam van 1 tot 40 gewone tekens/);
    expect(JSON.parse((await runCli(['--db', db, 'settings', '--json'])).out)).toMatchObject({
      deskName: 'Balie 2',
    });
  });
});
