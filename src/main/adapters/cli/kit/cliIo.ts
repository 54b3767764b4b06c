import type { Clock } from '../../../../shared/time/clock';
import { systemClock } from '../../../../shared/time/clock';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** stderr is a terminal: long commands then print their progress there (else only with --progress). */
  errIsTty?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    clock: systemClock,
    errIsTty: process.stderr.isTTY === true,
  };
}

/** A refused command: message for stderr and exit code 1 (or 2 for usage). */
export class CliRefusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_REFUSED,
  ) {
    super(message);
  }
}

export function usageError(message: string): CliRefusal {
  return new CliRefusal(message, EXIT_USAGE);
}
