import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../../../src/main/adapters/cli/main';
import { backupDirFor } from '../../../../../../src/main/platform/paths';
import { openStore } from '../../../../../../src/main/store/openStore';
import { setAdminPin } from '../../../../../../src/main/useCases/admin/adminPin';
import { fixedClock } from '../../../../../../src/shared/time/clock';
import { runCli } from '../../../../../helpers/cli';
import { ADMIN_PIN } from '../../../../../helpers/safetyStore';
import { fixture, tempDir } from '../../../../../helpers/store';

const FIRST_PURGE_DAY = '2027-08-29T22:01:00Z';

async function gentDb(): Promise<{ db: string; dir: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'balie.sqlite');
  const init = ['--db', db, 'init', '--point', 'BIB-GENT', '--name', 'De Krook'];
  expect((await runCli([...init, '--issuer-key', fixture('issuer-test.pub.pem')])).code).toBe(0);
  expect((await runCli(['--db', db, 'import', fixture('gent-small.lkb')])).code).toBe(0);
  const opened = openStore(db);
  if (!opened.ok) throw new Error(opened.error);
  const ctx = {
    db: opened.value,
    clock: fixedClock('2026-12-02T09:30:00Z'),
    dbPath: db,
    backupDir: backupDirFor(db),
  };
  expect(setAdminPin(ctx, ADMIN_PIN, null).ok).toBe(true);
  opened.value.close();
  return { db, dir };
}

/** The CLI as on a terminal: stderr is a TTY. */
async function runOnTerminal(argv: string[], at: string) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: {},
    clock: fixedClock(at),
    errIsTty: true,
  });
  return { code, out, err };
}

/** Each line's words before the count, and its count; the last line of a phase is at its total. */
function phasesOf(stderr: string): string[] {
  const lines = stderr.trim().split('\n');
  const phases: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(.*?): (?:stap )?(\d+) van (\d+)/.exec(line);
    expect(m, line).not.toBeNull();
    const [, words, done, total] = m as unknown as [string, string, string, string];
    expect(Number(done)).toBeLessThanOrEqual(Number(total));
    const next = lines[i + 1];
    if (next === undefined || !next.startsWith(`${words}:`)) {
      expect(done, line).toBe(total);
      phases.push(words);
    }
  }
  return phases;
}

describe('progress lines of the long commands', () => {
  it('restore --progress prints each phase in Dutch on stderr up to its total; stdout as without', async () => {
    const { db, dir } = await gentDb();
    const copy = path.join(dir, 'kopie.sqlite');
    expect((await runCli(['--db', db, 'backup', '--out', copy])).code).toBe(0);
    const quiet = await runCli(['--db', db, 'restore', copy]);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    const shown = await runCli(['--db', db, 'restore', copy, '--progress'], '2026-12-02T09:31:00Z');
    expect(shown.code).toBe(0);
    expect(phasesOf(shown.err)).toEqual([
      'Back-up kopiëren',
      'Back-up controleren',
      'Back-up vooraf',
      'Terugzetten en openen',
    ]);
    expect(shown.out.split('\n')[0]).toBe(quiet.out.split('\n')[0]);
    expect(shown.out).not.toMatch(/van \d+/);
  });

  it('purge on a terminal shows backup, erase of every row and the overwrite of free space', async () => {
    const { db } = await gentDb();
    const run = await runOnTerminal(['--db', db, 'purge', '--admin-pin', ADMIN_PIN], FIRST_PURGE_DAY);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/60 kaarten/);
    expect(phasesOf(run.err)).toEqual([
      'Back-up vooraf',
      'Persoonsgegevens wissen',
      'Vrije ruimte overschrijven',
    ]);
    expect(run.err).toMatch(/^Persoonsgegevens wissen: 60 van 60 rijen \(100%\)$/m);
    expect(run.err.trim().split('\n').at(-1)).toBe('Vrije ruimte overschrijven: stap 3 van 3');
  });

  it('a refused purge prints no progress, only its refusal', async () => {
    const { db } = await gentDb();
    const run = await runOnTerminal(['--db', db, 'purge', '--admin-pin', ADMIN_PIN], '2027-08-29T21:59:00Z');
    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(/van \d+/);
  });
});
