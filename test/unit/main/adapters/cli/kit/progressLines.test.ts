import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gentCliStore, runCli } from '../../../../../helpers/cli';
import { ADMIN_PIN } from '../../../../../helpers/safetyStore';

const FIRST_PURGE_DAY = '2027-08-29T22:01:00Z';

/** The CLI as on a terminal: stderr is a TTY. */
function runOnTerminal(argv: string[], at: string) {
  return runCli(argv, at, {}, { errIsTty: true });
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
    const { db, dir } = await gentCliStore(ADMIN_PIN);
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
    const { db } = await gentCliStore(ADMIN_PIN);
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
    const { db } = await gentCliStore(ADMIN_PIN);
    const run = await runOnTerminal(['--db', db, 'purge', '--admin-pin', ADMIN_PIN], '2027-08-29T21:59:00Z');
    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(/van \d+/);
  });
});
