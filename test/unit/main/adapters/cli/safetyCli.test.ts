import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../../src/main/adapters/cli/main';
import { backupDirFor } from '../../../../../src/main/platform/paths';
import { listBackups } from '../../../../../src/main/store/backup';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { gentCliStore, runCli } from '../../../../helpers/cli';
import { ADMIN_PIN, sha256File } from '../../../../helpers/safetyStore';

/** runCli with environment variables (the admin PIN may come from BALIE_ADMIN_PIN). */
async function runWithEnv(argv: string[], env: NodeJS.ProcessEnv, at: string) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env,
    clock: fixedClock(at),
  });
  return { code, out, err };
}

describe('balie backup, restore, leftovers and purge', () => {
  it('backup writes a file (exit 0) and refuses to overwrite one (exit 1)', async () => {
    const { db, dir } = await gentCliStore(ADMIN_PIN);
    const run = await runCli(['--db', db, 'backup']);
    expect(run.code).toBe(0);
    expect(listBackups(backupDirFor(db), 'manual')).toHaveLength(1);
    const out = path.join(dir, 'kopie.sqlite');
    expect((await runCli(['--db', db, 'backup', '--out', out])).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const again = await runCli(['--db', db, 'backup', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/bestaat al/);
  });

  it('restore puts a backup back (exit 0), refuses a bad file (exit 1), needs a file (exit 2)', async () => {
    const { db, dir } = await gentCliStore(ADMIN_PIN);
    const out = path.join(dir, 'kopie.sqlite');
    await runCli(['--db', db, 'backup', '--out', out]);
    const ok = await runCli(['--db', db, 'restore', out]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Teruggezet: .*60 kaarten/);
    expect(ok.out).toMatch(/vóór het terugzetten is bewaard/);

    const junk = path.join(dir, 'foto.sqlite');
    fs.writeFileSync(junk, 'geen database');
    const before = sha256File(db);
    const refused = await runCli(['--db', db, 'restore', junk]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/geen back-up van Lerarenkaart Balie; er is niets gewijzigd/);
    expect(sha256File(db)).toBe(before);
    expect((await runCli(['--db', db, 'restore'])).code).toBe(2);
  });

  it('leftovers lists and exports without names, and mark-returned follows the last day', async () => {
    const { db, dir } = await gentCliStore(ADMIN_PIN);
    const csv = path.join(dir, 'terug.csv');
    const list = await runCli(['--db', db, 'leftovers', '--csv', csv]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/Niet afgehaald: \d+ kaarten/);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).toMatch(/^\uFEFFkaartnummer;postcode;gemeente;batchId\r\n/);
    expect(text).not.toMatch(/Pieter|Velde|77886501365/);

    expect((await runCli(['--db', db, 'leftovers', '--staff', 'Els'])).code).toBe(2);
    expect((await runCli(['--db', db, 'leftovers', '--mark-returned'])).code).toBe(2);
    const early = await runCli(['--db', db, 'leftovers', '--mark-returned', '--staff', 'Els']);
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/laatste afhaaldag is 30-06-2027/);

    const lastDay = '2027-06-30T15:00:00Z';
    const done = await runCli(['--db', db, 'leftovers', '--mark-returned', '--staff', 'Els'], lastDay);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/gemarkeerd als teruggestuurd/);
    // The command made the daily backup first.
    const daily = listBackups(backupDirFor(db), 'daily').map((f) => path.basename(f));
    expect(daily.filter((f) => f.startsWith('balie-daily-20270630-'))).toHaveLength(1);
    const again = await runCli(['--db', db, 'leftovers', '--mark-returned', '--staff', 'Els'], lastDay);
    expect(again.out).toMatch(/Geen kaarten meer/);
  });

  it('purge needs the PIN (exit 2 without), waits for the retention period (exit 1), takes it from BALIE_ADMIN_PIN', async () => {
    const { db } = await gentCliStore(ADMIN_PIN);
    const noPin = await runWithEnv(['--db', db, 'purge'], {}, '2027-09-01T10:00:00Z');
    expect(noPin.code).toBe(2);
    expect(noPin.err).toMatch(/BALIE_ADMIN_PIN/);
    const early = await runCli(['--db', db, 'purge', '--admin-pin', ADMIN_PIN], '2027-07-15T10:00:00Z');
    expect(early.code).toBe(1);
    expect(early.err).toMatch(/vanaf 30-08-2027/);
    const wrong = await runWithEnv(
      ['--db', db, 'purge'],
      { BALIE_ADMIN_PIN: '918273' },
      '2027-09-01T10:00:00Z',
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Verkeerde beheerderspincode/);
    const done = await runWithEnv(
      ['--db', db, 'purge'],
      { BALIE_ADMIN_PIN: ADMIN_PIN },
      '2027-09-01T10:00:00Z',
    );
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Persoonsgegevens gewist: 60 kaarten/);
    expect(done.out).toMatch(/bevatten nog namen/);
    const search = await runCli(['--db', db, 'search', 'velde', '--json']);
    expect(JSON.parse(search.out)).toEqual([]);
    const stats = JSON.parse((await runCli(['--db', db, 'stats', '--json'])).out);
    expect(stats.cards).toBe(60);
  });
});
