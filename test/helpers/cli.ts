import { main } from '../../src/main/adapters/cli/main';
import { fixedClock } from '../../src/shared/time/clock';
import path from 'node:path';
import { expect } from 'vitest';
import { backupDirFor } from '../../src/main/platform/paths';
import { openStore } from '../../src/main/store/openStore';
import { setAdminPin } from '../../src/main/useCases/admin/adminPin';
import { fixture, tempDir } from './store';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the real CLI in-process with a fixed clock and captured output. */
export async function runCli(
  argv: string[],
  at = '2026-12-02T09:30:00Z',
  env: Record<string, string | undefined> = {},
  options: { errIsTty?: boolean } = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    env,
    clock: fixedClock(at),
    ...(options.errIsTty ? { errIsTty: true } : {}),
  });
  return { code, out, err };
}

/** `balie init` of a Gent store with the test issuer key, as most CLI tests begin. */
export function initGentStore(db: string, at?: string): Promise<CliRun> {
  return runCli(
    [
      '--db',
      db,
      'init',
      '--point',
      'BIB-GENT',
      '--name',
      'De Krook',
      '--issuer-key',
      fixture('issuer-test.pub.pem'),
    ],
    at,
  );
}

/** A Gent point set up and filled through the CLI (init, gent-small.lkb), with an admin PIN. */
export async function gentCliStore(adminPin: string): Promise<{ db: string; dir: string }> {
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
  expect(setAdminPin(ctx, adminPin, null).ok).toBe(true);
  opened.value.close();
  return { db, dir };
}
