import { main } from '../../src/main/adapters/cli/main';
import { fixedClock } from '../../src/shared/time/clock';
import { fixture } from './store';

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
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    env,
    clock: fixedClock(at),
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
